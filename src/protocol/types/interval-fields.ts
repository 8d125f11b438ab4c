/**
 * Accumulating interval fields while reading text: unit names, PostgreSQL's rules for
 * fractional units (1.5 days is 1 day 12 hours, 1.5 months is 1 month 15 days, fractional
 * years round to whole months), duplicate-unit detection and the final range checks.
 */
import type { Interval } from './interval.js';
import { datetimeOverflow, invalidDatetime } from './errors.js';

export const USECS_PER_SEC = 1e6;
export const USECS_PER_MINUTE = 60e6;
export const USECS_PER_HOUR = 3600e6;
const USECS_PER_DAY = 86400e6;
const DAYS_PER_MONTH = 30;
const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;
/** int64 µs bounds as doubles (the nearest representable values). */
const US_LIMIT = 9223372036854775807;

/** C's rint(): round half to even, as PostgreSQL rounds fractional microseconds. */
export function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export type Unit = 'us' | 'ms' | 's' | 'min' | 'h' | 'd' | 'w' | 'mon' | 'y' | 'dec' | 'c' | 'mil';

export const UNITS = new Map<string, Unit>([
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
export const UNIT_BIT: Record<Unit, number> = {
  us: 1, ms: 2, s: 4, min: 8, h: 16, d: 32, w: 64, mon: 128, y: 256, dec: 512, c: 1024, mil: 2048,
};
export const TIME_BITS = UNIT_BIT.h | UNIT_BIT.min | UNIT_BIT.s;

/** Accumulates fields while reading, then checks ranges once. */
export class IntervalBuilder {
  months = 0;
  days = 0;
  us = 0;
  mask = 0;

  /** `checkRepeats`: reject a unit given twice (the postgres syntax does, ISO 8601 input adds them up). */
  constructor(private readonly input: string, private readonly checkRepeats = true) {}

  claim(bits: number): void {
    if (this.checkRepeats && (this.mask & bits) !== 0) throw invalidDatetime('interval', this.input);
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
