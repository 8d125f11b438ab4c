/**
 * interval: text input (PostgreSQL's "postgres" syntax with units, 'ago', '@', time fields,
 * year-month 'Y-M', and ISO 8601 'P...' in both designator and alternative forms), output in
 * all four IntervalStyles, and the binary form (int64 µs, int32 days, int32 months).
 *
 * The microsecond part is held in a double: exact up to ±2^53 µs (about 285 years of
 * hours); larger time parts, legal in PostgreSQL, lose their last digits here.
 */
import { datetimeOverflow, insufficientData, invalidBinary, invalidDatetime } from './errors.js';

export interface Interval {
  months: number;
  days: number;
  us: number;
}

const USECS_PER_SEC = 1e6;
const USECS_PER_MINUTE = 60e6;
const USECS_PER_HOUR = 3600e6;
const USECS_PER_DAY = 86400e6;
const DAYS_PER_MONTH = 30;
const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;
/** int64 µs bounds as doubles (the nearest representable values). */
const US_LIMIT = 9223372036854775807;

function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// ---------------------------------------------------------------------------------------------
// Input

type Unit = 'us' | 'ms' | 's' | 'min' | 'h' | 'd' | 'w' | 'mon' | 'y' | 'dec' | 'c' | 'mil';

const UNITS = new Map<string, Unit>([
  ['microsecond', 'us'], ['microseconds', 'us'], ['microsecon', 'us'], ['us', 'us'], ['usec', 'us'], ['usecs', 'us'],
  ['millisecond', 'ms'], ['milliseconds', 'ms'], ['millisecon', 'ms'], ['ms', 'ms'], ['msec', 'ms'], ['msecs', 'ms'],
  ['second', 's'], ['seconds', 's'], ['s', 's'], ['sec', 's'], ['secs', 's'],
  ['minute', 'min'], ['minutes', 'min'], ['m', 'min'], ['min', 'min'], ['mins', 'min'],
  ['hour', 'h'], ['hours', 'h'], ['h', 'h'], ['hr', 'h'], ['hrs', 'h'],
  ['day', 'd'], ['days', 'd'], ['d', 'd'],
  ['week', 'w'], ['weeks', 'w'], ['w', 'w'],
  ['month', 'mon'], ['months', 'mon'], ['mon', 'mon'], ['mons', 'mon'],
  ['year', 'y'], ['years', 'y'], ['y', 'y'], ['yr', 'y'], ['yrs', 'y'],
  ['decade', 'dec'], ['decades', 'dec'], ['dec', 'dec'], ['decs', 'dec'],
  ['century', 'c'], ['centuries', 'c'], ['c', 'c'], ['cent', 'c'],
  ['millennium', 'mil'], ['millennia', 'mil'], ['mil', 'mil'], ['mils', 'mil'],
]);

/** Field bits, to reject a unit given twice ('1 day 2 days') as PostgreSQL does. */
const UNIT_BIT: Record<Unit, number> = {
  us: 1, ms: 2, s: 4, min: 8, h: 16, d: 32, w: 64, mon: 128, y: 256, dec: 512, c: 1024, mil: 2048,
};
const TIME_BITS = UNIT_BIT.h | UNIT_BIT.min | UNIT_BIT.s;

/** One lexical piece of a postgres-style interval. */
type Token =
  | { kind: 'num'; value: number; text: string }
  | { kind: 'unit'; unit: Unit }
  | { kind: 'time'; negative: boolean; us: number }
  | { kind: 'ym'; months: number }
  | { kind: 'ago' };

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Accumulates fields while reading, then checks ranges once. */
class Builder {
  months = 0;
  days = 0;
  us = 0;
  mask = 0;

  constructor(private readonly input: string) {}

  claim(bits: number): void {
    if ((this.mask & bits) !== 0) throw invalidDatetime('interval', this.input);
    this.mask |= bits;
  }

