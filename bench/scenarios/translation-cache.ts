import { measureLatencySync } from '../lib/latency.js';
import type { Measurement, RunContext, Scenario, TargetName } from '../lib/types.js';
import { initParser } from '../../src/sql/parser.js';
import { prepareQuery, type PreparedQuery } from '../../src/sql/query-cache.js';

/** A 217-character statement of the kind an application sends; `total` varies to make each text new. */
function statement(total: number): string {
  return (
    'SELECT o.id, o.customer_id, o.total, c.name, c.email FROM orders AS o JOIN customers AS c ON c.id = o.customer_id ' +
    `WHERE o.status = 'shipped' AND o.total > ${total} AND o.created_at >= $1 ORDER BY o.created_at DESC LIMIT 50`
  );
}

/** The statement must have been translated, not merely parsed into a deferred error: a failure must not pass as fast. */
function check(prepared: PreparedQuery[], total: number): void {
  const sql = prepared[0]?.translated?.sql[0];
  if (prepared.length !== 1 || prepared[0]?.error !== undefined || !sql?.includes(`o.total > ${total}`)) {
    throw new Error(`statement ${total} was not translated: ${String(prepared[0]?.error ?? sql)}`);
  }
}

/** Counts up across rounds, so no uncached call ever meets a text an earlier one left in the cache. */
let nextLiteral = 1;

/** Cached lookups are far below the timer's resolution one by one, so they are timed in blocks of this many. */
const BLOCK = 1_000;

export const translationCache: Scenario = {
  name: 'translation-cache',
  description:
    'In-process, no server: the cost of pgsqlite\'s statement cache (src/sql/query-cache.ts prepareQuery) for a ' +
    '217-character SELECT with a join, WHERE, ORDER BY and LIMIT. Cached: the same text again (a map lookup), timed in ' +
    `blocks of ${BLOCK.toLocaleString('en-US')} calls, µs per call (goal: under 5 µs). Uncached: a different literal every ` +
    'call, so each is parsed by the WASM PostgreSQL parser, classified and translated (and the cache evicts its oldest ' +
    'entry once full), p50/p99 per call. No PostgreSQL counterpart, so no ratio.',
  targets: ['pgsqlite'],
  quick: true,
  async run(_target: TargetName, ctx: RunContext): Promise<Measurement> {
    await initParser();
    const { warmupIterations: warmup, latencyIterations: iterations } = ctx.settings;

    const cachedText = statement(0);
    check(prepareQuery(cachedText), 0);
    const blocks = measureLatencySync(() => {
      for (let i = 0; i < BLOCK; i++) prepareQuery(cachedText);
    }, { warmup: Math.ceil(warmup / 10), iterations: Math.ceil(iterations / 10) });

    const uncached = measureLatencySync(() => {
      const total = nextLiteral++;
      check(prepareQuery(statement(total)), total);
    }, { warmup, iterations });
    return {
      metrics: [
        { name: 'cached lookup, per call (p50 of blocks)', unit: 'µs', better: 'lower', value: blocks.p50 / BLOCK },
        { name: 'cached lookup, per call (p99 of blocks)', unit: 'µs', better: 'lower', value: blocks.p99 / BLOCK },
        { name: 'parse + translate, p50', unit: 'µs', better: 'lower', value: uncached.p50 },
        { name: 'parse + translate, p99', unit: 'µs', better: 'lower', value: uncached.p99 },
      ],
    };
  },
};
