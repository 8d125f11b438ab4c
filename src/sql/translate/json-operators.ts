/**
 * json's (not jsonb's) -> and ->>: json keeps its input text, so `'{"a": {"b": 2}}'::json -> 'a'`
 * is `{"b": 2}` as written, where SQLite's -> (and jsonb) print it normalised. A json operand
 * calls pgsqlite_json_get(_text) (catalog/json-functions.ts); a json column is recognised by the
 * engine from its declared type (a typed slot), other operands keep SQLite's ->. jsonb takes the
 * same path: its storage is jsonb_out's text already, so the member's text is what jsonb prints
 * (SQLite's -> would print it compactly).
 */
import type { A_Expr } from 'libpg-query';
import { expression } from './expressions.js';
import { fitPrecedence, Prec } from './precedence.js';
import type { TranslationState } from './translation-state.js';
import { expressionTerm } from '../infer-output-types.js';
import type { AstNode } from '../parser.js';
import { evaluateTerm, foldTerm, JSON_, JSONB, needsColumns } from '../types/type-terms.js';
import { typedSlot } from '../types/typed-slots.js';

export function jsonArrow(st: TranslationState, node: A_Expr, op: '->' | '->>', required: number): string | undefined {
  if (node.lexpr === undefined || node.rexpr === undefined) return undefined;
  const term = expressionTerm(node.lexpr as AstNode, st.typeScope);
  const special = op === '->' ? ['pgsqlite_json_get(', ', ', ')'] : ['pgsqlite_json_get_text(', ', ', ')'];
  if (!needsColumns(term)) {
    const type = evaluateTerm(term, () => null);
    if (type !== JSON_ && type !== JSONB) return undefined;
    return special[0] + expression(st, node.lexpr) + special[1] + expression(st, node.rexpr) + special[2];
  }
  const native = op === '->' ? ['', ' -> ', ''] : ['pgsqlite_json_text(', ' -> ', ')'];
  const operands = [expression(st, node.lexpr, Prec.Concat), expression(st, node.rexpr, Prec.Concat + 1)];
  const text = typedSlot({ terms: [foldTerm(term)], oids: [JSON_, JSONB], native, special }, operands);
  return op === '->' ? fitPrecedence(text, Prec.Concat, required) : text;
}