  /** Adds value (with fraction) of a unit, spilling fractions downward like PostgreSQL. */
  add(unit: Unit, value: number): void {
    this.claim(UNIT_BIT[unit]);
    const whole = Math.trunc(value);
    const frac = value - whole;
    switch (unit) {
      case 'us': this.us += rint(value); break;
      case 'ms': this.us += rint(value * 1000); break;
      case 's': this.us += rint(value * USECS_PER_SEC); break;
      case 'min': this.us += rint(value * USECS_PER_MINUTE); break;
      case 'h': this.us += rint(value * USECS_PER_HOUR); break;
      case 'd': this.days += whole; this.us += rint(frac * USECS_PER_DAY); break;
      case 'w': this.addFractionalDays(value * 7); break;
      case 'mon': this.months += whole; this.addFractionalDays(frac * DAYS_PER_MONTH); break;
      case 'y': this.addYears(value, 1); break;
      case 'dec': this.addYears(value, 10); break;
      case 'c': this.addYears(value, 100); break;
      case 'mil': this.addYears(value, 1000); break;
    }
  }

  private addFractionalDays(days: number): void {
    const whole = Math.trunc(days);
    this.days += whole;
    this.us += rint((days - whole) * USECS_PER_DAY);
  }

  /** Years and larger: fractions become whole months (rounded), never days. */
  private addYears(value: number, factor: number): void {
    const whole = Math.trunc(value);
    this.months += whole * 12 * factor + rint((value - whole) * 12 * factor);
  }

  /** sql_standard: a lone leading minus makes every positive field negative. */
  forceNegative(): void {
    if (this.months > 0) this.months = -this.months;
    if (this.days > 0) this.days = -this.days;
    if (this.us > 0) this.us = -this.us;
  }

  finish(negate: boolean): Interval {
    const sign = negate ? -1 : 1;
    const months = this.months * sign + 0;
    const days = this.days * sign + 0;
    const us = this.us * sign + 0;
    if (months > INT32_MAX || months < INT32_MIN || days > INT32_MAX || days < INT32_MIN
      || us >= US_LIMIT || us < -US_LIMIT) {
      throw datetimeOverflow(`interval field value out of range: "${this.input}"`);
    }
    return { months, days, us };
  }
}

/**
 * interval text input. With IntervalStyle sql_standard, a leading '-' applies to every field
 * when no other field has a sign ('-1 2:00:00' is minus one day and two hours), as in PostgreSQL.
 */
export function parseInterval(input: string, sqlStandard = false): Interval {
  const s = input.toLowerCase();
  let start = 0;
  let end = s.length;
  while (start < end && isSpace(s.charCodeAt(start))) start++;
  while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
  if (start === end) throw invalidDatetime('interval', input);
  if (s.charCodeAt(start) === 112) return parseIso(s, start + 1, end, input);
  const tokens = tokenize(s, start, end, input);
  const b = new Builder(input);
  let ago = false;
  // Right to left, as PostgreSQL does: a unit names the number before it, and a bare number
  // just before a time field or an hours field is days ('1 2:03:04'); any other bare number is seconds.
  let pending: Unit | undefined;
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k]!;
    switch (t.kind) {
      case 'ago':
        ago = true;
        break;
      case 'unit':
        pending = t.unit;
        break;
      case 'time':
        b.claim(TIME_BITS);
        b.us += t.negative ? -t.us : t.us;
        pending = 'd';
        break;
      case 'ym':
        b.claim(UNIT_BIT.y | UNIT_BIT.mon);
        b.months += t.months;
        pending = undefined;
        break;
      case 'num':
        // A bare number right before 'ago' has no unit at all (PostgreSQL rejects it).
        if (pending === undefined && tokens[k + 1]?.kind === 'ago') throw invalidDatetime('interval', input);
        b.add(pending ?? 's', t.value);
        // PostgreSQL quirk: after hours, a bare number to the left means days ('2 3 hours').
        pending = pending === 'h' ? 'd' : undefined;
        break;
    }
  }
  if (sqlStandard && tokens[0]!.kind !== 'unit' && tokenSigns === 1 && firstSigned === 45) b.forceNegative();
  return b.finish(ago);
}

/** Explicit signs seen by the last tokenize call, and the first token's sign character (0 if none). */
let tokenSigns = 0;
let firstSigned = 0;

