/**
 * PostgreSQL's date/time functions and operators over this server's storage forms
 * (protocol/types/storage.ts): date_trunc, extract/date_part, to_char, to_date, to_timestamp,
 * age, make_*, justify_*, isfinite, timezone (AT TIME ZONE), and the arithmetic operators on
 * dates, timestamps, times and intervals (pgsqlite_datetime_op, written by the translator when an
 * operand is of a date/time type, or may be one).
 */
import type Database from 'better-sqlite3';
import type { Interval } from '../protocol/types/interval.js';
import { localToUtc, type Zone } from '../protocol/types/timezone.js';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import {
  addMonths, dateText, fieldsOf, intervalText, invalidUnit, invalidValue, localSecs, readInterval, readStamp, readTime,
  SECS_PER_DAY, secsOf, timestampText, timestamptzText, UNIX_OFFSET_SECS, zoneNamed, type Fields, type Stamp,
} from './datetime-values.js';
import { toCharNumber, toCharStamp, parseWithFormat } from './datetime-format.js';
import { decodeText } from '../protocol/types/decode-param.js';

type Value = unknown;

export interface DatetimeHost {
  /** The session's TimeZone setting. */
  timeZone(): string;
  /** Start of the running statement's transaction (ISO, UTC). */
  transactionStart(): string;
}

const DAY_US = 86_400e6;

const unitAliases: Record<string, string> = {
  microsecond: 'microseconds', microseconds: 'microseconds', us: 'microseconds', usec: 'microseconds', usecs: 'microseconds',
  millisecond: 'milliseconds', milliseconds: 'milliseconds', ms: 'milliseconds', msec: 'milliseconds', msecs: 'milliseconds',
  second: 'second', seconds: 'second', sec: 'second', secs: 'second', s: 'second',
  minute: 'minute', minutes: 'minute', min: 'minute', mins: 'minute', m: 'minute',
  hour: 'hour', hours: 'hour', h: 'hour', hr: 'hour', hrs: 'hour',
  day: 'day', days: 'day', d: 'day', week: 'week', weeks: 'week', w: 'week',
  month: 'month', months: 'month', mon: 'month', mons: 'month', quarter: 'quarter', qtr: 'quarter',
  year: 'year', years: 'year', y: 'year', yr: 'year', yrs: 'year', decade: 'decade', decades: 'decade',
  century: 'century', centuries: 'century', millennium: 'millennium', millennia: 'millennium', millenniums: 'millennium',
  dow: 'dow', isodow: 'isodow', doy: 'doy', epoch: 'epoch', isoyear: 'isoyear', julian: 'julian', timezone: 'timezone',
  timezone_hour: 'timezone_hour', timezone_minute: 'timezone_minute',
};

function unitOf(value: Value): string {
  const text = String(value).toLowerCase().trim();
  return unitAliases[text] ?? text;
}

function strict<T extends Value[]>(fn: (...args: T) => unknown) {
  return (...args: T) => (args.some((a) => a === null || a === undefined) ? null : fn(...args));
}

function badInput(type: string, value: Value): PgError {
  return new PgError({ code: SqlState.invalidDatetimeFormat, message: `invalid input syntax for type ${type}: "${String(value)}"` });
}

/** Day of week, 0 = Sunday, of days since 2000-01-01 (a Saturday). */
function dayOfWeek(days: number): number {
  return (((days + 6) % 7) + 7) % 7;
}

/** ISO 8601 week number and week-numbering year. */
function isoWeek(f: Fields): { week: number; year: number } {
  const isoDow = dayOfWeek(f.days) || 7;
  const thursday = f.days - isoDow + 4;
  const year = fieldsOf(thursday * SECS_PER_DAY, 0).year;
  const jan1 = secsOf(year, 1, 1) / SECS_PER_DAY;
  return { week: Math.floor((thursday - jan1) / 7) + 1, year };
}

export function dayOfYear(f: Fields): number {
  return f.days - secsOf(f.year, 1, 1) / SECS_PER_DAY + 1;
}

