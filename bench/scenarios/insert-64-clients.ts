import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pgbenchRun } from '../lib/pgbench.js';
import { latencyFromLogs } from '../lib/pgbench-log.js';
import { withClient } from '../lib/pg-client.js';
import type { Endpoint, Measurement, Metric, PgsqliteVariant, RunContext, Scenario, TargetName } from '../lib/types.js';
import type { SqliteSynchronous } from '../targets/pgsqlite-process.js';

const CLIENTS = 64;
const SCRIPT = '\\set v random(1, 1000000)\nINSERT INTO bench_insert (client, v) VALUES (:client_id, :v);\n';

interface Variant {
  label: string;
  settings: PgsqliteVariant;
}

/**
 * pgsqlite with group commit (its default) and without it (maxBatchSize 1: one commit per
 * INSERT), the comparison the write-queue work is judged by; in --full runs both again at
 * synchronous=FULL, PostgreSQL's durability class, when the run itself is not already FULL.
 */
function variants(ctx: RunContext): Variant[] {
  const levels: SqliteSynchronous[] = [ctx.synchronous];
  if (ctx.settings.full && ctx.synchronous !== 'FULL') levels.push('FULL');
  return levels.flatMap((synchronous) => [
    { label: `batching on, synchronous=${synchronous}`, settings: { synchronous } },
    { label: `batching off, synchronous=${synchronous}`, settings: { synchronous, maxBatchSize: 1 } },
  ]);
}

/**
 * 64 clients each sending single-row autocommit INSERTs: the case group commit exists for.
 * pgbench drives both servers with the same script, so the client side costs the same.
 */
export const insert64Clients: Scenario = {
  name: 'insert-64-clients',
  description:
    `${CLIENTS} pgbench clients (-j 2), each a loop of single-row autocommit INSERTs into one table (-M prepared), ` +
    'TPS and p50/p99 latency from pgbench\'s per-transaction logs (-l). pgsqlite runs twice per round: with group commit ' +
    '(its default) and with it off (a second server with maxBatchSize 1); in --full runs both again at synchronous=FULL. ' +
    'PostgreSQL (fsync=on, one WAL flush per commit, which concurrent commits may share) runs once per round, and its ' +
    'figure is the reference in every row. Each run checks the table row count against the transactions pgbench counted.',
  targets: ['pgsqlite', 'postgres'],
  quick: true,
  async run(target: TargetName, ctx: RunContext): Promise<Measurement> {
    if (target === 'sqlite') throw new Error('pgbench needs a server');
    const all = variants(ctx);
    if (target === 'postgres') {
      const result = await insertRun(await ctx.endpoint('postgres'), ctx);
      return { metrics: all.flatMap((v) => metricsOf(v.label, result)) };
    }
    const metrics: Metric[] = [];
    for (const variant of all) metrics.push(...metricsOf(variant.label, await insertRun(await ctx.pgsqliteVariant(variant.settings), ctx)));
    return { metrics };
  },
};

interface InsertResult {
  tps: number;
  p50: number;
  p99: number;
}

async function insertRun(endpoint: Endpoint, ctx: RunContext): Promise<InsertResult> {
  const scratch = await ctx.scratchDir();
  const script = join(scratch, 'insert.sql');
  await writeFile(script, SCRIPT);
  const logDir = await mkdtemp(join(scratch, 'insert-log-'));
  try {
    await withClient(endpoint, async (client) => {
      await client.query('DROP TABLE IF EXISTS bench_insert');
      await client.query('CREATE TABLE bench_insert (client integer NOT NULL, v integer NOT NULL)');
    });
    const result = await pgbenchRun(endpoint, {
      script: { file: script }, clients: CLIENTS, threads: 2, protocol: 'prepared', seconds: ctx.settings.tpcbSeconds, vacuum: false, logDir,
    });
    const latency = await latencyFromLogs(logDir);
    const rows = await withClient(endpoint, async (client) =>
      Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM bench_insert')).rows[0]?.n));
    // When -T runs out, pgbench stops counting but a client's last INSERT may already be on
    // its way and still commit: at most one extra row per client.
    if (latency.transactions !== result.transactions || rows < result.transactions || rows > result.transactions + CLIENTS) {
      throw new Error(`pgbench counted ${result.transactions} INSERTs, its logs ${latency.transactions}, the table holds ${rows}`);
    }
    return { tps: result.tps, p50: latency.p50, p99: latency.p99 };
  } finally {
    await rm(logDir, { recursive: true, force: true });
  }
}

function metricsOf(label: string, result: InsertResult): Metric[] {
  return [
    { name: `TPS, ${label}`, unit: 'TPS', better: 'higher', value: result.tps },
    { name: `p50 latency, ${label}`, unit: 'µs', better: 'lower', value: result.p50 },
    { name: `p99 latency, ${label}`, unit: 'µs', better: 'lower', value: result.p99 },
  ];
}
