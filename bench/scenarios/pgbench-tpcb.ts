import { pgbenchTps } from '../lib/pgbench.js';
import type { Measurement, Metric, RunContext, Scenario, TargetName } from '../lib/types.js';
import { ensurePgbenchTables, PGBENCH_SCALE } from '../lib/pgbench-tables.js';

/** 4 clients at scale 1 contend on a single branch row, as TPC-B at scale 1 always does. */
const RUNS = [
  { clients: 1, threads: 1 },
  { clients: 4, threads: 2 },
] as const;

export const pgbenchTpcb: Scenario = {
  name: 'pgbench-tpcb',
  description:
    `pgbench's default TPC-B-like script (3 UPDATEs, 1 SELECT, 1 INSERT in one transaction), scale ${PGBENCH_SCALE}, ` +
    '-M simple, TPS with 1 client and 4 clients (-j 2). pgbench vacuums and truncates history before each run, ' +
    'as it does by default. The only scenario that writes, so the only one where durability settings matter.',
  targets: ['pgsqlite', 'postgres'],
  quick: true,
  async run(target: TargetName, ctx: RunContext): Promise<Measurement> {
    if (target === 'sqlite') throw new Error('pgbench needs a server');
    await ensurePgbenchTables(target, ctx);
    const endpoint = await ctx.endpoint(target);
    const metrics: Metric[] = [];
    for (const { clients, threads } of RUNS) {
      const tps = await pgbenchTps(endpoint, {
        script: 'tpcb-like', clients, threads, protocol: 'simple', seconds: ctx.settings.tpcbSeconds, vacuum: true,
      });
      metrics.push({ name: `TPS, ${clients} client${clients > 1 ? 's' : ''}`, unit: 'TPS', better: 'higher', value: tps });
    }
    return { metrics };
  },
};
