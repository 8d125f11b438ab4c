/**
 * interval text input in PostgreSQL's own syntax: numbers with units ('3 hours', '1.5 days'),
 * '@' and 'ago', time fields ('-1 days +02:00:00'), SQL-standard year-month ('1-2'), bare
 * numbers (seconds), and ISO 8601 when the text starts with 'P' (interval-iso.ts).
 */
import type { Interval } from './interval.js';
import { IntervalBuilder, rint, TIME_BITS, UNIT_BIT, UNITS, USECS_PER_HOUR, USECS_PER_MINUTE, USECS_PER_SEC, type Unit } from './interval-fields.js';
import { parseIso } from './interval-iso.js';
import { datetimeOverflow, invalidDatetime } from './errors.js';

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
  const b = new IntervalBuilder(input);
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
