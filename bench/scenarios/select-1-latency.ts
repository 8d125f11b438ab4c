import Database from 'better-sqlite3';
import { latencyMetrics, measureLatency, measureLatencySync } from '../lib/latency.js';
import { withClient } from '../lib/pg-client.js';
import type { Measurement, RunContext, Scenario, TargetName } from '../lib/types.js';

const SIMPLE = 'simple protocol';

/** Every call's answer is checked, so an error or an empty result can never pass as a fast one. */
function check(value: unknown): void {
  if (value !== 1) throw new Error(`SELECT 1 returned ${JSON.stringify(value)}`);
}

function firstValue(result: { rows: unknown[][] }): unknown {
  return result.rows[0]?.[0];
}
const PREPARED = 'extended protocol, prepared';

/**
 * The cost of one round trip that does no work: what the protocol handling, the hop to a
 * worker thread and back, and the socket cost per statement, with nothing to hide behind.
 */
export const select1Latency: Scenario = {
  name: 'select-1-latency',
  description:
    'SELECT 1, one node-postgres client, one statement at a time. Simple protocol: a Query message per call. ' +
    'Extended: a named statement parsed once, then Bind/Execute/Sync per call. ' +
    'better-sqlite3 floor: prepare+get per call (simple) and a reused statement (prepared), in-process.',
  targets: ['pgsqlite', 'postgres', 'sqlite'],
  quick: true,
  async run(target: TargetName, ctx: RunContext): Promise<Measurement> {
    const options = { warmup: ctx.settings.warmupIterations, iterations: ctx.settings.latencyIterations };
    if (target === 'sqlite') {
      const db = new Database(':memory:');
      try {
        const simple = measureLatencySync(() => check(db.prepare('SELECT 1').pluck().get()), options);
        const statement = db.prepare('SELECT 1').pluck();
        const prepared = measureLatencySync(() => check(statement.get()), options);
        return { metrics: [...latencyMetrics(SIMPLE, simple), ...latencyMetrics(PREPARED, prepared)] };
      } finally {
        db.close();
      }
    }
    return withClient(await ctx.endpoint(target), async (client) => {
      const simple = await measureLatency(async () => check(firstValue(await client.query({ text: 'SELECT 1', rowMode: 'array' }))), options);
      const prepared = await measureLatency(
        async () => check(firstValue(await client.query({ name: 'bench_select_1', text: 'SELECT 1', rowMode: 'array' }))),
        options,
      );
      return { metrics: [...latencyMetrics(SIMPLE, simple), ...latencyMetrics(PREPARED, prepared)] };
    });
  },
};
