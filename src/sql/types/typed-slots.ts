/**
 * Typed slots: SQL whose form depends on a type only the engine knows (a table column's). The
 * translator writes the native form with its operands marked, and in a comment ahead of it the
 * terms that decide and the other form's joiners; the engine picks a form when it prepares the
 * statement (resolveTypedSlots, called from storage/worker/column-types.ts). Unresolved, the SQL
 * is the native form (the markers are comments). `a + b` over a numeric column becomes
 * `pgsqlite_numeric_add(a, b)` this way; operands are written once, so nesting stays linear in size.
 */
import { evaluateTerm, resolved, type ColumnTypeLookup, type Term } from './type-terms.js';

/** One slot: which terms decide, and the two forms' text around the operands. */
export interface TypedSlot {
  /** The slot takes the special form when any of these terms resolves to one of `oids`. */
  terms: Term[];
  oids: number[];
  /** Text around the operands: n operands, n + 1 pieces each. */
  native: string[];
  special: string[];
}

const slotMarker = '/*pgsqlite:slot ';
const separatorMarker = '/*pgsqlite:sep*/';
const endMarker = '/*pgsqlite:end*/';
/** In a special piece, replaced by the type that chose it. */
export const slotTypeMarker = '/*pgsqlite:type*/';

/** The SQL for a slot over already translated operands. */
export function typedSlot(slot: TypedSlot, operands: string[]): string {
  const head = JSON.stringify({ t: slot.terms, o: slot.oids, n: slot.native, s: slot.special }).replace(/\*\//g, '*\\u002f');
  return slotMarker + head + '*/' + operands.join(separatorMarker) + endMarker;
}

/** Whether `sql` holds typed slots to resolve. */
export function hasTypedSlots(sql: string): boolean {
  return sql.includes(slotMarker);
}

/** The SQL with every slot replaced by the form its terms choose (`column` answers declared types). */
export function resolveTypedSlots(sql: string, column: ColumnTypeLookup): string {
  let start = sql.indexOf(slotMarker);
  if (start < 0) return sql;
  let out = '';
  let pos = 0;
  while (start >= 0) {
    out += sql.slice(pos, start);
    const headEnd = sql.indexOf('*/', start + slotMarker.length);
    const head = JSON.parse(sql.slice(start + slotMarker.length, headEnd)) as { t: Term[]; o: number[]; n: string[]; s: string[] };
    // Split the operands at this slot's own separators, skipping nested slots.
    const operands: string[] = [];
    let depth = 1;
    let i = headEnd + 2;
    let operandStart = i;
    for (;;) {
      const nextSlot = sql.indexOf(slotMarker, i);
      const nextSep = sql.indexOf(separatorMarker, i);
      const nextEnd = sql.indexOf(endMarker, i);
      if (nextEnd < 0) throw new Error('unterminated typed slot');
      if (nextSlot >= 0 && nextSlot < nextEnd && (nextSep < 0 || nextSlot < nextSep)) {
        depth++;
        i = sql.indexOf('*/', nextSlot + slotMarker.length) + 2;
      } else if (nextSep >= 0 && nextSep < nextEnd) {
        if (depth === 1) {
          operands.push(sql.slice(operandStart, nextSep));
          operandStart = nextSep + separatorMarker.length;
        }
        i = nextSep + separatorMarker.length;
      } else {
        depth--;
        if (depth === 0) {
          operands.push(sql.slice(operandStart, nextEnd));
          pos = nextEnd + endMarker.length;
          break;
        }
        i = nextEnd + endMarker.length;
      }
    }
    let chosen: number | undefined;
    for (const t of head.t) {
      const type = resolved(evaluateTerm(t, column));
      if (type !== null && head.o.includes(type)) {
        chosen = type;
        break;
      }
    }
    const pieces = chosen !== undefined ? head.s.map((p) => p.split(slotTypeMarker).join(String(chosen))) : head.n;
    out += pieces[0];
    for (let k = 0; k < operands.length; k++) out += resolveTypedSlots(operands[k]!, column) + pieces[k + 1];
    start = sql.indexOf(slotMarker, pos);
  }
  return out + sql.slice(pos);
}
