/**
 * Exact decimal arithmetic with PostgreSQL's numeric rules, on the canonical numeric strings
 * that are numeric's storage form (protocol/types/storage.ts): a value is an unscaled BigInt and
 * a display scale, or NaN / ±Infinity. Results are rounded half away from zero, and their scales
 * follow numeric.c: + and - keep the larger scale, * adds them, / picks select_div_scale's
 * (at least 16 significant digits), % keeps the larger scale.
 */
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { plainDecimal } from '../../protocol/types/float.js';
import { looksCanonicalNumeric, parseNumeric } from '../../protocol/types/numeric.js';

export type Decimal =
  | { kind: 'finite'; unscaled: bigint; scale: number }
  | { kind: 'nan' }
  | { kind: 'inf'; negative: boolean };

const NAN: Decimal = { kind: 'nan' };
const MIN_SIG_DIGITS = 16;
const MAX_DISPLAY_SCALE = 1000;

function divisionByZero(): PgError {
  return new PgError({ code: SqlState.divisionByZero, message: 'division by zero' });
}

/** A canonical (or plain) decimal string as a Decimal. */
export function parseDecimal(text: string): Decimal {
  if (text === 'NaN') return NAN;
  if (text === 'Infinity') return { kind: 'inf', negative: false };
  if (text === '-Infinity') return { kind: 'inf', negative: true };
  const point = text.indexOf('.');
  if (point < 0) return { kind: 'finite', unscaled: BigInt(text), scale: 0 };
  return { kind: 'finite', unscaled: BigInt(text.slice(0, point) + text.slice(point + 1)), scale: text.length - point - 1 };
}

/** A SQLite value (INTEGER, REAL, or numeric/decimal TEXT) as a Decimal; undefined for NULL. */
export function toDecimal(value: unknown): Decimal | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'bigint') return { kind: 'finite', unscaled: value, scale: 0 };
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Number.isSafeInteger(value)) return { kind: 'finite', unscaled: BigInt(value), scale: 0 };
    return parseDecimal(plainDecimal(value));
  }
  // Stored numerics are canonical already: skip numeric input's normalisation for them (sum() and
  // avg() read every row through here).
  if (typeof value === 'string') return parseDecimal(looksCanonicalNumeric(value) ? value : parseNumeric(value));
  throw new PgError({ code: SqlState.datatypeMismatch, message: 'cannot use a binary value as numeric' });
}

/** numeric_out's text. */
export function formatDecimal(d: Decimal): string {
  if (d.kind === 'nan') return 'NaN';
  if (d.kind === 'inf') return d.negative ? '-Infinity' : 'Infinity';
  const negative = d.unscaled < 0n;
  let digits = (negative ? -d.unscaled : d.unscaled).toString();
  if (d.scale > 0) {
    digits = digits.padStart(d.scale + 1, '0');
    digits = digits.slice(0, digits.length - d.scale) + '.' + digits.slice(digits.length - d.scale);
  }
  return negative ? '-' + digits : digits;
}

const pow10Cache: bigint[] = [];
function pow10(n: number): bigint {
  if (n < 64) return (pow10Cache[n] ??= 10n ** BigInt(n));
  return 10n ** BigInt(n);
}

/** value / 10^shift rounded half away from zero. */
function roundShift(value: bigint, shift: number): bigint {
  if (shift <= 0) return value * pow10(-shift);
  const divisor = pow10(shift);
  const q = value / divisor;
  const r = value % divisor;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= divisor) return value < 0n ? q - 1n : q + 1n;
  return q;
}

/** Rounds (or pads) a finite decimal to `scale` fraction digits. */
export function withDecimalScale(d: Decimal, scale: number): Decimal {
  if (d.kind !== 'finite' || d.scale === scale) return d;
  return { kind: 'finite', unscaled: roundShift(d.unscaled, d.scale - scale), scale };
}

function aligned(a: { unscaled: bigint; scale: number }, b: { unscaled: bigint; scale: number }): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.unscaled * pow10(scale - a.scale), b.unscaled * pow10(scale - b.scale), scale];
}

const sign = (d: Decimal): number => (d.kind === 'nan' ? 0 : d.kind === 'inf' ? (d.negative ? -1 : 1) : d.unscaled < 0n ? -1 : d.unscaled > 0n ? 1 : 0);
const infinity = (negative: boolean): Decimal => ({ kind: 'inf', negative });

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  if (a.kind === 'nan' || b.kind === 'nan') return NAN;
  if (a.kind === 'inf') return b.kind === 'inf' && b.negative !== a.negative ? NAN : a;
  if (b.kind === 'inf') return b;
  const [x, y, scale] = aligned(a, b);
  return { kind: 'finite', unscaled: x + y, scale };
}

export function negateDecimal(a: Decimal): Decimal {
  if (a.kind === 'nan') return a;
  if (a.kind === 'inf') return infinity(!a.negative);
  return { kind: 'finite', unscaled: -a.unscaled, scale: a.scale };
}

export function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  return addDecimal(a, negateDecimal(b));
}

export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  if (a.kind === 'nan' || b.kind === 'nan') return NAN;
  if (a.kind === 'inf' || b.kind === 'inf') {
    const s = sign(a) * sign(b);
    return s === 0 ? NAN : infinity(s < 0);
  }
  return { kind: 'finite', unscaled: a.unscaled * b.unscaled, scale: Math.min(a.scale + b.scale, MAX_DISPLAY_SCALE) };
}

