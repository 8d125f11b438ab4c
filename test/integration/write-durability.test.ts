import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import postgres from 'postgres';
import { freePort } from '../support/free-port.js';
import { spawnServer } from '../support/spawn-server.js';
import { startTestServer } from '../support/pgsqlite-server.js';


describe('group commit', () => {
  it('a failing statement inside a batch fails alone; the others commit; per-session order holds', async () => {
    await using t = await startTestServer();
    const setup = await t.connect();
    await setup.query('CREATE TABLE orders (session integer, seq integer, PRIMARY KEY (session, seq))');
    const clients = await Promise.all(Array.from({ length: 16 }, () => t.connect()));
    // Every client writes 30 rows in order; every 7th statement of client 3 collides on purpose.
    const failures: number[] = [];
    await Promise.all(clients.map(async (c, session) => {
      for (let seq = 0; seq < 30; seq++) {
        const target = session === 3 && seq % 7 === 6 ? seq - 1 : seq;
        try {
          await c.query('INSERT INTO orders (session, seq) VALUES ($1, $2)', [session, target]);
        } catch (err) {
          assert.equal((err as pg.DatabaseError).code, '23505');
          failures.push(seq);
        }
      }
    }));
    assert.deepEqual(failures, [6, 13, 20, 27]);
    const counts = await setup.query('SELECT session, count(*) AS n, min(seq) AS lo, max(seq) AS hi FROM orders GROUP BY session ORDER BY session');
    for (const row of counts.rows) {
      assert.equal(Number(row.n), row.session === 3 ? 26 : 30, `session ${row.session}`);
    }
  });

  it('pipelined writes of one session commit in the order they were sent', async () => {
    await using t = await startTestServer();
    const setup = await t.connect();
    await setup.query('CREATE TABLE pipelined (id integer PRIMARY KEY, session integer, seq integer)');
    const sessions = Array.from({ length: 6 }, () => postgres({ host: t.host, port: t.port, user: 'postgres', database: 'postgres', max: 1 }));
    // postgres.js pipelines: all 40 statements of a session are on the wire before the first answer.
    // The id comes from the table's size at commit time, so it records the order of commits.
    await Promise.all(sessions.map((sql, session) => Promise.all(Array.from({ length: 40 }, (_, seq) =>
      sql`INSERT INTO pipelined (id, session, seq) SELECT coalesce(max(id), 0) + 1, ${session}, ${seq} FROM pipelined`))));
    for (let session = 0; session < 6; session++) {
      const seqs = (await setup.query('SELECT seq FROM pipelined WHERE session = $1 ORDER BY id', [session])).rows.map((r) => r.seq);
      assert.deepEqual(seqs, Array.from({ length: 40 }, (_, i) => i), `session ${session}`);
    }
    await Promise.all(sessions.map((sql) => sql.end()));
  });

  it('a high-priority writer overtakes a backlog of low-priority ones', async () => {
    await using t = await startTestServer();
    const holder = await t.connect();
    await holder.query('CREATE TABLE commits (id integer PRIMARY KEY, who text)');
    // Hold the writer so that a backlog forms behind it.
    await holder.query('BEGIN');
    await holder.query("INSERT INTO commits VALUES (1, 'holder')");
    const low = await Promise.all(Array.from({ length: 12 }, () => t.connect()));
    for (const c of low) await c.query("SET pgsqlite.write_priority = 'low'");
    const lowWrites = low.map((c, i) => c.query('INSERT INTO commits (id, who) SELECT coalesce(max(id), 0) + 1, $1 FROM commits', [`low-${i}`]));
    await new Promise((r) => setTimeout(r, 100));
    const urgent = await t.connect();
    await urgent.query("SET pgsqlite.write_priority = 'high'");
    assert.equal((await urgent.query('SHOW pgsqlite.write_priority')).rows[0]['pgsqlite.write_priority'], 'high');
    const urgentWrite = urgent.query("INSERT INTO commits (id, who) SELECT coalesce(max(id), 0) + 1, 'urgent' FROM commits");
    await new Promise((r) => setTimeout(r, 100));
    await holder.query('COMMIT');
    await Promise.all([...lowWrites, urgentWrite]);
    const order = (await holder.query('SELECT who FROM commits ORDER BY id')).rows.map((r) => r.who);
    assert.equal(order[0], 'holder');
    assert.equal(order[1], 'urgent', `commit order: ${order.join(', ')}`);
    await assert.rejects(urgent.query("SET pgsqlite.write_priority = 'urgent'"), (err: pg.DatabaseError) => err.code === '22023');
    // A per-role default, as PostgreSQL's ALTER ROLE … SET; RESET removes it.
    await holder.query("CREATE ROLE batchjob LOGIN PASSWORD 'pw'");
    await holder.query("ALTER ROLE batchjob SET pgsqlite.write_priority = 'low'");
    const job = await t.connect({ user: 'batchjob', password: 'pw' });
    assert.equal((await job.query('SHOW pgsqlite.write_priority')).rows[0]['pgsqlite.write_priority'], 'low');
    await job.end();
    await holder.query('ALTER ROLE batchjob RESET pgsqlite.write_priority');
    const again = await t.connect({ user: 'batchjob', password: 'pw' });
    assert.equal((await again.query('SHOW pgsqlite.write_priority')).rows[0]['pgsqlite.write_priority'], 'normal');
    await again.end();
    await assert.rejects(holder.query("ALTER ROLE batchjob SET no_such_setting = 1"), (err: pg.DatabaseError) => err.code === '42704');
  });

  it('while queued behind a transaction: lock_timeout → 55P03, statement_timeout → 57014, a NOTICE after queueNoticeMs', async () => {
    await using t = await startTestServer({ queueNoticeMs: 100 });
    const holder = await t.connect();
    await holder.query('CREATE TABLE q (n integer)');
    await holder.query('BEGIN');
    await holder.query('INSERT INTO q VALUES (0)');
    const waiter = await t.connect();
    await waiter.query("SET lock_timeout = '150ms'");
    await assert.rejects(waiter.query('INSERT INTO q VALUES (1)'), (err: pg.DatabaseError) => err.code === '55P03' && /lock timeout/.test(err.message));
    await waiter.query('RESET lock_timeout');
    await waiter.query("SET statement_timeout = '150ms'");
    await assert.rejects(waiter.query('INSERT INTO q VALUES (2)'), (err: pg.DatabaseError) => err.code === '57014' && /statement timeout/.test(err.message));
    await waiter.query('RESET statement_timeout');
    const notices: string[] = [];
    waiter.on('notice', (n) => notices.push(n.message ?? ''));
    const pending = waiter.query('INSERT INTO q VALUES (3)');
    await new Promise((r) => setTimeout(r, 300));
    await holder.query('COMMIT');
    await pending;
    assert.ok(notices.some((m) => /waiting for the writer/.test(m)), `notices: ${notices.join(' | ')}`);
    // Only the holder's row and the one that waited without limits were written.
    assert.deepEqual((await holder.query('SELECT n FROM q ORDER BY n')).rows.map((r) => r.n), [0, 3]);
  });

  it('txid_current() answers at once, stable within a transaction, increasing across them and restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pgsqlite-xid-'));
    try {
      let last: bigint;
      {
        await using t = await startTestServer({ dataDir });
        const holder = await t.connect();
        await holder.query('CREATE TABLE w (n integer)');
        await holder.query('BEGIN');
        await holder.query('INSERT INTO w VALUES (1)');
        // Another session gets an id while the writer is held: nothing waits for a commit.
        const other = await t.connect();
        await other.query("SET statement_timeout = '500ms'");
        const a = BigInt((await other.query('SELECT txid_current() AS x')).rows[0].x);
        const b = BigInt((await other.query('SELECT pg_current_xact_id() AS x')).rows[0].x);
        assert.ok(b > a);
        const inTx1 = BigInt((await holder.query('SELECT txid_current() AS x')).rows[0].x);
        const inTx2 = BigInt((await holder.query('SELECT txid_current() AS x')).rows[0].x);
        assert.equal(inTx1, inTx2, 'stable within one transaction');
        await holder.query('COMMIT');
        last = BigInt((await holder.query('SELECT txid_current() AS x')).rows[0].x);
        assert.ok(last > inTx1);
        await holder.end();
        await other.end();
        await t.server.close();
      }
      await using again = await startTestServer({ dataDir });
      const c = await again.connect();
      const afterRestart = BigInt((await c.query('SELECT txid_current() AS x')).rows[0].x);
      assert.ok(afterRestart > last, `${afterRestart} after restart must exceed ${last}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('pgsqlite_stat_pools, SHOW POOLS and instrumentation events show the group commits', async () => {
    await using t = await startTestServer();
    const events: { statements: number; failed: number }[] = [];
    const stop = t.server.instrumentation.on('writer.batch_committed', (e) => events.push(e));
    const setup = await t.connect();
    await setup.query('CREATE TABLE g (n integer)');
    const clients = await Promise.all(Array.from({ length: 32 }, () => t.connect()));
    await Promise.all(clients.map(async (c, i) => {
      for (let k = 0; k < 10; k++) await c.query('INSERT INTO g VALUES ($1)', [i * 100 + k]);
    }));
    stop();
    const row = (await setup.query("SELECT batches, statements, largest_batch, batch_sizes, queue_depth, readers FROM pgsqlite_stat_pools WHERE database = 'postgres'")).rows[0];
    const statements = Number(row.statements);
    const batches = Number(row.batches);
    // The 320 INSERTs go through group commit (CREATE TABLE too, unless it translates to several SQLite statements).
    assert.ok(statements >= 320, `statements ${statements}`);
    assert.ok(batches < statements, `group commit: ${batches} commits for ${statements} statements`);
    assert.ok(Number(row.largest_batch) > 1);
    assert.match(row.batch_sizes, /^<=1:\d+ <=4:\d+ <=16:\d+ <=64:\d+ >64:\d+$/);
    assert.equal(Number(row.queue_depth), 0);
    assert.equal(Number(row.readers), 2);
    assert.equal(events.reduce((sum, e) => sum + e.statements, 0), statements, 'every group-committed statement was reported as an event');
    const show = await setup.query('SHOW POOLS');
    assert.equal(show.rows[0].database, 'postgres');
  });

  it('a COMMIT that fails rolls back before the next holder of the writer runs', async () => {
    for (const synchronous of ['NORMAL', 'FULL'] as const) {
      await using t = await startTestServer({ synchronous });
      const a = await t.connect();
      const b = await t.connect();
      await a.query('CREATE TABLE parent (id integer PRIMARY KEY)');
      await a.query('CREATE TABLE child (id integer PRIMARY KEY, parent_id integer REFERENCES parent DEFERRABLE INITIALLY DEFERRED)');
      await a.query('BEGIN');
      await a.query('INSERT INTO child VALUES (1, 42)');
      // b queues for the writer behind a's block; it gets the writer as a's COMMIT is sent.
      const bDone = (async () => {
        await b.query('BEGIN');
        await b.query('INSERT INTO parent VALUES (7)');
        await b.query('INSERT INTO child VALUES (2, 7)');
        await b.query('COMMIT');
      })();
      await new Promise((r) => setTimeout(r, 50));
      await assert.rejects(a.query('COMMIT'), (err: pg.DatabaseError) => err.code === '23503', synchronous);
      await bDone;
      assert.deepEqual((await a.query('SELECT id, parent_id FROM child ORDER BY id')).rows, [{ id: 2, parent_id: 7 }], synchronous);
      assert.equal((await a.query('SELECT 1 AS ok')).rows[0].ok, 1, 'the session goes on after the failed COMMIT');
    }
  });

  it('500 concurrent clients mixing reads and writes never see "database is locked"', async () => {
    await using t = await startTestServer({ maxConnections: 600 });
    const setup = await t.connect();
    await setup.query('CREATE TABLE counters (id integer PRIMARY KEY, n integer NOT NULL)');
    await setup.query('INSERT INTO counters WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 50) SELECT x, 0 FROM c');
    const clients: pg.Client[] = [];
    for (let i = 0; i < 500; i += 50) {
      clients.push(...await Promise.all(Array.from({ length: 50 }, () => t.connect())));
    }
    const errors: string[] = [];
    await Promise.all(clients.map(async (c, i) => {
      for (let k = 0; k < 4; k++) {
        try {
          if ((i + k) % 2 === 0) await c.query('UPDATE counters SET n = n + 1 WHERE id = $1', [(i % 50) + 1]);
          else await c.query('SELECT sum(n) AS total FROM counters');
        } catch (err) {
          errors.push(`${(err as pg.DatabaseError).code}: ${(err as Error).message}`);
        }
      }
    }));
    assert.deepEqual(errors, []);
    const total = (await setup.query('SELECT sum(n) AS total FROM counters')).rows[0].total;
    assert.equal(Number(total), 1000);
    await Promise.all(clients.map((c) => c.end()));
  });
});

describe('acknowledged writes survive kill -9', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pgsqlite-durable-'));
  let server: ChildProcess | undefined;
  after(() => {
    server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('20 rounds of heavy batched writing, each ended by kill -9: every acknowledged row is there and integrity_check is ok', async () => {
    const port = await freePort();
    server = await spawnServer(['--port', String(port), '--data-dir', dataDir]);
    const setup = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await setup.connect();
    await setup.query('CREATE TABLE acked (writer integer, seq integer, PRIMARY KEY (writer, seq))');
    await setup.end();
    const acknowledged = new Set<string>();
    for (let round = 0; round < 20; round++) {
      const writers = await Promise.all(Array.from({ length: 8 }, async () => {
        const c = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
        c.on('error', () => undefined);
        await c.connect();
        return c;
      }));
      let stop = false;
      const loops = writers.map(async (c, w) => {
        for (let seq = 0; !stop; seq++) {
          const key = `${round * 100 + w}:${seq}`;
          try {
            await c.query('INSERT INTO acked VALUES ($1, $2)', [round * 100 + w, seq]);
            acknowledged.add(key); // the server said COMMIT for this one
          } catch {
            return;
          }
        }
      });
      await new Promise((r) => setTimeout(r, 150 + (round % 5) * 40));
      server.kill('SIGKILL');
      await new Promise<void>((resolve) => server!.once('exit', () => resolve()));
      stop = true;
      await Promise.allSettled(loops);
      server = await spawnServer(['--port', String(port), '--data-dir', dataDir]);
    }
    server.kill('SIGKILL');
    await new Promise<void>((resolve) => server!.once('exit', () => resolve()));
    server = undefined;
    // Read the file directly: what a restarted server would serve.
    const db = new Database(join(dataDir, 'base', 'postgres.sqlite'));
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const present = new Set((db.prepare('SELECT writer, seq FROM acked').all() as { writer: number; seq: number }[]).map((r) => `${r.writer}:${r.seq}`));
    db.close();
    const missing = [...acknowledged].filter((key) => !present.has(key));
    assert.deepEqual(missing, [], `${missing.length} acknowledged writes lost of ${acknowledged.size}`);
    assert.ok(acknowledged.size > 1000, `only ${acknowledged.size} writes were acknowledged`);
  });
});

describe('the writer is never left held by a client that went away', () => {
  it('a client that disconnects while queued for the writer does not block the next one', async () => {
    await using t = await startTestServer();
    const holder = await t.connect();
    await holder.query('CREATE TABLE h (n integer)');
    await holder.query('BEGIN');
    await holder.query('INSERT INTO h VALUES (1)');
    // A second transaction queues for the writer, then its client vanishes.
    const leaver = new pg.Client(t.clientConfig());
    leaver.on('error', () => undefined);
    await leaver.connect();
    await leaver.query('BEGIN');
    const queued = leaver.query('INSERT INTO h VALUES (2)').catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    (leaver as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    await queued;
    await holder.query('COMMIT');
    // The writer is free: an autocommit write goes through at once.
    const next = await t.connect();
    await next.query("SET statement_timeout = '2s'");
    await next.query('INSERT INTO h VALUES (3)');
    assert.deepEqual((await next.query('SELECT n FROM h ORDER BY n')).rows.map((r) => r.n), [1, 3]);
  });
});
