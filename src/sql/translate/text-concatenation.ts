/**
 * `||` with a non-text operand: PostgreSQL converts it with its type's output function ('abc' ||
 * true is 'abctrue', || 1.5::float8 prints float8_out's digits), where SQLite's || would print
 * the stored 1/0 or its own float text. Only bool and float operands differ, so only they go
 * through pgsqlite_text_concat (catalog/text-functions.ts); other || stays SQLite's.
 */
import { BOOL, FLOAT4, FLOAT8, foldTerm, needsColumns, evaluateTerm, UNKNOWN, type Term } from '../types/type-terms.js';
import { slotTermTypeMarker } from '../types/typed-slots.js';
import type { SlotRule } from './datetime-operators.js';

const convertedTypes = [BOOL, FLOAT4, FLOAT8];

/** The call for operands of known types (undefined when SQLite's || prints them right). */
export function staticTextConcat(left: Term, right: Term, leftText: string, rightText: string): string | undefined {
  if (needsColumns(left) || needsColumns(right)) return undefined;
  // An untyped literal is text (0: printed as it is).
  const known = (t: number | null) => (t === null || t === UNKNOWN ? 0 : t);
  const lt = known(evaluateTerm(left, () => null));
  const rt = known(evaluateTerm(right, () => null));
  if (!convertedTypes.includes(lt) && !convertedTypes.includes(rt)) return undefined;
  return `pgsqlite_text_concat(${leftText}, ${rightText}, ${lt}, ${rt})`;
}

/** The typed-slot rule for operands typed by table columns (after the array/jsonb rule). */
export function textConcatRule(left: Term, right: Term): SlotRule | undefined {
  if (!needsColumns(left) && !needsColumns(right)) return undefined;
  return {
    terms: [foldTerm(left), foldTerm(right)],
    oids: convertedTypes,
    special: ['pgsqlite_text_concat(', ', ', `, ${slotTermTypeMarker(0)}, ${slotTermTypeMarker(1)})`],
  };
}
