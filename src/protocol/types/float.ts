/**
 * float4/float8 text I/O matching PostgreSQL 15. Input follows strtod as float8in uses it
 * (decimal, hex, inf/infinity/nan in any case, surrounding whitespace) plus its range checks:
 * overflow and underflow to zero are errors, denormals are fine. Output is the shortest text
 * strictly inside the value's rounding interval (PostgreSQL's Ryu-based float8out/float4out, see
 * float-shortest.ts), in fixed
 * notation for decimal exponents -4..14 (float4: -4..5) and C's %e style otherwise.
 */
import { floatOutOfRange, invalidSyntax } from './errors.js';
import { isCSpace, lowerAt, wordAt } from './text-bytes.js';
import { shortestDouble, shortestFloat } from './float-shortest.js';



function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * Parses like strtod and the checks around it. Returns the double (NaN and ±Infinity included);
 * typeName words the errors ('double precision' or 'real').
 */
function parseDouble(s: string, typeName: string): number {
  const n = s.length;
  let i = 0;
  while (i < n && isCSpace(s.charCodeAt(i))) i++;
  const begin = i;
  let negative = false;
  const sign = s.charCodeAt(i);
  if (sign === 45 || sign === 43) { negative = sign === 45; i++; }
  let value: number;
  let nonZeroDigit = false;
  if (wordAt(s, i, 'infinity')) { value = Infinity; i += 8; }
  else if (wordAt(s, i, 'inf')) { value = Infinity; i += 3; }
  else if (wordAt(s, i, 'nan')) { value = NaN; i += 3; }
  else if (s.charCodeAt(i) === 48 && lowerAt(s, i + 1) === 120 && (hexDigit(s.charCodeAt(i + 2)) >= 0
    || (s.charCodeAt(i + 2) === 46 && hexDigit(s.charCodeAt(i + 3)) >= 0))) {
    // C99 hex float: 0x<hex>[.<hex>][p<dec>]; rare, but strtod accepts it so PostgreSQL does too.
    i += 2;
    let mant = 0;
    let exp2 = 0;
    for (let d = hexDigit(s.charCodeAt(i)); d >= 0; d = hexDigit(s.charCodeAt(++i))) mant = mant * 16 + d;
    if (s.charCodeAt(i) === 46) {
      i++;
      for (let d = hexDigit(s.charCodeAt(i)); d >= 0; d = hexDigit(s.charCodeAt(++i))) { mant = mant * 16 + d; exp2 -= 4; }
    }
    if (lowerAt(s, i) === 112) {
      let j = i + 1;
      let eneg = false;
      const es = s.charCodeAt(j);
      if (es === 45 || es === 43) { eneg = es === 45; j++; }
      if (s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) {
        let e = 0;
        while (s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) { e = Math.min(e * 10 + s.charCodeAt(j) - 48, 100000); j++; }
        exp2 += eneg ? -e : e;
        i = j;
      }
    }
    nonZeroDigit = mant !== 0;
    value = mant * Math.pow(2, exp2);
  } else {
    const digitsStart = i;
    let digits = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      if (c !== 48) nonZeroDigit = true;
      digits++; i++;
    }
    if (s.charCodeAt(i) === 46) {
      i++;
      while (i < n) {
        const c = s.charCodeAt(i);
        if (c < 48 || c > 57) break;
        if (c !== 48) nonZeroDigit = true;
        digits++; i++;
      }
    }
    if (digits === 0) throw invalidSyntax(typeName, s);
    const e = lowerAt(s, i);
    if (e === 101) {
      // An exponent marker without digits is not part of the number (strtod stops before it).
      let j = i + 1;
      const es = s.charCodeAt(j);
      if (es === 45 || es === 43) j++;
      if (s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) {
        while (s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
        i = j;
      }
    }
    value = Math.abs(Number(s.slice(digitsStart, i)));
  }
  while (i < n && isCSpace(s.charCodeAt(i))) i++;
  if (i !== n || i === begin) throw invalidSyntax(typeName, s);
  sawNonZeroDigit = nonZeroDigit;
  return negative ? -value : value;
}

/** Set by parseDouble: whether the literal had a non-zero digit (to tell underflow from zero). */
let sawNonZeroDigit = false;

/** float8 text input. */
export function parseFloat8(s: string): number {
  const v = parseDouble(s, 'double precision');
  if (v === Infinity || v === -Infinity) {
    if (isInfinityWord(s)) return v;
    throw floatOutOfRange('double precision', s);
  }
  if (v === 0 && sawNonZeroDigit) throw floatOutOfRange('double precision', s);
  return v;
}

