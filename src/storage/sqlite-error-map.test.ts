import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { sqliteErrorToPgError } from './sqlite-error-map.js';

/** Real SQLite failures, mapped through the one table. */
function failure(setup: string, statement: string): unknown {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.exec(setup);
  try {
    db.exec(statement);
  } catch (err) {
    return err;
  } finally {
    db.close();
  }
  throw new Error(`expected ${statement} to fail`);
}

describe('SQLite errors as PostgreSQL errors', () => {
  const cases: Array<[name: string, setup: string, statement: string, code: string, message?: RegExp]> = [
    ['unique', 'CREATE TABLE t (a INTEGER UNIQUE); INSERT INTO t VALUES (1)', 'INSERT INTO t VALUES (1)', '23505', /^duplicate key value violates unique constraint "t_a_key"$/],
    ['primary key', 'CREATE TABLE t (a INTEGER PRIMARY KEY NOT NULL, b TEXT); INSERT INTO t VALUES (1, 2)', 'INSERT INTO t VALUES (1, 3)', '23505'],
    ['not null', 'CREATE TABLE t (a INTEGER NOT NULL)', 'INSERT INTO t VALUES (NULL)', '23502', /^null value in column "a" of relation "t" violates not-null constraint$/],
    ['foreign key', 'CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p(id))', 'INSERT INTO c VALUES (5)', '23503'],
    ['check', 'CREATE TABLE t (a INTEGER CONSTRAINT positive CHECK (a > 0))', 'INSERT INTO t VALUES (-1)', '23514', /"positive"/],
    ['missing table', '', 'SELECT * FROM nope', '42P01'],
    ['missing column', 'CREATE TABLE t (a INTEGER)', 'SELECT b FROM t', '42703'],
    ['missing function', '', 'SELECT no_such_fn(1)', '42883'],
    ['duplicate table', 'CREATE TABLE t (a INTEGER)', 'CREATE TABLE t (a INTEGER)', '42P07', /^relation "t" already exists$/],
    ['syntax', '', 'SELEC 1', '42601'],
    ['commit without transaction', '', 'COMMIT', '25P01'],
    ['more values than columns', 'CREATE TABLE t (a INTEGER)', 'INSERT INTO t VALUES (1, 2)', '42601'],
    ['insert into a missing column', 'CREATE TABLE t (a INTEGER)', 'INSERT INTO t (b) VALUES (1)', '42703'],
    ['ORDER BY position out of range', '', 'SELECT 1 ORDER BY 5', '42P10'],
  ];
  for (const [name, setup, statement, code, message] of cases) {
    it(`${name} → ${code}`, () => {
      const pg = sqliteErrorToPgError(failure(setup, statement));
      assert.equal(pg.code, code, pg.message);
      if (message) assert.match(pg.message, message);
    });
  }

  it('maps result codes by table: busy, read-only, corrupt, full, interrupt', () => {
    const codeOf = (code: string) => sqliteErrorToPgError(Object.assign(new Error('x'), { code })).code;
    assert.equal(codeOf('SQLITE_BUSY'), '55P03');
    assert.equal(codeOf('SQLITE_BUSY_SNAPSHOT'), '40001');
    assert.equal(codeOf('SQLITE_READONLY'), '25006');
    assert.equal(codeOf('SQLITE_CORRUPT'), 'XX001');
    assert.equal(codeOf('SQLITE_FULL'), '53100');
    assert.equal(codeOf('SQLITE_IOERR_WRITE'), '58030');
    assert.equal(codeOf('SQLITE_INTERRUPT'), '57014');
    assert.equal(codeOf('SQLITE_SOMETHING_NEW'), 'XX000');
  });

  it('leaves non-SQLite errors as internal errors with their message', () => {
    const pg = sqliteErrorToPgError(new TypeError('boom'));
    assert.equal(pg.code, 'XX000');
    assert.equal(pg.message, 'boom');
  });
});
