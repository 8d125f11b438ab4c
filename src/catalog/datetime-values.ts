/**
 * Date/time storage values (protocol/types/storage.ts) read into numbers and written back, for
 * the datetime functions and operators: a date is 'YYYY-MM-DD', a timestamp has a clock part,
 * a timestamptz ends in a UTC offset, an interval is postgres-style text.
 */
import { civilFromDays, daysFromCivil, SECS_PER_DAY, UNIX_OFFSET_SECS } from '../protocol/types/calendar.js';
import { formatDateDays, formatTimestampSecs } from '../protocol/types/datetime-format.js';
import { parseInterval } from '../protocol/types/interval-input.js';
import { formatIntervalPostgres } from '../protocol/types/interval-output.js';
import type { Interval } from '../protocol/types/interval.js';
import { isoParts, readIsoTimestamp } from '../protocol/types/iso-timestamp.js';
import { findNamedZone, localToUtc, zoneForSetting, type Zone } from '../protocol/types/timezone.js';
import { parseDateTime, type DateTimeFields } from '../protocol/types/datetime-parse.js';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';

export type StampKind = 'date' | 'timestamp' | 'timestamptz';

/** A point in time: seconds since 2000-01-01 (UTC for timestamptz, wall clock otherwise) + µs. */
export interface Stamp {
  kind: StampKind;
  secs: number;
  us: number;
}

export { SECS_PER_DAY, UNIX_OFFSET_SECS };

/** A stored date/timestamp/timestamptz (or a literal in ISO form); undefined for anything else. */
export function readStamp(value: unknown): Stamp | undefined {
  if (typeof value !== 'string') return undefined;
  if (value === 'infinity' || value === '-infinity') return { kind: 'timestamp', secs: value === 'infinity' ? Infinity : -Infinity, us: 0 };
  if (!readIsoTimestamp(value)) return looseStamp(value);
  const { secs, us, offset, hasOffset } = isoParts;
  if (hasOffset) return { kind: 'timestamptz', secs: secs - offset, us };
  const dateOnly = !/\d:\d/.test(value);
  return { kind: dateOnly ? 'date' : 'timestamp', secs, us };
}

/**
 * A value stored as the client wrote it ('1999-12-31 23:59:59Z', 'March 5, 2024': input checks
 * let PostgreSQL's other spellings through unchanged), read with the full date/time parser.
 * Only text starting like a date is tried, so intervals and times stay cheap to tell apart.
 */
function looseStamp(value: string): Stamp | undefined {
  if (!/^\s*(\d{1,4}[-/.]|\d{8}|[A-Za-z]{3})/.test(value)) return undefined;
  let f: DateTimeFields;
  try {
    f = parseDateTime(value, 'timestamp with time zone', 'MDY', false);
  } catch {
    return undefined;
  }
  if (f.special !== '' || !f.hasDate) return undefined;
  const local = daysFromCivil(f.year, f.month, f.day) * SECS_PER_DAY + (f.hasTime ? f.hour * 3600 + f.minute * 60 + f.second : 0);
  if (f.tzKind === 'offset') return { kind: 'timestamptz', secs: local - f.offset, us: f.micro };
  if (f.tzKind === 'zone') return { kind: 'timestamptz', secs: localToUtc(f.zone!, local + UNIX_OFFSET_SECS) - UNIX_OFFSET_SECS, us: f.micro };
  return { kind: f.hasTime ? 'timestamp' : 'date', secs: local, us: f.micro };
}

/** A stored time 'HH:MM:SS[.f]' as µs of the day; undefined when not a time. */
export function readTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,6}))?)?$/.exec(value);
  if (!m) return undefined;
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1e6 + Number((m[4] ?? '').padEnd(6, '0'));
}

/** A stored interval (or interval text); undefined when the text is not one. */
export function readInterval(value: unknown): Interval | undefined {
  if (typeof value === 'number' || typeof value === 'bigint') return { months: 0, days: 0, us: Math.round(Number(value) * 1e6) };
  if (typeof value !== 'string') return undefined;
  try {
    return parseInterval(value);
  } catch {
    return undefined;
  }
}

export function intervalText(iv: Interval): string {
  return formatIntervalPostgres(iv);
}

export function timestampText(secs: number, us: number): string {
  return formatTimestampSecs(secs, us, '');
}

export function timestamptzText(utcSecs: number, us: number): string {
  return formatTimestampSecs(utcSecs, us, '+00');
}

export function dateText(days: number): string {
  return formatDateDays(days);
}

/** The zone a name means (a session TimeZone setting, 'UTC', 'America/New_York', '+02'). */
export function zoneNamed(name: string): Zone {
  return findNamedZone(name) ?? zoneForSetting(name);
}

/** Local wall-clock seconds of a UTC instant in a zone. */
export function localSecs(zone: Zone, utcSecs: number): number {
  return utcSecs + zone.offsetAt(utcSecs + UNIX_OFFSET_SECS);
}

/** Calendar fields of wall-clock seconds since 2000. */
export interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  us: number;
  /** Days since 2000-01-01. */
  days: number;
}

export function fieldsOf(secs: number, us: number): Fields {
  const days = Math.floor(secs / SECS_PER_DAY);
  const c = civilFromDays(days);
  let rest = secs - days * SECS_PER_DAY;
  const hour = Math.floor(rest / 3600);
  rest -= hour * 3600;
  const minute = Math.floor(rest / 60);
  return { year: c.year, month: c.month, day: c.day, hour, minute, second: rest - minute * 60, us, days };
}

export function secsOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return daysFromCivil(year, month, day) * SECS_PER_DAY + hour * 3600 + minute * 60 + second;
}

/** Adds months to a calendar date, clamping the day to the month's end (PostgreSQL's rule). */
export function addMonths(secs: number, months: number): number {
  if (months === 0) return secs;
  const f = fieldsOf(secs, 0);
  const total = f.year * 12 + (f.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const last = civilFromDays(daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1).day;
  return secsOf(year, month, Math.min(f.day, last), f.hour, f.minute, f.second);
}

export function invalidUnit(unit: string, type: string): PgError {
  return new PgError({ code: SqlState.featureNotSupported, message: `unit "${unit}" not supported for type ${type}` });
}

export function invalidValue(message: string): PgError {
  return new PgError({ code: SqlState.invalidParameterValue, message });
}
