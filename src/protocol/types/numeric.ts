/**
 * numeric in its storage form: the exact decimal string numeric_out prints. Text input is
 * normalised the way numeric_in + numeric_out would (leading zeros dropped, exponent expanded,
 * scale kept, no sign on zero); binary I/O converts to and from base-10000 digit groups.
 */
import { invalidBinary, invalidSyntax, outOfRange, insufficientData } from './errors.js';
import { isCSpace, lowerAt, wordAt } from './text-bytes.js';

/** PostgreSQL's limits: weight fits int16 (131072 integer digits), display scale 0x3FFF. */
const MAX_INTEGER_DIGITS = 131072;
const MAX_DSCALE = 0x3fff;
const MAX_BINARY_DIGITS = 3000;

const SIGN_POS = 0x0000;
const SIGN_NEG = 0x4000;
const SIGN_NAN = 0xc000;
const SIGN_PINF = 0xd000;
const SIGN_NINF = 0xf000;



function onlySpacesFrom(s: string, i: number): boolean {
  while (i < s.length && isCSpace(s.charCodeAt(i))) i++;
  return i === s.length;
}

function overflow(): Error {
  return outOfRange('value overflows numeric format');
}

/** True for a string that is already canonical and plain: [-]digits without leading zeros. */
function isPlainInteger(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i >= n) return false;
  const first = s.charCodeAt(i);
  if (first === 48) return n === 1;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return n - (s.charCodeAt(0) === 45 ? 1 : 0) <= MAX_INTEGER_DIGITS;
}

/** numeric text input, returning the canonical storage string. */
export function parseNumeric(s: string): string {
  if (isPlainInteger(s)) return s;
  const n = s.length;
  let i = 0;
  while (i < n && isCSpace(s.charCodeAt(i))) i++;
  // Same spellings float8in accepts, in this order (so "+nan" is rejected, as in PostgreSQL).
  const specials: Array<[string, string]> = SPECIALS;
  for (let k = 0; k < specials.length; k++) {
    const [word, value] = specials[k]!;
    if (wordAt(s, i, word)) {
      if (onlySpacesFrom(s, i + word.length)) return value;
      throw invalidSyntax('numeric', s);
    }
  }
  let negative = false;
  const sign = s.charCodeAt(i);
  if (sign === 45 || sign === 43) { negative = sign === 45; i++; }
  const intStart = i;
  while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  const intDigits = s.slice(intStart, i);
  let fracDigits = '';
  if (s.charCodeAt(i) === 46) {
    const fracStart = ++i;
    while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    fracDigits = s.slice(fracStart, i);
  }
  if (intDigits.length === 0 && fracDigits.length === 0) throw invalidSyntax('numeric', s);
  let exponent = 0;
  if (lowerAt(s, i) === 101) {
    i++;
    let eneg = false;
    const es = s.charCodeAt(i);
    if (es === 45 || es === 43) { eneg = es === 45; i++; }
    const eStart = i;
    while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) {
      // Clamp: anything this large overflows below anyway.
      exponent = Math.min(exponent * 10 + (s.charCodeAt(i) - 48), 1e9);
      i++;
    }
    if (i === eStart) throw invalidSyntax('numeric', s);
    if (eneg) exponent = -exponent;
  }
  if (!onlySpacesFrom(s, i)) throw invalidSyntax('numeric', s);
  return canonical(negative, intDigits, fracDigits, exponent);
}

const SPECIALS: Array<[string, string]> = [
  ['nan', 'NaN'], ['infinity', 'Infinity'], ['+infinity', 'Infinity'], ['-infinity', '-Infinity'],
  ['inf', 'Infinity'], ['+inf', 'Infinity'], ['-inf', '-Infinity'],
];

/** Assembles digits and a decimal exponent into numeric_out's form. */
function canonical(negative: boolean, intDigits: string, fracDigits: string, exponent: number): string {
  const dscale = Math.max(0, fracDigits.length - exponent);
  if (dscale > MAX_DSCALE) throw overflow();
  const all = intDigits + fracDigits;
  const point = intDigits.length + exponent; // index in `all` where the decimal point falls
  let first = 0;
  while (first < all.length && all.charCodeAt(first) === 48) first++;
  const isZero = first === all.length;
  let intPart: string;
  if (isZero || point <= first) intPart = '0';
  else {
    if (point - first > MAX_INTEGER_DIGITS) throw overflow();
    intPart = point <= all.length ? all.slice(first, point) : all.slice(first) + '0'.repeat(point - all.length);
  }
  let out = intPart;
  if (dscale > 0) {
    const frac = point < 0 ? '0'.repeat(-point) + all : all.slice(point);
    out += '.' + frac;
  }
  return negative && !isZero ? '-' + out : out;
}

