/**
 * interval text output in the four IntervalStyles, following PostgreSQL's EncodeInterval:
 * 'postgres' (the storage form: '1 year 2 mons 3 days 04:05:06.5', '-1 days +02:00:00'),
 * 'postgres_verbose' ('@ 1 day -2 hours ago'), 'sql_standard' ('1-2', '-1 2:00:00') and
 * 'iso_8601' ('P1Y2M3DT4H5M6.5S').
 */
import type { Interval } from './interval.js';
import { USECS_PER_HOUR, USECS_PER_MINUTE, USECS_PER_SEC } from './interval-fields.js';

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
