import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pgbenchRun } from '../lib/pgbench.js';
import { withClient } from '../lib/pg-client.js';
import type { Measurement, Metric, RunContext, Scenario, TargetName } from '../lib/types.js';

const CLIENTS = 64;

/**
 * 64 clients each sending single-row autocommit INSERTs: the case group commit exists for.
 * pgbench drives both servers with the same script, so the client side costs the same.
 */
export const insert64Clients: Scenario = {
  name: 'insert-64-clients',
  description:
    `${CLIENTS} pgbench clients (-j 2), each a loop of single-row autocommit INSERTs into one table ` +
    '(-M prepared), TPS and average latency. pgsqlite commits them in groups; PostgreSQL commits each.',
  targets: ['pgsqlite', 'postgres'],
  quick: true,
  async run(target: TargetName, ctx: RunContext): Promise<Measurement> {
    if (target === 'sqlite') throw new Error('pgbench needs a server');
    const endpoint = await ctx.endpoint(target);
    await withClient(endpoint, async (client) => {
      await client.query('DROP TABLE IF EXISTS bench_insert');
      await client.query('CREATE TABLE bench_insert (client integer NOT NULL, v integer NOT NULL)');
    });
    const script = join(await ctx.scratchDir(), 'insert.sql');
    writeFileSync(script, '\\set v random(1, 1000000)\nINSERT INTO bench_insert (client, v) VALUES (:client_id, :v);\n');
    const result = await pgbenchRun(endpoint, {
      script: { file: script }, clients: CLIENTS, threads: 2, protocol: 'prepared', seconds: ctx.settings.tpcbSeconds, vacuum: false,
    });
    const metrics: Metric[] = [
      { name: `TPS, ${CLIENTS} clients`, unit: 'TPS', better: 'higher', value: result.tps },
      { name: `average latency, ${CLIENTS} clients`, unit: 'µs', better: 'lower', value: result.latencyMs * 1000 },
    ];
    return { metrics };
  },
};
