/**
 * Output functions for non-array types: a storage value to wire text or binary. SQLite lets
 * any column hold any storage class, so each reader also accepts the neighbouring classes
 * (a REAL in an integer column, INTEGER 1 for a bool, TEXT in a numeric column) and converts;
 * text output falls back to the value's own text rather than failing, binary output raises a
 * proper PgError when no conversion exists.
 */
import type { SqliteValue, TypeContext } from './storage.js';
import { sqlTypeName, TypeOid } from './oids.js';
import { tryParseBool } from './bool.js';
import { INT2_MAX, INT2_MIN, INT4_MAX, INT4_MIN, INT8_MAX, INT8_MIN, OID_MAX, parseInt8, roundHalfEven } from './integer.js';
import { formatFloat4, formatFloat8, parseFloat8, plainDecimal } from './float.js';
import { looksCanonicalNumeric, numericToBinary, parseNumeric } from './numeric.js';
import { formatByteaHex } from './bytea.js';
import { charTextByte } from './char-types.js';
import { dateStorageToText, dateToBinary } from './date.js';
import { timeStorageToText, timeToBinary } from './time.js';
import { timestampStorageToText, timestampToBinary, timestamptzStorageToText, timestamptzToBinary } from './timestamp.js';
import { intervalToBinary, type Interval } from './interval.js';
import { parseInterval } from './interval-input.js';
import { formatInterval } from './interval-output.js';
import { uuidFromBinary, uuidToBinary } from './uuid.js';
import { invalidSyntax, notSupported, outOfRange } from './errors.js';

function bytesText(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
}

/** Any non-null storage value as plain text (what SQLite's CAST(x AS TEXT) would give, roughly). */
export function looseText(value: Exclude<SqliteValue, null>): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatFloat8(value);
  return bytesText(value);
}

/** An integer out of any storage class; undefined when there is none (e.g. 'abc'). */
function looseBigInt(value: Exclude<SqliteValue, null>): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? BigInt(roundHalfEven(value)) : undefined;
  const text = typeof value === 'string' ? value : bytesText(value);
  try {
    return parseInt8(text);
  } catch {
    try {
      const f = parseFloat8(text);
      return Number.isFinite(f) ? BigInt(roundHalfEven(f)) : undefined;
    } catch {
      return undefined;
    }
  }
}

/** A double out of any storage class ('NaN' text included); undefined when there is none. */
function looseNumber(value: Exclude<SqliteValue, null>): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  const text = typeof value === 'string' ? value : bytesText(value);
  try {
    return parseFloat8(text);
  } catch {
    return undefined;
  }
}

function looseBool(value: Exclude<SqliteValue, null>): boolean | undefined {
  if (typeof value === 'bigint') return value !== 0n;
  if (typeof value === 'number') return value !== 0;
  return tryParseBool(typeof value === 'string' ? value : bytesText(value));
}

