import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PgError } from '../protocol/pg-error.js';
import { SessionSettings, parseDuration } from './session-settings.js';

/**
 * SessionSettings against PostgreSQL 15's GUC semantics. Where the expected value is not obvious
 * it was checked against a real PostgreSQL 15 server (noted on the test).
 */

const outside = { local: false, inTransaction: false };
const inTx = { local: false, inTransaction: true };
const localInTx = { local: true, inTransaction: true };

/** assert.throws predicate: a PgError with this SQLSTATE. */
const pgCode = (code: string) => (err: unknown) => {
  assert.ok(err instanceof PgError, `expected a PgError, got ${String(err)}`);
  assert.equal(err.code, code);
  return true;
};

describe('SessionSettings defaults', () => {
  it('reports a PostgreSQL 15 server version', () => {
    const s = new SessionSettings();
    assert.match(s.get('server_version'), /^15\.\d+$/);
    assert.match(s.get('server_version_num'), /^1500\d\d$/);
  });

  it('has the defaults clients rely on at startup', () => {
    const s = new SessionSettings();
    assert.equal(s.get('TimeZone'), 'UTC');
    assert.equal(s.get('DateStyle'), 'ISO, MDY');
    assert.equal(s.get('client_encoding'), 'UTF8');
    assert.equal(s.get('server_encoding'), 'UTF8');
    assert.equal(s.get('integer_datetimes'), 'on');
    assert.equal(s.get('standard_conforming_strings'), 'on');
    assert.equal(s.get('statement_timeout'), '0');
  });

  it('looks names up case-insensitively, and through aliases', () => {
    const s = new SessionSettings();
    assert.equal(s.get('timezone'), 'UTC');
    assert.equal(s.get('TIMEZONE'), 'UTC');
    assert.equal(s.get('datestyle'), 'ISO, MDY');
    // SET TIME ZONE / SET NAMES are spelled this way by the parser.
    assert.equal(s.get('time zone'), 'UTC');
    assert.equal(s.get('names'), 'UTF8');
  });

  it('takes startup values through the constructor, normalized', () => {
    const s = new SessionSettings({ application_name: 'psql', client_encoding: 'utf-8', statement_timeout: '5s' });
    assert.equal(s.get('application_name'), 'psql');
    assert.equal(s.get('client_encoding'), 'UTF8');
    assert.equal(s.get('statement_timeout'), '5000');
  });

  it('rejects unknown startup names with 42704', () => {
    assert.throws(() => new SessionSettings({ no_such_setting: '1' }), pgCode('42704'));
  });

  it('accepts custom a.b names from startup options, as PostgreSQL does (options=-c my.opt=v)', () => {
    // PostgreSQL 15 accepts `-c my.opt=v` at startup and SHOW my.opt gives 'v'.
    const s = new SessionSettings({ 'my.opt': 'v' });
    assert.equal(s.tryGet('my.opt'), 'v');
  });
});