/** numeric_send from the storage string. */
export function numericToBinary(s: string): Buffer {
  let sign: number;
  if (s === 'NaN') sign = SIGN_NAN;
  else if (s === 'Infinity') sign = SIGN_PINF;
  else if (s === '-Infinity') sign = SIGN_NINF;
  else sign = -1;
  if (sign !== -1) {
    const b = Buffer.alloc(8);
    b.writeUInt16BE(sign, 4);
    // PostgreSQL 15 sends leftover header bits as the display scale of the infinities (0x20); mirrored for byte equality.
    if (sign !== SIGN_NAN) b.writeUInt16BE(0x20, 6);
    return b;
  }
  const negative = s.charCodeAt(0) === 45;
  const body = negative ? s.slice(1) : s;
  const dot = body.indexOf('.');
  const intPart = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? '' : body.slice(dot + 1);
  const intPad = (4 - (intPart.length % 4)) % 4;
  const fracPad = (4 - (frac.length % 4)) % 4;
  const digits = '0'.repeat(intPad) + intPart + frac + '0'.repeat(fracPad);
  const groups: number[] = [];
  for (let k = 0; k < digits.length; k += 4) {
    groups.push((digits.charCodeAt(k) - 48) * 1000 + (digits.charCodeAt(k + 1) - 48) * 100
      + (digits.charCodeAt(k + 2) - 48) * 10 + (digits.charCodeAt(k + 3) - 48));
  }
  let weight = (intPad + intPart.length) / 4 - 1;
  // Base-10000 digits carry no leading or trailing zero groups (PostgreSQL's strip_var).
  let start = 0;
  while (start < groups.length && groups[start] === 0) { start++; weight--; }
  let end = groups.length;
  while (end > start && groups[end - 1] === 0) end--;
  const ndigits = end - start;
  if (ndigits === 0) weight = 0;
  const b = Buffer.allocUnsafe(8 + ndigits * 2);
  b.writeUInt16BE(ndigits, 0);
  b.writeInt16BE(weight, 2);
  b.writeUInt16BE(ndigits > 0 && negative ? SIGN_NEG : SIGN_POS, 4);
  b.writeUInt16BE(frac.length, 6);
  for (let k = 0; k < ndigits; k++) b.writeUInt16BE(groups[start + k]!, 8 + k * 2);
  return b;
}

/** numeric_recv to the storage string (digits beyond the display scale are truncated, as PostgreSQL does). */
export function numericFromBinary(data: Buffer): string {
  if (data.length < 8) throw insufficientData();
  const ndigits = data.readUInt16BE(0);
  const weight = data.readInt16BE(2);
  const sign = data.readUInt16BE(4);
  const dscale = data.readUInt16BE(6);
  if (ndigits > MAX_BINARY_DIGITS) throw invalidBinary('invalid length in external "numeric" value');
  if (sign !== SIGN_POS && sign !== SIGN_NEG && sign !== SIGN_NAN && sign !== SIGN_PINF && sign !== SIGN_NINF) {
    throw invalidBinary('invalid sign in external "numeric" value');
  }
  if (dscale > MAX_DSCALE) throw invalidBinary('invalid scale in external "numeric" value');
  if (data.length < 8 + ndigits * 2) throw insufficientData();
  if (data.length > 8 + ndigits * 2) throw invalidBinary();
  for (let k = 0; k < ndigits; k++) {
    if (data.readUInt16BE(8 + k * 2) > 9999) throw invalidBinary('invalid digit in external "numeric" value');
  }
  if (sign === SIGN_NAN) return 'NaN';
  if (sign === SIGN_PINF) return 'Infinity';
  if (sign === SIGN_NINF) return '-Infinity';
  let intPart = '';
  for (let w = weight; w >= 0; w--) {
    const k = weight - w;
    const d = k < ndigits ? data.readUInt16BE(8 + k * 2) : 0;
    intPart += intPart === '' ? (d === 0 ? '' : String(d)) : String(d).padStart(4, '0');
  }
  if (intPart === '') intPart = '0';
  let frac = '';
  if (dscale > 0) {
    // Fraction groups start at weight -1; groups before the first stored digit are zeros.
    for (let w = -1; frac.length < dscale; w--) {
      const k = weight - w;
      const d = k >= 0 && k < ndigits ? data.readUInt16BE(8 + k * 2) : 0;
      frac += String(d).padStart(4, '0');
    }
    frac = frac.slice(0, dscale);
  }
  if (intPart.length > MAX_INTEGER_DIGITS) throw overflow();
  let isZero = intPart === '0';
  for (let k = 0; isZero && k < frac.length; k++) if (frac.charCodeAt(k) !== 48) isZero = false;
  const out = dscale > 0 ? intPart + '.' + frac : intPart;
  return sign === SIGN_NEG && !isZero ? '-' + out : out;
}

/** True if s is a canonical storage string parseNumeric could have produced (cheap check for reads). */
export function looksCanonicalNumeric(s: string): boolean {
  if (s === 'NaN' || s === 'Infinity' || s === '-Infinity') return true;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === start || (s.charCodeAt(start) === 48 && i - start > 1)) return false;
  if (i === s.length) return s !== '-0';
  if (s.charCodeAt(i) !== 46) return false;
  const f = ++i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  return i === s.length && i > f;
}
