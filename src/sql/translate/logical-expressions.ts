/** AND / OR / NOT, IS [NOT] NULL and IS [NOT] TRUE/FALSE/UNKNOWN: all have direct SQLite forms. */
import type { BoolExpr, BooleanTest, NullTest } from 'libpg-query';
import { expression } from './expressions.js';
import { asNode } from './parse-tree.js';
import { fitPrecedence, Prec } from './precedence.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

export function booleanExpression(st: TranslationState, node: BoolExpr, required: number): string {
  const args = node.args ?? [];
  if (node.boolop === 'NOT_EXPR') {
    return fitPrecedence('NOT ' + expression(st, args[0]!, Prec.Not), Prec.Not, required);
  }
  // AND and OR are associative, so a nested AND inside AND needs no parentheses.
  const [prec, keyword] = node.boolop === 'OR_EXPR' ? [Prec.Or, ' OR '] : [Prec.And, ' AND '];
  let text = expression(st, args[0]!, prec);
  for (let i = 1; i < args.length; i++) text += keyword + expression(st, args[i]!, prec);
  return fitPrecedence(text, prec, required);
}

export function nullTest(st: TranslationState, node: NullTest, required: number): string {
  // ROW(a, b) IS NULL means "every field is NULL" in PostgreSQL; SQLite rejects row values here.
  if (asNode(node.arg, 'RowExpr') !== undefined) return unsupported(st, 'IS NULL on a row value', node.location);
  const keyword = node.nulltesttype === 'IS_NOT_NULL' ? ' IS NOT NULL' : ' IS NULL';
  return fitPrecedence(expression(st, node.arg!, Prec.Equality + 1) + keyword, Prec.Equality, required);
}

const booleanTestKeywords: Record<string, string> = {
  IS_TRUE: ' IS TRUE',
  IS_NOT_TRUE: ' IS NOT TRUE',
  IS_FALSE: ' IS FALSE',
  IS_NOT_FALSE: ' IS NOT FALSE',
  // UNKNOWN is the boolean NULL.
  IS_UNKNOWN: ' IS NULL',
  IS_NOT_UNKNOWN: ' IS NOT NULL',
};

export function booleanTest(st: TranslationState, node: BooleanTest, required: number): string {
  const keyword = booleanTestKeywords[node.booltesttype ?? ''];
  if (keyword === undefined) return unsupported(st, `boolean test ${String(node.booltesttype)}`, node.location);
  return fitPrecedence(expression(st, node.arg!, Prec.Equality + 1) + keyword, Prec.Equality, required);
}
