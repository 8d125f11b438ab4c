/**
 * date: text input to storage ('YYYY-MM-DD', ' BC', 'infinity'), storage to text, and the
 * binary form (int32 days since 2000-01-01; INT32_MAX/MIN for ±infinity).
 */
import type { SqliteValue, TypeContext } from './storage.js';
import { daysFromCivil, MAX_DATE_DAYS, MIN_DATE_DAYS, SECS_PER_DAY, UNIX_OFFSET_SECS } from './calendar.js';
import { dateOrderOf, parseDateTime } from './datetime-parse.js';
import { formatDateDays, ymd } from './datetime-format.js';
import { isoParts, readIsoTimestamp } from './iso-timestamp.js';
import { localMidnight, specialDayShift } from './session-clock.js';
import { datetimeOverflow, insufficientData, invalidBinary, invalidDatetime } from './errors.js';

const INT32_MAX = 0x7fffffff;
const INT32_MIN = -0x80000000;

/** date_in: any supported date text to the storage form. */
export function dateTextToStorage(text: string, ctx: TypeContext): string {
  // Fast path for ISO input; the date part alone matters (time and zone are ignored, as in PostgreSQL).
  if (readIsoTimestamp(text) && isoParts.plain) {
    const days = Math.floor(isoParts.secs / SECS_PER_DAY);
    if (days >= MIN_DATE_DAYS && days <= MAX_DATE_DAYS) return formatDateDays(days);
  }
  const f = parseDateTime(text, 'date', dateOrderOf(ctx.dateStyle), false);
  switch (f.special) {
    case 'infinity': return 'infinity';
    case '-infinity': return '-infinity';
    case 'epoch': return '1970-01-01';
    case '': break;
    default: return formatDateDays(Math.floor(localMidnight(ctx, specialDayShift(f.special)) / SECS_PER_DAY));
  }
  if (!f.hasDate) throw invalidDatetime('date', text);
  const days = daysFromCivil(f.year, f.month, f.day);
  if (days < MIN_DATE_DAYS || days > MAX_DATE_DAYS) throw datetimeOverflow(`date out of range: "${text}"`);
  const out = ymd(f.year, f.month, f.day);
  return f.year <= 0 ? out + ' BC' : out;
}

/** Days since 2000-01-01 (±Infinity for the infinities) of a stored date; undefined if unreadable. */
export function storedDateDays(value: SqliteValue, ctx: TypeContext): number | undefined {
  if (typeof value === 'string') {
    if (value === 'infinity') return Infinity;
    if (value === '-infinity') return -Infinity;
    if (readIsoTimestamp(value)) return Math.floor(isoParts.secs / SECS_PER_DAY);
    try {
      return daysOfDateText(dateTextToStorage(value, ctx));
    } catch {
      return undefined;
    }
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    // A number in a date column is read as Unix seconds, SQLite's unixepoch() convention.
    const secs = Number(value) - UNIX_OFFSET_SECS;
    return Number.isFinite(secs) ? Math.floor(secs / SECS_PER_DAY) : secs;
  }
  if (value instanceof Uint8Array) return storedDateDays(Buffer.from(value).toString('utf8'), ctx);
  return undefined;
}

function daysOfDateText(s: string): number {
  if (s === 'infinity') return Infinity;
  if (s === '-infinity') return -Infinity;
  readIsoTimestamp(s);
  return Math.floor(isoParts.secs / SECS_PER_DAY);
}

/** date_out: stored text is already the output; other storage classes are converted. */
export function dateStorageToText(value: SqliteValue, ctx: TypeContext): string {
  if (typeof value === 'string') return value;
  const days = storedDateDays(value, ctx);
  return days === undefined ? String(value) : formatDateDays(days);
}

/** date_send: int32 days since 2000-01-01. */
export function dateToBinary(value: SqliteValue, ctx: TypeContext): Buffer {
  const days = storedDateDays(value, ctx);
  if (days === undefined) throw invalidDatetime('date', String(value));
  const b = Buffer.allocUnsafe(4);
  b.writeInt32BE(days === Infinity ? INT32_MAX : days === -Infinity ? INT32_MIN : days, 0);
  return b;
}

/** date_recv, range-checked like PostgreSQL. */
export function dateFromBinary(data: Buffer): string {
  if (data.length < 4) throw insufficientData();
  if (data.length > 4) throw invalidBinary();
  const days = data.readInt32BE(0);
  if (days === INT32_MAX) return 'infinity';
  if (days === INT32_MIN) return '-infinity';
  if (days < MIN_DATE_DAYS || days > MAX_DATE_DAYS) throw datetimeOverflow('date out of range');
  return formatDateDays(days);
}
