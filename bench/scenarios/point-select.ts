import { join } from 'node:path';
import { latencyMetrics, measureLatency, measureLatencySync } from '../lib/latency.js';
import { withClient } from '../lib/pg-client.js';
import { openFloorDatabase } from '../lib/sqlite-floor.js';
import type { Measurement, RunContext, Scenario, TargetName } from '../lib/types.js';

const ROWS = 10_000;
const BATCH = 500;
const LABEL = 'prepared, by primary key';

/** Every target creates the same table with the same rows from plain SQL. */
function setupStatements(): string[] {
  const statements = ['DROP TABLE IF EXISTS bench_point', 'CREATE TABLE bench_point (id integer PRIMARY KEY, v text NOT NULL)'];
  for (let first = 1; first <= ROWS; first += BATCH) {
    const values: string[] = [];
    for (let id = first; id < first + BATCH && id <= ROWS; id++) values.push(`(${id}, 'row ${id}')`);
    statements.push(`INSERT INTO bench_point (id, v) VALUES ${values.join(', ')}`);
  }
  return statements;
}

/**
 * The same key sequence for every target and round (a fixed-seed LCG), spread over the
 * whole table so no target gets a friendlier cache pattern than another.
 */
function keyAt(i: number): number {
  return ((i * 2_654_435_761) % ROWS) + 1;
}

/** Proves that the timed statement returns the right row, so an error or empty result can never pass as fast. */
function check(id: number, v: unknown): void {
  if (v !== `row ${id}`) throw new Error(`point select for id ${id} returned ${JSON.stringify(v)}`);
}

export const pointSelect: Scenario = {
  name: 'point-select',
  description:
    `SELECT v FROM bench_point WHERE id = $1 on a ${ROWS}-row table, one node-postgres client, a named (prepared) ` +
    'statement, keys spread over the table. better-sqlite3 floor: the same query as a reused statement, in-process, ' +
    'on a file in WAL mode.',
  targets: ['pgsqlite', 'postgres', 'sqlite'],
  quick: true,
  async run(target: TargetName, ctx: RunContext): Promise<Measurement> {
    const options = { warmup: ctx.settings.warmupIterations, iterations: ctx.settings.latencyIterations };
    if (target === 'sqlite') {
      const db = openFloorDatabase(join(await ctx.scratchDir(), 'point-select.sqlite'));
      try {
        db.transaction(() => setupStatements().forEach((sql) => db.exec(sql)))();
        const statement = db.prepare<[number], { v: string }>('SELECT v FROM bench_point WHERE id = ?');
        check(keyAt(0), statement.get(keyAt(0))?.v);
        return { metrics: latencyMetrics(LABEL, measureLatencySync((i) => statement.get(keyAt(i)), options)) };
      } finally {
        db.close();
      }
    }
    const endpoint = await ctx.endpoint(target);
    return withClient(endpoint, async (client) => {
      await ctx.once(target, 'bench_point table', async () => {
        await client.query('BEGIN');
        for (const sql of setupStatements()) await client.query(sql);
        await client.query('COMMIT');
      });
      const query = (id: number) => ({ name: 'bench_point_select', text: 'SELECT v FROM bench_point WHERE id = $1', values: [id] });
      check(keyAt(0), (await client.query(query(keyAt(0)))).rows[0]?.v);
      return { metrics: latencyMetrics(LABEL, await measureLatency((i) => client.query(query(keyAt(i))), options)) };
    });
  },
};
