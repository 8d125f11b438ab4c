/**
 * Casts that involve float4/float8 and need more than SQLite's CAST:
 *   - float to text prints float8out's / float4out's shortest form (SQLite's CAST prints `1.0`,
 *     `1.0e+100`; PostgreSQL `1`, `1e+100`);
 *   - real to double precision widens the float32 value (0.1::float4::float8 is
 *     0.10000000149011612). float4 values are kept as the doubles they were written as (and
 *     printed by float4out), so the widening rounds them to float32 first.
 * The argument's type is decided here when known, else by the engine (a typed slot).
 */
import type { TypeCast } from 'libpg-query';
import { expressionTerm } from '../infer-output-types.js';
import type { AstNode } from '../parser.js';
import { evaluateTerm, FLOAT4, FLOAT8, foldTerm, needsColumns, resolved } from '../types/type-terms.js';
import { typedSlot } from '../types/typed-slots.js';
import { expression } from './expressions.js';
import type { TranslationState } from './translation-state.js';

const floatText: Record<number, string> = { [FLOAT8]: 'pgsqlite_float8_text(', [FLOAT4]: 'pgsqlite_float4_text(' };

/** The SQL of a cast to `base` (the target's parser name) when floats need it; else undefined. */
export function floatCast(st: TranslationState, node: TypeCast, base: string, modifiers: number[]): string | undefined {
  const toText = (base === 'text' || base === 'varchar') && modifiers.length === 0;
  if (!toText && base !== 'float8') return undefined;
  const term = expressionTerm(node.arg as AstNode, st.typeScope);
  const known = needsColumns(term) ? undefined : resolved(evaluateTerm(term, () => null));
  if (known !== undefined) {
    if (known === FLOAT4 && base === 'float8') return 'pgsqlite_float4_round(' + expression(st, node.arg!) + ')';
    const text = floatText[known ?? 0];
    if (toText && text !== undefined) return text + expression(st, node.arg!) + ')';
    return undefined;
  }
  const operand = expression(st, node.arg!);
  const folded = foldTerm(term);
  if (base === 'float8') {
    return typedSlot({ terms: [folded], oids: [FLOAT4], native: ['CAST(', ' AS REAL)'], special: ['pgsqlite_float4_round(', ')'] }, [operand]);
  }
  return typedSlot({
    terms: [folded], oids: [FLOAT8], native: ['CAST(', ' AS TEXT)'], special: [floatText[FLOAT8]!, ')'],
    more: [{ terms: [folded], oids: [FLOAT4], special: [floatText[FLOAT4]!, ')'] }],
  }, [operand]);
}