/** PostgreSQL's weight (in base-10000 digits) and leading base-10000 digit of a finite value. */
function weightAndFirstDigit(d: { unscaled: bigint; scale: number }): [number, number] {
  if (d.unscaled === 0n) return [0, 0];
  const digits = (d.unscaled < 0n ? -d.unscaled : d.unscaled).toString();
  // Position of the decimal point counted from the first digit: intDigits > 0 means |d| >= 1.
  const intDigits = digits.length - d.scale;
  if (intDigits > 0) {
    const weight = Math.floor((intDigits - 1) / 4);
    const lead = intDigits - weight * 4;
    return [weight, Number(digits.slice(0, lead))];
  }
  const zeros = -intDigits; // zeros between the point and the first significant digit
  const weight = -(Math.floor(zeros / 4) + 1);
  const inGroup = zeros % 4;
  return [weight, Number(('0'.repeat(inGroup) + digits).slice(0, 4).padEnd(4, '0'))];
}

/** numeric.c's select_div_scale. */
function divisionScale(a: { unscaled: bigint; scale: number }, b: { unscaled: bigint; scale: number }): number {
  const [w1, f1] = weightAndFirstDigit(a);
  const [w2, f2] = weightAndFirstDigit(b);
  let qweight = w1 - w2;
  if (f1 <= f2) qweight--;
  const rscale = Math.max(MIN_SIG_DIGITS - qweight * 4, a.scale, b.scale, 0);
  return Math.min(rscale, MAX_DISPLAY_SCALE);
}

/** a / b to `scale` digits, rounded half away from zero. */
function divideFinite(a: { unscaled: bigint; scale: number }, b: { unscaled: bigint; scale: number }, scale: number): bigint {
  // a/b = (ua / 10^sa) / (ub / 10^sb); scaled by 10^(scale+1) then rounded by one digit.
  const shift = scale + 1 + b.scale - a.scale;
  let num = a.unscaled;
  let den = b.unscaled;
  if (shift >= 0) num *= pow10(shift);
  else den *= pow10(-shift);
  const q = num / den; // truncated toward zero, one extra digit
  return roundShift(q, 1);
}

export function divideDecimal(a: Decimal, b: Decimal): Decimal {
  if (a.kind === 'nan' || b.kind === 'nan') return NAN;
  if (b.kind === 'finite' && b.unscaled === 0n) throw divisionByZero();
  if (a.kind === 'inf') return b.kind === 'inf' ? NAN : infinity(a.negative !== (sign(b) < 0));
  if (b.kind === 'inf') return { kind: 'finite', unscaled: 0n, scale: 0 };
  const scale = divisionScale(a, b);
  return { kind: 'finite', unscaled: divideFinite(a, b, scale), scale };
}

export function moduloDecimal(a: Decimal, b: Decimal): Decimal {
  if (a.kind === 'nan' || b.kind === 'nan') return NAN;
  if (b.kind === 'finite' && b.unscaled === 0n) throw divisionByZero();
  if (a.kind === 'inf') return NAN;
  if (b.kind === 'inf') return a;
  const [x, y, scale] = aligned(a, b);
  return { kind: 'finite', unscaled: x % y, scale };
}

/** -1, 0, 1; NaN sorts above everything and equals itself, as in PostgreSQL. */
export function compareDecimal(a: Decimal, b: Decimal): number {
  if (a.kind === 'nan') return b.kind === 'nan' ? 0 : 1;
  if (b.kind === 'nan') return -1;
  if (a.kind === 'inf' || b.kind === 'inf') {
    const sa = a.kind === 'inf' ? (a.negative ? -2 : 2) : 0;
    const sb = b.kind === 'inf' ? (b.negative ? -2 : 2) : 0;
    if (sa !== 0 && sa === sb) return 0;
    if (sa !== sb && (sa !== 0 || sb !== 0)) return sa < sb ? -1 : sa > sb ? 1 : 0;
  }
  const [x, y] = aligned(a as { unscaled: bigint; scale: number }, b as { unscaled: bigint; scale: number });
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The average of a sum over `count` rows, with numeric_avg's scale. */
export function averageDecimal(sum: Decimal, count: bigint): Decimal {
  return divideDecimal(sum, { kind: 'finite', unscaled: count, scale: 0 });
}

/** numeric(p, s): rounds to s digits, then refuses more than p - s integer digits (22003). */
export function numericWithTypmod(d: Decimal, precision: number, scale: number): Decimal {
  if (d.kind !== 'finite') {
    if (d.kind === 'inf' && precision >= 0) {
      throw new PgError({ code: SqlState.numericValueOutOfRange, message: 'numeric field overflow', detail: `A field with precision ${precision}, scale ${scale} cannot hold an infinite value.` });
    }
    return d;
  }
  const rounded = withDecimalScale(d, scale);
  if (precision >= 0 && rounded.kind === 'finite') {
    const abs = rounded.unscaled < 0n ? -rounded.unscaled : rounded.unscaled;
    if (abs !== 0n && abs.toString().length > precision) {
      throw new PgError({
        code: SqlState.numericValueOutOfRange, message: 'numeric field overflow',
        // numeric.c prints 10^0 as 1.
        detail: `A field with precision ${precision}, scale ${scale} must round to an absolute value less than ${precision === scale ? '1' : '10^' + (precision - scale)}.`,
      });
    }
  }
  return rounded;
}
