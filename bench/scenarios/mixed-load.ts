import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { measureConcurrentLatency, type ConcurrentResult } from '../lib/concurrent-latency.js';
import { latencyMetrics } from '../lib/latency.js';
import { connectClients, endClients, withClient } from '../lib/pg-client.js';
import { ensurePointTable, pointKeyAt, pointSelect, POINT_ROWS } from '../lib/point-table.js';
import { median } from '../lib/stats.js';
import { ensureStreamTable } from '../lib/stream-table.js';
import type { Endpoint, Measurement, RunContext, Scenario, TargetName } from '../lib/types.js';

const SHORT_CLIENTS = 4;
const HEAD_START_MS = 100;
const GROUPS = 1_000;
/** An aggregate over every row of bench_stream: a scan, a 1,000-group hash or sort, nothing an index helps. */
const LONG_QUERY =
  `SELECT a % ${GROUPS} AS k, count(*) AS n, sum(b) AS total, max(c) AS top ` +
  `FROM bench_stream GROUP BY a % ${GROUPS} ORDER BY k`;

export const mixedLoad: Scenario = {
  name: 'mixed-load',
  description:
    `${SHORT_CLIENTS} clients run prepared point selects on bench_point (as in point-select) in a loop, p50/p99 over ` +
    'all their calls: first alone, then while a fifth connection runs an analytical query back to back for the ' +
    `same time (${LONG_QUERY.replace(/\s+/g, ' ')}, over bench_stream: 1M rows in quick runs, 10M with --full; ` +
    '1.5 s windows, 10 s with --full). Also reported: how long one analytical query takes with the point selects ' +
    'running (median). Each short result and every analytical result (group count, total rows) is checked.',
  targets: ['pgsqlite', 'postgres'],
  quick: true,
  async run(target: TargetName, ctx: RunContext): Promise<Measurement> {
    if (target === 'sqlite') throw new Error('mixed load needs a server');
    const rows = ctx.settings.streamRows;
    await ensureStreamTable(target, ctx, rows);
    const endpoint = await ctx.endpoint(target);
    await withClient(endpoint, (client) => ensurePointTable(target, ctx, client));

    const clients = await connectClients(endpoint, SHORT_CLIENTS);
    try {
      const shortQueries = () => measureShort(clients, ctx);
      const alone = await shortQueries();
      const { result: loaded, durationsMs } = await whileLongQueryRuns(endpoint, rows, shortQueries);
      return {
        metrics: [
          ...latencyMetrics('point selects alone', alone),
          ...latencyMetrics('point selects during the analytical query', loaded),
          { name: 'analytical query duration', unit: 'ms', better: 'lower', value: median(durationsMs) },
        ],
      };
    } finally {
      await endClients(clients);
    }
  },
};

function measureShort(clients: pg.Client[], ctx: RunContext): Promise<ConcurrentResult> {
  const offset = (w: number) => w * Math.floor(POINT_ROWS / clients.length);
  return measureConcurrentLatency(clients.length, (w, i) => pointSelect(clients[w]!, pointKeyAt(offset(w) + i)), {
    warmup: 50,
    seconds: ctx.settings.mixedSeconds,
  });
}

/**
 * Runs `body` while a separate connection repeats the analytical query, so one is in flight for
 * the whole of `body`. The first query is given a head start so that it is already executing
 * (on pgsqlite: past its inline budget and on a worker thread) when `body` starts timing.
 */
async function whileLongQueryRuns<T>(endpoint: Endpoint, rows: number, body: () => Promise<T>): Promise<{ result: T; durationsMs: number[] }> {
  return withClient(endpoint, async (client) => {
    const durationsMs: number[] = [];
    let stop = false;
    let failure: { error: unknown } | undefined;
    const loop = (async () => {
      try {
        while (!stop) {
          const started = process.hrtime.bigint();
          const result = await client.query<{ n: string }>(LONG_QUERY);
          durationsMs.push(Number(process.hrtime.bigint() - started) / 1e6);
          checkAggregate(result.rows, rows);
        }
      } catch (error) {
        failure = { error };
      }
    })();
    let result: T;
    try {
      await sleep(HEAD_START_MS);
      result = await body();
    } finally {
      stop = true;
      await loop;
    }
    // A failed analytical query makes the "during" figures meaningless: the round fails with its error.
    if (failure) throw failure.error;
    if (durationsMs.length === 0) throw new Error('no analytical query finished');
    return { result, durationsMs };
  });
}

function checkAggregate(groups: { n: string }[], rows: number): void {
  const total = groups.reduce((sum, g) => sum + Number(g.n), 0);
  if (groups.length !== Math.min(GROUPS, rows) || total !== rows) {
    throw new Error(`analytical query returned ${groups.length} groups over ${total} rows, expected ${GROUPS} over ${rows}`);
  }
}
