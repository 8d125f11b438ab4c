/**
 * @> and <@ mean array containment when an operand is an array and jsonb containment otherwise;
 * the two differ (arrays ignore dimensions and duplicates, NULL elements match nothing, a column
 * may hold an array literal as written). An array operand known here calls
 * pgsqlite_array_contains (catalog/array-functions.ts); one from a table column is decided by the
 * engine from the declared type (a typed slot), else the jsonb function stays.
 */
import type { A_Expr } from 'libpg-query';
import { expression } from './expressions.js';
import type { TranslationState } from './translation-state.js';
import { expressionTerm } from '../infer-output-types.js';
import type { AstNode } from '../parser.js';
import { arrayTypes, evaluateTerm, foldTerm, isArrayType, needsColumns } from '../types/type-terms.js';
import { typedSlot } from '../types/typed-slots.js';

const arrayOids = Object.values(arrayTypes);

/** `a @> b` (or `a <@ b`, written with the operands swapped) as array or jsonb containment. */
export function containment(st: TranslationState, node: A_Expr, op: '@>' | '<@'): string {
  const [outer, inner] = op === '@>' ? [node.lexpr!, node.rexpr!] : [node.rexpr!, node.lexpr!];
  const terms = [expressionTerm(outer as AstNode, st.typeScope), expressionTerm(inner as AstNode, st.typeScope)];
  const operands = [expression(st, outer), expression(st, inner)];
  if (!terms.some(needsColumns)) {
    const array = terms.some((t) => isArrayType(evaluateTerm(t, () => null)));
    return (array ? 'pgsqlite_array_contains(' : 'pgsqlite_jsonb_contains(') + operands.join(', ') + ')';
  }
  return typedSlot({
    terms: terms.map(foldTerm), oids: arrayOids, native: ['pgsqlite_jsonb_contains(', ', ', ')'], special: ['pgsqlite_array_contains(', ', ', ')'],
  }, operands);
}
