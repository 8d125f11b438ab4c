import type pg from 'pg';
import type { RunContext, ServerTargetName } from './types.js';

/**
 * bench_point: the small keyed table of the point-select and mixed-load scenarios, the same
 * rows on every target, created once per server for the whole run.
 */
export const POINT_ROWS = 10_000;
const BATCH = 500;

export const POINT_SELECT_SQL = 'SELECT v FROM bench_point WHERE id = $1';

/** Every target creates the same table with the same rows from plain SQL. */
export function pointTableStatements(): string[] {
  const statements = ['DROP TABLE IF EXISTS bench_point', 'CREATE TABLE bench_point (id integer PRIMARY KEY, v text NOT NULL)'];
  for (let first = 1; first <= POINT_ROWS; first += BATCH) {
    const values: string[] = [];
    for (let id = first; id < first + BATCH && id <= POINT_ROWS; id++) values.push(`(${id}, 'row ${id}')`);
    statements.push(`INSERT INTO bench_point (id, v) VALUES ${values.join(', ')}`);
  }
  return statements;
}

export async function ensurePointTable(target: ServerTargetName, ctx: RunContext, client: pg.Client): Promise<void> {
  await ctx.once(target, 'bench_point table', async () => {
    await client.query('BEGIN');
    for (const sql of pointTableStatements()) await client.query(sql);
    await client.query('COMMIT');
  });
}

/**
 * The same key sequence for every target and round (a fixed-seed LCG), spread over the
 * whole table so no target gets a friendlier cache pattern than another.
 */
export function pointKeyAt(i: number): number {
  return ((i * 2_654_435_761) % POINT_ROWS) + 1;
}

/** Proves that a timed statement returned the right row, so an error or empty result can never pass as fast. */
export function checkPointRow(id: number, v: unknown): void {
  if (v !== `row ${id}`) throw new Error(`point select for id ${id} returned ${JSON.stringify(v)}`);
}

/** One prepared point select on `client`, checked. */
export async function pointSelect(client: pg.Client, id: number): Promise<void> {
  const result = await client.query<{ v: string }>({ name: 'bench_point_select', text: POINT_SELECT_SQL, values: [id] });
  checkPointRow(id, result.rows[0]?.v);
}
