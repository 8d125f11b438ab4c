/** CASE, COALESCE and GREATEST/LEAST. */
import type { CaseExpr, CoalesceExpr, MinMaxExpr } from 'libpg-query';
import { expression, expressionList } from './expressions.js';
import { nodeBody, type Node } from './parse-tree.js';
import { Prec } from './precedence.js';
import type { TranslationState } from './translation-state.js';

/** Simple (CASE x WHEN v …) and searched (CASE WHEN cond …) forms are both SQLite's too. */
export function caseExpression(st: TranslationState, node: CaseExpr): string {
  let text = 'CASE';
  if (node.arg !== undefined) text += ' ' + expression(st, node.arg);
  for (const when of node.args ?? []) {
    const body = nodeBody(when, 'CaseWhen');
    text += ' WHEN ' + expression(st, body.expr!) + ' THEN ' + expression(st, body.result!);
  }
  if (node.defresult !== undefined) text += ' ELSE ' + expression(st, node.defresult);
  return text + ' END';
}

/** SQLite's coalesce() wants two or more arguments; PostgreSQL allows one. */
export function coalesceExpression(st: TranslationState, node: CoalesceExpr): string {
  const args = node.args ?? [];
  if (args.length === 1) return 'coalesce(' + expression(st, args[0]!) + ', NULL)';
  return 'coalesce(' + expressionList(st, args) + ')';
}

/**
 * GREATEST/LEAST ignore NULL arguments (NULL only when all are NULL); SQLite's multi-argument
 * max()/min() return NULL as soon as one argument is NULL. Each argument is therefore replaced by
 * coalesce(itself, the others…): a NULL argument turns into some non-NULL one, which cannot change
 * the max/min of the non-NULL values, and all-NULL stays NULL. The price: arguments are evaluated
 * more than once, so a volatile argument (random()) may be drawn several times.
 */
export function minMaxExpression(st: TranslationState, node: MinMaxExpr): string {
  const fn = node.op === 'IS_LEAST' ? 'min' : 'max';
  // One argument is its own greatest; parenthesised as a primary, it fits any slot.
  if (node.args?.length === 1) return expression(st, node.args[0]!, Prec.Primary);
  const args = (node.args ?? []).map((arg: Node) => expression(st, arg));
  let text = fn + '(';
  for (let i = 0; i < args.length; i++) {
    if (i > 0) text += ', ';
    text += 'coalesce(' + args[i];
    for (let j = 1; j < args.length; j++) text += ', ' + args[(i + j) % args.length];
    text += ')';
  }
  return text + ')';
}
