/**
 * UTC offsets of time zones, for reading and printing timestamptz. Instants here are Unix
 * seconds (seconds since 1970-01-01 UTC); offsets are seconds east of Greenwich, the sign
 * PostgreSQL prints ('+01' is one hour east).
 *
 * IANA zones use Intl (ICU's tz data), which is slow (several µs per formatToParts), so each
 * zone caches its offsets per UTC day: a day with equal offsets at both ends is assumed
 * constant, otherwise the transition instant is found once by bisection. Zones change offset
 * at most once a day in practice, which is what makes the per-day cache exact.
 */
import { invalidParameterValue } from './errors.js';

export interface Zone {
  /** Seconds east of UTC in effect at the given Unix instant. */
  offsetAt(unixSecs: number): number;
}

const SECS_PER_DAY = 86400;
/** Every tz database zone keeps its first (LMT) offset before 1600, and Intl's calendar is Gregorian from there. */
const EARLIEST_QUERY = Date.UTC(1600, 0, 1) / 1000;
/** The largest instant a JS Date (and so Intl) can represent. */
const LATEST_QUERY = 8.64e12;
/** 400 Gregorian years: later instants are shifted back by whole cycles, which keeps date and weekday (so DST rules apply the same). */
const CYCLE_SECS = 146097 * SECS_PER_DAY;

export class FixedZone implements Zone {
  readonly offset: number;
  constructor(offset: number) {
    this.offset = offset + 0; // no negative zero ('UTC0' read as -0 west)
  }
  offsetAt(): number {
    return this.offset;
  }
}

/** A day with a change of offset: `before` until `at` (exclusive), `after` from it. */
interface Transition { at: number; before: number; after: number }

const MAX_CACHED_DAYS = 20000;

export class IanaZone implements Zone {
  private readonly format: Intl.DateTimeFormat;
  private readonly days = new Map<number, number | Transition>();

  constructor(readonly name: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name, hourCycle: 'h23', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  }

  offsetAt(unixSecs: number): number {
    const t = Math.floor(unixSecs);
    const day = Math.floor(t / SECS_PER_DAY);
    let entry = this.days.get(day);
    if (entry === undefined) {
      entry = this.describeDay(day);
      if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
      this.days.set(day, entry);
    }
    if (typeof entry === 'number') return entry;
    return t < entry.at ? entry.before : entry.after;
  }

  private describeDay(day: number): number | Transition {
    let lo = day * SECS_PER_DAY;
    let hi = lo + SECS_PER_DAY;
    const before = this.intlOffset(lo);
    const after = this.intlOffset(hi);
    if (before === after) return before;
    // Bisect to the first second with the new offset.
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.intlOffset(mid) === before) lo = mid;
      else hi = mid;
    }
    return { at: hi, before, after };
  }

  /** Offset from Intl: local wall-clock fields minus the UTC ones. */
  private intlOffset(unixSecs: number): number {
    let t = unixSecs < EARLIEST_QUERY ? EARLIEST_QUERY : unixSecs;
    if (t > LATEST_QUERY) t -= Math.ceil((t - LATEST_QUERY) / CYCLE_SECS) * CYCLE_SECS;
    const parts = this.format.formatToParts(t * 1000);
    let day = 0;
    let local = 0;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      switch (p.type) {
        case 'day': day = Number(p.value); break;
        case 'hour': local += Number(p.value) * 3600; break;
        case 'minute': local += Number(p.value) * 60; break;
        case 'second': local += Number(p.value); break;
        default: break;
      }
    }
    const utcOfDay = t - Math.floor(t / SECS_PER_DAY) * SECS_PER_DAY;
    const utcDay = new Date(t * 1000).getUTCDate();
    let offset = local - utcOfDay;
    if (day !== utcDay) offset += day === utcDay + 1 || (day === 1 && utcDay >= 28) ? SECS_PER_DAY : -SECS_PER_DAY;
    return offset;
  }
}

export const UTC_ZONE: Zone = new FixedZone(0);

const ianaCache = new Map<string, Zone | null>();

