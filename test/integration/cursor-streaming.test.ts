import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import Cursor from 'pg-cursor';
import QueryStream from 'pg-query-stream';
import { runScript as run, startSideBySide, type SideBySide } from '../support/side-by-side.js';
import { startTestServer } from '../support/pgsqlite-server.js';
import { openRawSession, serialize } from '../support/raw-protocol.js';

const raw = { getTypeParser: () => (value: unknown) => value };


async function streamingCursors(client: pg.Client): Promise<number> {
  const result = await client.query("SELECT streaming_cursors FROM pgsqlite_stat_pools WHERE database = 'postgres'");
  return Number(result.rows[0].streaming_cursors);
}

/** Rows 1..n of (i, i * 2, 'row ' || i) without a table. */
const series = (n: number) => `WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < ${n}) SELECT i, i * 2 AS doubled, 'row ' || i AS label FROM r`;

describe('streaming cursors and portals against PostgreSQL 15', () => {
  let pair: SideBySide;
  before(async () => {
    pair = await startSideBySide();
    for (const client of [pair.reference, pair.ours]) {
      await client.query('CREATE TABLE items (id integer PRIMARY KEY, name text)');
      await client.query("INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, 'three'), (4, 'four'), (5, 'five')");
    }
  });
  after(async () => pair?.close());

  it('Execute with a row limit: PortalSuspended at exactly the limit, tags count each Execute, a finished portal answers SELECT 0', async () => {
    const answers: string[][] = [];
    for (const [port, user] of [[pair.cluster.port, 'postgres'], [pair.server.port, 'postgres']] as const) {
      const session = await openRawSession(port, user, 'postgres');
      await session.send([serialize.query('BEGIN')]);
      await session.send([
        serialize.parse({ name: 's', text: 'SELECT id FROM items ORDER BY id', types: [] }),
        serialize.bind({ portal: 'p', statement: 's', values: [] }),
        serialize.execute({ portal: 'p', rows: 2 }), serialize.execute({ portal: 'p', rows: 2 }),
        serialize.execute({ portal: 'p', rows: 2 }), serialize.execute({ portal: 'p', rows: 2 }),
        // Describe first (as node-postgres does), then a limit larger than the result.
        serialize.bind({ portal: 'q', statement: 's', values: [] }), serialize.describe({ type: 'P', name: 'q' }),
        serialize.execute({ portal: 'q', rows: 10 }), serialize.execute({ portal: 'q', rows: 10 }),
        serialize.sync(),
      ]);
      await session.send([serialize.query('DECLARE c CURSOR FOR SELECT id FROM items ORDER BY id')]);
      // A SQL cursor is a portal by its name.
      await session.send([serialize.describe({ type: 'P', name: 'c' }), serialize.execute({ portal: 'c', rows: 3 }), serialize.execute({ portal: 'c', rows: 3 }), serialize.execute({ portal: 'c', rows: 3 }), serialize.sync()]);
      await session.send([serialize.query('FETCH 2 FROM c; MOVE BACKWARD 1 IN c; COMMIT')]);
      answers.push(session.take());
      session.close();
    }
    assert.deepEqual(answers[1], answers[0]);
  });

  it('a Describe whose Flush comes in a later write is answered as PostgreSQL does, the portal then read in steps (pg-query-stream)', async () => {
    const answers: string[][] = [];
    for (const port of [pair.cluster.port, pair.server.port]) {
      const session = await openRawSession(port, 'postgres', 'postgres');
      session.write([
        serialize.parse({ text: 'SELECT id, name FROM items ORDER BY id', types: [] }),
        serialize.bind({ portal: 'r', values: [] }), serialize.describe({ type: 'P', name: 'r' }),
      ]);
      // The server has nothing to answer before the Flush; it must not wait for more than it.
      await new Promise((resolve) => setTimeout(resolve, 20));
      session.write([serialize.flush()]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await session.send([serialize.execute({ portal: 'r', rows: 2 }), serialize.flush(), serialize.execute({ portal: 'r', rows: 10 }), serialize.sync()]);
      answers.push(session.take());
      session.close();
    }
    assert.deepEqual(answers[1], answers[0]);
    assert.deepEqual(answers[1].slice(0, 3), ['rowDescription', 'row:1,one', 'row:2,two']);
  });

  it('SQL FETCH and MOVE reach a portal made by Bind (asyncpg moves its cursors so)', async () => {
    const answers: string[][] = [];
    for (const port of [pair.cluster.port, pair.server.port]) {
      const session = await openRawSession(port, 'postgres', 'postgres');
      await session.send([serialize.query('BEGIN')]);
      await session.send([
        serialize.parse({ name: 'm', text: 'SELECT id FROM items ORDER BY id', types: [] }),
        serialize.bind({ portal: 'pm', statement: 'm', values: [] }),
        serialize.execute({ portal: 'pm', rows: 1 }), serialize.sync(),
      ]);
      await session.send([serialize.query('MOVE FORWARD 2 IN pm; FETCH 1 FROM pm; MOVE 10 IN pm')]);
      await session.send([serialize.query('FETCH nope')]);
      await session.send([serialize.query('ROLLBACK')]);
      answers.push(session.take());
      session.close();
    }
    assert.deepEqual(answers[1], answers[0]);
  });

  it('every FETCH and MOVE direction, in a transaction that wrote first: the cursor sees its own writes', async () => {
    const script = [
      'BEGIN', "INSERT INTO items VALUES (6, 'six')", 'DECLARE w SCROLL CURSOR FOR SELECT id, name FROM items ORDER BY id',
      'FETCH LAST FROM w', 'FETCH BACKWARD 3 FROM w', 'MOVE FORWARD ALL IN w', 'FETCH PRIOR FROM w', 'FETCH ABSOLUTE 2 FROM w', 'FETCH RELATIVE 0 FROM w',
      'FETCH FORWARD ALL FROM w', 'ROLLBACK',
    ];
    assert.deepEqual(await run(pair.ours, script), await run(pair.reference, script));
  });

  it("a cursor reads the snapshot of its DECLARE while another session commits", async () => {
    const script = async (client: pg.Client, other: pg.Client) => {
      const out: unknown[] = [];
      await client.query('BEGIN');
      await client.query('DECLARE s CURSOR FOR SELECT id FROM items ORDER BY id');
      out.push((await client.query({ text: 'FETCH 2 FROM s', rowMode: 'array' })).rows);
      await other.query("INSERT INTO items VALUES (7, 'seven')");
      await other.query('DELETE FROM items WHERE id = 5');
      out.push((await client.query({ text: 'FETCH ALL FROM s', rowMode: 'array' })).rows);
      await client.query('COMMIT');
      await other.query("INSERT INTO items VALUES (5, 'five')");
      await other.query('DELETE FROM items WHERE id = 7');
      return out;
    };
    const otherRef = new pg.Client(pair.cluster.connectionString);
    await otherRef.connect();
    const otherOurs = await pair.server.connect();
    try {
      const expected = await script(pair.reference, otherRef);
      assert.deepEqual(await script(pair.ours, otherOurs), expected);
      assert.deepEqual(expected, [[[1], [2]], [[3], [4], [5]]]);
    } finally {
      await otherRef.end();
    }
  });

  it('pg_cursors lists the session\'s cursors with PostgreSQL\'s columns and types', async () => {
    const script = [
      'BEGIN', 'DECLARE a CURSOR FOR SELECT id FROM items', 'DECLARE b BINARY NO SCROLL CURSOR WITH HOLD FOR SELECT 2',
      'SELECT name, statement, is_holdable, is_binary, is_scrollable, creation_time IS NOT NULL AS has_time FROM pg_cursors ORDER BY name',
      'CLOSE a', 'SELECT name FROM pg_catalog.pg_cursors', 'COMMIT', 'SELECT count(*) FROM pg_cursors', 'CLOSE b', 'SELECT count(*) FROM pg_cursors',
    ];
    assert.deepEqual(await run(pair.ours, script), await run(pair.reference, script));
  });

  it('a cursor over a read streams from a connection of its own until it closes', async () => {
    const client = pair.ours;
    const before = await streamingCursors(client);
    await client.query('BEGIN');
    await client.query(`DECLARE big CURSOR FOR ${series(100_000)}`);
    assert.equal(await streamingCursors(client), before + 1);
    const first = await client.query({ text: 'FETCH 3 FROM big', rowMode: 'array', types: raw } as pg.QueryConfig);
    assert.deepEqual(first.rows, [['1', '2', 'row 1'], ['2', '4', 'row 2'], ['3', '6', 'row 3']]);
    const rest = await client.query({ text: 'FETCH ALL FROM big', rowMode: 'array' });
    assert.equal(rest.rowCount, 99_997);
    assert.equal(rest.rows.at(-1)?.[2], 'row 100000');
    await client.query('COMMIT');
    assert.equal(await streamingCursors(client), before, 'COMMIT closes the cursor and its connection');
  });

  it('statement_timeout stops a FETCH that scans, and the session goes on', async () => {
    const client = pair.ours;
    await client.query('BEGIN');
    // The first row comes at once; the second only after scanning tens of millions of rows.
    await client.query('DECLARE slow CURSOR FOR WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 100000000) SELECT i FROM r WHERE i = 1 OR i = 100000000');
    await client.query("SET LOCAL statement_timeout = '300ms'");
    assert.deepEqual((await client.query({ text: 'FETCH 1 FROM slow', rowMode: 'array', types: raw } as pg.QueryConfig)).rows, [['1']]);
    // Without the timeout this FETCH would scan for a long time; 57014 is the timeout's doing.
    await assert.rejects(client.query('FETCH 1 FROM slow'), (err: pg.DatabaseError) => err.code === '57014');
    await client.query('ROLLBACK');
    assert.deepEqual((await client.query('SELECT 1 AS one')).rows, [{ one: 1 }]);
  });
});

describe('streaming portals and cursors: limits and large described results', () => {
  it('a result larger than portalBufferBytes after Describe is streamed at Execute with the described types (pg-cursor, node-postgres)', async () => {
    await using server = await startTestServer({ portalBufferBytes: 64 * 1024 });
    const client = await server.connect();
    // ~40 bytes a row: 50,000 rows are far beyond the 64 KB a Describe may keep.
    const all = await client.query(series(50_000));
    assert.equal(all.rowCount, 50_000);
    const last = all.rows[49_999];
    assert.deepEqual([Number(last.i), Number(last.doubled), last.label], [50_000, 100_000, 'row 50000']);
    await client.query('BEGIN');
    const cursor = client.query(new Cursor(series(50_000)));
    let seen = 0;
    for (;;) {
      const rows = await cursor.read(1000);
      if (rows.length === 0) break;
      for (const row of rows) {
        seen++;
        assert.equal(Number(row.i), seen);
      }
    }
    await cursor.close();
    await client.query('COMMIT');
    assert.equal(seen, 50_000);
  });

  it('pg-query-stream in small batches over a table read-ahead serves in order, without re-reading', async () => {
    await using server = await startTestServer();
    const client = await server.connect();
    await client.query('CREATE TABLE s (a integer, b bigint, c text)');
    await client.query(`INSERT INTO s ${series(100_000)}`);
    for (const batchSize of [10, 100, 1000]) {
      let expected = 1;
      const stream = client.query(new QueryStream('SELECT a, c FROM s ORDER BY a', [], { batchSize }));
      for await (const row of stream) {
        assert.equal(row.a, expected);
        assert.equal(row.c, `row ${expected}`);
        expected++;
      }
      assert.equal(expected - 1, 100_000, `batch size ${batchSize}`);
    }
  });

  it('past maxStreamingCursors a cursor holds its rows in memory, and both kinds work side by side', async () => {
    await using server = await startTestServer({ maxStreamingCursors: 1 });
    const client = await server.connect();
    await client.query('BEGIN');
    await client.query(`DECLARE one SCROLL CURSOR FOR ${series(1000)}`);
    await client.query(`DECLARE two SCROLL CURSOR FOR ${series(1000)}`);
    assert.equal(await streamingCursors(client), 1);
    const fetch = async (sql: string) => (await client.query({ text: sql, rowMode: 'array', types: raw } as pg.QueryConfig)).rows;
    for (const name of ['one', 'two']) {
      assert.deepEqual(await fetch(`FETCH LAST FROM ${name}`), [['1000', '2000', 'row 1000']]);
      assert.deepEqual(await fetch(`FETCH ABSOLUTE 10 FROM ${name}`), [['10', '20', 'row 10']]);
      assert.deepEqual(await fetch(`FETCH BACKWARD 2 FROM ${name}`), [['9', '18', 'row 9'], ['8', '16', 'row 8']]);
    }
    await client.query('COMMIT');
    assert.equal(await streamingCursors(client), 0);
  });

  it('closing the connection closes its streaming cursors (WITH HOLD ones too)', async () => {
    await using server = await startTestServer();
    const watcher = await server.connect();
    const client = await server.connect();
    await client.query(`DECLARE kept CURSOR WITH HOLD FOR ${series(10)}`);
    await client.query('BEGIN');
    // Too large for a Describe to keep (over 1 MB), so it streams.
    const cursor = client.query(new Cursor(series(100_000)));
    await cursor.read(10);
    assert.equal(await streamingCursors(watcher), 2);
    await client.end();
    for (let i = 0; i < 50 && (await streamingCursors(watcher)) > 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(await streamingCursors(watcher), 0);
  });
});
