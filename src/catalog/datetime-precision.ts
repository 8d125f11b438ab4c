/**
 * timestamp(p) / timestamptz(p) columns keep p fraction digits: PostgreSQL rounds the value on
 * input (AdjustTimestampForTypmod, half up). The input-check triggers (sql/translate/input-checks.ts)
 * call this for a stored value with more digits than p; it rewrites the canonical stored form and
 * leaves anything else (another spelling the checks let through) as it is.
 */
import type Database from 'better-sqlite3';
import { readStamp, timestampText, timestamptzText } from './datetime-values.js';

/** The stored text rounded to `precision` (0–5) fraction digits; other values unchanged. */
export function roundStoredSeconds(value: unknown, precision: number): unknown {
  if (typeof value !== 'string' || !Number.isInteger(precision) || precision < 0 || precision > 5) return value;
  const stamp = readStamp(value);
  if (stamp === undefined || !Number.isFinite(stamp.secs) || stamp.kind === 'date') return value;
  // Only the canonical forms (written by the codecs and functions) are rewritten.
  const canonical = stamp.kind === 'timestamptz' ? timestamptzText(stamp.secs, stamp.us) : timestampText(stamp.secs, stamp.us);
  if (canonical !== value) return value;
  const unit = 10 ** (6 - precision);
  let secs = stamp.secs;
  let us = Math.floor((stamp.us + unit / 2) / unit) * unit;
  if (us >= 1_000_000) {
    secs += 1;
    us -= 1_000_000;
  }
  return stamp.kind === 'timestamptz' ? timestamptzText(secs, us) : timestampText(secs, us);
}

export function registerDatetimePrecisionFunctions(db: Database.Database): void {
  db.function('pgsqlite_round_seconds', { deterministic: true }, (value: unknown, precision: unknown) => roundStoredSeconds(value, Number(precision)) as string | null);
}
