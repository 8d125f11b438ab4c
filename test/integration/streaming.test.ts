import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { freePort } from '../support/free-port.js';
import { spawnServer } from '../support/spawn-server.js';

const ROWS = 1_000_000;
const WIDTH = 200;

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

describe('results stream with bounded server memory', () => {
  let server: ChildProcess;
  let port: number;
  before(async () => {
    port = await freePort();
    server = await spawnServer(['--port', String(port), '--in-memory']);
  });
  after(() => {
    server.kill('SIGKILL');
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
});
