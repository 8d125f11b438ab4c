import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PgError } from '../../protocol/pg-error.js';
import { readStartupParameters } from './startup-parameters.js';

/** assert.throws predicate: a FATAL PgError with this SQLSTATE, whose message matches. */
const fatal = (code: string, message?: RegExp) => (err: unknown) => {
  assert.ok(err instanceof PgError, `expected a PgError, got ${String(err)}`);
  assert.equal(err.code, code);
  assert.equal(err.severity, 'FATAL');
  if (message) assert.match(err.message, message);
  return true;
};

describe('readStartupParameters', () => {
  it('requires a user name (28000, FATAL)', () => {
    assert.throws(() => readStartupParameters({ database: 'postgres' }), fatal('28000', /no PostgreSQL user name specified/));
    assert.throws(() => readStartupParameters({ user: '', database: 'postgres' }), fatal('28000'));
  });

  it('defaults the database to the user name', () => {
    assert.equal(readStartupParameters({ user: 'alice' }).database, 'alice');
    // libpq sends an empty database when none was given: that too means "same as the user".
    assert.equal(readStartupParameters({ user: 'alice', database: '' }).database, 'alice');
    assert.equal(readStartupParameters({ user: 'alice', database: 'shop' }).database, 'shop');
  });

  it('keeps other parameters as settings, without user, database or replication', () => {
    const request = readStartupParameters({
      user: 'alice', database: 'shop', replication: 'false', application_name: 'psql', client_encoding: 'UTF8',
    });
    assert.equal(request.user, 'alice');
    assert.deepEqual(request.settings, { application_name: 'psql', client_encoding: 'UTF8' });
    assert.deepEqual(request.protocolOptions, []);
  });

  it('reads `-c name=value` from options', () => {
    const { settings } = readStartupParameters({ user: 'u', options: '-c statement_timeout=100ms -c search_path=public' });
    assert.deepEqual(settings, { statement_timeout: '100ms', search_path: 'public' });
  });

  it('reads `-cname=value` (no space) from options', () => {
    const { settings } = readStartupParameters({ user: 'u', options: '-cstatement_timeout=5s' });
    assert.deepEqual(settings, { statement_timeout: '5s' });
  });

  it('reads `--name=value`, turning dashes in the name into underscores (not in the value)', () => {
    const { settings } = readStartupParameters({ user: 'u', options: '--statement-timeout=5s --application-name=my-app' });
    assert.deepEqual(settings, { statement_timeout: '5s', application_name: 'my-app' });
  });

  it('turns dashes into underscores for `-c` names too, as PostgreSQL does', () => {
    const { settings } = readStartupParameters({ user: 'u', options: '-c lock-timeout=1s' });
    assert.deepEqual(settings, { lock_timeout: '1s' });
  });

  it('keeps everything after the first = as the value', () => {
    const { settings } = readStartupParameters({ user: 'u', options: '-c application_name=a=b' });
    assert.deepEqual(settings, { application_name: 'a=b' });
  });

  it('splits on any run of unescaped whitespace', () => {
    const { settings } = readStartupParameters({ user: 'u', options: '  -c\ta=1 \n  -c   b.c=2  ' });
    assert.deepEqual(settings, { a: '1', 'b.c': '2' });
  });

  it('honours backslash escapes: `\\ ` is a space inside a value, `\\\\` a backslash', () => {
    const { settings } = readStartupParameters({ user: 'u', options: '-c application_name=my\\ app\\ name -c x.y=back\\\\slash' });
    assert.deepEqual(settings, { application_name: 'my app name', 'x.y': 'back\\slash' });
  });

  it('merges options with the other parameters', () => {
    const { settings } = readStartupParameters({ user: 'u', application_name: 'psql', options: '-c statement_timeout=1s' });
    assert.deepEqual(settings, { application_name: 'psql', statement_timeout: '1s' });
  });

  it('an empty or blank options string sets nothing', () => {
    assert.deepEqual(readStartupParameters({ user: 'u', options: '' }).settings, {});
    assert.deepEqual(readStartupParameters({ user: 'u', options: '   ' }).settings, {});
  });

  it('collects `_pq_.` protocol options apart from the settings', () => {
    const request = readStartupParameters({ user: 'u', '_pq_.compression': 'on', '_pq_.other': 'x', application_name: 'a' });
    assert.deepEqual(request.protocolOptions, ['_pq_.compression', '_pq_.other']);
    assert.deepEqual(request.settings, { application_name: 'a' });
  });

  it('rejects malformed options with a FATAL 42601 naming the offending switch', () => {
    // Same codes and (for these) the same messages as PostgreSQL 15 gives for these options.
    const bad: Array<[string, RegExp]> = [
      ['statement_timeout=1s', /invalid command-line argument for server process: statement_timeout=1s/], // no switch
      ['-c', /invalid command-line argument for server process: -c$/], // -c with nothing after it
      ['-x foo=bar', /invalid command-line argument for server process: -x$/], // a switch we do not know
      // PostgreSQL says "-c statement_timeout requires a value" / "--statement_timeout requires a value";
      // only the code and the switch are pinned here.
      ['-c statement_timeout', /-c/],
      ['--statement_timeout', /--statement_timeout/],
    ];
    for (const [options, message] of bad) {
      assert.throws(
        () => readStartupParameters({ user: 'u', options }),
        fatal('42601', message),
        `options=${JSON.stringify(options)}`,
      );
    }
  });

  it('rejects an assignment with an empty name (FATAL)', () => {
    // PostgreSQL reports 42704 (unrecognized parameter ""); any FATAL refusal keeps the session from starting.
    assert.throws(() => readStartupParameters({ user: 'u', options: '-c =1s' }), (err: unknown) => {
      assert.ok(err instanceof PgError);
      assert.equal(err.severity, 'FATAL');
      return true;
    });
  });
});
