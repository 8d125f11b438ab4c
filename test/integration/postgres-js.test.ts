import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import postgres from 'postgres';
import { startTestServer, type TestServer } from '../support/pgsqlite-server.js';

describe('postgres.js against pgsqlite', () => {
  let t: TestServer;
  let sql: postgres.Sql;
  before(async () => {
    t = await startTestServer();
    sql = postgres({ host: t.host, port: t.port, user: 'postgres', database: 'postgres', max: 4, onnotice: () => undefined });
  });
  after(async () => {
    await sql.end();
    await t.close();
  });

  it('creates, inserts with typed parameters and reads values back as PostgreSQL types', async () => {
    await sql`CREATE TABLE events (id integer PRIMARY KEY, title text NOT NULL, done boolean, at timestamptz, meta jsonb, score float8)`;
    const at = new Date('2024-05-06T07:08:09.123Z');
    await sql`INSERT INTO events (id, title, done, at, meta, score) VALUES (${1}, ${'first'}, ${true}, ${at}, ${sql.json({ b: 1, a: [1, 2] })}, ${2.5})`;
    await sql`INSERT INTO events ${sql({ id: 2, title: 'second', done: false, at, meta: null, score: null })}`;
    const rows = await sql`SELECT id, title, done, at, meta, score FROM events WHERE id = ${1}`;
    assert.equal(rows.length, 1);
    assert.equal(rows[0].title, 'first');
    assert.equal(rows[0].done, true);
    assert.equal((rows[0].at as Date).toISOString(), at.toISOString());
    assert.deepEqual(rows[0].meta, { a: [1, 2], b: 1 });
    assert.equal(rows[0].score, 2.5);
    const second = await sql`SELECT done, meta FROM events WHERE id = ${2}`;
    assert.deepEqual([...second], [{ done: false, meta: null }]);
    const byFlag = await sql`SELECT id FROM events WHERE done = ${false}`;
    assert.deepEqual(byFlag.map((r) => r.id), [2]);
  });

  it('updates and deletes report counts', async () => {
    const updated = await sql`UPDATE events SET title = ${'renamed'} WHERE id = ${2}`;
    assert.equal(updated.count, 1);
    assert.equal(updated.command, 'UPDATE');
    const deleted = await sql`DELETE FROM events WHERE id = ${2} RETURNING id`;
    assert.equal(deleted.count, 1);
    assert.deepEqual(deleted.map((r) => r.id), [2]);
  });

  it('commits and rolls back sql.begin transactions', async () => {
    await sql.begin(async (tx) => {
      await tx`INSERT INTO events (id, title) VALUES (${10}, ${'in tx'})`;
    });
    await assert.rejects(sql.begin(async (tx) => {
      await tx`INSERT INTO events (id, title) VALUES (${11}, ${'rolled back'})`;
      throw new Error('abort');
    }), /abort/);
    const ids = await sql`SELECT id FROM events WHERE id >= ${10} ORDER BY id`;
    assert.deepEqual(ids.map((r) => r.id), [10]);
  });

  it('reports errors with SQLSTATE', async () => {
    await assert.rejects(sql`INSERT INTO events (id, title) VALUES (${1}, ${'dup'})`, (err: postgres.PostgresError) => err.code === '23505');
    await assert.rejects(sql`SELECT * FROM nowhere`, (err: postgres.PostgresError) => err.code === '42P01');
  });

  it('LISTEN/NOTIFY through sql.listen', async () => {
    const received: string[] = [];
    const listening = await sql.listen('jobs', (payload) => received.push(payload));
    await sql.notify('jobs', 'one');
    for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(received, ['one']);
    await listening.unlisten();
  });
});
