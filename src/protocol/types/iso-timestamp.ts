/**
 * A fast reader for the ISO forms this server stores and most clients send:
 * 'YYYY-MM-DD[( |T)HH:MM:SS[.ffffff]][±HH[:MM[:SS]]][ BC]'. It runs for every stored
 * date/timestamp read and first for every such parameter; anything else is left to the full
 * parser (datetime-parse.ts).
 */
import { daysFromCivil, daysInMonth, SECS_PER_DAY } from './calendar.js';

/**
 * Result slot of readIsoTimestamp, reused to avoid an allocation per cell. `plain` says
 * every field was in its everyday range (day exists in the month, hour < 24, second < 60,
 * at most 6 fraction digits, offset below 16 hours, year not 0), so input parsing may trust
 * it; anything else goes to the full parser for PostgreSQL's exact errors and rules.
 */
export const isoParts = { secs: 0, us: 0, offset: 0, hasOffset: false, plain: false };

/** Value of `count` decimal digits at s[i], or -1 if any is not a digit. */
export function digitsAt(s: string, i: number, count: number): number {
  let v = 0;
  for (let k = 0; k < count; k++) {
    const c = s.charCodeAt(i + k);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

/**
 * Parses 'YYYY-MM-DD[ HH:MM:SS[.ffffff]][±HH[:MM[:SS]]][ BC]' into `isoParts` (secs in the
 * written clock, offset as written). Returns false for anything else, so callers can fall
 * back to the full parser.
 */
export function readIsoTimestamp(s: string): boolean {
  const n = s.length;
  let i = 0;
  let year = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    year = year * 10 + (c - 48);
    i++;
  }
  if (i < 4 || s.charCodeAt(i) !== 45 || s.charCodeAt(i + 3) !== 45) return false;
  const month = digitsAt(s, i + 1, 2);
  const day = digitsAt(s, i + 4, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  let plain = year !== 0;
  i += 6;
  let secOfDay = 0;
  let us = 0;
  let offset = 0;
  let hasOffset = false;
  const sep = s.charCodeAt(i);
  if (i < n && (sep === 32 || sep === 84) && s.charCodeAt(i + 3) === 58) {
    const h = digitsAt(s, i + 1, 2);
    const m = digitsAt(s, i + 4, 2);
    const sec = digitsAt(s, i + 7, 2);
    if (h < 0 || m < 0 || sec < 0 || s.charCodeAt(i + 6) !== 58) return false;
    if (h > 23 || m > 59 || sec > 59) plain = false;
    secOfDay = h * 3600 + m * 60 + sec;
    i += 9;
    if (s.charCodeAt(i) === 46) {
      i++;
      let digits = 0;
      while (i < n && digits < 6) {
        const c = s.charCodeAt(i);
        if (c < 48 || c > 57) break;
        us = us * 10 + (c - 48);
        digits++;
        i++;
      }
      if (digits === 0) return false;
      for (; digits < 6; digits++) us *= 10;
    }
    const sign = s.charCodeAt(i);
    if (sign === 43 || sign === 45) {
      const oh = digitsAt(s, i + 1, 2);
      if (oh < 0) return false;
      if (oh > 15) plain = false;
      hasOffset = true;
      offset = oh * 3600;
      i += 3;
      if (s.charCodeAt(i) === 58) {
        const om = digitsAt(s, i + 1, 2);
        if (om < 0) return false;
        if (om > 59) plain = false;
        offset += om * 60;
        i += 3;
        if (s.charCodeAt(i) === 58) {
          const os = digitsAt(s, i + 1, 2);
          if (os < 0) return false;
          if (os > 59) plain = false;
          offset += os;
          i += 3;
        }
      }
      if (sign === 45) offset = -offset;
    }
  }
  let astronomical = year;
  if (i < n) {
    if (n - i !== 3 || s.charCodeAt(i) !== 32 || s.charCodeAt(i + 1) !== 66 || s.charCodeAt(i + 2) !== 67) return false;
    astronomical = 1 - year;
  }
  if (day > daysInMonth(astronomical, month)) plain = false;
  isoParts.secs = daysFromCivil(astronomical, month, day) * SECS_PER_DAY + secOfDay;
  isoParts.us = us;
  isoParts.offset = offset;
  isoParts.hasOffset = hasOffset;
  isoParts.plain = plain;
  return true;
}
