/**
 * Date/time operators over operands whose types only the engine knows (table columns): `d + 1`,
 * `tz + iv`, `ts - TIMESTAMP '…'`, `date_trunc('year', at) = '2024-01-01'`. They are extra rules
 * of the operator's typed slot (sql/types/typed-slots.ts): when an operand's declared type is a
 * date/time type the engine writes pgsqlite_datetime_op / pgsqlite_datetime_cmp (dates and
 * timestamps are stored as text, so SQLite's + and = would treat them as numbers or strings).
 */
import { DATE, INTERVAL, needsColumns, TIME, TIMESTAMP, TIMESTAMPTZ, TIMETZ, foldTerm, type Term } from '../types/type-terms.js';
import { slotTermTypeMarker } from '../types/typed-slots.js';

const datetimeOids = [DATE, TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ, INTERVAL];

export interface SlotRule {
  terms: Term[];
  oids: number[];
  special: string[];
}

/**
 * The date/time rule for `left op right`: arithmetic passes both operands' types to
 * pgsqlite_datetime_op; a comparison of a computed date/time value (`deciding`, the terms the
 * comparison decides by) compares the values with pgsqlite_datetime_cmp, so an untyped literal
 * meets it as a date/time (PostgreSQL casts the literal to the other side's type).
 * Undefined when no operand depends on table columns (the translator decides those itself).
 */
export function datetimeSlotRule(op: string, left: Term, right: Term, isComparison: boolean, deciding: Term[]): SlotRule | undefined {
  if (isComparison) {
    if (!deciding.some(needsColumns)) return undefined;
    const symbol = op === '!=' ? '<>' : op;
    return { terms: deciding.map(foldTerm), oids: datetimeOids, special: ['pgsqlite_datetime_cmp(', ', ', ') ' + symbol + ' 0'] };
  }
  if (op !== '+' && op !== '-' && op !== '*' && op !== '/') return undefined;
  if (!needsColumns(left) && !needsColumns(right)) return undefined;
  return {
    terms: [foldTerm(left), foldTerm(right)],
    oids: datetimeOids,
    special: [`pgsqlite_datetime_op('${op}', `, ', ', `, ${slotTermTypeMarker(0)}, ${slotTermTypeMarker(1)})`],
  };
}
