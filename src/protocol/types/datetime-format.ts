/**
 * Date and time text in PostgreSQL's ISO DateStyle: 'YYYY-MM-DD', 'HH:MM:SS[.ffffff]',
 * years padded to four digits and BC years written as ' BC' at the very end.
 */
import { civilFromDays, SECS_PER_DAY } from './calendar.js';

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function yearText(year: number): string {
  const y = year > 0 ? year : 1 - year;
  return y >= 1000 ? String(y) : String(y).padStart(4, '0');
}

/** 'YYYY-MM-DD' of an astronomical year (BC years printed as 1 - year; the caller adds ' BC'). */
export function ymd(year: number, month: number, day: number): string {
  return yearText(year) + '-' + pad2(month) + '-' + pad2(day);
}

/** '.ffffff' with trailing zeros dropped, or '' for whole seconds (PostgreSQL's AppendSeconds). */
export function fractionText(us: number): string {
  if (us === 0) return '';
  let s = String(us).padStart(6, '0');
  let end = 6;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (end < 6) s = s.slice(0, end);
  return '.' + s;
}

/** 'HH:MM:SS[.ffffff]' of a second-of-day (0..86400) and microseconds. */
function clockText(secOfDay: number, us: number): string {
  const h = Math.floor(secOfDay / 3600);
  const m = Math.floor((secOfDay - h * 3600) / 60);
  const s = secOfDay - h * 3600 - m * 60;
  return pad2(h) + ':' + pad2(m) + ':' + pad2(s) + fractionText(us);
}

/** A date (days since 2000-01-01) as date_out prints it. */
export function formatDateDays(days: number): string {
  if (days === Infinity) return 'infinity';
  if (days === -Infinity) return '-infinity';
  const c = civilFromDays(days);
  const text = ymd(c.year, c.month, c.day);
  return c.year <= 0 ? text + ' BC' : text;
}

/** 'YYYY-MM-DD HH:MM:SS[.ffffff]' + suffix + [' BC'] for seconds since 2000 (already in local time). */
export function formatTimestampSecs(secs: number, us: number, suffix: string): string {
  if (secs === Infinity) return 'infinity';
  if (secs === -Infinity) return '-infinity';
  const days = Math.floor(secs / SECS_PER_DAY);
  const c = civilFromDays(days);
  const text = ymd(c.year, c.month, c.day) + ' ' + clockText(secs - days * SECS_PER_DAY, us) + suffix;
  return c.year <= 0 ? text + ' BC' : text;
}

/** A time of day in microseconds as time_out prints it. */
export function formatTimeMicros(us: number): string {
  const secs = Math.floor(us / 1e6);
  return clockText(secs, us - secs * 1e6);
}
