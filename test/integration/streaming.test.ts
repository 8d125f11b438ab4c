import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import { freePort } from '../support/free-port.js';
import { spawnServer } from '../support/spawn-server.js';

const ROWS = 1_000_000;
const WIDTH = 200;
const CURSOR_ROWS = Number(process.env.PGSQLITE_CURSOR_TEST_ROWS ?? 10_000_000);
/** Rows 1..n of (i, i * 2, 'row ' || i). No table: a recursive CTE yields them one by one, so only the streaming is measured. */
const series = (n: number) => `WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < ${n}) SELECT i, i * 2 AS doubled, 'row ' || i AS label FROM r`;

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

describe('results stream with bounded server memory', () => {
  let server: ChildProcess;
  let port: number;
  // A RAM-backed data directory the test owns: the server is killed at the end (a graceful stop
  // would checkpoint hundreds of MB first), and an --in-memory server killed so leaves its
  // directory behind — ~440 MB of /dev/shm per run.
  const dataDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'pgsqlite-streaming-test-'));
  before(async () => {
    port = await freePort();
    server = await spawnServer(['--port', String(port), '--data-dir', dataDir]);
  });
  after(async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`a slow reader of COPY TO STDOUT (${ROWS} rows, ~${Math.round((ROWS * WIDTH) / 1e6)} MB) does not make the server buffer the result`, async () => {
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await client.connect();
    await client.query('CREATE TABLE wide (id integer PRIMARY KEY, filler text)');
    await client.query(`INSERT INTO wide WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${ROWS}) SELECT x, printf('%0${WIDTH}d', x) FROM c`);
    const baseline = rssMiB(server.pid!);
    let peak = baseline;
    let bytes = 0;
    const slowReader = new Writable({
      highWaterMark: 64 * 1024,
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        peak = Math.max(peak, rssMiB(server.pid!));
        // A client that reads more slowly than the server can produce.
        setTimeout(done, 1);
      },
    });
    await pipeline(client.query(copyTo('COPY wide TO STDOUT')), slowReader);
    await client.end();
    assert.ok(bytes > ROWS * WIDTH, `received ${bytes} bytes`);
    // Buffering the result costs more than its size (measured: +555 MiB for these 208 MB); streaming
    // keeps a few chunks in flight plus garbage the collector has not reclaimed yet (measured: +65 MiB).
    assert.ok(peak - baseline < 150, `server RSS grew by ${(peak - baseline).toFixed(1)} MiB (baseline ${baseline.toFixed(1)} MiB)`);
  });

  it(`a throttled pg-query-stream reader of ${CURSOR_ROWS / 1e6}M rows × 3 columns: server RSS stays bounded, other clients are served meanwhile`, async (t) => {
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await client.connect();
    // The first streaming cursor starts the database's cursor worker thread, which then loads and
    // compiles its code: a short stream first, so the baseline includes the thread, not the rows.
    await pipeline(client.query(new QueryStream(series(200_000), [], { batchSize: 1000 })), new Writable({ objectMode: true, write: (_row, _enc, done) => done() }));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const baseline = rssMiB(server.pid!);
    let peak = baseline;
    let rows = 0;
    let expected = 1;
    let outOfOrder = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMiB(server.pid!));
    }, 100);
    // Another client asks small queries the whole time: the stream must not hold the event loop.
    const other = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await other.connect();
    let streaming = true;
    let answered = 0;
    let slowest = 0;
    const pinging = (async () => {
      while (streaming) {
        const started = performance.now();
        const result = await other.query('SELECT 1 AS one');
        assert.equal(result.rows[0].one, 1);
        slowest = Math.max(slowest, performance.now() - started);
        answered++;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const query = new QueryStream(series(CURSOR_ROWS), [], { batchSize: 1000 });
    const reader = new Writable({
      objectMode: true,
      highWaterMark: 1000,
      write(row: { i: string; doubled: string; label: string }, _encoding, done) {
        if (Number(row.i) !== expected || Number(row.doubled) !== expected * 2 || row.label !== `row ${expected}`) outOfOrder++;
        expected++;
        rows++;
        // Slower than the server: a pause every 2,000 rows.
        if (rows % 2000 === 0) setTimeout(done, 1);
        else done();
      },
    });
    try {
      await pipeline(client.query(query), reader);
    } finally {
      clearInterval(sampler);
      streaming = false;
      await pinging;
      await other.end();
    }
    await client.end();
    t.diagnostic(`RSS +${(peak - baseline).toFixed(1)} MiB; ${answered} other queries answered during the stream, slowest ${slowest.toFixed(1)} ms`);
    assert.equal(rows, CURSOR_ROWS);
    assert.ok(answered > 0, 'another client was answered while the result streamed');
    assert.equal(outOfOrder, 0, 'rows arrive complete and in order');
    // Streaming holds about two 256 KB slices per cursor; the JavaScript heaps stay flat (main ~33 MiB,
    // cursor worker ~18 MiB). What RSS adds is allocator and page-cache slack: measured +25–35 MiB,
    // the same for 1M or 10M rows, where holding 10M rows would take about a gigabyte.
    assert.ok(peak - baseline < 64, `server RSS grew by ${(peak - baseline).toFixed(1)} MiB (baseline ${baseline.toFixed(1)} MiB)`);
  });
});
