/**
 * The interval value (months, days, microseconds: PostgreSQL's three independent fields) and
 * its binary form (int64 µs, int32 days, int32 months). Text input is in interval-input.ts,
 * output in interval-output.ts.
 *
 * The microsecond part is held in a double: exact up to ±2^53 µs (about 285 years of
 * hours); larger time parts, legal in PostgreSQL, lose their last digits here.
 */
import { insufficientData, invalidBinary } from './errors.js';

export interface Interval {
  months: number;
  days: number;
  us: number;
}

/** interval_send: int64 µs, int32 days, int32 months. */
export function intervalToBinary(iv: Interval): Buffer {
  const b = Buffer.allocUnsafe(16);
  b.writeBigInt64BE(BigInt(iv.us), 0);
  b.writeInt32BE(iv.days, 8);
  b.writeInt32BE(iv.months, 12);
  return b;
}

/** interval_recv. */
export function intervalFromBinary(data: Buffer): Interval {
  if (data.length < 16) throw insufficientData();
  if (data.length > 16) throw invalidBinary();
  return { us: Number(data.readBigInt64BE(0)), days: data.readInt32BE(8), months: data.readInt32BE(12) };
}
