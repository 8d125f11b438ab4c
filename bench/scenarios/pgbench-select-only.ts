import { pgbenchTps } from '../lib/pgbench.js';
import type { Measurement, Metric, RunContext, Scenario, TargetName } from '../lib/types.js';
import { clientsLabel, ensurePgbenchTables, PGBENCH_SCALE, pgbenchThreads } from '../lib/pgbench-tables.js';

/** 1 client shows per-statement cost; 8 and 32 clients (settings.pgbenchClients) show how reads scale. */
const PROTOCOLS = ['simple', 'prepared'] as const;

export const pgbenchSelectOnly: Scenario = {
  name: 'pgbench-select-only',
  description:
    `pgbench -S (one random primary-key SELECT on pgbench_accounts per transaction), scale ${PGBENCH_SCALE}, ` +
    'TPS with 1 client (-j 1), 8 clients (-j 2) and, in --full runs, 32 clients (-j 2), -M prepared and -M simple ' +
    '(quick runs: -M simple with 1 client only), -n (no vacuum: nothing is written).',
  targets: ['pgsqlite', 'postgres'],
  quick: true,
  async run(target: TargetName, ctx: RunContext): Promise<Measurement> {
    if (target === 'sqlite') throw new Error('pgbench needs a server');
    await ensurePgbenchTables(target, ctx);
    const endpoint = await ctx.endpoint(target);
    const metrics: Metric[] = [];
    for (const clients of ctx.settings.pgbenchClients) {
      for (const protocol of PROTOCOLS) {
        if (protocol === 'simple' && !ctx.settings.pgbenchSimpleClients.includes(clients)) continue;
        const tps = await pgbenchTps(endpoint, {
          script: 'select-only', clients, threads: pgbenchThreads(clients), protocol, seconds: ctx.settings.selectSeconds, vacuum: false,
        });
        metrics.push({ name: `TPS, ${clientsLabel(clients)}, -M ${protocol}`, unit: 'TPS', better: 'higher', value: tps });
      }
    }
    return { metrics };
  },
};
