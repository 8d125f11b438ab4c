/**
 * The slow path of the input checks CREATE TABLE writes for typed columns
 * (sql/translate/input-checks.ts). Each column's CHECK accepts the common valid values in plain
 * SQLite expressions and calls `pgsqlite_input_check(value, type[, n, s])` only for the rest; this
 * function accepts what PostgreSQL would also accept (NaN for numeric, an unusual date spelling,
 * trailing blanks beyond char(n)) and throws PostgreSQL's error for anything else:
 * 22P02 invalid input syntax, 22003 out of range / numeric field overflow, 22001 value too long,
 * 22007 invalid date/time input.
 */
import type Database from 'better-sqlite3';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { castDatetime } from './datetime-functions.js';
import { parseNumeric } from '../protocol/types/numeric.js';
import { decodeText } from '../protocol/types/decode-param.js';
import { numericWithTypmod, parseDecimal } from '../sql/types/decimal.js';

type Value = unknown;

export interface InputCheckHost {
  /** The session's TimeZone (date/time text is read in it). */
  timeZone(): string;
}

const integerTypes: Record<string, { name: string; min: bigint; max: bigint }> = {
  int2: { name: 'smallint', min: -32768n, max: 32767n },
  int4: { name: 'integer', min: -2147483648n, max: 2147483647n },
  int8: { name: 'bigint', min: -9223372036854775808n, max: 9223372036854775807n },
};

const datetimeTypes: Record<string, { oid: number; name: string }> = {
  date: { oid: 1082, name: 'date' },
  timestamp: { oid: 1114, name: 'timestamp' },
  timestamptz: { oid: 1184, name: 'timestamp with time zone' },
};

const shown = (v: Value) => (Buffer.isBuffer(v) ? '\\x' + v.toString('hex') : String(v));

export function registerInputFunctions(db: Database.Database, host: InputCheckHost): void {
  // A literal written into a bytea or uuid column ('\\x00ff', an uppercase uuid) is text until the
  // type's input function reads it; parameters arrive already converted by their codecs.
  db.function('pgsqlite_stored_input', { deterministic: true }, (value: Value, oid: Value) =>
    (typeof value === 'string' ? decodeText(Number(oid), value, { timeZone: host.timeZone() }) : value) as string | null);
  db.function('pgsqlite_input_check', { deterministic: true, varargs: true }, (value: Value, type: Value, n?: Value, s?: Value) =>
    inputCheck(value, String(type), n === undefined ? undefined : Number(n), s === undefined ? undefined : Number(s), host));
}

function inputCheck(value: Value, type: string, n: number | undefined, s: number | undefined, host: InputCheckHost): 1 {
  if (value === null) return 1;
  const integer = integerTypes[type];
  if (integer !== undefined) {
    const outOfRange = () => new PgError({ code: SqlState.numericValueOutOfRange, message: `${integer.name} out of range` });
    // A fraction is rounded when read (the assignment cast PostgreSQL makes); only the range matters.
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || Math.round(value) < Number(integer.min) || Math.round(value) > Number(integer.max)) throw outOfRange();
      return 1;
    }
    if (typeof value === 'bigint') {
      if (value < integer.min || value > integer.max) throw outOfRange();
      return 1;
    }
    const text = shown(value);
    if (/^\s*[-+]?\d+\s*$/.test(text)) {
      throw new PgError({ code: SqlState.numericValueOutOfRange, message: `value "${text}" is out of range for type ${integer.name}` });
    }
    throw new PgError({ code: SqlState.invalidTextRepresentation, message: `invalid input syntax for type ${integer.name}: "${text}"` });
  }
  if (type === 'numeric') return numericCheck(value, n, s);
  if (type === 'varchar' || type === 'bpchar') {
    const text = shown(value);
    const chars = [...text];
    // PostgreSQL drops excess characters when they are all blanks.
    if (n === undefined || chars.length <= n || chars.slice(n).every((c) => c === ' ')) return 1;
    const name = type === 'varchar' ? 'character varying' : 'character';
    throw new PgError({ code: SqlState.stringDataRightTruncation, message: `value too long for type ${name}(${n})` });
  }
  const datetime = datetimeTypes[type];
  if (datetime !== undefined) {
    // Text goes through the type's input function, which refuses an impossible day, month or hour
    // with PostgreSQL's own error (22008, 22007); castDatetime read '2023-02-29' as March 1st.
    if (typeof value === 'string') {
      decodeText(datetime.oid, value, { timeZone: host.timeZone(), dateStyle: 'ISO, MDY', intervalStyle: 'postgres' });
      return 1;
    }
    try {
      castDatetime(value, datetime.oid, host.timeZone());
      return 1;
    } catch {
      throw new PgError({ code: SqlState.invalidDatetimeFormat, message: `invalid input syntax for type ${datetime.name}: "${shown(value)}"` });
    }
  }
  if (type === 'json' || type === 'jsonb') {
    throw new PgError({ code: SqlState.invalidTextRepresentation, message: `invalid input syntax for type ${type}` });
  }
  return 1;
}

/** numeric and numeric(p, s): NaN passes (and ±Infinity without a typmod); the rounded value must fit p digits. */
function numericCheck(value: Value, precision: number | undefined, scale: number | undefined): 1 {
  const text = shown(value).trim();
  if (/^nan$/i.test(text)) return 1;
  if (/^[-+]?inf(inity)?$/i.test(text)) {
    if (precision === undefined) return 1;
    throw new PgError({ code: SqlState.numericValueOutOfRange, message: 'numeric field overflow', detail: 'A field with precision ' + precision + ', scale ' + scale + ' cannot hold an infinite value.' });
  }
  const match = /^[-+]?(\d*)(?:\.(\d*))?(?:e([-+]?\d+))?$/i.exec(text);
  if (match === null || (match[1] === '' && (match[2] ?? '') === '')) {
    throw new PgError({ code: SqlState.invalidTextRepresentation, message: `invalid input syntax for type numeric: "${text}"` });
  }
  if (precision === undefined) return 1;
  // Exact: a 30-digit value must not pass (or fail) by a double's rounding.
  numericWithTypmod(parseDecimal(parseNumeric(text)), precision, scale ?? 0);
  return 1;
}
