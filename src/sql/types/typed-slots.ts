/**
 * Typed slots: SQL whose form depends on a type only the engine knows (a table column's). The
 * translator writes the native form with its operands marked, and in a comment ahead of it the
 * terms that decide and the other form's joiners; the engine picks a form when it prepares the
 * statement (resolveTypedSlots, called from storage/worker/column-types.ts). Unresolved, the SQL
 * is the native form (the markers are comments). `a + b` over a numeric column becomes
 * `pgsqlite_numeric_add(a, b)` this way; operands are written once, so nesting stays linear in size.
 */
import { enumOfOid } from './enum-declared-type.js';
import { evaluateTerm, resolved, UNKNOWN, type ColumnTypeLookup, type Term } from './type-terms.js';

/** One slot: which terms decide, and the two forms' text around the operands. */
export interface TypedSlot {
  /** The slot takes the special form when any of these terms resolves to one of `oids`. */
  terms: Term[];
  oids: number[];
  /** Text around the operands: n operands, n + 1 pieces each. */
  native: string[];
  special: string[];
  /**
   * Further forms, tried in order when `terms` choose no special form: the first whose terms
   * resolve to one of its oids wins (a date/time rule ahead of a numeric one, say).
   */
  more?: { terms: Term[]; oids: number[]; special: string[] }[];
}

const slotMarker = '/*pgsqlite:slot ';
const separatorMarker = '/*pgsqlite:sep*/';
const endMarker = '/*pgsqlite:end*/';
/** In a special piece, replaced by the type that chose it. */
export const slotTypeMarker = '/*pgsqlite:type*/';
/** In a special piece, replaced by the type of the choosing rule's term `i` (0 when unknown). */
export function slotTermTypeMarker(i: number): string {
  return '/*pgsqlite:type' + i + '*/';
}

/** The SQL for a slot over already translated operands. */
export function typedSlot(slot: TypedSlot, operands: string[]): string {
  const more = slot.more?.map((rule) => ({ t: rule.terms, o: rule.oids, s: rule.special }));
  const head = JSON.stringify({ t: slot.terms, o: slot.oids, n: slot.native, s: slot.special, ...(more !== undefined ? { m: more } : {}) }).replace(/\*\//g, '*\\u002f');
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
    const head = JSON.parse(sql.slice(start + slotMarker.length, headEnd)) as { t: Term[]; o: number[]; n: string[]; s: string[]; m?: { t: Term[]; o: number[]; s: string[] }[] };
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
    let pieces = head.n;
    for (const rule of [head, ...(head.m ?? [])]) {
      const types = rule.t.map((t) => evaluateTerm(t, column));
      const chosen = types.map(resolved).find((type) => type !== null && (rule.o.includes(type) || (rule.o.includes(ANY_ENUM) && enumOfOid(type)?.array === false)));
      if (chosen === undefined || chosen === null) continue;
      pieces = rule.s.map((p) => fillEnumMarker(fillTypeMarkers(p.split(slotTypeMarker).join(String(chosen)), types), chosen));
      break;
    }
    out += pieces[0];
    for (let k = 0; k < operands.length; k++) out += resolveTypedSlots(operands[k]!, column) + pieces[k + 1];
    start = sql.indexOf(slotMarker, pos);
  }
  return out + sql.slice(pos);
}

/** In a slot's `oids`: any enum type (types/enum-declared-type.ts), whose OIDs are computed. */
export const ANY_ENUM = -100;
/** In a special piece, replaced by the SQL string of the storage name of the enum that chose it. */
export const slotEnumNameMarker = '/*pgsqlite:enum*/';

function fillEnumMarker(piece: string, chosen: number): string {
  if (!piece.includes(slotEnumNameMarker)) return piece;
  const name = enumOfOid(chosen)?.name ?? '';
  return piece.split(slotEnumNameMarker).join("'" + name.split("'").join("''") + "'");
}

/** Per-term type markers: an untyped literal or an unknown type is 0. */
function fillTypeMarkers(piece: string, types: (number | null)[]): string {
  if (!piece.includes('/*pgsqlite:type')) return piece;
  return piece.replace(/\/\*pgsqlite:type(\d+)\*\//g, (_, i: string) => {
    const type = types[Number(i)];
    return String(type === undefined || type === null || type === UNKNOWN ? 0 : type);
  });
}
