import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import { withClient } from '../lib/pg-client.js';
import { samplePeak } from '../lib/peak-sampler.js';
import { privateRssKiB } from '../lib/process-memory.js';
import { ensureStreamTable, expectedSumOfA, STREAM_COLUMNS } from '../lib/stream-table.js';
import type { Endpoint, Measurement, Metric, RunContext, Scenario, ServerTargetName, TargetName } from '../lib/types.js';

/** Rows per Execute of pg-query-stream's cursor; its default (100) would mostly measure round trips. */
const BATCH_SIZE = 1_000;
const NEWLINE = 0x0a;

interface StreamMethod {
  label: string;
  /** Streams the whole table through `client`; resolves once every row has arrived and been checked. */
  stream(client: pg.Client, rows: number): Promise<void>;
  /** The same path over the first 100,000 rows, before the baseline is taken. */
  warmUp(client: pg.Client): Promise<void>;
}

const drain = () => new Writable({ objectMode: true, write: (_row, _encoding, done) => done() });

const queryStream: StreamMethod = {
  label: 'pg-query-stream',
  warmUp: (client) => pipeline(client.query(new QueryStream(`SELECT * FROM bench_stream LIMIT ${WARM_UP_ROWS}`, [], { batchSize: BATCH_SIZE })), drain()),
  async stream(client, rows) {
    let count = 0;
    let sum = 0;
    const source = client.query(new QueryStream(`SELECT ${STREAM_COLUMNS} FROM bench_stream`, [], { batchSize: BATCH_SIZE }));
    await pipeline(source, new Writable({
      objectMode: true,
      highWaterMark: BATCH_SIZE,
      write(row: { a: number }, _encoding, done) {
        count++;
        sum += row.a;
        done();
      },
    }));
    if (count !== rows || sum !== expectedSumOfA(rows)) throw new Error(`pg-query-stream delivered ${count} rows (sum of a ${sum}), expected ${rows}`);
  },
};

const copyToStdout: StreamMethod = {
  label: 'COPY TO STDOUT',
  warmUp: (client) => pipeline(client.query(copyTo(`COPY (SELECT * FROM bench_stream LIMIT ${WARM_UP_ROWS}) TO STDOUT`)), drain()),
  async stream(client, rows) {
    let lines = 0;
    let first: string | undefined;
    const source = client.query(copyTo(`COPY bench_stream (${STREAM_COLUMNS}) TO STDOUT`));
    await pipeline(source, new Writable({
      write(chunk: Buffer, _encoding, done) {
        first ??= chunk.subarray(0, chunk.indexOf(NEWLINE)).toString('utf8');
        for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) lines++;
        done();
      },
    }));
    // The first line proves the rows are the table's rows, the count that all of them came.
    if (lines !== rows || !/^\d+\t\d+\trow \d+$/.test(first ?? '')) {
      throw new Error(`COPY TO STDOUT delivered ${lines} lines (first ${JSON.stringify(first)}), expected ${rows}`);
    }
  },
};

export const streamRows: Scenario = {
  name: 'stream-rows',
  description:
    'Reads the whole bench_stream table (a integer, b bigint, c text; 1M rows in quick runs, 10M with --full), one ' +
    `client: (a) SELECT through pg-query-stream, a cursor fetching ${BATCH_SIZE} rows per Execute, rows parsed by ` +
    'node-postgres; (b) COPY bench_stream TO STDOUT through pg-copy-streams, lines counted. Rows per second, and the ' +
    'server\'s memory growth while it streams: the peak minus the value before, of VmRSS − RssShmem (/proc/<pid>/status, ' +
    'sampled every 20 ms) of the pgsqlite process, or of the PostgreSQL backend serving the client (pg_backend_pid()), ' +
    'whose shared_buffers pages are shared memory and left out. pgsqlite runs each method on a server of its own, and ' +
    'its "before" is the level before that server\'s first stream (freed memory stays resident, so a later round would ' +
    'otherwise show no growth), taken after a 100,000-row warm-up stream of the same method that starts and sizes the thread it ' +
    'runs on (a one-time ~30 MiB, not counted). Every row is counted and checked.',
  targets: ['pgsqlite', 'postgres'],
  quick: true,
  async run(target: TargetName, ctx: RunContext): Promise<Measurement> {
    if (target === 'sqlite') throw new Error('streaming needs a server');
    const rows = ctx.settings.streamRows;
    const metrics: Metric[] = [];
    for (const method of [queryStream, copyToStdout]) {
      // pgsqlite: a server per method, used by nothing else (see baselineKiB); PostgreSQL: a fresh backend per stream.
      const endpoint = target === 'pgsqlite' ? await ctx.pgsqliteVariant({ purpose: `stream-rows, ${method.label}` }) : await ctx.endpoint(target);
      await ensureStreamTable(target, ctx, rows, endpoint);
      metrics.push(...(await measureStream(target, endpoint, method, rows)));
    }
    return { metrics };
  },
};

/**
 * pgsqlite's memory before this server's first stream, by process id. Memory a stream used and
 * freed mostly stays resident (the JavaScript heap and malloc keep it for reuse), so a second
 * stream on the same process would show almost no growth although it needs as much. Measuring
 * every round against the level before the first stream, on a server that only ever runs this
 * one kind of stream, gives each round the memory the stream really needs. A PostgreSQL backend
 * is a new process for every stream, so its own "before" is already clean.
 */
const baselineKiB = new Map<number, number>();

const WARM_UP_ROWS = 100_000;

async function measureStream(target: ServerTargetName, endpoint: Endpoint, method: StreamMethod, rows: number): Promise<Metric[]> {
  return withClient(endpoint, async (client) => {
    const pid = target === 'postgres' ? (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid : endpoint.processId;
    if (target === 'pgsqlite' && !baselineKiB.has(pid)) {
      // The first stream of a kind starts and sizes the thread it runs on (the cursor worker, or a
      // reader for COPY: a one-time ~30 MiB, like a backend's start in PostgreSQL); a 100,000-row
      // stream of the same method before the baseline keeps that out of the growth measured.
      await method.warmUp(client);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      baselineKiB.set(pid, privateRssKiB(pid));
    }
    const before = target === 'pgsqlite' ? baselineKiB.get(pid)! : privateRssKiB(pid);
    const sampler = samplePeak(() => privateRssKiB(pid));
    const started = process.hrtime.bigint();
    let peak: number;
    try {
      await method.stream(client, rows);
    } finally {
      peak = sampler.stop();
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const growthMiB = Math.max(0, peak - before) / 1024;
    return [
      { name: `rows/s, ${method.label}`, unit: 'rows/s', better: 'higher', value: rows / seconds },
      { name: `server memory growth, ${method.label}`, unit: 'MiB', better: 'lower', value: growthMiB },
    ];
  });
}
