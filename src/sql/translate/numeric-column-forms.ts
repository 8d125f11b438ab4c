/**
 * Forms of `-x`, `abs(x)` and `x::int` that depend on whether x is numeric. A numeric (a table
 * column's value or a computed one) is TEXT holding numeric_out's string ('7.50'); SQLite's own
 * `-`, abs() and CAST would read it as a number and lose its scale (`-7.5`) or truncate (7.50::int
 * is 8 in PostgreSQL, CAST gives 7). Decided here when the type is known, else by the engine with
 * the columns' declared types (a typed slot); other types keep SQLite's form.
 */
import { expressionTerm } from '../infer-output-types.js';
import type { AstNode } from '../parser.js';
import { evaluateTerm, FLOAT4, FLOAT8, foldTerm, needsColumns, NUMERIC, resolved } from '../types/type-terms.js';
import { typedSlot } from '../types/typed-slots.js';
import type { Node } from './parse-tree.js';
import type { TranslationState } from './translation-state.js';

function byType(st: TranslationState, operand: Node, oids: number[], native: string[], special: string[], text: string): string | undefined {
  const term = expressionTerm(operand as AstNode, st.typeScope);
  if (!needsColumns(term)) {
    const type = resolved(evaluateTerm(term, () => null));
    return type !== null && oids.includes(type) ? special[0] + text + special[1] : undefined;
  }
  return typedSlot({ terms: [foldTerm(term)], oids, native, special }, [text]);
}

/**
 * `-x`: pgsqlite_numeric_neg keeps the scale. `text` is the operand at unary precedence; the
 * native form keeps a space before an operand that starts with '-' or is itself a slot (which
 * may resolve to one), since `--` starts a comment.
 */
export function numericNegation(st: TranslationState, operand: Node, text: string): string | undefined {
  const minus = text.startsWith('-') || text.startsWith('/') ? '- ' : '-';
  return byType(st, operand, [NUMERIC], [minus, ''], ['pgsqlite_numeric_neg(', ')'], text);
}

/** abs(x) of a numeric keeps the scale. */
export function numericAbs(st: TranslationState, operand: Node, text: string): string | undefined {
  return byType(st, operand, [NUMERIC], ['abs(', ')'], ['pgsqlite_numeric_abs(', ')'], text);
}

/**
 * x::int2/int4/int8 of a column: numeric and float round rather than truncate (a known numeric or
 * float argument is rounded by type-casts.ts already).
 */
export function integerCastOfColumn(st: TranslationState, operand: Node, text: string): string | undefined {
  if (!needsColumns(expressionTerm(operand as AstNode, st.typeScope))) return undefined;
  return byType(st, operand, [NUMERIC, FLOAT8, FLOAT4], ['CAST(', ' AS INTEGER)'], ['CAST(round(', ') AS INTEGER)'], text);
}