/**
 * float4 text input. Rounds via the double (strtof rounds once from decimal; the two can differ
 * in the last bit for inputs sitting exactly between two floats, a gap accepted here).
 */
export function parseFloat4(s: string): number {
  const v = parseDouble(s, 'real');
  if (v === Infinity || v === -Infinity) {
    if (isInfinityWord(s)) return v;
    throw floatOutOfRange('real', s);
  }
  const f = Math.fround(v);
  if (f === Infinity || f === -Infinity || (f === 0 && sawNonZeroDigit)) throw floatOutOfRange('real', s);
  return f;
}

function isInfinityWord(s: string): boolean {
  // Only a spelled-out infinity may produce one; a huge literal overflowing is an error.
  for (let i = 0; i < s.length; i++) {
    const c = lowerAt(s, i);
    if (c === 105) return true;
    if (c >= 48 && c <= 57) return false;
  }
  return false;
}

/** float8out: shortest round-trip digits, fixed notation for exponents -4..14. */
export function formatFloat8(v: number): string {
  if (v !== v) return 'NaN';
  const a = Math.abs(v);
  // JS prints exactly PostgreSQL's fixed form for this range (same shortest digits, no exponent).
  if (a >= 1e-4 && a < 1e15) return String(v);
  if (a === Infinity) return v > 0 ? 'Infinity' : '-Infinity';
  if (a === 0) return Object.is(v, -0) ? '-0' : '0';
  return layout(shortestDouble(v), 15);
}

/** float4out: shortest digits that read back as the same float32, fixed notation for exponents -4..5. */
export function formatFloat4(value: number): string {
  const v = Math.fround(value);
  if (v !== v) return 'NaN';
  const a = Math.abs(v);
  if (a === Infinity) return v > 0 ? 'Infinity' : '-Infinity';
  if (a === 0) return Object.is(v, -0) ? '-0' : '0';
  if (a < 1e6 && Number.isInteger(v)) return String(v);
  return layout(shortestFloat(v), 6);
}

/**
 * Lays out exponential digits "-d.ddde+x" like PostgreSQL: fixed when -4 <= x < fixedLimit,
 * else mantissa, 'e', sign and at least two exponent digits.
 */
function layout(expForm: string, fixedLimit: number): string {
  const e = expForm.indexOf('e');
  let exp = Number(expForm.slice(e + 1));
  let mant = expForm.slice(0, e);
  const negative = mant.charCodeAt(0) === 45;
  if (negative) mant = mant.slice(1);
  let digits = mant.length > 1 ? mant[0]! + mant.slice(2) : mant;
  // Drop trailing zeros toExponential(p) may leave (never from the shortest form, but cheap).
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  digits = digits.slice(0, end);
  if (digits === '0') exp = 0;
  let out: string;
  if (exp >= -4 && exp < fixedLimit) {
    if (exp < 0) out = '0.' + '0'.repeat(-exp - 1) + digits;
    else if (digits.length <= exp + 1) out = digits + '0'.repeat(exp + 1 - digits.length);
    else out = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  } else {
    const ae = Math.abs(exp);
    out = (digits.length > 1 ? digits[0]! + '.' + digits.slice(1) : digits)
      + (exp < 0 ? 'e-' : 'e+') + (ae < 10 ? '0' + ae : String(ae));
  }
  return negative ? '-' + out : out;
}

/**
 * Plain decimal text (no exponent) of a double's shortest digits, for REALs read as numeric:
 * PostgreSQL's float8-to-numeric cast keeps the printed digits, not the binary expansion.
 */
export function plainDecimal(v: number): string {
  if (v !== v) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-6 && a < 1e21) return String(v);
  const s = v.toExponential();
  const e = s.indexOf('e');
  const exp = Number(s.slice(e + 1));
  let mant = s.slice(0, e);
  const negative = mant.charCodeAt(0) === 45;
  if (negative) mant = mant.slice(1);
  const digits = mant.length > 1 ? mant[0]! + mant.slice(2) : mant;
  let out: string;
  if (exp < 0) out = '0.' + '0'.repeat(-exp - 1) + digits;
  else if (digits.length <= exp + 1) out = digits + '0'.repeat(exp + 1 - digits.length);
  else out = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  return negative ? '-' + out : out;
}