/** Numeric text with `scale` fraction digits of a value given as integer µs-scaled parts. */
function scaled(whole: number, us: number, scale: number): string {
  // whole seconds + µs → exact decimal text with 6 digits, then cut to the scale.
  const negative = whole < 0 || (whole === 0 && us < 0);
  const total = BigInt(Math.round(Math.abs(whole))) * 1_000_000n + BigInt(Math.round(Math.abs(us)));
  let text = total.toString().padStart(7, '0');
  text = text.slice(0, -6) + '.' + text.slice(-6);
  if (scale < 6) text = text.slice(0, text.length - (6 - scale));
  if (scale === 0) text = text.replace(/\.$/, '');
  return (negative && /[1-9]/.test(text) ? '-' : '') + text;
}

type Extracted = { value: number; text: string };

function integer(value: number): Extracted {
  return { value, text: String(value) };
}

/** extract(field FROM stamp): PostgreSQL 15's numeric result (text) and date_part's float. */
function extractStamp(unit: string, stamp: Stamp, zone: Zone): Extracted {
  const local = stamp.kind === 'timestamptz' ? localSecs(zone, stamp.secs) : stamp.secs;
  const f = fieldsOf(local, stamp.us);
  const isDate = stamp.kind === 'date';
  switch (unit) {
    case 'year': return integer(f.year > 0 ? f.year : f.year - 1);
    case 'month': return integer(f.month);
    case 'day': return integer(f.day);
    case 'quarter': return integer(Math.floor((f.month - 1) / 3) + 1);
    case 'decade': return integer(Math.floor(f.year / 10));
    case 'century': return integer(f.year > 0 ? Math.floor((f.year + 99) / 100) : -Math.floor((100 - f.year) / 100));
    case 'millennium': return integer(f.year > 0 ? Math.floor((f.year + 999) / 1000) : -Math.floor((1000 - f.year) / 1000));
    case 'dow': return integer(dayOfWeek(f.days));
    case 'isodow': return integer(dayOfWeek(f.days) || 7);
    case 'doy': return integer(dayOfYear(f));
    case 'week': return integer(isoWeek(f).week);
    case 'isoyear': return integer(isoWeek(f).year);
    case 'epoch': {
      const unix = stamp.secs - (stamp.kind === 'timestamptz' ? 0 : 0) + UNIX_OFFSET_SECS;
      return isDate ? integer(unix) : { value: unix + stamp.us / 1e6, text: scaled(unix, stamp.us, 6) };
    }
  }
  if (isDate) throw invalidUnit(unit, 'date');
  switch (unit) {
    case 'hour': return integer(f.hour);
    case 'minute': return integer(f.minute);
    case 'second': return { value: f.second + f.us / 1e6, text: scaled(f.second, f.us, 6) };
    case 'milliseconds': return { value: f.second * 1000 + f.us / 1000, text: scaled(f.second * 1000 + Math.floor(f.us / 1000), (f.us % 1000) * 1000, 3) };
    case 'microseconds': return integer(f.second * 1e6 + f.us);
    case 'julian': return integer(f.days + 2451545);
    case 'timezone': return integer(stamp.kind === 'timestamptz' ? zone.offsetAt(stamp.secs + UNIX_OFFSET_SECS) : 0);
  }
  throw invalidUnit(unit, stamp.kind === 'timestamptz' ? 'timestamp with time zone' : 'timestamp without time zone');
}

function extractInterval(unit: string, iv: Interval): Extracted {
  const years = Math.trunc(iv.months / 12);
  const hours = Math.trunc(iv.us / 3600e6);
  const restUs = iv.us - hours * 3600e6;
  const minutes = Math.trunc(restUs / 60e6);
  const secUs = restUs - minutes * 60e6;
  switch (unit) {
    case 'year': return integer(years);
    case 'month': return integer(iv.months - years * 12);
    case 'day': return integer(iv.days);
    case 'hour': return integer(hours);
    case 'minute': return integer(minutes);
    case 'second': return { value: secUs / 1e6, text: scaled(Math.trunc(secUs / 1e6), secUs % 1e6, 6) };
    case 'milliseconds': return { value: secUs / 1000, text: scaled(Math.trunc(secUs / 1000), (secUs % 1000) * 1000, 3) };
    case 'microseconds': return integer(secUs);
    case 'quarter': return integer(Math.floor((iv.months - years * 12) / 3) + 1);
    case 'epoch': {
      const secs = years * 365.25 * 86400 + (iv.months - years * 12) * 30 * 86400 + iv.days * 86400;
      const wholeUs = Math.trunc(iv.us / 1e6);
      return { value: secs + iv.us / 1e6, text: scaled(secs + wholeUs, iv.us - wholeUs * 1e6, 6) };
    }
  }
  throw invalidUnit(unit, 'interval');
}

