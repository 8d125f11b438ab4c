/**
 * The current time and the session time zone, for the special inputs 'now', 'today',
 * 'tomorrow' and 'yesterday'. Reads the system clock: PostgreSQL uses the transaction start
 * time instead, which the codecs cannot see.
 */
import type { TypeContext } from './storage.js';
import { SECS_PER_DAY, UNIX_OFFSET_SECS } from './calendar.js';
import { zoneForSetting, type Zone } from './timezone.js';

/** The system clock as seconds since 2000-01-01 UTC plus microseconds (millisecond precision). */
export function nowParts(): { secs: number; us: number } {
  const ms = Date.now();
  const whole = Math.floor(ms / 1000);
  return { secs: whole - UNIX_OFFSET_SECS, us: (ms - whole * 1000) * 1000 };
}

/** The session time zone (cached per setting string in timezone.ts). */
export function zoneOf(ctx: TypeContext): Zone {
  return zoneForSetting(ctx.timeZone);
}

/** Local seconds since 2000 for a UTC instant in the session zone. */
export function toLocal(zone: Zone, utcSecs: number): number {
  return utcSecs + zone.offsetAt(utcSecs + UNIX_OFFSET_SECS);
}

/** Midnight (local seconds since 2000) of today + dayShift in the session zone. */
export function localMidnight(ctx: TypeContext, dayShift: number): number {
  const local = toLocal(zoneOf(ctx), nowParts().secs);
  return (Math.floor(local / SECS_PER_DAY) + dayShift) * SECS_PER_DAY;
}

/** Days from today meant by 'tomorrow' / 'yesterday' / 'today'. */
export function specialDayShift(special: string): number {
  return special === 'tomorrow' ? 1 : special === 'yesterday' ? -1 : 0;
}