/** An IANA (or other ICU-known) zone name, case-insensitive like PostgreSQL; undefined if unknown. */
export function findNamedZone(name: string): Zone | undefined {
  const key = name.toLowerCase();
  let zone = ianaCache.get(key);
  if (zone === undefined) {
    zone = null;
    if (key === 'utc' || key === 'gmt' || key === 'etc/utc' || key === 'etc/gmt' || key === 'zulu' || key === 'uct') {
      zone = UTC_ZONE;
    } else {
      try {
        zone = new IanaZone(name);
      } catch {
        zone = null;
      }
    }
    ianaCache.set(key, zone);
  }
  return zone ?? undefined;
}

const settingCache = new Map<string, Zone>();
let lastSetting = '';
let lastSettingZone: Zone = UTC_ZONE;

/**
 * The zone a TimeZone setting names, with PostgreSQL's reading of each form:
 * - a bare number ('+02', '-5', '5.5') is hours EAST of Greenwich;
 * - an IANA name ('Europe/Berlin', 'UTC', 'EST5EDT' via ICU);
 * - a POSIX spec ('UTC+2', '<+03>-3', '+02:00'), whose offsets count hours WEST (so 'UTC+2' is -02).
 * POSIX specs with daylight-saving rules are not interpreted beyond the names ICU knows.
 */
export function zoneForSetting(setting: string): Zone {
  if (setting === lastSetting) return lastSettingZone;
  let zone = settingCache.get(setting);
  if (zone === undefined) {
    zone = parseSetting(setting);
    settingCache.set(setting, zone);
  }
  lastSetting = setting;
  lastSettingZone = zone;
  return zone;
}

const NUMERIC_HOURS = /^\s*[+-]?(\d+\.?\d*|\.\d+)$/;
const POSIX_FIXED = /^(?:<[^<>]*>|[A-Za-z]{3,})?([+-]?)(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?$/;

function parseSetting(setting: string): Zone {
  if (NUMERIC_HOURS.test(setting)) {
    const hours = Number(setting.trim());
    if (Math.abs(hours) <= 15) return new FixedZone(Math.round(hours * 3600));
  } else {
    // Intl in newer runtimes reads '+02:00' as east of Greenwich; PostgreSQL reads it as POSIX (west).
    const c = setting.charCodeAt(0);
    const named = c === 43 || c === 45 || c === 60 ? undefined : findNamedZone(setting);
    if (named !== undefined) return named;
    const m = POSIX_FIXED.exec(setting);
    if (m !== null) {
      const west = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
      if (west <= 24 * 3600) return new FixedZone(m[1] === '-' ? west : -west);
    }
  }
  throw invalidParameterValue(`invalid value for parameter "TimeZone": "${setting}"`);
}

/**
 * The UTC instant of a local wall-clock time (given as Unix seconds as if it were UTC),
 * resolving PostgreSQL's way: a time skipped by a spring-forward gap takes the offset from
 * before the change (so it lands after it), and a repeated fall-back time takes the offset
 * from after the change.
 */
export function localToUtc(zone: Zone, localSecs: number): number {
  if (zone instanceof FixedZone) return localSecs - zone.offset;
  const before = zone.offsetAt(localSecs - SECS_PER_DAY);
  const after = zone.offsetAt(localSecs + SECS_PER_DAY);
  if (before === after) return localSecs - before;
  const beforeTime = localSecs - before;
  const afterTime = localSecs - after;
  // Is each reading on its own side of the change? (offsetAt tells which side an instant is on.)
  const beforeFits = zone.offsetAt(beforeTime) === before;
  const afterFits = zone.offsetAt(afterTime) === after;
  if (beforeFits && !afterFits) return beforeTime;
  if (afterFits && !beforeFits) return afterTime;
  return beforeTime > afterTime ? beforeTime : afterTime;
}

/** PostgreSQL's offset suffix: '+01', '-03', '+05:30', '+00:53:28'. */
export function formatUtcOffset(offsetSecs: number): string {
  const sign = offsetSecs < 0 ? '-' : '+';
  let a = Math.abs(offsetSecs);
  const h = Math.floor(a / 3600);
  a -= h * 3600;
  const m = Math.floor(a / 60);
  const s = a - m * 60;
  let out = sign + (h < 10 ? '0' + h : String(h));
  if (m !== 0 || s !== 0) out += ':' + (m < 10 ? '0' + m : String(m));
  if (s !== 0) out += ':' + (s < 10 ? '0' + s : String(s));
  return out;
}
