import { join } from 'node:path';
import { measureConcurrentLatency } from '../lib/concurrent-latency.js';
import { latencyMetrics, measureLatency, measureLatencySync } from '../lib/latency.js';
import { connectClients, endClients, withClient } from '../lib/pg-client.js';
import { checkPointRow, ensurePointTable, POINT_ROWS, pointKeyAt, pointSelect, pointTableStatements } from '../lib/point-table.js';
import { openFloorDatabase } from '../lib/sqlite-floor.js';
import type { Endpoint, Measurement, Metric, RunContext, Scenario, TargetName } from '../lib/types.js';

const CLIENTS = 8;

export const pointSelectScenario: Scenario = {
  name: 'point-select',
  description:
    `SELECT v FROM bench_point WHERE id = $1 on a ${POINT_ROWS}-row table, a named (prepared) statement, keys spread ` +
    `over the table, every returned row checked. 1 client: one call at a time. ${CLIENTS} clients: ${CLIENTS} node-postgres ` +
    'connections in the harness, each in a loop (half as many calls each as the 1-client run), p50/p99 over all their ' +
    'calls and the total queries per second. better-sqlite3 floor (1 client only): the same query as a reused ' +
    'statement, in-process, on a file in WAL mode.',
  targets: ['pgsqlite', 'postgres', 'sqlite'],
  quick: true,
  async run(target: TargetName, ctx: RunContext): Promise<Measurement> {
    const options = { warmup: ctx.settings.warmupIterations, iterations: ctx.settings.latencyIterations };
    if (target === 'sqlite') {
      const db = openFloorDatabase(join(await ctx.scratchDir(), 'point-select.sqlite'));
      try {
        db.transaction(() => pointTableStatements().forEach((sql) => db.exec(sql)))();
        const statement = db.prepare<[number], { v: string }>('SELECT v FROM bench_point WHERE id = ?');
        const op = (i: number) => checkPointRow(pointKeyAt(i), statement.get(pointKeyAt(i))?.v);
        return { metrics: latencyMetrics('1 client', measureLatencySync(op, options)) };
      } finally {
        db.close();
      }
    }
    const endpoint = await ctx.endpoint(target);
    const single = await withClient(endpoint, async (client) => {
      await ensurePointTable(target, ctx, client);
      return measureLatency((i) => pointSelect(client, pointKeyAt(i)), options);
    });
    return { metrics: [...latencyMetrics('1 client', single), ...(await concurrentMetrics(endpoint, ctx))] };
  },
};

async function concurrentMetrics(endpoint: Endpoint, ctx: RunContext): Promise<Metric[]> {
  const clients = await connectClients(endpoint, CLIENTS);
  try {
    // Each client starts at a different place in the key sequence, so they do not read in lockstep.
    const offset = (w: number) => w * Math.floor(POINT_ROWS / CLIENTS);
    const result = await measureConcurrentLatency(CLIENTS, (w, i) => pointSelect(clients[w]!, pointKeyAt(offset(w) + i)), {
      warmup: Math.ceil(ctx.settings.warmupIterations / CLIENTS),
      iterations: Math.ceil(ctx.settings.latencyIterations / 2),
    });
    return [
      ...latencyMetrics(`${CLIENTS} clients`, result),
      { name: `TPS, ${CLIENTS} clients`, unit: 'TPS', better: 'higher', value: result.throughput },
    ];
  } finally {
    await endClients(clients);
  }
}
