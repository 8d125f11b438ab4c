import { pgbenchInit } from './pgbench.js';
import type { RunContext, ServerTargetName } from './types.js';

/**
 * Both pgbench scenarios use the same scale-10 tables (1 000 000 accounts, 10 branches), initialised once
 * per target for the whole run. Select-only runs first (see scenarios/index.ts), so TPC-B's
 * updates never change what it reads.
 */
export const PGBENCH_SCALE = 10;

export async function ensurePgbenchTables(target: ServerTargetName, ctx: RunContext): Promise<void> {
  await ctx.once(target, `pgbench -i -s ${PGBENCH_SCALE}`, async () => {
    ctx.log(`${target}: pgbench -i -s ${PGBENCH_SCALE}`);
    await pgbenchInit(await ctx.endpoint(target), PGBENCH_SCALE);
  });
}

/** pgbench -j: one thread per client up to the machine's two cores' worth; more would only add switching. */
export function pgbenchThreads(clients: number): number {
  return Math.min(clients, 2);
}

export function clientsLabel(clients: number): string {
  return `${clients} client${clients > 1 ? 's' : ''}`;
}