function tokenize(s: string, start: number, end: number, input: string): Token[] {
  const tokens: Token[] = [];
  let i = start;
  tokenSigns = 0;
  firstSigned = 0;
  if (s.charCodeAt(i) === 64) i++; // '@' introduces the verbose style
  while (i < end) {
    const c = s.charCodeAt(i);
    if (isSpace(c) || c === 44) { i++; continue; }
    if (isDigit(c) || c === 43 || c === 45 || c === 46) {
      const numStart = i;
      let negative = false;
      if (c === 43 || c === 45) {
        negative = c === 45;
        tokenSigns++;
        if (tokens.length === 0) firstSigned = c;
        i++;
      }
      const digitsStart = i;
      while (i < end && isDigit(s.charCodeAt(i))) i++;
      const intEnd = i;
      if (s.charCodeAt(i) === 58) {
        tokens.push(readTime(s, digitsStart, intEnd, negative, end, input));
        i = timeEnd;
        continue;
      }
      if (s.charCodeAt(i) === 45 && isDigit(s.charCodeAt(i + 1)) && intEnd > digitsStart) {
        // SQL-standard year-month: 'Y-M'
        i++;
        const mStart = i;
        while (i < end && isDigit(s.charCodeAt(i))) i++;
        const months = Number(s.slice(digitsStart, intEnd)) * 12 + Number(s.slice(mStart, i));
        tokens.push({ kind: 'ym', months: negative ? -months : months });
        continue;
      }
      if (s.charCodeAt(i) === 46) {
        i++;
        while (i < end && isDigit(s.charCodeAt(i))) i++;
      }
      if (i - digitsStart < 1 || (i - digitsStart === 1 && s.charCodeAt(digitsStart) === 46)) {
        throw invalidDatetime('interval', input);
      }
      const text = s.slice(numStart, i);
      tokens.push({ kind: 'num', value: Number(text), text });
      continue;
    }
    if (isLetter(c)) {
      const wStart = i;
      while (i < end && isLetter(s.charCodeAt(i))) i++;
      const word = s.slice(wStart, i);
      if (word === 'ago') { tokens.push({ kind: 'ago' }); continue; }
      const unit = UNITS.get(word);
      if (unit === undefined) throw invalidDatetime('interval', input);
      tokens.push({ kind: 'unit', unit });
      continue;
    }
    throw invalidDatetime('interval', input);
  }
  // Every unit must follow a number.
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k]!.kind === 'unit' && tokens[k - 1]?.kind !== 'num') throw invalidDatetime('interval', input);
  }
  return tokens;
}

/** End index of the last readTime, so the token stays a plain object. */
let timeEnd = 0;

/** 'H:MM[:SS[.f]]' (hours unbounded, as in interval output) starting after an optional sign. */
function readTime(s: string, hStart: number, hEnd: number, negative: boolean, end: number, input: string): Token {
  let i = hEnd + 1;
  const mStart = i;
  while (i < end && isDigit(s.charCodeAt(i))) i++;
  if (i === mStart || hEnd === hStart) throw invalidDatetime('interval', input);
  const hours = Number(s.slice(hStart, hEnd));
  const minutes = Number(s.slice(mStart, i));
  let seconds = 0;
  if (s.charCodeAt(i) === 58) {
    i++;
    const sStart = i;
    while (i < end && isDigit(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) === 46) {
      i++;
      while (i < end && isDigit(s.charCodeAt(i))) i++;
    }
    if (i === sStart) throw invalidDatetime('interval', input);
    seconds = Number(s.slice(sStart, i));
  } else if (s.charCodeAt(i) === 46) {
    // 'MM:SS.f' reads as minutes and seconds when a fraction follows the second field.
    i++;
    while (i < end && isDigit(s.charCodeAt(i))) i++;
    const us = rint(hours * USECS_PER_MINUTE + Number(s.slice(mStart, i)) * USECS_PER_SEC);
    timeEnd = i;
    return { kind: 'time', negative, us };
  }
  if (minutes > 59 || seconds > 60) throw datetimeOverflow(`interval field value out of range: "${input}"`);
  timeEnd = i;
  return { kind: 'time', negative, us: hours * USECS_PER_HOUR + minutes * USECS_PER_MINUTE + rint(seconds * USECS_PER_SEC) };
}