describe('SessionSettings SET and RESET', () => {
  it('SET changes a value and RESET (null) restores the default', () => {
    const s = new SessionSettings();
    const def = s.set('application_name', 'app', outside);
    assert.equal(def?.name, 'application_name');
    assert.equal(def?.report, true);
    assert.equal(s.get('application_name'), 'app');
    s.set('application_name', null, outside);
    assert.equal(s.get('application_name'), '');
  });

  it('SET normalizes values (booleans, encodings) and rejects bad ones with 22023', () => {
    const s = new SessionSettings();
    s.set('standard_conforming_strings', 'TRUE', outside);
    assert.equal(s.get('standard_conforming_strings'), 'on');
    s.set('client_encoding', 'unicode', outside);
    assert.equal(s.get('client_encoding'), 'UTF8');
    assert.throws(() => s.set('standard_conforming_strings', 'maybe', outside), pgCode('22023'));
    assert.throws(() => s.set('client_encoding', 'KOI8', outside), pgCode('22023'));
    // A rejected value leaves the old one in place.
    assert.equal(s.get('standard_conforming_strings'), 'on');
    assert.equal(s.get('client_encoding'), 'UTF8');
  });

  it('rejects read-only settings with 55P02', () => {
    const s = new SessionSettings();
    for (const name of ['server_version', 'server_version_num', 'integer_datetimes', 'max_identifier_length']) {
      assert.throws(() => s.set(name, '1', outside), pgCode('55P02'), name);
    }
    assert.match(s.get('server_version'), /^15\./);
  });

  it('rejects unknown names with 42704', () => {
    const s = new SessionSettings();
    assert.throws(() => s.set('no_such_setting', '1', outside), pgCode('42704'));
    assert.throws(() => s.get('no_such_setting'), pgCode('42704'));
    assert.equal(s.tryGet('no_such_setting'), undefined);
  });

  it('allows custom a.b names (placeholders), case-insensitively', () => {
    const s = new SessionSettings();
    assert.equal(s.set('myapp.user_id', '42', outside), undefined, 'no definition for a placeholder');
    assert.equal(s.tryGet('myapp.user_id'), '42');
    assert.equal(s.tryGet('MyApp.User_Id'), '42');
    assert.equal(s.snapshot()['myapp.user_id'], '42');
    // RESET of a placeholder leaves it defined and empty, as in PostgreSQL.
    s.set('myapp.user_id', null, outside);
    assert.equal(s.tryGet('myapp.user_id'), '');
  });

  it('get() reads a custom a.b value (SHOW a.b uses it)', () => {
    // PostgreSQL 15: SET a.b = 'x'; SHOW a.b → 'x'.
    const s = new SessionSettings();
    s.set('a.b', 'x', outside);
    assert.equal(s.get('a.b'), 'x');
  });

  it('resetAll() restores every changeable setting and names those that changed', () => {
    const s = new SessionSettings();
    s.set('application_name', 'app', outside);
    s.set('TimeZone', 'Europe/Paris', outside);
    const changed = s.resetAll();
    assert.deepEqual(changed.sort(), ['application_name', 'timezone']);
    assert.equal(s.get('application_name'), '');
    assert.equal(s.get('TimeZone'), 'UTC');
    assert.deepEqual(s.resetAll(), []);
  });
});

describe('SessionSettings in transactions', () => {
  it('a SET inside a transaction is undone by ROLLBACK', () => {
    const s = new SessionSettings();
    s.set('TimeZone', 'Asia/Tokyo', outside);
    s.set('TimeZone', 'Europe/Paris', inTx);
    s.set('TimeZone', 'America/New_York', inTx);
    assert.equal(s.get('TimeZone'), 'America/New_York');
    const changed = s.endTransaction(false);
    // Back to the value before the transaction, not before the last SET.
    assert.equal(s.get('TimeZone'), 'Asia/Tokyo');
    assert.deepEqual(changed, ['timezone']);
  });

  it('a SET inside a transaction is kept by COMMIT', () => {
    const s = new SessionSettings();
    s.set('TimeZone', 'Europe/Paris', inTx);
    assert.deepEqual(s.endTransaction(true), []);
    assert.equal(s.get('TimeZone'), 'Europe/Paris');
  });

  it('SET LOCAL is reverted at COMMIT and at ROLLBACK', () => {
    for (const committed of [true, false]) {
      const s = new SessionSettings();
      s.set('statement_timeout', '1s', localInTx);
      assert.equal(s.get('statement_timeout'), '1000');
      assert.deepEqual(s.endTransaction(committed), ['statement_timeout']);
      assert.equal(s.get('statement_timeout'), '0', committed ? 'after COMMIT' : 'after ROLLBACK');
    }
  });

  it('a SET outside a transaction is not affected by a later endTransaction', () => {
    const s = new SessionSettings();
    s.set('application_name', 'app', outside);
    assert.deepEqual(s.endTransaction(false), []);
    assert.equal(s.get('application_name'), 'app');
  });

  it('a custom a.b SET inside a rolled-back transaction is undone', () => {
    const s = new SessionSettings();
    s.set('app.x', '1', outside);
    s.set('app.x', '2', inTx);
    s.endTransaction(false);
    assert.equal(s.tryGet('app.x'), '1');
  });

  it('SET then SET LOCAL then ROLLBACK restores the value from before the transaction', () => {
    // PostgreSQL 15: BEGIN; SET statement_timeout='1s'; SET LOCAL statement_timeout='2s'; ROLLBACK;
    // SHOW statement_timeout → '0'.
    const s = new SessionSettings();
    s.set('statement_timeout', '1s', inTx);
    s.set('statement_timeout', '2s', localInTx);
    s.endTransaction(false);
    assert.equal(s.get('statement_timeout'), '0');
  });

  it('SET then SET LOCAL then COMMIT keeps the SET value', () => {
    // PostgreSQL 15: … COMMIT; SHOW statement_timeout → '1s'.
    const s = new SessionSettings();
    s.set('statement_timeout', '1s', inTx);
    s.set('statement_timeout', '2s', localInTx);
    s.endTransaction(true);
    assert.equal(s.get('statement_timeout'), '1000');
  });

  it('SET LOCAL then SET then COMMIT keeps the SET value', () => {
    // PostgreSQL 15: BEGIN; SET LOCAL statement_timeout='2s'; SET statement_timeout='3s'; COMMIT;
    // SHOW statement_timeout → '3s' (a plain SET overrides an earlier SET LOCAL of the same transaction).
    const s = new SessionSettings();
    s.set('statement_timeout', '2s', localInTx);
    s.set('statement_timeout', '3s', inTx);
    s.endTransaction(true);
    assert.equal(s.get('statement_timeout'), '3000');
  });
});