function extract(unit: string, value: Value, zone: Zone): Extracted {
  const stamp = readStamp(value);
  if (stamp) {
    if (!Number.isFinite(stamp.secs)) return { value: stamp.secs, text: stamp.secs > 0 ? 'Infinity' : '-Infinity' };
    return extractStamp(unit, stamp, zone);
  }
  const time = readTime(value);
  if (time !== undefined && unit !== 'epoch') {
    const f = fieldsOf(Math.floor(time / 1e6), time % 1e6);
    return extractStamp(unit === 'day' ? 'x' : unit, { kind: 'timestamp', secs: f.hour * 3600 + f.minute * 60 + f.second, us: f.us }, zone);
  }
  const iv = readInterval(value);
  if (iv) return extractInterval(unit, iv);
  throw badInput('timestamp', value);
}

const truncUnits = ['microseconds', 'milliseconds', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year', 'decade', 'century', 'millennium'];

/** Wall-clock seconds truncated to the unit. */
function truncateLocal(unit: string, secs: number, us: number): { secs: number; us: number } {
  const f = fieldsOf(secs, us);
  switch (unit) {
    case 'microseconds': return { secs, us };
    case 'milliseconds': return { secs, us: Math.floor(us / 1000) * 1000 };
    case 'second': return { secs, us: 0 };
    case 'minute': return { secs: secsOf(f.year, f.month, f.day, f.hour, f.minute), us: 0 };
    case 'hour': return { secs: secsOf(f.year, f.month, f.day, f.hour), us: 0 };
    case 'day': return { secs: f.days * SECS_PER_DAY, us: 0 };
    case 'week': return { secs: (f.days - ((dayOfWeek(f.days) + 6) % 7)) * SECS_PER_DAY, us: 0 };
    case 'month': return { secs: secsOf(f.year, f.month, 1), us: 0 };
    case 'quarter': return { secs: secsOf(f.year, Math.floor((f.month - 1) / 3) * 3 + 1, 1), us: 0 };
    case 'year': return { secs: secsOf(f.year, 1, 1), us: 0 };
    case 'decade': return { secs: secsOf(Math.floor(f.year / 10) * 10, 1, 1), us: 0 };
    case 'century': return { secs: secsOf(Math.floor((f.year - 1) / 100) * 100 + 1, 1, 1), us: 0 };
    case 'millennium': return { secs: secsOf(Math.floor((f.year - 1) / 1000) * 1000 + 1, 1, 1), us: 0 };
  }
  throw invalidUnit(unit, 'timestamp without time zone');
}

function dateTrunc(unitValue: Value, value: Value, zone: Zone): string {
  const unit = unitOf(unitValue);
  if (!truncUnits.includes(unit)) throw invalidUnit(String(unitValue), 'timestamp without time zone');
  const stamp = readStamp(value);
  if (!stamp) {
    const iv = readInterval(value);
    if (!iv) throw badInput('timestamp', value);
    return intervalText(truncateInterval(unit, iv));
  }
  if (!Number.isFinite(stamp.secs)) return String(value);
  if (stamp.kind === 'timestamp') {
    const t = truncateLocal(unit, stamp.secs, stamp.us);
    return timestampText(t.secs, t.us);
  }
  // timestamptz (and date, which resolves to it) truncates in the session's zone.
  const local = stamp.kind === 'date' ? stamp.secs : localSecs(zone, stamp.secs);
  const t = truncateLocal(unit, local, stamp.us);
  return timestamptzText(localToUtc(zone, t.secs + UNIX_OFFSET_SECS) - UNIX_OFFSET_SECS, t.us);
}

function truncateInterval(unit: string, iv: Interval): Interval {
  const hour = 3600e6, minute = 60e6;
  switch (unit) {
    case 'year': return { months: Math.trunc(iv.months / 12) * 12, days: 0, us: 0 };
    case 'month': return { months: iv.months, days: 0, us: 0 };
    case 'day': return { months: iv.months, days: iv.days, us: 0 };
    case 'hour': return { ...iv, us: Math.trunc(iv.us / hour) * hour };
    case 'minute': return { ...iv, us: Math.trunc(iv.us / minute) * minute };
    case 'second': return { ...iv, us: Math.trunc(iv.us / 1e6) * 1e6 };
    default: return iv;
  }
}

/** Stamp + interval, months and days on the wall clock (the session's for timestamptz). */
function addInterval(stamp: Stamp, iv: Interval, sign: number, zone: Zone): string {
  if (!Number.isFinite(stamp.secs)) return stamp.secs > 0 ? 'infinity' : '-infinity';
  const tz = stamp.kind === 'timestamptz';
  let secs = tz ? localSecs(zone, stamp.secs) : stamp.secs;
  secs = addMonths(secs, sign * iv.months) + sign * iv.days * SECS_PER_DAY;
  if (tz) secs = localToUtc(zone, secs + UNIX_OFFSET_SECS) - UNIX_OFFSET_SECS;
  let totalUs = stamp.us + sign * iv.us;
  const carry = Math.floor(totalUs / 1e6);
  secs += carry;
  totalUs -= carry * 1e6;
  return tz ? timestamptzText(secs, totalUs) : timestampText(secs, totalUs);
}

/** A stored date/timestamp/timestamptz plus an interval, in the session's zone (generate_series' step). */
export function addIntervalTo(value: string, iv: Interval, timeZone: string): string {
  const stamp = readStamp(value);
  if (stamp === undefined) throw invalidValue(`invalid input syntax for type timestamp: "${value}"`);
  return addInterval(stamp.kind === 'date' ? { ...stamp, kind: 'timestamp' } : stamp, iv, 1, zoneNamed(timeZone));
}

/** PostgreSQL's interval_justify_hours: whole days out of the time part, signs made to agree. */
function justifyHours(iv: Interval): Interval {
  let days = iv.days + Math.trunc(iv.us / DAY_US);
  let us = iv.us % DAY_US;
  if (days > 0 && us < 0) { us += DAY_US; days--; } else if (days < 0 && us > 0) { us -= DAY_US; days++; }
  return { months: iv.months, days, us: us + 0 };
}

function justifyDays(iv: Interval): Interval {
  let months = iv.months + Math.trunc(iv.days / 30);
  let days = iv.days % 30;
  if (months > 0 && days < 0) { days += 30; months--; } else if (months < 0 && days > 0) { days -= 30; months++; }
  return { months, days: days + 0, us: iv.us };
}

/** interval_justify_interval: whole days out of the time, whole months out of the days, then one sign. */
function justifyInterval(iv: Interval): Interval {
  let days = iv.days + Math.trunc(iv.us / DAY_US);
  let us = iv.us % DAY_US;
  let months = iv.months + Math.trunc(days / 30);
  days %= 30;
  if (months > 0 && (days < 0 || (days === 0 && us < 0))) { days += 30; months--; } else if (months < 0 && (days > 0 || (days === 0 && us > 0))) { days -= 30; months++; }
  if (days > 0 && us < 0) { us += DAY_US; days--; } else if (days < 0 && us > 0) { us -= DAY_US; days++; }
  return { months: months + 0, days: days + 0, us: us + 0 };
}

function scaleInterval(iv: Interval, factor: number): Interval {
  // Fractional months spill into days (30 per month) and fractional days into time, as interval_mul does.
  const months = iv.months * factor;
  const wholeMonths = Math.trunc(months);
  const days = iv.days * factor + (months - wholeMonths) * 30;
  const wholeDays = Math.trunc(days);
  const us = Math.round(iv.us * factor + (days - wholeDays) * DAY_US);
  return { months: wholeMonths + 0, days: wholeDays + 0, us: us + 0 };
}

/** timestamp - timestamp: days and time, justified to hours. */
function stampDifference(a: Stamp, b: Stamp): Interval {
  const us = (a.secs - b.secs) * 1e6 + (a.us - b.us);
  return justifyHours({ months: 0, days: 0, us });
}

/** age(a, b): years, months and days between two points, borrowing as PostgreSQL does. */
function age(a: Stamp, b: Stamp, zone: Zone): Interval {
  const local = (s: Stamp) => (s.kind === 'timestamptz' ? localSecs(zone, s.secs) : s.secs);
  const f1 = fieldsOf(local(a), a.us);
  const f2 = fieldsOf(local(b), b.us);
  const flip = local(a) * 1e6 + a.us < local(b) * 1e6 + b.us;
  const s = flip ? -1 : 1;
  let fsec = s * (f1.us - f2.us), sec = s * (f1.second - f2.second), min = s * (f1.minute - f2.minute), hour = s * (f1.hour - f2.hour);
  let day = s * (f1.day - f2.day), mon = s * (f1.month - f2.month), year = s * (f1.year - f2.year);
  while (fsec < 0) { fsec += 1e6; sec--; }
  while (sec < 0) { sec += 60; min--; }
  while (min < 0) { min += 60; hour--; }
  while (hour < 0) { hour += 24; day--; }
  while (day < 0) {
    const ref = flip ? f1 : f2;
    day += daysIn(ref.year, ref.month);
    mon--;
  }
  while (mon < 0) { mon += 12; year--; }
  return { months: s * (year * 12 + mon) + 0, days: s * day + 0, us: s * (((hour * 60 + min) * 60 + sec) * 1e6 + fsec) + 0 };
}

function daysIn(year: number, month: number): number {
  return fieldsOf(secsOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - SECS_PER_DAY, 0).day;
}

function toNumber(value: Value): number {
  return typeof value === 'bigint' ? Number(value) : Number(value);
}

function isIntegerValue(value: Value): boolean {
  return typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value));
}