/** ISO 8601: 'P[nY][nM][nW][nD][T[nH][nM][nS]]' or the alternative 'PYYYY-MM-DDTHH:MM:SS'. */
function parseIso(s: string, i: number, end: number, input: string): Interval {
  const b = new Builder(input);
  if (i === end) throw invalidDatetime('interval', input);
  if (isDigit(s.charCodeAt(i)) && isAlternativeIso(s, i, end)) return parseIsoAlternative(s, i, end, input);
  let inTime = false;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === 116) {
      if (inTime) throw invalidDatetime('interval', input);
      inTime = true;
      i++;
      continue;
    }
    const numStart = i;
    if (c === 43 || c === 45) i++;
    while (i < end && isDigit(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) === 46) {
      i++;
      while (i < end && isDigit(s.charCodeAt(i))) i++;
    }
    const text = s.slice(numStart, i);
    const value = Number(text);
    if (text === '' || text === '-' || text === '+' || text === '.' || value !== value) {
      throw invalidDatetime('interval', input);
    }
    if (i >= end) {
      // A final number without designator: years in the date part, hours in the time part
      // (PostgreSQL reads 8 or 6 digits there as YYYYMMDD / HHMMSS).
      if (!inTime && b.mask === 0 && /^\d{8}$/.test(text)) {
        b.add('y', Number(text.slice(0, 4)));
        b.add('mon', Number(text.slice(4, 6)));
        b.add('d', Number(text.slice(6)));
      } else if (inTime && /^\d{6}$/.test(text)) {
        b.add('h', Number(text.slice(0, 2)));
        b.add('min', Number(text.slice(2, 4)));
        b.add('s', Number(text.slice(4)));
      } else b.add(inTime ? 'h' : 'y', value);
      break;
    }
    const designator = s.charCodeAt(i++);
    let unit: Unit;
    if (!inTime) {
      if (designator === 121) unit = 'y';
      else if (designator === 109) unit = 'mon';
      else if (designator === 119) unit = 'w';
      else if (designator === 100) unit = 'd';
      else throw invalidDatetime('interval', input);
    } else if (designator === 104) unit = 'h';
    else if (designator === 109) unit = 'min';
    else if (designator === 115) unit = 's';
    else throw invalidDatetime('interval', input);
    b.add(unit, value);
  }
  return b.finish(false);
}

function isAlternativeIso(s: string, i: number, end: number): boolean {
  while (i < end && isDigit(s.charCodeAt(i))) i++;
  return s.charCodeAt(i) === 45 || s.charCodeAt(i) === 116 || s.charCodeAt(i) === 58;
}

function parseIsoAlternative(s: string, i: number, end: number, input: string): Interval {
  const b = new Builder(input);
  const t = s.indexOf('t', i);
  const datePart = s.slice(i, t < 0 || t > end ? end : t);
  const timePart = t < 0 || t > end ? '' : s.slice(t + 1, end);
  if (datePart !== '') {
    const parts = datePart.split('-');
    if (parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) throw invalidDatetime('interval', input);
    b.add('y', Number(parts[0]));
    if (parts.length > 1) b.add('mon', Number(parts[1]));
    if (parts.length > 2) b.add('d', Number(parts[2]));
  }
  if (timePart !== '') {
    const parts = timePart.split(':');
    if (parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) throw invalidDatetime('interval', input);
    b.add('h', Number(parts[0]));
    if (parts.length > 1) b.add('min', Number(parts[1]));
    if (parts.length > 2) b.add('s', Number(parts[2]));
  }
  return b.finish(false);
}

// ---------------------------------------------------------------------------------------------
// Output

/** The pieces PostgreSQL's EncodeInterval works with; each carries the sign of its source field. */
interface Parts { year: number; mon: number; mday: number; hour: number; min: number; sec: number; fsec: number }

