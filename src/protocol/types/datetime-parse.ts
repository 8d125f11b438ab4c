/**
 * A reader for the date/time input forms clients actually send, written after PostgreSQL's
 * rules (ParseDateTime/DecodeDateTime) but covering a subset:
 * - ISO dates 'YYYY-MM-DD' (years of 3+ digits), 'YYYYMMDD', dates with '/', '-' or '.' in
 *   DateStyle order ('1/8/1999' is MDY by default; 1-2 digit years become 1970..2069),
 *   month names ('January 8, 1999', '8 Jan 1999', '1999-Jan-08', 'Jan-08-1999'), weekday
 *   names (ignored), 'BC'/'AD';
 * - times 'HH:MM[:SS[.ffffff]]' after a space or 'T', 'HHMMSS' after 'T', AM/PM, 'allballs';
 * - zones: 'Z', '+HH', '+HHMM', '+HH:MM[:SS]', UTC/GMT, common abbreviations (EST, CET, ...)
 *   and IANA names ('Europe/Berlin');
 * - the special words infinity, -infinity, epoch, now, today, tomorrow, yesterday.
 * Not covered: ISO ordinal/week dates ('2024-001'), Julian days ('J2451187'), POSIX zone specs
 * inside values ('UTC+2'), and PostgreSQL's full abbreviation table.
 */
import { datetimeFieldOverflow, invalidDatetime, invalidParameterValue } from './errors.js';
import { daysInMonth } from './calendar.js';
import { findNamedZone, type Zone } from './timezone.js';

export type DateOrder = 'MDY' | 'DMY' | 'YMD';

export type SpecialWord = '' | 'infinity' | '-infinity' | 'epoch' | 'now' | 'today' | 'tomorrow' | 'yesterday';

/** No zone given / a fixed offset in `offset` / a named zone in `zone`. */
export type TzKind = 'none' | 'offset' | 'zone';

export interface DateTimeFields {
  special: SpecialWord;
  hasDate: boolean;
  /** Astronomical year (1 BC is 0). */
  year: number;
  month: number;
  day: number;
  hasTime: boolean;
  hour: number;
  minute: number;
  second: number;
  micro: number;
  tzKind: TzKind;
  /** Seconds east of UTC when tzKind is 'offset'. */
  offset: number;
  zone: Zone | undefined;
}

/** The field order part of a DateStyle setting ('ISO, MDY' -> 'MDY'). */
export function dateOrderOf(dateStyle: string | undefined): DateOrder {
  if (dateStyle === undefined) return 'MDY';
  const u = dateStyle.toUpperCase();
  if (u.includes('DMY') || u.includes('EURO')) return 'DMY';
  if (u.includes('YMD')) return 'YMD';
  return 'MDY';
}

const MONTHS = new Map<string, number>([
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3], ['apr', 4], ['april', 4],
  ['may', 5], ['jun', 6], ['june', 6], ['jul', 7], ['july', 7], ['aug', 8], ['august', 8], ['sep', 9],
  ['sept', 9], ['september', 9], ['oct', 10], ['october', 10], ['nov', 11], ['november', 11], ['dec', 12],
  ['december', 12],
]);

const WEEKDAYS = new Set([
  'sun', 'sunday', 'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs',
  'thursday', 'fri', 'friday', 'sat', 'saturday',
]);

/** Fixed-offset abbreviations from PostgreSQL's Default set that clients commonly send (seconds east). */
const ABBREVIATIONS = new Map<string, number>([
  ['z', 0], ['zulu', 0], ['utc', 0], ['gmt', 0], ['ut', 0], ['wet', 0],
  ['est', -5 * 3600], ['edt', -4 * 3600], ['cst', -6 * 3600], ['cdt', -5 * 3600], ['mst', -7 * 3600],
  ['mdt', -6 * 3600], ['pst', -8 * 3600], ['pdt', -7 * 3600], ['akst', -9 * 3600], ['akdt', -8 * 3600],
  ['hst', -10 * 3600], ['ast', -4 * 3600], ['adt', -3 * 3600], ['nst', -12600], ['ndt', -9000],
  ['west', 3600], ['bst', 3600], ['cet', 3600], ['cest', 2 * 3600], ['met', 3600], ['mest', 2 * 3600],
  ['eet', 2 * 3600], ['eest', 3 * 3600], ['msk', 3 * 3600], ['ist', 2 * 3600], ['jst', 9 * 3600],
  ['kst', 9 * 3600], ['hkt', 8 * 3600], ['awst', 8 * 3600], ['acst', 34200], ['acdt', 37800],
  ['aest', 10 * 3600], ['aedt', 11 * 3600], ['nzst', 12 * 3600], ['nzdt', 13 * 3600],
]);