/** Static operand types the translator passes (0 = not known). */
const DATE = 1082, TIME = 1083, TIMESTAMP = 1114, TIMESTAMPTZ = 1184, INTERVAL = 1186;

/** What an operand is: by its static type when known, else by its stored form. */
type Operand = { kind: 'stamp'; stamp: Stamp } | { kind: 'time'; us: number } | { kind: 'interval'; iv: Interval } | { kind: 'number'; n: number; integer: boolean };

function operand(value: Value, type: number, otherIsStamp: boolean): Operand {
  if (typeof value === 'bigint' || typeof value === 'number') return { kind: 'number', n: toNumber(value), integer: isIntegerValue(value) };
  if (type === INTERVAL || (otherIsStamp && type !== TIME && type !== DATE && type !== TIMESTAMP && type !== TIMESTAMPTZ)) {
    const iv = readInterval(value);
    if (iv) return { kind: 'interval', iv };
  }
  if (type === TIME) {
    const t = readTime(value);
    if (t !== undefined) return { kind: 'time', us: t };
  }
  const stamp = readStamp(value);
  if (stamp) {
    if (type === TIMESTAMPTZ && stamp.kind !== 'timestamptz') return { kind: 'stamp', stamp: { ...stamp, kind: 'timestamptz' } };
    return { kind: 'stamp', stamp };
  }
  const t = readTime(value);
  if (t !== undefined && type !== INTERVAL) return { kind: 'time', us: t };
  const iv = readInterval(value);
  if (iv) return { kind: 'interval', iv };
  const n = Number(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(n)) return { kind: 'number', n, integer: Number.isInteger(n) };
  throw badInput('interval', value);
}

