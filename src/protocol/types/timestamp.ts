/**
 * timestamp and timestamptz: text input to storage, storage to text, and the binary form
 * (int64 microseconds since 2000-01-01; INT64_MAX/MIN for ±infinity). timestamptz is stored
 * in UTC and shown in the session zone. Internally an instant is whole seconds since 2000
 * plus microseconds, both plain numbers: seconds stay exact far beyond PostgreSQL's year
 * 294276 limit, where a single microsecond count would not fit a double.
 */
import type { SqliteValue, TypeContext } from './storage.js';
import { daysFromCivil, daysInMonth, END_TIMESTAMP_SECS, MIN_TIMESTAMP_SECS, SECS_PER_DAY, UNIX_OFFSET_SECS } from './calendar.js';
import { dateOrderOf, parseDateTime, type DateTimeFields } from './datetime-parse.js';
import { formatTimestampSecs } from './datetime-format.js';
import { digitsAt, isoParts, readIsoTimestamp } from './iso-timestamp.js';
import { localMidnight, nowParts, specialDayShift, toLocal, zoneOf } from './session-clock.js';
import { datetimeOverflow, insufficientData, invalidBinary, invalidDatetime } from './errors.js';
import { formatUtcOffset, localToUtc, FixedZone } from './timezone.js';

const INT64_MAX = 0x7fffffffffffffffn;
const INT64_MIN = -0x8000000000000000n;
const USECS = 1_000_000n;

/** Seconds since 2000 (in the fields' own clock) of parsed date/time fields; `carry` handles rounding. */
function fieldsLocalSecs(f: DateTimeFields): number {
  let secs = daysFromCivil(f.year, f.month, f.day) * SECS_PER_DAY;
  if (f.hasTime) secs += f.hour * 3600 + f.minute * 60 + f.second;
  return secs;
}

function checkTimestampRange(secs: number, text: string): void {
  if (secs < MIN_TIMESTAMP_SECS || secs >= END_TIMESTAMP_SECS) throw datetimeOverflow(`timestamp out of range: "${text}"`);
}

/** timestamp_in: a zone in the text is ignored, as in PostgreSQL. */
export function timestampTextToStorage(text: string, ctx: TypeContext): string {
  // Fast path for ISO input; an offset is ignored, as in PostgreSQL.
  if (readIsoTimestamp(text) && isoParts.plain) {
    checkTimestampRange(isoParts.secs, text);
    return formatTimestampSecs(isoParts.secs, isoParts.us, '');
  }
  const f = parseDateTime(text, 'timestamp', dateOrderOf(ctx.dateStyle), false);
  switch (f.special) {
    case 'infinity': return 'infinity';
    case '-infinity': return '-infinity';
    case 'epoch': return '1970-01-01 00:00:00';
    case 'now': {
      const now = nowParts();
      return formatTimestampSecs(toLocal(zoneOf(ctx), now.secs), now.us, '');
    }
    case '': break;
    default: return formatTimestampSecs(localMidnight(ctx, specialDayShift(f.special)), 0, '');
  }
  if (!f.hasDate) throw invalidDatetime('timestamp', text);
  let secs = fieldsLocalSecs(f);
  let us = f.micro;
  if (us >= 1e6) { secs += 1; us -= 1e6; }
  checkTimestampRange(secs, text);
  return formatTimestampSecs(secs, us, '');
}

/**
 * Whether the text is a valid timestamptz written exactly as it is stored:
 * 'YYYY-MM-DD HH:MM:SS[.ffffff]+00' with a four-digit year from 0001, a day that exists, hour
 * < 24, no trailing zero in the fraction and the offset as '+00'. Such text is its own storage
 * form: COPY and dumps of UTC data send timestamps this way, and reading the instant out of them
 * to format it again cost more than all the rest of a COPY row's type input.
 */
