/**
 * Integer text input as PostgreSQL 15's pg_strtoint16/32/64 and oidin accept it: optional
 * surrounding whitespace, one optional sign, decimal digits only. A hand-written scan rather
 * than a regex or Number(): this runs for every integer parameter, and Number() would accept
 * forms PostgreSQL rejects ('1e3', '0x10', '').
 */
import { invalidSyntax, valueOutOfRange } from './errors.js';
import { isCSpace } from './text-bytes.js';

export const INT2_MIN = -32768;
export const INT2_MAX = 32767;
export const INT4_MIN = -2147483648;
export const INT4_MAX = 2147483647;
export const INT8_MIN = -9223372036854775808n;
export const INT8_MAX = 9223372036854775807n;
export const OID_MAX = 4294967295;

/** Digits of a plain decimal integer in s: [start, end) and sign, or undefined if malformed. */
interface Scan { negative: boolean; start: number; end: number }

const scratch: Scan = { negative: false, start: 0, end: 0 };

function scan(s: string): Scan | undefined {
  const n = s.length;
  let i = 0;
  while (i < n && isCSpace(s.charCodeAt(i))) i++;
  let negative = false;
  const sign = s.charCodeAt(i);
  if (sign === 45) { negative = true; i++; } else if (sign === 43) i++;
  const start = i;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  if (i === start) return undefined;
  const end = i;
  while (i < n && isCSpace(s.charCodeAt(i))) i++;
  if (i !== n) return undefined;
  scratch.negative = negative;
  scratch.start = start;
  scratch.end = end;
  return scratch;
}

/** Value of the scanned digits as a double; exact below 2^53, and large enough to fail range checks above. */
function smallValue(s: string, sc: Scan): number {
  let v = 0;
  for (let i = sc.start; i < sc.end; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return sc.negative ? -v : v;
}

function parseBounded(s: string, typeName: string, min: number, max: number): bigint {
  const sc = scan(s);
  if (sc === undefined) throw invalidSyntax(typeName, s);
  const v = smallValue(s, sc);
  if (v < min || v > max) throw valueOutOfRange(typeName, s);
  return BigInt(v);
}

/** int2in. */
export function parseInt2(s: string): bigint {
  return parseBounded(s, 'smallint', INT2_MIN, INT2_MAX);
}

/** int4in. */
export function parseInt4(s: string): bigint {
  return parseBounded(s, 'integer', INT4_MIN, INT4_MAX);
}

/** int8in: up to 15 digits in a double, longer inputs through BigInt. */
export function parseInt8(s: string): bigint {
  const sc = scan(s);
  if (sc === undefined) throw invalidSyntax('bigint', s);
  // Fifteen digits always fit a double exactly; longer inputs go through BigInt.
  if (sc.end - sc.start <= 15) return BigInt(smallValue(s, sc));
  let v = BigInt(s.slice(sc.start, sc.end));
  if (sc.negative) v = -v;
  if (v < INT8_MIN || v > INT8_MAX) throw valueOutOfRange('bigint', s);
  return v;
}

/**
 * oid input: like strtoul, so negative numbers down to -2^31 wrap around ('-1' is 4294967295),
 * which is how PostgreSQL has always read them.
 */
export function parseOid(s: string): bigint {
  const sc = scan(s);
  if (sc === undefined) throw invalidSyntax('oid', s);
  const v = smallValue(s, sc);
  if (v < INT4_MIN || v > OID_MAX) throw valueOutOfRange('oid', s);
  return BigInt(v < 0 ? v + OID_MAX + 1 : v);
}

/**
 * Rounds a double to an integer the way PostgreSQL's float-to-int casts do (rint: halves to
 * even). Used to read a REAL that ended up in an integer column.
 */
export function roundHalfEven(v: number): number {
  const r = Math.round(v);
  // Math.round rounds halves up; step back to the even neighbour on exact ties.
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
