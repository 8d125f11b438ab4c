import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import pg from 'pg';
import postgres from 'postgres';
import { startTestServer, type TestServer } from '../support/pgsqlite-server.js';

/** A query that keeps SQLite's VDBE busy for many seconds (no sleep: real work to interrupt). */
const LONG_QUERY = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000000) SELECT count(*) FROM c';

function sendCancel(port: number, processId: number, secretKey: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      const packet = Buffer.alloc(16);
      packet.writeInt32BE(16, 0);
      packet.writeInt32BE(80877102, 4);
      packet.writeInt32BE(processId, 8);
      packet.writeInt32BE(secretKey, 12);
      socket.end(packet);
    });
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}

/**
 * Repeats a cancel until the statement ends: a cancel that arrives before the statement reached
 * the engine finds nothing to stop (as in PostgreSQL), which on a loaded machine can happen.
 */
async function cancelUntilSettled<T>(statement: Promise<T>, cancel: () => unknown): Promise<T> {
  let settled = false;
  const watched = statement.finally(() => {
    settled = true;
  });
  while (!settled) {
    await cancel();
    await Promise.race([watched.then(() => undefined, () => undefined), new Promise((r) => setTimeout(r, 500))]);
  }
  return watched;
}

describe('execution: long statements, cancel, timeouts', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(async () => t.close());

  it('answers other sessions while one runs a long query', async () => {
    const busy = await t.connect();
    const other = await t.connect();
    let longSettled = false;
    const long = busy.query(LONG_QUERY).catch((err) => err).finally(() => {
      longSettled = true;
    });
    await new Promise((r) => setTimeout(r, 200));
    const result = await other.query('SELECT 1 AS x');
    assert.equal(result.rows[0].x, 1);
    // The long query (minutes, until cancelled below) holds nothing the answer waits for.
    assert.equal(longSettled, false, 'SELECT 1 was answered while the long query still ran');
    const c = busy as unknown as { processID: number; secretKey: number };
    const err = await cancelUntilSettled(long, () => sendCancel(t.port, c.processID, c.secretKey));
    assert.equal(err.code, '57014');
  });

  it('CancelRequest stops a running query with 57014 and the session survives', async () => {
    const client = await t.connect();
    const { processID, secretKey } = client as unknown as { processID: number; secretKey: number };
    const pending = client.query(LONG_QUERY).then(() => null, (err) => err);
    await new Promise((r) => setTimeout(r, 300));
    // The query would run for minutes: ending with 57014 is the cancel's doing.
    const err = await cancelUntilSettled(pending, () => sendCancel(t.port, processID, secretKey));
    assert.equal(err?.code, '57014');
    assert.match(err.message, /user request/);
    assert.equal((await client.query('SELECT 7 AS x')).rows[0].x, 7);
  });

  it('a CancelRequest with the wrong key does nothing', async () => {
    const client = await t.connect();
    const { processID } = client as unknown as { processID: number };
    await sendCancel(t.port, processID, 12345);
    assert.equal((await client.query('SELECT 8 AS x')).rows[0].x, 8);
  });

  it('statement_timeout stops a long query with 57014', async () => {
    const client = await t.connect();
    await client.query("SET statement_timeout = '200ms'");
    // The query would run for minutes: the "statement timeout" error is the timeout's doing.
    await assert.rejects(client.query(LONG_QUERY), (err: pg.DatabaseError) => err.code === '57014' && /statement timeout/.test(err.message));
    await client.query('RESET statement_timeout');
    assert.equal((await client.query('SELECT 9 AS x')).rows[0].x, 9);
  });

  it('pg_sleep is cancellable too', async () => {
    const client = await t.connect();
    await client.query("SET statement_timeout = '100ms'");
    await assert.rejects(client.query('SELECT pg_sleep(30)'), (err: pg.DatabaseError) => err.code === '57014');
  });

  it('postgres.js cancel() stops a running query', async () => {
    const sql = postgres({ host: t.host, port: t.port, user: 'postgres', database: 'postgres', max: 1 });
    const query = sql.unsafe(LONG_QUERY);
    const outcome = query.then(() => null, (err) => err);
    await new Promise((r) => setTimeout(r, 300));
    const err = await cancelUntilSettled(outcome, () => query.cancel());
    assert.equal(err?.code, '57014');
    assert.equal((await sql`SELECT 1 AS x`)[0].x, 1);
    await sql.end();
  });

  it('a write cancelled while running rolls back alone', async () => {
    const client = await t.connect();
    await client.query('CREATE TABLE cancel_target (n integer)');
    await client.query("SET statement_timeout = '300ms'");
    await assert.rejects(
      client.query('INSERT INTO cancel_target WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000000) SELECT x FROM c'),
      (err: pg.DatabaseError) => err.code === '57014',
    );
    await client.query('RESET statement_timeout');
    await client.query('INSERT INTO cancel_target VALUES (1)');
    assert.equal((await client.query('SELECT count(*) AS n FROM cancel_target')).rows[0].n, '1');
  });

  it('multi-statement strings follow the implicit transaction rule', async () => {
    const client = await t.connect();
    await client.query('CREATE TABLE implicit_t (n integer)');
    await assert.rejects(client.query('INSERT INTO implicit_t VALUES (1); SELECT * FROM no_such_table; INSERT INTO implicit_t VALUES (2)'));
    assert.equal((await client.query('SELECT count(*) AS n FROM implicit_t')).rows[0].n, '0');
    await client.query('INSERT INTO implicit_t VALUES (1); INSERT INTO implicit_t VALUES (2)');
    assert.equal((await client.query('SELECT count(*) AS n FROM implicit_t')).rows[0].n, '2');
  });

  it('LISTEN/NOTIFY between sessions, delivered at commit', async () => {
    const listener = await t.connect();
    const sender = await t.connect();
    const received: pg.Notification[] = [];
    listener.on('notification', (n) => received.push(n));
    await listener.query('LISTEN events');
    await sender.query("NOTIFY events, 'direct'");
    await sender.query('BEGIN');
    await sender.query("NOTIFY events, 'in-transaction'");
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(received.map((n) => n.payload), ['direct']);
    await sender.query('COMMIT');
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(received.map((n) => n.payload), ['direct', 'in-transaction']);
    assert.equal(received[0].channel, 'events');
    await listener.query('UNLISTEN *');
    await sender.query("NOTIFY events, 'after-unlisten'");
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(!received.some((n) => n.payload === 'after-unlisten'));
  });
});

describe('inline reads under the watchdog', () => {
  it('a read that outruns the inline budget reruns in a worker, with no stray rows in the next result', async () => {
    // A 1 ms budget: the 200k-row query below is interrupted inline and must rerun in a worker.
    await using t = await startTestServer({ inlineBudgetMs: 1 });
    const client = await t.connect();
    const big = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) SELECT x FROM c';
    for (let round = 0; round < 3; round++) {
      const result = await client.query(big);
      assert.equal(result.rowCount, 200000);
      // x is int4 (the type of the literal 1), which node-postgres reads as a number.
      assert.equal(result.rows[199999].x, 200000);
      const next = await client.query('SELECT 1 AS a, 2 AS b');
      assert.deepEqual(next.rows, [{ a: 1, b: 2 }]);
    }
  });
});
