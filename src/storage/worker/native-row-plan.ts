import type { CopyFormatOptions } from '../../protocol/copy/copy-options.js';
import { TypeOid } from '../../protocol/types/oids.js';
import type { TypeContext } from '../../protocol/types/type-context.js';
import { zoneOf } from '../../protocol/types/session-clock.js';
import { FixedZone } from '../../protocol/types/timezone.js';
import { scaleOfTypmod } from '../../sql/types/numeric-scale.js';
import type { OutputColumn } from '../engine-messages.js';
import { formatOf } from './row-encoder.js';

/** Column kinds of native/row_stream.c (the numbers are shared with it). */
export const NativeKind = {
  int2: 1, int4: 2, int8: 3, oid: 4, text: 5, bpchar: 6, bool: 7, bytea: 8, numeric: 9, timestamptzUtc: 10,
} as const;

/** What the C encoder is told per column: its kind, and a width (bpchar) or scale (numeric), else -1. */
export interface NativeRowPlan {
  kinds: Int32Array;
  args: Int32Array;
}

/** Types whose TEXT storage is already their text output (storage.ts; scalar-encode.ts prints them as stored). */
const asStored = new Set<number>([
  TypeOid.text, TypeOid.varchar, TypeOid.name, TypeOid.unknown, TypeOid.char, TypeOid.json, TypeOid.jsonb,
  TypeOid.uuid, TypeOid.date, TypeOid.time, TypeOid.timestamp, TypeOid.record, 0,
]);

const VARHDRSZ = 4;

/**
 * The native kind of one column, or undefined when only the JavaScript encoder prints it: floats
 * (shortest round-trip output), interval (stored as written, reprinted), arrays, void, timestamptz
 * outside UTC, and any type not listed. Cells of a supported column that are not in their usual
 * storage form still go to JavaScript one row at a time (row_stream.c's fallback).
 */
function kindOf(column: OutputColumn, ctx: TypeContext): [number, number] | undefined {
  const oid = column.typeOid;
  switch (oid) {
    case TypeOid.int2: return [NativeKind.int2, -1];
    case TypeOid.int4: return [NativeKind.int4, -1];
    case TypeOid.int8: return [NativeKind.int8, -1];
    case TypeOid.oid: return [NativeKind.oid, -1];
    case TypeOid.bool: return [NativeKind.bool, -1];
    case TypeOid.bytea: return [NativeKind.bytea, -1];
    case TypeOid.bpchar:
      return column.typeModifier > VARHDRSZ ? [NativeKind.bpchar, column.typeModifier - VARHDRSZ] : [NativeKind.text, -1];
    case TypeOid.numeric:
      return [NativeKind.numeric, scaleOfTypmod(column.typeModifier) ?? -1];
    case TypeOid.timestamptz: {
      const zone = zoneOf(ctx);
      return zone instanceof FixedZone && zone.offset === 0 ? [NativeKind.timestamptzUtc, -1] : undefined;
    }
    default:
      return asStored.has(oid) ? [NativeKind.text, -1] : undefined;
  }
}

function planOf(columns: OutputColumn[], ctx: TypeContext): NativeRowPlan | undefined {
  if (columns.length === 0) return undefined;
  const kinds = new Int32Array(columns.length);
  const args = new Int32Array(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const kind = kindOf(columns[i], ctx);
    if (!kind) return undefined;
    [kinds[i], args[i]] = kind;
  }
  return { kinds, args };
}

/** The plan for text-format DataRow messages, or undefined when a column needs JavaScript (or binary format). */
export function dataRowPlan(columns: OutputColumn[], resultFormats: number[], ctx: TypeContext): NativeRowPlan | undefined {
  for (let i = 0; i < columns.length; i++) if (formatOf(resultFormats, i) !== 0) return undefined;
  return planOf(columns, ctx);
}

/**
 * Characters that C writes without the escaping pass (it escapes only TEXT cells): digits and '-'
 * of integers, 't'/'f' of bools, '\\x' and hex digits of bytea, bpchar's padding blanks. A
 * delimiter among them would need escaping there too.
 */
const UNSAFE_DELIMITERS = '0123456789abcdeftx- \\';

/** Set on a kind when CSV's FORCE_QUOTE applies to the column (row_stream.c). */
const FORCE_QUOTE = 0x100;

const isAsciiChar = (c: string) => c.length === 1 && c.charCodeAt(0) < 0x80;

/**
 * The plan for COPY TO in text or CSV format, or undefined (binary, a non-ASCII delimiter / quote /
 * escape, a text-format delimiter that unescaped output can contain, a column needing JavaScript).
 * CSV quotes whole cells after they are printed, so any ASCII delimiter works there.
 */
export function copyPlan(columns: OutputColumn[], options: CopyFormatOptions, ctx: TypeContext): NativeRowPlan | undefined {
  const d = options.delimiter;
  if (options.format === 'text') {
    if (!isAsciiChar(d) || UNSAFE_DELIMITERS.includes(d)) return undefined;
    return planOf(columns, ctx);
  }
  if (options.format !== 'csv' || !isAsciiChar(d) || !isAsciiChar(options.quote) || !isAsciiChar(options.escape)) return undefined;
  let forced: boolean[] | undefined;
  if (options.forceQuote === '*') forced = columns.map(() => true);
  else if (options.forceQuote.length > 0) {
    // Without the column list the JavaScript encoder raises its error.
    if (!options.columns) return undefined;
    const names = new Set(options.forceQuote);
    forced = options.columns.map((name) => names.has(name));
  }
  const plan = planOf(columns, ctx);
  if (plan && forced) for (let i = 0; i < plan.kinds.length; i++) if (forced[i]) plan.kinds[i] |= FORCE_QUOTE;
  return plan;
}
