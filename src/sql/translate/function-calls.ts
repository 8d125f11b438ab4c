/**
 * Function calls, aggregates and window functions. Names are passed through (the dialect issue
 * maps PostgreSQL functions onto SQLite's and registers the missing ones); the call syntax around
 * them — DISTINCT, ORDER BY inside the call, FILTER, OVER — is SQLite's own (3.44+).
 */
import type { FuncCall } from 'libpg-query';
import { catalogFunction } from './catalog-functions.js';
import { expression, expressionList } from './expressions.js';
import { stringsOf } from './parse-tree.js';
import { functionName } from './qualified-names.js';
import { sortList } from './sort-clauses.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';
import { overClause } from './window-definitions.js';

export function functionCall(st: TranslationState, node: FuncCall): string {
  if (node.agg_within_group) unsupported(st, 'WITHIN GROUP', node.location);
  if (node.func_variadic) unsupported(st, 'VARIADIC', node.location);
  const name = functionName(st, stringsOf(node.funcname), node.location);
  if (!node.agg_star && !node.agg_distinct && !node.agg_order?.length && node.agg_filter === undefined && node.over === undefined) {
    const macro = catalogFunction(name, (node.args ?? []).map((arg) => expression(st, arg)));
    if (macro !== undefined) return macro;
  }
  let text = name + '(';
  if (node.agg_star) {
    text += '*';
  } else {
    if (node.agg_distinct) text += 'DISTINCT ';
    text += expressionList(st, node.args);
  }
  if (node.agg_order?.length) text += ' ORDER BY ' + sortList(st, node.agg_order);
  text += ')';
  if (node.agg_filter !== undefined) text += ' FILTER (WHERE ' + expression(st, node.agg_filter) + ')';
  if (node.over !== undefined) text += ' OVER ' + overClause(st, node.over);
  return text;
}
