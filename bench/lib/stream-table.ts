import { withClient } from './pg-client.js';
import type { Endpoint, RunContext, ServerTargetName } from './types.js';

/**
 * bench_stream (a integer, b bigint, c text): rows 1..n as (i, 2i, 'row i'), read by the
 * streaming and mixed-load scenarios, filled once per server for the whole run.
 *
 * Filled by a recursive CTE because pgsqlite does not support set-returning functions in
 * FROM (generate_series) yet; the same statement runs on both servers.
 */
export const STREAM_COLUMNS = 'a, b, c';

/** On `endpoint`, by default the target's main server; a pgsqlite variant is a server of its own with its own table. */
export async function ensureStreamTable(target: ServerTargetName, ctx: RunContext, rows: number, endpoint?: Endpoint): Promise<void> {
  const server = endpoint ?? (await ctx.endpoint(target));
  await ctx.once(target, `bench_stream ${rows} rows on port ${server.port}`, async () => {
    ctx.log(`${target} (port ${server.port}): filling bench_stream with ${rows.toLocaleString('en-US')} rows`);
    await withClient(server, async (client) => {
      await client.query('DROP TABLE IF EXISTS bench_stream');
      await client.query('CREATE TABLE bench_stream (a integer NOT NULL, b bigint NOT NULL, c text NOT NULL)');
      await client.query(
        'INSERT INTO bench_stream (a, b, c) ' +
          `WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < ${rows}) ` +
          "SELECT i, i * 2, 'row ' || i FROM g",
      );
      // PostgreSQL's first scan of fresh rows sets their hint bits (a write); do it now, not in round 1.
      if (target === 'postgres') await client.query('VACUUM ANALYZE bench_stream');
      const count = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM bench_stream')).rows[0]?.n);
      if (count !== rows) throw new Error(`bench_stream holds ${count} rows, expected ${rows}`);
    });
  });
}

/** Sum of column a over the whole table, to check that a stream delivered every row once. */
export function expectedSumOfA(rows: number): number {
  return (rows * (rows + 1)) / 2;
}
