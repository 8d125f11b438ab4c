/**
 * Proleptic Gregorian calendar arithmetic in days since 2000-01-01 (PostgreSQL's epoch for
 * date and timestamp binary values). Years are astronomical: 1 BC is year 0, 2 BC is -1.
 * Uses the 400-year-cycle decomposition (a cycle is exactly 146097 days) with years starting
 * in March, so the leap day is the last day of the shifted year and needs no special case.
 */

/** Days from 0000-03-01 (start of a 400-year cycle in the March-based count) to 2000-01-01. */
const CYCLE_START_TO_EPOCH = 730425;
const DAYS_PER_CYCLE = 146097;

export const SECS_PER_DAY = 86400;
export const USECS_PER_SEC = 1_000_000;
export const USECS_PER_DAY = 86_400_000_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Days since 2000-01-01 of year-month-day (astronomical year, month 1..12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const cycle = Math.floor(y / 400);
  const yearOfCycle = y - cycle * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9; // March = 0
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfCycle = yearOfCycle * 365 + Math.floor(yearOfCycle / 4) - Math.floor(yearOfCycle / 100) + dayOfYear;
  return cycle * DAYS_PER_CYCLE + dayOfCycle - CYCLE_START_TO_EPOCH;
}

export interface CivilDate { year: number; month: number; day: number }

/** Inverse of daysFromCivil. */
export function civilFromDays(days: number): CivilDate {
  const z = days + CYCLE_START_TO_EPOCH;
  const cycle = Math.floor(z / DAYS_PER_CYCLE);
  const dayOfCycle = z - cycle * DAYS_PER_CYCLE;
  const yearOfCycle = Math.floor((dayOfCycle - Math.floor(dayOfCycle / 1460) + Math.floor(dayOfCycle / 36524)
    - Math.floor(dayOfCycle / 146096)) / 365);
  const dayOfYear = dayOfCycle - (365 * yearOfCycle + Math.floor(yearOfCycle / 4) - Math.floor(yearOfCycle / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const y = yearOfCycle + cycle * 400;
  return { year: month <= 2 ? y + 1 : y, month, day };
}

/** PostgreSQL's limits: dates from 4714-11-24 BC to 5874897-12-31, timestamps to 294276-12-31. */
export const MIN_DATE_DAYS = daysFromCivil(-4713, 11, 24);
export const MAX_DATE_DAYS = daysFromCivil(5874897, 12, 31);
export const MAX_TIMESTAMP_DAYS = daysFromCivil(294276, 12, 31);
/** First second that is out of range for timestamps (294277-01-01 00:00:00). */
export const END_TIMESTAMP_SECS = (MAX_TIMESTAMP_DAYS + 1) * SECS_PER_DAY;
export const MIN_TIMESTAMP_SECS = MIN_DATE_DAYS * SECS_PER_DAY;

/** Days between 1970-01-01 and 2000-01-01, for converting from Unix time. */
export const UNIX_EPOCH_DAYS = -10957;
/** Unix time of 2000-01-01 00:00:00 UTC, in seconds. */
export const UNIX_OFFSET_SECS = -UNIX_EPOCH_DAYS * SECS_PER_DAY;
