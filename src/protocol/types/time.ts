/**
 * time (without time zone): text input to storage ('HH:MM:SS[.ffffff]', up to 24:00:00),
 * storage to text, and the binary form (int64 microseconds since midnight).
 */
import type { SqliteValue, TypeContext } from './storage.js';
import { SECS_PER_DAY } from './calendar.js';
import { dateOrderOf, parseDateTime, type DateTimeFields } from './datetime-parse.js';
import { formatTimeMicros } from './datetime-format.js';
import { digitsAt } from './iso-timestamp.js';
import { nowParts, toLocal, zoneOf } from './session-clock.js';
import { datetimeOverflow, insufficientData, invalidBinary, invalidDatetime } from './errors.js';

const USECS_PER_DAY = 86_400_000_000;

function fieldsMicros(f: DateTimeFields): number {
  return (f.hour * 3600 + f.minute * 60 + f.second) * 1e6 + f.micro;
}

/** time_in: a zone or date in the text is accepted and ignored, as in PostgreSQL. */
export function timeTextToStorage(text: string, ctx: TypeContext): string {
  const f = parseDateTime(text, 'time', dateOrderOf(ctx.dateStyle), true);
  if (f.special === 'now') {
    const now = nowParts();
    const local = toLocal(zoneOf(ctx), now.secs);
    return formatTimeMicros((local - Math.floor(local / SECS_PER_DAY) * SECS_PER_DAY) * 1e6 + now.us);
  }
  if (f.special !== '' || !f.hasTime) throw invalidDatetime('time', text);
  return formatTimeMicros(fieldsMicros(f));
}

/** Microseconds of day of a stored time; undefined if unreadable. */
export function storedTimeMicros(value: SqliteValue, ctx: TypeContext): number | undefined {
  if (typeof value === 'string') {
    const h = digitsAt(value, 0, 2);
    const m = digitsAt(value, 3, 2);
    const s = digitsAt(value, 6, 2);
    if (h >= 0 && m >= 0 && s >= 0 && value.charCodeAt(2) === 58 && value.charCodeAt(5) === 58) {
      let us = 0;
      if (value.length > 8) {
        if (value.charCodeAt(8) !== 46 || value.length > 15) return slowTime(value, ctx);
        const frac = value.slice(9);
        us = digitsAt(frac, 0, frac.length);
        if (us < 0 || frac.length === 0) return slowTime(value, ctx);
        us *= 10 ** (6 - frac.length);
      }
      return (h * 3600 + m * 60 + s) * 1e6 + us;
    }
    return slowTime(value, ctx);
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    // Seconds since midnight.
    const us = Math.round(Number(value) * 1e6);
    return us >= 0 && us <= USECS_PER_DAY ? us : undefined;
  }
  if (value instanceof Uint8Array) return storedTimeMicros(Buffer.from(value).toString('utf8'), ctx);
  return undefined;
}

function slowTime(value: string, ctx: TypeContext): number | undefined {
  try {
    return storedTimeMicros(timeTextToStorage(value, ctx), ctx);
  } catch {
    return undefined;
  }
}

/** time_out: stored text is already the output. */
export function timeStorageToText(value: SqliteValue, ctx: TypeContext): string {
  if (typeof value === 'string') return value;
  const us = storedTimeMicros(value, ctx);
  return us === undefined ? String(value) : formatTimeMicros(us);
}

/** time_send: int64 microseconds since midnight. */
export function timeToBinary(value: SqliteValue, ctx: TypeContext): Buffer {
  const us = storedTimeMicros(value, ctx);
  if (us === undefined) throw invalidDatetime('time', String(value));
  const b = Buffer.allocUnsafe(8);
  b.writeBigInt64BE(BigInt(us), 0);
  return b;
}

/** time_recv: 0 to 24:00:00 inclusive. */
export function timeFromBinary(data: Buffer): string {
  if (data.length < 8) throw insufficientData();
  if (data.length > 8) throw invalidBinary();
  const us = data.readBigInt64BE(0);
  if (us < 0n || us > BigInt(USECS_PER_DAY)) throw datetimeOverflow('time out of range');
  return formatTimeMicros(Number(us));
}
