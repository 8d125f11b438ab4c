import { pgbenchTps } from '../lib/pgbench.js';
import type { Measurement, Metric, RunContext, Scenario, TargetName } from '../lib/types.js';
import { ensurePgbenchTables, PGBENCH_SCALE } from '../lib/pgbench-tables.js';

/** 1 client shows per-statement cost; 8 clients over 2 pgbench threads show how reads scale. */
const RUNS = [
  { clients: 1, threads: 1 },
  { clients: 8, threads: 2 },
] as const;
const PROTOCOLS = ['simple', 'prepared'] as const;

export const pgbenchSelectOnly: Scenario = {
  name: 'pgbench-select-only',
  description:
    `pgbench -S (one random primary-key SELECT on pgbench_accounts per transaction), scale ${PGBENCH_SCALE}, ` +
    'TPS with 1 client (-j 1) and 8 clients (-j 2), -M simple and -M prepared, -n (no vacuum: nothing is written).',
  targets: ['pgsqlite', 'postgres'],
  quick: true,
  async run(target: TargetName, ctx: RunContext): Promise<Measurement> {
    if (target === 'sqlite') throw new Error('pgbench needs a server');
    await ensurePgbenchTables(target, ctx);
    const endpoint = await ctx.endpoint(target);
    const metrics: Metric[] = [];
    for (const { clients, threads } of RUNS) {
      for (const protocol of PROTOCOLS) {
        const tps = await pgbenchTps(endpoint, {
          script: 'select-only', clients, threads, protocol, seconds: ctx.settings.selectSeconds, vacuum: false,
        });
        metrics.push({ name: `TPS, ${clients} client${clients > 1 ? 's' : ''}, -M ${protocol}`, unit: 'TPS', better: 'higher', value: tps });
      }
    }
    return { metrics };
  },
};
