import { pgbenchInit } from './pgbench.js';
import type { RunContext, ServerTargetName } from './types.js';

/**
 * Both pgbench scenarios use the same scale-1 tables (100 000 accounts), initialised once
 * per target for the whole run. Select-only runs first (see scenarios/index.ts), so TPC-B's
 * updates never change what it reads.
 */
export const PGBENCH_SCALE = 1;

export async function ensurePgbenchTables(target: ServerTargetName, ctx: RunContext): Promise<void> {
  await ctx.once(target, `pgbench -i -s ${PGBENCH_SCALE}`, async () => {
    ctx.log(`${target}: pgbench -i -s ${PGBENCH_SCALE}`);
    await pgbenchInit(await ctx.endpoint(target), PGBENCH_SCALE);
  });
}
