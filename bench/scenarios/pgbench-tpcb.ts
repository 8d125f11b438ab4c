import { pgbenchTps } from '../lib/pgbench.js';
import type { Measurement, Metric, RunContext, Scenario, TargetName } from '../lib/types.js';
import { clientsLabel, ensurePgbenchTables, PGBENCH_SCALE, pgbenchThreads } from '../lib/pgbench-tables.js';

export const pgbenchTpcb: Scenario = {
  name: 'pgbench-tpcb',
  description:
    `pgbench's default TPC-B-like script (3 UPDATEs, 1 SELECT, 1 INSERT in one transaction), scale ${PGBENCH_SCALE}, ` +
    '-M simple, TPS with 1 client, 8 clients (-j 2) and, in --full runs, 32 clients (-j 2); at scale 10 the clients ' +
    'spread over 10 branch rows, so 32 clients also contend for them. pgbench vacuums and truncates history before ' +
    'each run, as it does by default. Writes, so durability settings matter.',
  targets: ['pgsqlite', 'postgres'],
  quick: true,
  async run(target: TargetName, ctx: RunContext): Promise<Measurement> {
    if (target === 'sqlite') throw new Error('pgbench needs a server');
    await ensurePgbenchTables(target, ctx);
    const endpoint = await ctx.endpoint(target);
    const metrics: Metric[] = [];
    for (const clients of ctx.settings.pgbenchClients) {
      const tps = await pgbenchTps(endpoint, {
        script: 'tpcb-like', clients, threads: pgbenchThreads(clients), protocol: 'simple', seconds: ctx.settings.tpcbSeconds, vacuum: true,
      });
      metrics.push({ name: `TPS, ${clientsLabel(clients)}`, unit: 'TPS', better: 'higher', value: tps });
    }
    return { metrics };
  },
};