function split(iv: Interval): Parts {
  let t = iv.us;
  const hour = Math.trunc(t / USECS_PER_HOUR);
  t -= hour * USECS_PER_HOUR;
  const min = Math.trunc(t / USECS_PER_MINUTE);
  t -= min * USECS_PER_MINUTE;
  const sec = Math.trunc(t / USECS_PER_SEC);
  const fsec = t - sec * USECS_PER_SEC;
  return {
    year: Math.trunc(iv.months / 12) + 0, mon: (iv.months % 12) + 0, mday: iv.days,
    hour: hour + 0, min: min + 0, sec: sec + 0, fsec: fsec + 0,
  };
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** AppendSeconds: seconds (zero-filled to two digits if asked) and a trimmed 6-digit fraction. */
function secondsText(sec: number, fsec: number, fillZeros: boolean): string {
  const whole = Math.abs(sec);
  let out = fillZeros ? pad2(whole) : String(whole);
  if (fsec !== 0) {
    let f = String(Math.abs(fsec)).padStart(6, '0');
    let e = 6;
    while (f.charCodeAt(e - 1) === 48) e--;
    f = f.slice(0, e);
    out += '.' + f;
  }
  return out;
}

/** IntervalStyle 'postgres' (the storage form). */
export function formatIntervalPostgres(iv: Interval): string {
  const p = split(iv);
  let out = '';
  let isZero = true;
  let isBefore = false;
  const fields: Array<[number, string]> = [[p.year, 'year'], [p.mon, 'mon'], [p.mday, 'day']];
  for (let k = 0; k < 3; k++) {
    const [value, unit] = fields[k]!;
    if (value === 0) continue;
    out += (isZero ? '' : ' ') + (isBefore && value > 0 ? '+' : '') + value + ' ' + unit + (value !== 1 ? 's' : '');
    // Each nonzero field decides whether the next one shows an explicit '+' (PostgreSQL's quirk).
    isBefore = value < 0;
    isZero = false;
  }
  if (isZero || p.hour !== 0 || p.min !== 0 || p.sec !== 0 || p.fsec !== 0) {
    const minus = p.hour < 0 || p.min < 0 || p.sec < 0 || p.fsec < 0;
    out += (isZero ? '' : ' ') + (minus ? '-' : isBefore ? '+' : '') + pad2(Math.abs(p.hour)) + ':'
      + pad2(Math.abs(p.min)) + ':' + secondsText(p.sec, p.fsec, true);
  }
  return out;
}

/** IntervalStyle 'postgres_verbose': '@ 1 day -2 hours ago'. */
export function formatIntervalVerbose(iv: Interval): string {
  const p = split(iv);
  let out = '@';
  let isZero = true;
  let isBefore = false;
  const fields: Array<[number, string]> = [[p.year, 'year'], [p.mon, 'mon'], [p.mday, 'day'], [p.hour, 'hour'], [p.min, 'min']];
  for (let k = 0; k < fields.length; k++) {
    let [value] = fields[k]!;
    const unit = fields[k]![1];
    if (value === 0) continue;
    if (isZero) {
      isBefore = value < 0;
      value = Math.abs(value);
    } else if (isBefore) value = -value;
    out += ' ' + value + ' ' + unit + (value === 1 ? '' : 's');
    isZero = false;
  }
  if (p.sec !== 0 || p.fsec !== 0) {
    out += ' ';
    if (p.sec < 0 || (p.sec === 0 && p.fsec < 0)) {
      if (isZero) isBefore = true;
      else if (!isBefore) out += '-';
    } else if (isBefore) out += '-';
    out += secondsText(p.sec, p.fsec, false) + ' sec' + (Math.abs(p.sec) !== 1 || p.fsec !== 0 ? 's' : '');
    isZero = false;
  }
  if (isZero) out += ' 0';
  if (isBefore) out += ' ago';
  return out;
}

/** IntervalStyle 'sql_standard': '1-2', '3 4:05:06', or signed fields when signs are mixed. */
export function formatIntervalSqlStandard(iv: Interval): string {
  const p = split(iv);
  const hasNegative = p.year < 0 || p.mon < 0 || p.mday < 0 || p.hour < 0 || p.min < 0 || p.sec < 0 || p.fsec < 0;
  const hasPositive = p.year > 0 || p.mon > 0 || p.mday > 0 || p.hour > 0 || p.min > 0 || p.sec > 0 || p.fsec > 0;
  const hasYearMonth = p.year !== 0 || p.mon !== 0;
  const hasDayTime = p.mday !== 0 || p.hour !== 0 || p.min !== 0 || p.sec !== 0 || p.fsec !== 0;
  const standard = !(hasNegative && hasPositive) && !(hasYearMonth && hasDayTime);
  let out = '';
  if (hasNegative && standard) {
    out = '-';
    p.year = -p.year; p.mon = -p.mon; p.mday = -p.mday; p.hour = -p.hour; p.min = -p.min; p.sec = -p.sec; p.fsec = -p.fsec;
  }
  if (!hasNegative && !hasPositive) return '0';
  if (!standard) {
    const yearSign = p.year < 0 || p.mon < 0 ? '-' : '+';
    const daySign = p.mday < 0 ? '-' : '+';
    const secSign = p.hour < 0 || p.min < 0 || p.sec < 0 || p.fsec < 0 ? '-' : '+';
    return out + yearSign + Math.abs(p.year) + '-' + Math.abs(p.mon) + ' ' + daySign + Math.abs(p.mday) + ' '
      + secSign + Math.abs(p.hour) + ':' + pad2(Math.abs(p.min)) + ':' + secondsText(p.sec, p.fsec, true);
  }
  if (hasYearMonth) return out + p.year + '-' + p.mon;
  if (p.mday !== 0) return out + p.mday + ' ' + p.hour + ':' + pad2(p.min) + ':' + secondsText(p.sec, p.fsec, true);
  return out + p.hour + ':' + pad2(p.min) + ':' + secondsText(p.sec, p.fsec, true);
}

/** IntervalStyle 'iso_8601': 'P1Y2M3DT4H5M6.5S', 'PT0S' for zero. */
export function formatIntervalIso(iv: Interval): string {
  const p = split(iv);
  if (p.year === 0 && p.mon === 0 && p.mday === 0 && p.hour === 0 && p.min === 0 && p.sec === 0 && p.fsec === 0) {
    return 'PT0S';
  }
  let out = 'P';
  if (p.year !== 0) out += p.year + 'Y';
  if (p.mon !== 0) out += p.mon + 'M';
  if (p.mday !== 0) out += p.mday + 'D';
  if (p.hour !== 0 || p.min !== 0 || p.sec !== 0 || p.fsec !== 0) out += 'T';
  if (p.hour !== 0) out += p.hour + 'H';
  if (p.min !== 0) out += p.min + 'M';
  if (p.sec !== 0 || p.fsec !== 0) {
    if (p.sec < 0 || p.fsec < 0) out += '-';
    out += secondsText(p.sec, p.fsec, false) + 'S';
  }
  return out;
}

/** Output in the named IntervalStyle (default 'postgres'). */
export function formatInterval(iv: Interval, style: string | undefined): string {
  if (style === undefined) return formatIntervalPostgres(iv);
  switch (style.toLowerCase()) {
    case 'postgres_verbose': return formatIntervalVerbose(iv);
    case 'sql_standard': return formatIntervalSqlStandard(iv);
    case 'iso_8601': return formatIntervalIso(iv);
    default: return formatIntervalPostgres(iv);
  }
}

// ---------------------------------------------------------------------------------------------
// Binary

export function intervalToBinary(iv: Interval): Buffer {
  const b = Buffer.allocUnsafe(16);
  b.writeBigInt64BE(BigInt(iv.us), 0);
  b.writeInt32BE(iv.days, 8);
  b.writeInt32BE(iv.months, 12);
  return b;
}

export function intervalFromBinary(data: Buffer): Interval {
  if (data.length < 16) throw insufficientData();
  if (data.length > 16) throw invalidBinary();
  return { us: Number(data.readBigInt64BE(0)), days: data.readInt32BE(8), months: data.readInt32BE(12) };
}
