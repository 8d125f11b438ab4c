import { setTimeout as sleep } from 'node:timers/promises';
import { connectClients, endClients } from '../lib/pg-client.js';
import { childrenOf, treePssKiB } from '../lib/process-memory.js';
import type { Measurement, RunContext, Scenario, TargetName } from '../lib/types.js';

/** Lets the server finish what opening the connections set off (allocations, a backend's start-up) before reading. */
const SETTLE_MS = 1_000;
const EXIT_WAIT_MS = 10_000;

export const idleConnections: Scenario = {
  name: 'idle-connections',
  description:
    'Opens 200 node-postgres connections (1,000 with --full), 16 at a time; each runs SELECT 1 once (checked) and then ' +
    'idles. Server memory is the PSS (proportional set size, /proc/<pid>/smaps_rollup) summed over the server\'s ' +
    'processes — pgsqlite\'s one process; PostgreSQL\'s postmaster and all its children (backends and auxiliary ' +
    'processes) — so shared memory is counted once, not once per backend as summed RSS would. Reported: the growth ' +
    'per connection, (after − before) / connections, and the total with every connection open. Both servers allow ' +
    '1,100 connections.',
  targets: ['pgsqlite', 'postgres'],
  quick: true,
  async run(target: TargetName, ctx: RunContext): Promise<Measurement> {
    if (target === 'sqlite') throw new Error('connections need a server');
    const endpoint = await ctx.endpoint(target);
    const count = ctx.settings.idleConnections;
    const childrenBefore = childrenOf(endpoint.processId).length;
    const before = treePssKiB(endpoint.processId);
    const clients = await connectClients(endpoint, count);
    let after: number;
    try {
      await Promise.all(clients.map(async (client) => {
        const one = (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one;
        if (one !== 1) throw new Error(`SELECT 1 returned ${JSON.stringify(one)}`);
      }));
      await sleep(SETTLE_MS);
      after = treePssKiB(endpoint.processId);
    } finally {
      await endClients(clients);
    }
    await waitForBackendsToExit(endpoint.processId, childrenBefore);
    return {
      metrics: [
        { name: 'memory per idle connection', unit: 'KiB', better: 'lower', value: (after - before) / count },
        { name: `server memory with ${count.toLocaleString('en-US')} idle connections`, unit: 'MiB', better: 'lower', value: after / 1024 },
      ],
    };
  },
};

/**
 * PostgreSQL's backends exit a moment after their client leaves; the next round (or scenario)
 * should not start with hundreds of them still winding down. pgsqlite has no children: no wait.
 */
async function waitForBackendsToExit(pid: number, childrenBefore: number): Promise<void> {
  const deadline = Date.now() + EXIT_WAIT_MS;
  while (childrenOf(pid).length > childrenBefore && Date.now() < deadline) await sleep(50);
}