/** numeric storage text from any storage class (REALs keep their shortest printed digits). */
function looseNumeric(value: Exclude<SqliteValue, null>): string | undefined {
  if (typeof value === 'string') {
    if (looksCanonicalNumeric(value)) return value;
    try {
      return parseNumeric(value);
    } catch {
      return undefined;
    }
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return plainDecimal(value);
  return looseNumeric(bytesText(value));
}

/** Interval from storage: the postgres-style text, or a number of seconds. */
export function storedInterval(value: Exclude<SqliteValue, null>): Interval | undefined {
  if (typeof value === 'number' || typeof value === 'bigint') {
    const us = Math.round(Number(value) * 1e6);
    return Number.isFinite(us) ? { months: 0, days: 0, us } : undefined;
  }
  try {
    return parseInterval(typeof value === 'string' ? value : bytesText(value));
  } catch {
    return undefined;
  }
}

/**
 * A stored interval in IntervalStyle 'postgres'. An interval written untyped into a column
 * ('2 hours 30 minutes', '-1 year 2 mons') is stored as written, so each distinct text is parsed
 * and printed once and remembered (intervals repeat; this keeps output to a map lookup).
 */
const postgresIntervals = new Map<string, string>();
function postgresIntervalText(value: string): string {
  let text = postgresIntervals.get(value);
  if (text === undefined) {
    const iv = storedInterval(value);
    text = iv === undefined ? value : formatInterval(iv, 'postgres');
    if (postgresIntervals.size >= 4096) postgresIntervals.clear();
    postgresIntervals.set(value, text);
  }
  return text;
}

/** A storage value (not null) of a scalar type as PostgreSQL's text output. */
export function encodeScalarText(oid: number, value: Exclude<SqliteValue, null>, ctx: TypeContext): string {
  switch (oid) {
    case TypeOid.int4: case TypeOid.int8: case TypeOid.int2: case TypeOid.oid:
      // SQLite computes integers in 64 bits and turns an int8 overflow into a REAL; a result
      // outside its PostgreSQL type's range is where PostgreSQL raised 22003.
      if (typeof value === 'bigint') return inIntegerRange(oid, value).toString();
      if (typeof value === 'number' && Number.isFinite(value)) return String(inIntegerRange(oid, roundHalfEven(value)));
      return looseText(value);
    case TypeOid.text: case TypeOid.varchar: case TypeOid.bpchar: case TypeOid.name: case TypeOid.unknown:
    case TypeOid.char: case TypeOid.json: case TypeOid.jsonb: case TypeOid.record: case 0:
      return typeof value === 'string' ? value : looseText(value);
    case TypeOid.bool: {
      if (typeof value === 'bigint') return value !== 0n ? 't' : 'f';
      const b = looseBool(value);
      return b === undefined ? looseText(value) : b ? 't' : 'f';
    }
    case TypeOid.float8: {
      if (typeof value === 'number') return formatFloat8(value);
      const v = looseNumber(value);
      return v === undefined ? looseText(value) : formatFloat8(v);
    }
    case TypeOid.float4: {
      if (typeof value === 'number') return formatFloat4(value);
      const v = looseNumber(value);
      return v === undefined ? looseText(value) : formatFloat4(v);
    }
    case TypeOid.numeric:
      // Stored numerics are canonical; RETURNING shows a value as written ('1e3'), before the
      // column's trigger stores its canonical form.
      return looseNumeric(value) ?? looseText(value);
    case TypeOid.bytea:
      if (value instanceof Uint8Array) return formatByteaHex(value);
      return formatByteaHex(Buffer.from(looseText(value), 'utf8'));
    case TypeOid.date: return dateStorageToText(value, ctx);
    case TypeOid.time: return timeStorageToText(value, ctx);
    case TypeOid.timestamp: return timestampStorageToText(value, ctx);
    case TypeOid.timestamptz: return timestamptzStorageToText(value, ctx);
    case TypeOid.interval: {
      const style = ctx.intervalStyle;
      if (typeof value === 'string' && (style === undefined || style === 'postgres')) return postgresIntervalText(value);
      const iv = storedInterval(value);
      return iv === undefined ? looseText(value) : formatInterval(iv, style);
    }
    case TypeOid.uuid:
      if (typeof value === 'string') return value;
      if (value instanceof Uint8Array && value.length === 16) return uuidFromBinary(Buffer.from(value));
      return looseText(value);
    case TypeOid.void:
      return '';
    default:
      return looseText(value);
  }
}

const integerRanges: Record<number, [bigint, bigint, string]> = {
  [TypeOid.int2]: [BigInt(INT2_MIN), BigInt(INT2_MAX), 'smallint out of range'],
  [TypeOid.int4]: [BigInt(INT4_MIN), BigInt(INT4_MAX), 'integer out of range'],
  [TypeOid.int8]: [INT8_MIN, INT8_MAX, 'bigint out of range'],
  [TypeOid.oid]: [BigInt(INT4_MIN), BigInt(OID_MAX), 'OID out of range'],
};

/** The value itself when its type can hold it, else PostgreSQL's 22003. */
function inIntegerRange<T extends bigint | number>(oid: number, value: T): T {
  const [min, max, message] = integerRanges[oid]!;
  if (typeof value === 'bigint' ? value < min || value > max : value < Number(min) || value > Number(max) || (oid === TypeOid.int8 && value === Number(max))) {
    throw outOfRange(message);
  }
  return value;
}

function int16(v: number): Buffer {
  const b = Buffer.allocUnsafe(2);
  b.writeInt16BE(v, 0);
  return b;
}

function int32(v: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeInt32BE(v, 0);
  return b;
}

function integerBinary(oid: number, value: Exclude<SqliteValue, null>): Buffer {
  const v = looseBigInt(value);
  if (v === undefined) throw invalidSyntax(sqlTypeName(oid), looseText(value));
  switch (oid) {
    case TypeOid.int2:
      if (v < INT2_MIN || v > INT2_MAX) throw outOfRange('smallint out of range');
      return int16(Number(v));
    case TypeOid.int4:
      if (v < INT4_MIN || v > INT4_MAX) throw outOfRange('integer out of range');
      return int32(Number(v));
    case TypeOid.oid: {
      if (v < INT4_MIN || v > OID_MAX) throw outOfRange('OID out of range');
      const b = Buffer.allocUnsafe(4);
      b.writeUInt32BE(v < 0n ? Number(v) + OID_MAX + 1 : Number(v), 0);
      return b;
    }
    default: {
      if (v < INT8_MIN || v > INT8_MAX) throw outOfRange('bigint out of range');
      const b = Buffer.allocUnsafe(8);
      b.writeBigInt64BE(v, 0);
      return b;
    }
  }
}

function textBytes(value: Exclude<SqliteValue, null>): Buffer {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (value instanceof Uint8Array) return Buffer.from(value);
  return Buffer.from(looseText(value), 'utf8');
}

/** A storage value (not null) of a scalar type in PostgreSQL's binary format. */
export function encodeScalarBinary(oid: number, value: Exclude<SqliteValue, null>, ctx: TypeContext): Buffer {
  switch (oid) {
    case TypeOid.int4: case TypeOid.int8: case TypeOid.int2: case TypeOid.oid:
      return integerBinary(oid, value);
    case TypeOid.text: case TypeOid.varchar: case TypeOid.bpchar: case TypeOid.name: case TypeOid.unknown:
    case TypeOid.json: case 0:
      return textBytes(value);
    case TypeOid.bool: {
      const b = looseBool(value);
      if (b === undefined) throw invalidSyntax('boolean', looseText(value));
      return Buffer.from([b ? 1 : 0]);
    }
    case TypeOid.float8: {
      const v = looseNumber(value);
      if (v === undefined) throw invalidSyntax('double precision', looseText(value));
      const b = Buffer.allocUnsafe(8);
      b.writeDoubleBE(v, 0);
      return b;
    }
    case TypeOid.float4: {
      const v = looseNumber(value);
      if (v === undefined) throw invalidSyntax('real', looseText(value));
      const b = Buffer.allocUnsafe(4);
      b.writeFloatBE(v, 0);
      return b;
    }
    case TypeOid.numeric: {
      const s = looseNumeric(value);
      if (s === undefined) throw invalidSyntax('numeric', looseText(value));
      return numericToBinary(s);
    }
    case TypeOid.bytea:
      return value instanceof Uint8Array ? Buffer.from(value) : Buffer.from(looseText(value), 'utf8');
    case TypeOid.char:
      return Buffer.from([charTextByte(typeof value === 'string' ? value : looseText(value))]);
    case TypeOid.date: return dateToBinary(value, ctx);
    case TypeOid.time: return timeToBinary(value, ctx);
    case TypeOid.timestamp: return timestampToBinary(value, ctx);
    case TypeOid.timestamptz: return timestamptzToBinary(value, ctx);
    case TypeOid.interval: {
      const iv = storedInterval(value);
      if (iv === undefined) throw invalidSyntax('interval', looseText(value));
      return intervalToBinary(iv);
    }
    case TypeOid.uuid:
      if (value instanceof Uint8Array && value.length === 16) return Buffer.from(value);
      return uuidToBinary(looseText(value));
    case TypeOid.jsonb: {
      const body = textBytes(value);
      const b = Buffer.allocUnsafe(body.length + 1);
      b[0] = 1;
      body.copy(b, 1);
      return b;
    }
    case TypeOid.void:
      return Buffer.alloc(0);
    case TypeOid.record:
      throw notSupported('binary output of anonymous composite types is not implemented');
    default:
      return textBytes(value);
  }
}