const SPECIALS = new Set(['infinity', '-infinity', 'epoch', 'now', 'today', 'tomorrow', 'yesterday']);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** rint() of the fraction digits as microseconds, like PostgreSQL's strtod-based reading. */
function fractionToMicros(digits: string): number {
  if (digits.length === 0) return 0;
  const x = Number('0.' + digits) * 1e6;
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Two-digit (or one-digit) years mean 1970..2069, as in PostgreSQL. */
function adjustShortYear(year: number, digits: number): number {
  if (digits > 2) return year;
  return year < 70 ? year + 2000 : year + 1900;
}

/**
 * Parses a date/time string into fields. `typeName` words syntax errors; `timeOnly` is for
 * the time type (a lone 'HHMMSS' is a time, zone names are not allowed).
 */
export function parseDateTime(input: string, typeName: string, order: DateOrder, timeOnly: boolean): DateTimeFields {
  const s = input.toLowerCase();
  const f: DateTimeFields = {
    special: '', hasDate: false, year: 0, month: 0, day: 0, hasTime: false, hour: 0, minute: 0, second: 0,
    micro: 0, tzKind: 'none', offset: 0, zone: undefined,
  };
  const n = s.length;
  let start = 0;
  let end = n;
  while (start < end && isSpace(s.charCodeAt(start))) start++;
  while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
  if (end - start >= 3 && end - start <= 9) {
    const word = s.slice(start, end);
    if (SPECIALS.has(word)) {
      f.special = word as SpecialWord;
      return f;
    }
  }
  let ampm = 0; // 1 am, 2 pm
  let era = 0; // 1 AD, 2 BC
  let afterT = false;
  let yearDigits = 4;
  let textMonth = 0;
  let pending: string[] | undefined;
  let i = start;

  while (i < end) {
    const c = s.charCodeAt(i);
    if (isSpace(c) || c === 44) { i++; continue; }
    if (isDigit(c)) {
      const numStart = i;
      while (i < end && isDigit(s.charCodeAt(i))) i++;
      const first = s.slice(numStart, i);
      const next = s.charCodeAt(i);
      if (next === 58) {
        // HH:MM[:SS[.frac]]
        if (f.hasTime) throw invalidDatetime(typeName, input);
        i++;
        const mStart = i;
        while (i < end && isDigit(s.charCodeAt(i))) i++;
        if (i === mStart) throw invalidDatetime(typeName, input);
        f.hour = Number(first);
        f.minute = Number(s.slice(mStart, i));
        if (s.charCodeAt(i) === 58) {
          i++;
          const sStart = i;
          while (i < end && isDigit(s.charCodeAt(i))) i++;
          f.second = Number(s.slice(sStart, i));
          if (s.charCodeAt(i) === 46) {
            i++;
            const fStart = i;
            while (i < end && isDigit(s.charCodeAt(i))) i++;
            f.micro = fractionToMicros(s.slice(fStart, i));
          } else if (i === sStart) throw invalidDatetime(typeName, input);
        }
        f.hasTime = true;
        continue;
      }
      if ((next === 45 || next === 47 || next === 46) && i + 1 < end
        && (isDigit(s.charCodeAt(i + 1)) || isLetter(s.charCodeAt(i + 1)))) {
        // A date with separators: three parts, each digits or a month name.
        if (f.hasDate || textMonth !== 0) throw invalidDatetime(typeName, input);
        const sep = next;
        i++;
        const p2Start = i;
        if (isDigit(s.charCodeAt(i))) while (i < end && isDigit(s.charCodeAt(i))) i++;
        else while (i < end && isLetter(s.charCodeAt(i))) i++;
        const second = s.slice(p2Start, i);
        if (s.charCodeAt(i) !== sep) throw invalidDatetime(typeName, input);
        i++;
        const p3Start = i;
        while (i < end && isDigit(s.charCodeAt(i))) i++;
        if (i === p3Start) throw invalidDatetime(typeName, input);
        const third = s.slice(p3Start, i);
        assignDate(f, first, second, third, order, typeName, input);
        yearDigits = yearDigitsOf(first, second, third, order);
        continue;
      }
      const len = first.length;
      if (!f.hasDate && textMonth === 0 && len === 8 && !afterT) {
        f.year = Number(first.slice(0, 4));
        f.month = Number(first.slice(4, 6));
        f.day = Number(first.slice(6, 8));
        f.hasDate = true;
        continue;
      }
      if (!f.hasTime && (len === 6 || len === 4) && (afterT || (timeOnly && len === 6) || (f.hasDate && len === 6))) {
        f.hour = Number(first.slice(0, 2));
        f.minute = Number(first.slice(2, 4));
        f.second = len === 6 ? Number(first.slice(4, 6)) : 0;
        if (s.charCodeAt(i) === 46) {
          i++;
          const fStart = i;
          while (i < end && isDigit(s.charCodeAt(i))) i++;
          f.micro = fractionToMicros(s.slice(fStart, i));
        }
        f.hasTime = true;
        continue;
      }
      if (next === 46) throw invalidDatetime(typeName, input);
      (pending ??= []).push(first);
      continue;
    }
    if (isLetter(c)) {
      const wStart = i;
      while (i < end && isLetter(s.charCodeAt(i))) i++;
      const next = s.charCodeAt(i);
      if (next === 47 || next === 95) {
        // A zone name such as europe/berlin or america/argentina/buenos_aires or etc/gmt+2.
        while (i < end && !isSpace(s.charCodeAt(i))) i++;
        const name = s.slice(wStart, i);
        if (timeOnly) throw invalidDatetime(typeName, input);
        const zone = findNamedZone(name);
        if (zone === undefined) throw invalidParameterValue(`time zone "${name}" not recognized`);
        if (f.tzKind !== 'none') throw invalidDatetime(typeName, input);
        f.tzKind = 'zone';
        f.zone = zone;
        continue;
      }
      const word = s.slice(wStart, i);
      const month = MONTHS.get(word);
      if (month !== undefined && next === 45 && isDigit(s.charCodeAt(i + 1))) {
        // Jan-08-1999
        if (f.hasDate || textMonth !== 0) throw invalidDatetime(typeName, input);
        i++;
        const p2Start = i;
        while (i < end && isDigit(s.charCodeAt(i))) i++;
        const second = s.slice(p2Start, i);
        if (s.charCodeAt(i) !== 45) throw invalidDatetime(typeName, input);
        i++;
        const p3Start = i;
        while (i < end && isDigit(s.charCodeAt(i))) i++;
        if (i === p3Start) throw invalidDatetime(typeName, input);
        const third = s.slice(p3Start, i);
        f.month = month;
        f.day = Number(second);
        f.year = adjustShortYear(Number(third), third.length);
        yearDigits = 4;
        f.hasDate = true;
        continue;
      }
      if (month !== undefined) {
        if (textMonth !== 0 || f.hasDate) throw invalidDatetime(typeName, input);
        textMonth = month;
        continue;
      }
      switch (word) {
        case 'am': if (ampm !== 0) throw invalidDatetime(typeName, input); ampm = 1; continue;
        case 'pm': if (ampm !== 0) throw invalidDatetime(typeName, input); ampm = 2; continue;
        case 'ad': if (era !== 0) throw invalidDatetime(typeName, input); era = 1; continue;
        case 'bc': if (era !== 0) throw invalidDatetime(typeName, input); era = 2; continue;
        case 't': afterT = true; continue;
        case 'allballs':
          if (f.hasTime) throw invalidDatetime(typeName, input);
          f.hasTime = true;
          continue;
        default: break;
      }
      if (WEEKDAYS.has(word)) continue;
      const abbrev = ABBREVIATIONS.get(word);
      if (abbrev !== undefined) { setOffset(f, abbrev, typeName, input); continue; }
      const zone = timeOnly ? undefined : findNamedZone(word);
      if (zone === undefined) throw invalidDatetime(typeName, input);
      if (f.tzKind !== 'none') throw invalidDatetime(typeName, input);
      f.tzKind = 'zone';
      f.zone = zone;
      continue;
    }
    if ((c === 43 || c === 45) && isDigit(s.charCodeAt(i + 1))) {
      i++;
      const dStart = i;
      while (i < end && isDigit(s.charCodeAt(i))) i++;
      const digits = s.slice(dStart, i);
      let h: number;
      let m = 0;
      let sec = 0;
      if (s.charCodeAt(i) === 58) {
        h = Number(digits);
        i++;
        const mStart = i;
        while (i < end && isDigit(s.charCodeAt(i))) i++;
        if (i === mStart) throw invalidDatetime(typeName, input);
        m = Number(s.slice(mStart, i));
        if (s.charCodeAt(i) === 58) {
          i++;
          const sStart = i;
          while (i < end && isDigit(s.charCodeAt(i))) i++;
          if (i === sStart) throw invalidDatetime(typeName, input);
          sec = Number(s.slice(sStart, i));
        }
      } else if (digits.length <= 2) h = Number(digits);
      else if (digits.length === 4) { h = Number(digits.slice(0, 2)); m = Number(digits.slice(2)); }
      else if (digits.length === 6) {
        h = Number(digits.slice(0, 2)); m = Number(digits.slice(2, 4)); sec = Number(digits.slice(4));
      } else throw invalidDatetime(typeName, input);
      if (h > 15 || m > 59 || sec > 59) throw datetimeFieldOverflow(input);
      const total = h * 3600 + m * 60 + sec;
      setOffset(f, c === 45 ? -total : total, typeName, input);
      continue;
    }
    throw invalidDatetime(typeName, input);
  }

  if (textMonth !== 0) {
    // Month given by name: the remaining numbers are the day and the year.
    let dayDone = false;
    let yearDone = false;
    for (const p of pending ?? []) {
      const v = Number(p);
      if (!yearDone && (p.length >= 3 || v > 31 || dayDone)) {
        f.year = v;
        yearDigits = p.length;
        yearDone = true;
      } else if (!dayDone) {
        f.day = v;
        dayDone = true;
      } else throw invalidDatetime(typeName, input);
    }
    if (!dayDone || !yearDone) throw invalidDatetime(typeName, input);
    f.month = textMonth;
    f.hasDate = true;
  } else if (pending !== undefined) {
    throw invalidDatetime(typeName, input);
  }

  if (f.hasDate) {
    if (era !== 2 && yearDigits <= 2) f.year = adjustShortYear(f.year, yearDigits);
    if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > 31) throw datetimeFieldOverflow(input, true);
    if (f.year === 0) throw datetimeFieldOverflow(input);
    if (era === 2) f.year = 1 - f.year;
    if (f.day > daysInMonth(f.year, f.month)) throw datetimeFieldOverflow(input);
  } else if (era !== 0) {
    throw invalidDatetime(typeName, input);
  }
  if (ampm !== 0) {
    if (!f.hasTime || f.hour > 12) throw datetimeFieldOverflow(input);
    if (ampm === 2 && f.hour < 12) f.hour += 12;
    else if (ampm === 1 && f.hour === 12) f.hour = 0;
  }
  if (f.hasTime) {
    if (f.hour > 24 || f.minute > 59 || f.second > 60) throw datetimeFieldOverflow(input);
    const total = (f.hour * 3600 + f.minute * 60 + f.second) * 1e6 + f.micro;
    if (total > 86_400_000_000) throw datetimeFieldOverflow(input);
  }
  return f;
}

