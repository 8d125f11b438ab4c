/**
 * A transaction block's SQLite BEGIN travels with its first statement to the writer
 * (src/actors/connection/begin-with-first-statement.ts): that statement must run inside the
 * transaction, and a first statement that fails or is cancelled must leave the block open for
 * ROLLBACK and the writer free for the next session.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { startTestServer, type TestServer } from '../support/pgsqlite-server.js';

const count = async (client: pg.Client, table: string) => Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

describe('BEGIN sent with the first statement of a transaction block', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(async () => t.close());

  it('the first statement is part of the transaction (ROLLBACK undoes it, COMMIT keeps it)', async () => {
    const client = await t.connect();
    await client.query('CREATE TABLE begin_first (n integer PRIMARY KEY)');
    await client.query('BEGIN');
    await client.query('INSERT INTO begin_first VALUES (1)');
    await client.query('INSERT INTO begin_first VALUES (2)');
    await client.query('ROLLBACK');
    assert.equal(await count(client, 'begin_first'), 0);
    await client.query('BEGIN');
    await client.query('INSERT INTO begin_first VALUES (1)');
    await client.query('COMMIT');
    assert.equal(await count(client, 'begin_first'), 1);
  });

  it('a failing first statement aborts the block; ROLLBACK works and the writer is free', async () => {
    const client = await t.connect();
    const other = await t.connect();
    await client.query('CREATE TABLE begin_fail (n integer PRIMARY KEY)');
    await client.query('INSERT INTO begin_fail VALUES (1)');
    await client.query('BEGIN');
    await assert.rejects(client.query('INSERT INTO begin_fail VALUES (1)'), (err: pg.DatabaseError) => err.code === '23505');
    await assert.rejects(client.query('INSERT INTO begin_fail VALUES (2)'), (err: pg.DatabaseError) => err.code === '25P02');
    await client.query('ROLLBACK');
    await client.query('BEGIN');
    await assert.rejects(client.query('INSERT INTO begin_fail VALUES (99999999999)'), (err: pg.DatabaseError) => err.code === '22003');
    await client.query('COMMIT'); // of a failed block: rolls back
    await other.query('INSERT INTO begin_fail VALUES (3)');
    assert.equal(await count(client, 'begin_fail'), 2);
  });

  it('a first statement stopped by statement_timeout leaves a block that rolls back cleanly', async () => {
    const client = await t.connect();
    const other = await t.connect();
    await client.query('CREATE TABLE begin_cancel (n integer)');
    await client.query('BEGIN');
    await client.query("SET LOCAL statement_timeout = '200ms'");
    await assert.rejects(
      client.query('INSERT INTO begin_cancel WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000000) SELECT x FROM c'),
      (err: pg.DatabaseError) => err.code === '57014',
    );
    await client.query('ROLLBACK');
    await other.query('BEGIN');
    await other.query('INSERT INTO begin_cancel VALUES (1)');
    await other.query('COMMIT');
    assert.equal(await count(client, 'begin_cancel'), 1);
  });

  it('a SAVEPOINT as the first statement opens the transaction too', async () => {
    const client = await t.connect();
    await client.query('CREATE TABLE begin_savepoint (n integer)');
    await client.query('BEGIN');
    await client.query('SAVEPOINT a');
    await client.query('INSERT INTO begin_savepoint VALUES (1)');
    await client.query('ROLLBACK TO SAVEPOINT a');
    await client.query('INSERT INTO begin_savepoint VALUES (2)');
    await client.query('COMMIT');
    assert.deepEqual((await client.query('SELECT n FROM begin_savepoint')).rows, [{ n: 2 }]);
  });
});