function timeText(us: number): string {
  const day = ((us % DAY_US) + DAY_US) % DAY_US;
  const secs = Math.floor(day / 1e6);
  return timestampText(secs, day - secs * 1e6).slice(11);
}

function datetimeOperator(op: string, a: Value, b: Value, leftType: number, rightType: number, zone: Zone): Value {
  const looksStamp = (v: Value, t: number) => t === DATE || t === TIMESTAMP || t === TIMESTAMPTZ || (t === 0 && readStamp(v) !== undefined);
  const l = operand(a, leftType, looksStamp(b, rightType));
  const r = operand(b, rightType, looksStamp(a, leftType));
  const stampOut = (s: Stamp) => (s.kind === 'date' ? { ...s, kind: 'timestamp' as const } : s);
  if (op === '+' || op === '-') {
    const sign = op === '+' ? 1 : -1;
    if (l.kind === 'stamp' && r.kind === 'number' && l.stamp.kind === 'date') return dateText(Math.floor(l.stamp.secs / SECS_PER_DAY) + sign * r.n);
    if (op === '+' && r.kind === 'stamp' && l.kind === 'number' && r.stamp.kind === 'date') return dateText(Math.floor(r.stamp.secs / SECS_PER_DAY) + l.n);
    if (l.kind === 'stamp' && r.kind === 'interval') return addInterval(stampOut(l.stamp), r.iv, sign, zone);
    if (op === '+' && l.kind === 'interval' && r.kind === 'stamp') return addInterval(stampOut(r.stamp), l.iv, 1, zone);
    if (l.kind === 'stamp' && r.kind === 'stamp') {
      if (op === '+') throw operatorError(op);
      if (l.stamp.kind === 'date' && r.stamp.kind === 'date') return BigInt(Math.round((l.stamp.secs - r.stamp.secs) / SECS_PER_DAY));
      return intervalText(stampDifference(l.stamp, r.stamp));
    }
    if (l.kind === 'stamp' && r.kind === 'time' && op === '+') return timestampText(l.stamp.secs + Math.floor(r.us / 1e6), r.us % 1e6);
    if (l.kind === 'time' && r.kind === 'stamp' && op === '+') return timestampText(r.stamp.secs + Math.floor(l.us / 1e6), l.us % 1e6);
    if (l.kind === 'time' && r.kind === 'interval') return timeText(l.us + sign * r.iv.us);
    if (l.kind === 'interval' && r.kind === 'time' && op === '+') return timeText(r.us + l.iv.us);
    if (l.kind === 'time' && r.kind === 'time' && op === '-') return intervalText({ months: 0, days: 0, us: l.us - r.us });
    if (l.kind === 'interval' && r.kind === 'interval') {
      return intervalText({ months: l.iv.months + sign * r.iv.months, days: l.iv.days + sign * r.iv.days, us: l.iv.us + sign * r.iv.us });
    }
    if (l.kind === 'number' && r.kind === 'number') return sign > 0 ? l.n + r.n : l.n - r.n;
  }
  if (op === '*') {
    if (l.kind === 'interval' && r.kind === 'number') return intervalText(scaleInterval(l.iv, r.n));
    if (l.kind === 'number' && r.kind === 'interval') return intervalText(scaleInterval(r.iv, l.n));
    if (l.kind === 'number' && r.kind === 'number') return l.n * r.n;
  }
  if (op === '/') {
    if (r.kind === 'number' && r.n === 0) throw new PgError({ code: SqlState.divisionByZero, message: 'division by zero' });
    if (l.kind === 'interval' && r.kind === 'number') return intervalText(scaleInterval(l.iv, 1 / r.n));
    if (l.kind === 'number' && r.kind === 'number') return l.integer && r.integer ? Math.trunc(l.n / r.n) : l.n / r.n;
  }
  throw operatorError(op);
}

