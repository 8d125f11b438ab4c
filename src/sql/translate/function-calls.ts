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

/**
 * PostgreSQL functions that SQLite has under another name with the same meaning. The parser
 * spells trim(BOTH …) btrim and position(a IN b) position(b, a) (instr's argument order).
 * bool_and/bool_or/every are min/max over SQLite's 0/1 (NULLs ignored, as PostgreSQL does).
 */
const sqliteNames: Record<string, string> = {
  btrim: 'trim', char_length: 'length', character_length: 'length', strpos: 'instr', position: 'instr',
  jsonb_array_length: 'json_array_length', bool_and: 'min', every: 'min', bool_or: 'max',
};

export function functionCall(st: TranslationState, node: FuncCall): string {
  if (node.agg_within_group) unsupported(st, 'WITHIN GROUP', node.location);
  if (node.func_variadic) unsupported(st, 'VARIADIC', node.location);
  const parts = stringsOf(node.funcname);
  const renamed = sqliteNames[parts[parts.length - 1] ?? ''];
  const name = functionName(st, renamed !== undefined ? [renamed] : parts, node.location);
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
