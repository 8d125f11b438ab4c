/**
 * `x op ANY (…)` and `x op ALL (…)` for the comparison operators SQLite's IN / NOT IN cannot
 * express (`price > ALL (SELECT …)`, `10 > ALL(ints)`), over a subquery or an array's elements.
 *
 * SQL's three-valued rules decide the result from the per-element comparisons:
 * ALL is false when one comparison is false, else NULL when one is NULL, else true (so true over
 * no elements); ANY is true when one is true, else NULL when one is NULL, else false. The
 * comparisons are counted in one aggregate over the elements, with the left operand correlated.
 */
import { unsupported } from './unsupported.js';
import type { TranslationState } from './translation-state.js';

/** Comparison operators the quantified form accepts, PostgreSQL spelling → SQLite's. */
const comparisons: Record<string, string> = { '=': '=', '<>': '<>', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

// Unusual names: the left operand is written inside the helper query, where a user column named
// like the helper's columns would otherwise be shadowed.
const values = 'pgsqlite_quantified_values';
const value = 'pgsqlite_quantified_value';
const test = 'pgsqlite_quantified_test';

/**
 * @param left the left operand's SQL (any precedence: it is parenthesised here)
 * @param elements a one-column query yielding the elements (a subquery, or json_each over an array)
 * @param what how the right side is named in a refusal (`subquery`, `array`)
 * @param array the array's SQL: a NULL array makes the answer NULL (not the empty set's)
 */
export function quantifiedComparison(
  st: TranslationState, left: string, op: string, quantifier: 'ANY' | 'ALL', elements: string, what: string, location?: number, array?: string,
): string {
  const sqliteOp = comparisons[op];
  if (sqliteOp === undefined) return unsupported(st, `${op} ${quantifier} (${what})`, location);
  const decided = quantifier === 'ALL' ? `min(${test}) = 0 THEN 0` : `max(${test}) = 1 THEN 1`;
  const otherwise = quantifier === 'ALL' ? '1' : '0';
  return `(WITH ${values}(${value}) AS (${elements}) SELECT CASE ${array === undefined ? '' : `WHEN (${array}) IS NULL THEN NULL `}WHEN ${decided} WHEN count(${test}) < count(*) THEN NULL ELSE ${otherwise} END`
    + ` FROM (SELECT (${left}) ${sqliteOp} ${value} AS ${test} FROM ${values}))`;
}