/** Puts three separated date parts into year/month/day by PostgreSQL's rules. */
function assignDate(f: DateTimeFields, a: string, b: string, c: string, order: DateOrder, typeName: string, input: string): void {
  const monthB = MONTHS.get(b);
  if (!isDigit(b.charCodeAt(0))) {
    if (monthB === undefined) throw invalidDatetime(typeName, input);
    f.month = monthB;
    if (a.length > 2) { f.year = Number(a); f.day = Number(c); } else { f.day = Number(a); f.year = Number(c); }
  } else if (a.length > 2) {
    f.year = Number(a); f.month = Number(b); f.day = Number(c);
  } else if (order === 'YMD') {
    f.year = Number(a); f.month = Number(b); f.day = Number(c);
  } else if (order === 'DMY') {
    f.day = Number(a); f.month = Number(b); f.year = Number(c);
  } else {
    f.month = Number(a); f.day = Number(b); f.year = Number(c);
  }
  f.hasDate = true;
}

/** How many digits the year part of a separated date had (short years get a century). */
function yearDigitsOf(a: string, b: string, c: string, order: DateOrder): number {
  if (!isDigit(b.charCodeAt(0))) return a.length > 2 ? a.length : c.length;
  if (a.length > 2 || order === 'YMD') return a.length;
  return c.length;
}

function setOffset(f: DateTimeFields, seconds: number, typeName: string, input: string): void {
  if (f.tzKind !== 'none') throw invalidDatetime(typeName, input);
  f.tzKind = 'offset';
  f.offset = seconds;
}
