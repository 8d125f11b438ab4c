import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { startTestServer, type TestServer } from '../support/pgsqlite-server.js';

describe('node-postgres against pgsqlite', () => {
  let t: TestServer;
  let client: pg.Client;
  before(async () => {
    t = await startTestServer();
    client = await t.connect();
  });
  after(async () => t.close());

  it('answers simple queries with PostgreSQL types', async () => {
    const result = await client.query('SELECT 1 AS one, \'a\' AS letter, 1.5::float8 AS f, true AS yes');
    assert.deepEqual(result.rows, [{ one: 1, letter: 'a', f: 1.5, yes: true }]);
    assert.equal(result.fields[0].dataTypeID, 23);
    assert.equal(result.command, 'SELECT');
    assert.equal(result.rowCount, 1);
  });

  it('runs DDL and DML with exact command tags', async () => {
    await client.query('CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, price numeric(10,2))');
    const insert = await client.query("INSERT INTO items (id, name, price) VALUES (1, 'a', 1.50), (2, 'b', 2.25), (3, 'c', 3)");
    assert.equal(insert.command, 'INSERT');
    assert.equal(insert.rowCount, 3);
    const update = await client.query('UPDATE items SET name = upper(name) WHERE id >= 2');
    assert.equal(update.command, 'UPDATE');
    assert.equal(update.rowCount, 2);
    const del = await client.query('DELETE FROM items WHERE id = 3');
    assert.equal(del.rowCount, 1);
    const rows = await client.query('SELECT id, name FROM items ORDER BY id');
    assert.deepEqual(rows.rows, [{ id: 1, name: 'a' }, { id: 2, name: 'B' }]);
  });

  it('binds parameters in the extended protocol, named and unnamed', async () => {
    const unnamed = await client.query('SELECT name FROM items WHERE id = $1', [2]);
    assert.deepEqual(unnamed.rows, [{ name: 'B' }]);
    for (const id of [1, 2]) {
      const named = await client.query({ name: 'by-id', text: 'SELECT id, name FROM items WHERE id = $1', values: [id] });
      assert.equal(named.rows[0].id, id);
    }
    const inserted = await client.query('INSERT INTO items (id, name) VALUES ($1, $2) RETURNING id, name', [10, 'ten']);
    assert.deepEqual(inserted.rows, [{ id: 10, name: 'ten' }]);
    assert.equal(inserted.command, 'INSERT');
  });

  it('returns binary results when asked', async () => {
    const result = await client.query({ text: 'SELECT id, name FROM items WHERE id = $1', values: [1], binary: true } as pg.QueryConfig);
    assert.equal(result.fields[0].format, 'binary');
    assert.equal(result.rows[0].name, 'a');
  });

  it('reports errors with SQLSTATE and position, and the session survives', async () => {
    await assert.rejects(client.query('SELEC 1'), (err: pg.DatabaseError) => err.code === '42601' && err.position === '1');
    await assert.rejects(client.query('SELECT * FROM missing_table'), (err: pg.DatabaseError) => err.code === '42P01');
    await assert.rejects(client.query("INSERT INTO items (id, name) VALUES (1, 'dup')"), (err: pg.DatabaseError) => err.code === '23505');
    await assert.rejects(client.query('INSERT INTO items (id) VALUES (99)'), (err: pg.DatabaseError) => err.code === '23502');
    const ok = await client.query('SELECT 2 AS two');
    assert.equal(ok.rows[0].two, 2);
  });

  it('keeps transactions: commit, rollback, savepoints, and 25P02 after an error', async () => {
    await client.query('BEGIN');
    await client.query("INSERT INTO items (id, name) VALUES (20, 'tx')");
    const seen = await client.query('SELECT count(*) AS n FROM items WHERE id = 20');
    assert.equal(seen.rows[0].n, '1');
    await client.query('ROLLBACK');
    assert.equal((await client.query('SELECT count(*) AS n FROM items WHERE id = 20')).rows[0].n, '0');

    await client.query('BEGIN');
    await client.query("INSERT INTO items (id, name) VALUES (21, 'kept')");
    await client.query('SAVEPOINT s1');
    await client.query("INSERT INTO items (id, name) VALUES (22, 'undone')");
    await client.query('ROLLBACK TO SAVEPOINT s1');
    await client.query('COMMIT');
    const ids = (await client.query('SELECT id FROM items WHERE id IN (21, 22) ORDER BY id')).rows.map((r) => r.id);
    assert.deepEqual(ids, [21]);

    await client.query('BEGIN');
    await assert.rejects(client.query('SELECT * FROM nope'));
    await assert.rejects(client.query('SELECT 1'), (err: pg.DatabaseError) => err.code === '25P02');
    const rollback = await client.query('COMMIT');
    assert.equal(rollback.command, 'ROLLBACK');
  });

  it('answers what drivers ask at connect time', async () => {
    const version = await client.query('SELECT version()');
    assert.match(version.rows[0].version, /^PostgreSQL 15\./);
    const setting = await client.query("SELECT current_setting('server_version_num') AS v");
    assert.match(setting.rows[0].v, /^150\d{3}$/);
    const iso = await client.query('SHOW transaction isolation level');
    assert.deepEqual(iso.rows, [{ transaction_isolation: 'read committed' }]);
    await client.query("SET application_name = 'tests'");
    assert.equal((await client.query('SHOW application_name')).rows[0].application_name, 'tests');
  });

  it('Execute with a row limit suspends the portal (pg-cursor reads in batches)', async () => {
    await client.query('CREATE TABLE seq (n integer)');
    await client.query('INSERT INTO seq WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 25) SELECT x FROM c');
    await client.query('BEGIN');
    const cursor = client.query(new Cursor('SELECT n FROM seq WHERE n > $1 ORDER BY n', [0]));
    const batches: number[][] = [];
    for (;;) {
      const rows = await cursor.read(10);
      if (rows.length === 0) break;
      batches.push(rows.map((r: { n: number }) => r.n));
    }
    await cursor.close();
    await client.query('COMMIT');
    assert.deepEqual(batches.map((b) => b.length), [10, 10, 5]);
    assert.deepEqual(batches.flat(), Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('accepts isolation-level syntax and SET TRANSACTION', async () => {
    await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
    await client.query('SET TRANSACTION READ ONLY');
    await client.query('COMMIT');
    await client.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ WRITE');
    await client.query('ROLLBACK');
    const tag = await client.query('BEGIN');
    assert.equal(tag.command, 'BEGIN');
    await client.query('END');
  });

  it('warns on COMMIT outside a transaction, as PostgreSQL does', async () => {
    const notices: { code?: string; message?: string }[] = [];
    const onNotice = (n: { code?: string; message?: string }) => notices.push(n);
    client.on('notice', onNotice);
    await client.query('COMMIT');
    client.off('notice', onNotice);
    assert.equal(notices[0]?.code, '25P01');
    assert.equal(notices[0]?.message, 'there is no transaction in progress');
  });
});