function isStoredUtcForm(s: string): boolean {
  const n = s.length;
  if (n !== 22 && (n < 24 || n > 29)) return false;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 32 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return false;
  if (s.charCodeAt(n - 3) !== 43 || s.charCodeAt(n - 2) !== 48 || s.charCodeAt(n - 1) !== 48) return false;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  const hour = digitsAt(s, 11, 2);
  const minute = digitsAt(s, 14, 2);
  const second = digitsAt(s, 17, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  if (day > daysInMonth(year, month)) return false;
  if (n === 22) return true;
  // '.' and 1–6 digits, the last not a zero (timestamptz_out drops trailing zeros).
  return s.charCodeAt(19) === 46 && digitsAt(s, 20, n - 23) >= 0 && s.charCodeAt(n - 4) !== 48;
}

/** timestamptz_in: to UTC using the text's offset or zone, else the session zone. */
export function timestamptzTextToStorage(text: string, ctx: TypeContext): string {
  if (isStoredUtcForm(text)) return text;
  // Fast path for ISO input with a numeric offset or none (then the session zone applies).
  if (readIsoTimestamp(text) && isoParts.plain) {
    const local = isoParts.secs;
    const us = isoParts.us;
    checkTimestampRange(Math.floor(local / SECS_PER_DAY) * SECS_PER_DAY, text);
    const utc = isoParts.hasOffset ? local - isoParts.offset
      : localToUtc(zoneOf(ctx), local + UNIX_OFFSET_SECS) - UNIX_OFFSET_SECS;
    checkTimestampRange(utc, text);
    return formatTimestampSecs(utc, us, '+00');
  }
  const f = parseDateTime(text, 'timestamp with time zone', dateOrderOf(ctx.dateStyle), false);
  switch (f.special) {
    case 'infinity': return 'infinity';
    case '-infinity': return '-infinity';
    case 'epoch': return '1970-01-01 00:00:00+00';
    case 'now': {
      const now = nowParts();
      return formatTimestampSecs(now.secs, now.us, '+00');
    }
    case '': break;
    default: {
      const zone = zoneOf(ctx);
      const local = localMidnight(ctx, specialDayShift(f.special));
      return formatTimestampSecs(localToUtc(zone, local + UNIX_OFFSET_SECS) - UNIX_OFFSET_SECS, 0, '+00');
    }
  }
  if (!f.hasDate) throw invalidDatetime('timestamp with time zone', text);
  let local = fieldsLocalSecs(f);
  let us = f.micro;
  if (us >= 1e6) { local += 1; us -= 1e6; }
  // The date itself must be valid before any zone arithmetic (PostgreSQL checks the Julian range first).
  checkTimestampRange(Math.floor(local / SECS_PER_DAY) * SECS_PER_DAY, text);
  let utc: number;
  if (f.tzKind === 'offset') utc = local - f.offset;
  else {
    const zone = f.tzKind === 'zone' ? f.zone! : zoneOf(ctx);
    utc = localToUtc(zone, local + UNIX_OFFSET_SECS) - UNIX_OFFSET_SECS;
  }
  checkTimestampRange(utc, text);
  return formatTimestampSecs(utc, us, '+00');
}

/** Result slot of readStoredTimestamp, reused to avoid an allocation per cell. */
const instant = { secs: 0, us: 0 };

/**
 * Seconds since 2000 and microseconds of a stored timestamp (UTC for timestamptz) into
 * `instant`; false if unreadable. Strings without an offset count as UTC for timestamptz
 * (what SQLite's datetime() writes); numbers are Unix seconds.
 */
function readStoredTimestamp(value: SqliteValue, withZone: boolean, ctx: TypeContext): boolean {
  if (typeof value === 'string') {
    if (value === 'infinity' || value === '-infinity') {
      instant.secs = value === 'infinity' ? Infinity : -Infinity;
      instant.us = 0;
      return true;
    }
    if (readIsoTimestamp(value)) {
      instant.secs = withZone ? isoParts.secs - isoParts.offset : isoParts.secs;
      instant.us = isoParts.us;
      return true;
    }
    try {
      const canonical = withZone ? timestamptzTextToStorage(value, utcContext(ctx)) : timestampTextToStorage(value, ctx);
      return readStoredTimestamp(canonical, withZone, ctx);
    } catch {
      return false;
    }
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    const n = Number(value);
    if (!Number.isFinite(n)) {
      if (n !== n) return false;
      instant.secs = n;
      instant.us = 0;
      return true;
    }
    const whole = Math.floor(n);
    instant.secs = whole - UNIX_OFFSET_SECS;
    instant.us = Math.round((n - whole) * 1e6);
    if (instant.us === 1e6) { instant.secs++; instant.us = 0; }
    return true;
  }
  if (value instanceof Uint8Array) return readStoredTimestamp(Buffer.from(value).toString('utf8'), withZone, ctx);
  return false;
}

const utcContexts = new WeakMap<TypeContext, TypeContext>();

/** The same context with TimeZone UTC: stored timestamptz text without an offset means UTC. */
function utcContext(ctx: TypeContext): TypeContext {
  let c = utcContexts.get(ctx);
  if (c === undefined) {
    c = { ...ctx, timeZone: 'UTC' };
    utcContexts.set(ctx, c);
  }
  return c;
}

/** timestamp_out: stored text is already the output. */
export function timestampStorageToText(value: SqliteValue, ctx: TypeContext): string {
  if (typeof value === 'string') return value;
  if (!readStoredTimestamp(value, false, ctx)) return String(value);
  return formatTimestampSecs(instant.secs, instant.us, '');
}

/** timestamptz output: the stored UTC instant shown in the session time zone with its offset. */
export function timestamptzStorageToText(value: SqliteValue, ctx: TypeContext): string {
  const zone = zoneOf(ctx);
  if (typeof value === 'string' && zone instanceof FixedZone && zone.offset === 0 && isUtcCanonical(value)) return value;
  if (!readStoredTimestamp(value, true, ctx)) return String(value);
  const utc = instant.secs;
  const us = instant.us;
  if (!Number.isFinite(utc)) return utc > 0 ? 'infinity' : '-infinity';
  const offset = zone.offsetAt(utc + UNIX_OFFSET_SECS);
  return formatTimestampSecs(utc + offset, us, formatUtcOffset(offset));
}

/**
 * Cheap test that a stored string is already what UTC output prints: storage always writes
 * '+00', so a '+00' ending (before an optional ' BC') means offset zero.
 */
function isUtcCanonical(s: string): boolean {
  const n = s.length;
  const end = s.charCodeAt(n - 1) === 67 && s.endsWith(' BC') ? n - 3 : n;
  return (s.charCodeAt(end - 3) === 43 && s.charCodeAt(end - 2) === 48 && s.charCodeAt(end - 1) === 48)
    || s === 'infinity' || s === '-infinity';
}

function timestampBinary(value: SqliteValue, withZone: boolean, ctx: TypeContext): Buffer {
  if (!readStoredTimestamp(value, withZone, ctx)) {
    throw invalidDatetime(withZone ? 'timestamp with time zone' : 'timestamp', String(value));
  }
  const b = Buffer.allocUnsafe(8);
  const secs = instant.secs;
  b.writeBigInt64BE(secs === Infinity ? INT64_MAX : secs === -Infinity ? INT64_MIN
    : BigInt(secs) * USECS + BigInt(instant.us), 0);
  return b;
}

/** timestamp_send: int64 microseconds since 2000-01-01 (wall clock). */
export function timestampToBinary(value: SqliteValue, ctx: TypeContext): Buffer {
  return timestampBinary(value, false, ctx);
}

/** timestamptz_send: int64 microseconds since 2000-01-01 UTC. */
export function timestamptzToBinary(value: SqliteValue, ctx: TypeContext): Buffer {
  return timestampBinary(value, true, ctx);
}

function timestampFromBinaryAny(data: Buffer, suffix: string): string {
  if (data.length < 8) throw insufficientData();
  if (data.length > 8) throw invalidBinary();
  const us = data.readBigInt64BE(0);
  if (us === INT64_MAX) return 'infinity';
  if (us === INT64_MIN) return '-infinity';
  // Floor division, so instants before 2000 keep a non-negative microsecond part.
  let secs = us / USECS;
  let rem = us - secs * USECS;
  if (rem < 0n) { secs -= 1n; rem += USECS; }
  const s = Number(secs);
  if (s < MIN_TIMESTAMP_SECS || s >= END_TIMESTAMP_SECS) throw datetimeOverflow('timestamp out of range');
  return formatTimestampSecs(s, Number(rem), suffix);
}

/** timestamp_recv, range-checked like PostgreSQL. */
export function timestampFromBinary(data: Buffer): string {
  return timestampFromBinaryAny(data, '');
}

/** timestamptz_recv to the UTC storage form. */
export function timestamptzFromBinary(data: Buffer): string {
  return timestampFromBinaryAny(data, '+00');
}