describe('SessionSettings time units', () => {
  it('statement_timeout takes units and stores milliseconds', () => {
    const s = new SessionSettings();
    const cases: Array<[string, string]> = [
      ['5s', '5000'], ['100ms', '100'], ['2min', '120000'], ['1h', '3600000'], ['1d', '86400000'],
      ['250', '250'], ['1.5s', '1500'], [' 3 s ', '3000'], ['0', '0'], ['2000us', '2'],
    ];
    for (const [input, stored] of cases) {
      s.set('statement_timeout', input, outside);
      assert.equal(s.get('statement_timeout'), stored, input);
    }
  });

  it('a negative timeout is rejected with 22023', () => {
    // PostgreSQL 15: SET statement_timeout = '-1' → 22023 "-1 ms is outside the valid range … (0 .. 2147483647)".
    const s = new SessionSettings();
    assert.throws(() => s.set('statement_timeout', '-1', outside), pgCode('22023'));
    assert.equal(s.get('statement_timeout'), '0');
  });

  it('milliseconds() reads a time setting as a number', () => {
    const s = new SessionSettings();
    s.set('lock_timeout', '2min', outside);
    assert.equal(s.milliseconds('lock_timeout'), 120_000);
  });

  it('a bad unit or a non-number is rejected with 22023 and leaves the value alone', () => {
    const s = new SessionSettings();
    s.set('statement_timeout', '7s', outside);
    for (const bad of ['5 parsecs', '5sec', 'soon', '']) {
      assert.throws(() => s.set('statement_timeout', bad, outside), pgCode('22023'), JSON.stringify(bad));
    }
    assert.equal(s.get('statement_timeout'), '7000');
  });

  it('the bad-unit hint lists the valid units', () => {
    assert.throws(() => parseDuration('5 parsecs'), (err: unknown) => {
      assert.ok(err instanceof PgError);
      assert.match(err.hint ?? '', /"ms", "s", "min"/);
      return true;
    });
  });
});

describe('SessionSettings version and snapshot', () => {
  it('version increments on every change and on a reverting endTransaction, not on a no-op one', () => {
    const s = new SessionSettings();
    const v0 = s.version;
    s.set('application_name', 'a', outside);
    assert.equal(s.version, v0 + 1);
    s.set('x.y', '1', outside);
    assert.equal(s.version, v0 + 2);
    s.set('application_name', 'b', inTx);
    assert.equal(s.version, v0 + 3);
    s.endTransaction(false);
    assert.equal(s.version, v0 + 4, 'a rollback that restores a value is a change');
    s.endTransaction(true);
    assert.equal(s.version, v0 + 4, 'nothing to restore: no change');
    s.resetAll();
    assert.equal(s.version, v0 + 5);
  });

  it('a rejected SET does not bump the version', () => {
    const s = new SessionSettings();
    const v0 = s.version;
    assert.throws(() => s.set('server_version', '1', outside));
    assert.throws(() => s.set('nope', '1', outside));
    assert.equal(s.version, v0);
  });

  it('snapshot() maps every setting by lower-case name and is a copy', () => {
    const s = new SessionSettings();
    s.set('TimeZone', 'Europe/Paris', outside);
    const snap = s.snapshot();
    assert.equal(snap.timezone, 'Europe/Paris');
    assert.equal(snap.datestyle, 'ISO, MDY');
    assert.match(snap.server_version, /^15\./);
    assert.equal(snap.TimeZone, undefined, 'keys are lower-case');
    snap.timezone = 'mutated';
    assert.equal(s.get('TimeZone'), 'Europe/Paris');
  });
});