function operatorError(op: string): PgError {
  return new PgError({ code: SqlState.undefinedFunction, message: `operator does not exist for these date/time operands: ${op}` });
}

/** Interval ordering: PostgreSQL compares the span with 30-day months and 24-hour days. */
function intervalSpan(iv: Interval): number {
  return (iv.months * 30 + iv.days) * DAY_US + iv.us;
}

/** -1/0/1 ordering of two date/time values of comparable types (date vs timestamp, intervals). */
function datetimeCompare(a: Value, b: Value): number {
  const sa = readStamp(a);
  const sb = readStamp(b);
  if (sa && sb) {
    const x = sa.secs * 1e6 + sa.us;
    const y = sb.secs * 1e6 + sb.us;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const ia = readInterval(a);
  const ib = readInterval(b);
  if (ia && ib) {
    const x = intervalSpan(ia);
    const y = intervalSpan(ib);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** x::date, x::timestamp, x::timestamptz, x::time, x::interval of a stored value (or text). */
export function castDatetime(value: Value, oid: number, timeZone: string): Value {
  const zone = zoneNamed(timeZone);
  const stamp = readStamp(value);
  if (stamp && Number.isFinite(stamp.secs)) {
    const local = stamp.kind === 'timestamptz' ? localSecs(zone, stamp.secs) : stamp.secs;
    switch (oid) {
      case DATE: return dateText(Math.floor(local / SECS_PER_DAY));
      case TIMESTAMP: return timestampText(local, stamp.us);
      case TIME: return timeText((local - Math.floor(local / SECS_PER_DAY) * SECS_PER_DAY) * 1e6 + stamp.us);
      case TIMESTAMPTZ:
        if (stamp.kind === 'timestamptz') return timestamptzText(stamp.secs, stamp.us);
        return timestamptzText(localToUtc(zone, stamp.secs + UNIX_OFFSET_SECS) - UNIX_OFFSET_SECS, stamp.us);
    }
  }
  if (stamp && oid !== INTERVAL && oid !== TIME) return value;
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (oid === INTERVAL) return intervalText({ months: 0, days: 0, us: Math.round(Number(value) * 1e6) });
    throw new PgError({ code: SqlState.datatypeMismatch, message: `cannot cast type integer to ${oid === DATE ? 'date' : 'timestamp'}` });
  }
  return decodeText(oid, String(value), { timeZone, dateStyle: 'ISO, MDY', intervalStyle: 'postgres' });
}

export function registerDatetimeFunctions(db: Database.Database, host: DatetimeHost): void {
  const det = { deterministic: true, varargs: true };
  const zone = () => zoneNamed(host.timeZone());
  db.function('date_trunc', { deterministic: false, varargs: true }, strict((unit: Value, value: Value, zoneName?: Value) =>
    dateTrunc(unit, value, zoneName === undefined ? zone() : zoneNamed(String(zoneName)))));
  db.function('extract', { deterministic: false, varargs: true }, strict((unit: Value, value: Value) => extract(unitOf(unit), value, zone()).text));
  db.function('date_part', { deterministic: false, varargs: true }, strict((unit: Value, value: Value) => extract(unitOf(unit), value, zone()).value));
  db.function('pgsqlite_datetime_op', { deterministic: false, varargs: true }, (op: Value, a: Value, b: Value, lt: Value, rt: Value) =>
    (a === null || b === null ? null : datetimeOperator(String(op), a, b, toNumber(lt ?? 0), toNumber(rt ?? 0), zone())));
  db.function('pgsqlite_cast_datetime', { deterministic: false }, (value: Value, oid: Value) =>
    (value === null ? null : castDatetime(value, toNumber(oid), host.timeZone())));
  db.function('pgsqlite_datetime_cmp', det, strict((a: Value, b: Value) => datetimeCompare(a, b)));
  db.function('isfinite', det, strict((value: Value) => (value === 'infinity' || value === '-infinity' ? 0 : 1)));
  db.function('justify_hours', det, strict((value: Value) => intervalText(justifyHours(readInterval(value) ?? badIntervalInput(value)))));
  db.function('justify_days', det, strict((value: Value) => intervalText(justifyDays(readInterval(value) ?? badIntervalInput(value)))));
  db.function('justify_interval', det, strict((value: Value) => intervalText(justifyInterval(readInterval(value) ?? badIntervalInput(value)))));
  db.function('make_date', det, strict((y: Value, m: Value, d: Value) => dateText(validDate(toNumber(y), toNumber(m), toNumber(d)) / SECS_PER_DAY)));
  db.function('make_time', det, strict((h: Value, m: Value, s: Value) => timeText(((toNumber(h) * 60 + toNumber(m)) * 60) * 1e6 + Math.round(toNumber(s) * 1e6))));
  db.function('make_timestamp', det, strict((y: Value, mo: Value, d: Value, h: Value, mi: Value, s: Value) => {
    const base = validDate(toNumber(y), toNumber(mo), toNumber(d));
    const us = Math.round(toNumber(s) * 1e6);
    return timestampText(base + toNumber(h) * 3600 + toNumber(mi) * 60 + Math.floor(us / 1e6), us % 1e6);
  }));
  db.function('make_timestamptz', { deterministic: false, varargs: true }, strict((y: Value, mo: Value, d: Value, h: Value, mi: Value, s: Value, zoneName?: Value) => {
    const base = validDate(toNumber(y), toNumber(mo), toNumber(d));
    const us = Math.round(toNumber(s) * 1e6);
    const local = base + toNumber(h) * 3600 + toNumber(mi) * 60 + Math.floor(us / 1e6);
    const target = zoneName === undefined ? zone() : zoneNamed(String(zoneName));
    return timestamptzText(localToUtc(target, local + UNIX_OFFSET_SECS) - UNIX_OFFSET_SECS, us % 1e6);
  }));
  // make_interval(years, months, weeks, days, hours, mins, secs): every argument defaults to 0.
  db.function('make_interval', { deterministic: true, varargs: true }, (...args: Value[]) => {
    if (args.some((a) => a === null)) return null;
    const [years = 0, months = 0, weeks = 0, days = 0, hours = 0, mins = 0, secs = 0] = args.map(toNumber);
    return intervalText({ months: years * 12 + months, days: weeks * 7 + days, us: (hours * 3600 + mins * 60) * 1e6 + Math.round(secs * 1e6) });
  });
  db.function('age', { deterministic: false, varargs: true }, strict((a: Value, b?: Value) => {
    const first = readStamp(a) ?? badStampInput(a);
    if (b !== undefined) return intervalText(age(first, readStamp(b) ?? badStampInput(b), zone()));
    // age(x) is from today's midnight (in the session's zone).
    const today = Math.floor(localSecs(zone(), Date.parse(host.transactionStart()) / 1000 - UNIX_OFFSET_SECS) / SECS_PER_DAY) * SECS_PER_DAY;
    return intervalText(age({ kind: 'timestamp', secs: today, us: 0 }, first, zone()));
  }));
  db.function('timezone', { deterministic: false, varargs: true }, strict((zoneName: Value, value: Value) => {
    const target = zoneNamed(String(zoneName));
    const stamp = readStamp(value) ?? badStampInput(value);
    if (!Number.isFinite(stamp.secs)) return String(value);
    if (stamp.kind === 'timestamptz') return timestampText(localSecs(target, stamp.secs), stamp.us);
    return timestamptzText(localToUtc(target, stamp.secs + UNIX_OFFSET_SECS) - UNIX_OFFSET_SECS, stamp.us);
  }));
  db.function('to_timestamp', { deterministic: false, varargs: true }, strict((value: Value, format?: Value) => {
    if (format === undefined) {
      const secs = toNumber(value);
      if (!Number.isFinite(secs)) return secs > 0 ? 'infinity' : '-infinity';
      const us = Math.round(secs * 1e6);
      const whole = Math.floor(us / 1e6);
      return timestamptzText(whole - UNIX_OFFSET_SECS, us - whole * 1e6);
    }
    const parsed = parseWithFormat(String(value), String(format));
    return timestamptzText(localToUtc(zone(), parsed.secs + UNIX_OFFSET_SECS) - UNIX_OFFSET_SECS, parsed.us);
  }));
  db.function('to_date', det, strict((value: Value, format: Value) => {
    const parsed = parseWithFormat(String(value), String(format));
    return dateText(Math.floor(parsed.secs / SECS_PER_DAY));
  }));
  db.function('to_char', { deterministic: false, varargs: true }, strict((value: Value, format: Value) => {
    if (typeof value === 'number' || typeof value === 'bigint') return toCharNumber(value, String(format));
    const stamp = readStamp(value);
    if (stamp) {
      const local = stamp.kind === 'timestamptz' ? localSecs(zone(), stamp.secs) : stamp.secs;
      return toCharStamp(fieldsOf(local, stamp.us), String(format), false);
    }
    const iv = readInterval(value);
    if (iv && !/^\s*-?[\d.]+\s*$/.test(String(value))) {
      const hours = Math.trunc(iv.us / 3600e6);
      const rest = iv.us - hours * 3600e6;
      const f: Fields = { year: Math.trunc(iv.months / 12), month: iv.months % 12, day: iv.days, hour: hours, minute: Math.trunc(rest / 60e6), second: Math.trunc((rest % 60e6) / 1e6), us: rest % 1e6, days: iv.days };
      return toCharStamp(f, String(format), true);
    }
    return toCharNumber(value, String(format));
  }));
}

function validDate(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || year === 0) {
    throw new PgError({ code: SqlState.datetimeFieldOverflow, message: `date field value out of range: ${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` });
  }
  return secsOf(year < 0 ? year + 1 : year, month, day);
}

function badIntervalInput(value: Value): never {
  throw badInput('interval', value);
}

function badStampInput(value: Value): never {
  throw badInput('timestamp', value);
}

export { invalidValue };
