import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openFixture, runOnSqlite, translate } from './testing/translation-test-kit.js';

const value = (db: ReturnType<typeof openFixture>, pg: string) => Number(runOnSqlite(db, translate(pg)).rows[0]?.[0]);

describe('sequences', () => {
  test('nextval, setval and currval follow PostgreSQL', () => {
    const db = openFixture();
    runOnSqlite(db, translate('CREATE SEQUENCE s START 5 INCREMENT 2 MAXVALUE 9'));
    assert.equal(value(db, "SELECT nextval('s')"), 5);
    assert.equal(value(db, "SELECT nextval('s'::regclass)"), 7);
    assert.equal(value(db, "SELECT currval('s')"), 7);
    assert.equal(value(db, "SELECT setval('s', 3, false)"), 3);
    assert.equal(value(db, "SELECT nextval('public.s')"), 3);
    runOnSqlite(db, translate("SELECT setval('s', 9)"));
    assert.throws(() => runOnSqlite(db, translate("SELECT nextval('s')")), (err: { code?: string }) => err.code === '2200H');
    runOnSqlite(db, translate('ALTER SEQUENCE s RESTART WITH 4'));
    assert.equal(value(db, "SELECT nextval('s')"), 4);
  });

  test('errors name the sequence', () => {
    const db = openFixture();
    runOnSqlite(db, translate('CREATE SEQUENCE s'));
    assert.throws(() => runOnSqlite(db, translate('CREATE SEQUENCE s')), (err: { code?: string }) => err.code === '42P07');
    assert.throws(() => runOnSqlite(db, translate("SELECT nextval('nope')")), (err: { code?: string }) => err.code === '42P01');
    assert.throws(() => runOnSqlite(db, translate('DROP SEQUENCE nope')), (err: { code?: string }) => err.code === '42P01');
    assert.throws(() => translate('CREATE SEQUENCE t START 0'), (err: { code?: string }) => err.code === '22023');
    runOnSqlite(db, translate('DROP SEQUENCE IF EXISTS nope, s'));
    assert.throws(() => runOnSqlite(db, translate("SELECT nextval('s')")), (err: { code?: string }) => err.code === '42P01');
  });

  test('a serial key moves its sequence; GENERATED ALWAYS refuses a given key', () => {
    const db = openFixture();
    runOnSqlite(db, translate('CREATE TABLE n (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text)'));
    runOnSqlite(db, translate("INSERT INTO n (v) VALUES ('a'), ('b')"));
    assert.equal(value(db, "SELECT currval('n_id_seq')"), 2);
    assert.equal(value(db, "SELECT nextval('n_id_seq')"), 3);
    assert.throws(() => runOnSqlite(db, translate("INSERT INTO n (id, v) VALUES (9, 'c')")), (err: { code?: string }) => err.code === '428C9');
    runOnSqlite(db, translate('TRUNCATE n RESTART IDENTITY'));
    assert.equal(value(db, "SELECT nextval('n_id_seq')"), 1);
  });
});

describe('constraints added by ALTER TABLE', () => {
  const code = (expected: string) => (err: { code?: string }) => err.code === expected;

  test('ADD CHECK checks existing rows, then new and updated ones', () => {
    const db = openFixture();
    runOnSqlite(db, translate('CREATE TABLE c (id int, qty int)'));
    runOnSqlite(db, translate('INSERT INTO c VALUES (1, 5)'));
    assert.throws(() => runOnSqlite(db, translate('ALTER TABLE c ADD CHECK (qty > 10)')), code('23514'));
    runOnSqlite(db, translate('ALTER TABLE c ADD CONSTRAINT c_small CHECK (qty < 10)'));
    assert.throws(() => runOnSqlite(db, translate('INSERT INTO c VALUES (2, 50)')), code('23514'));
    assert.throws(() => runOnSqlite(db, translate('UPDATE c SET qty = 50')), code('23514'));
    runOnSqlite(db, translate('INSERT INTO c VALUES (3, NULL)'));
  });

  test('SET NOT NULL refuses existing and new NULLs; DROP NOT NULL lifts it', () => {
    const db = openFixture();
    runOnSqlite(db, translate('CREATE TABLE c (id int, v text)'));
    runOnSqlite(db, translate('INSERT INTO c VALUES (1, NULL)'));
    assert.throws(() => runOnSqlite(db, translate('ALTER TABLE c ALTER COLUMN v SET NOT NULL')), code('23502'));
    runOnSqlite(db, translate('DELETE FROM c'));
    runOnSqlite(db, translate('ALTER TABLE c ALTER COLUMN v SET NOT NULL'));
    assert.throws(() => runOnSqlite(db, translate('INSERT INTO c VALUES (2, NULL)')), code('23502'));
    runOnSqlite(db, translate('ALTER TABLE c ALTER COLUMN v DROP NOT NULL'));
    runOnSqlite(db, translate('INSERT INTO c VALUES (2, NULL)'));
  });
});
