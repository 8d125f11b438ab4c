/**
 * numeric sqrt, exp, ln, log and power with PostgreSQL 15's result scales (numeric.c): each picks
 * a display scale from an estimate of the result's decimal weight (at least 16 significant
 * digits), computes with guard digits in BigInt fixed point, and rounds half away from zero.
 * The estimates read the value in numeric's base-10000 digits, as numeric.c does, so the chosen
 * scales match digit for digit (sqrt(2.0) has 15 decimals, exp(1.0) 16, power(2.0, 0.5) 16).
 */
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { compareDecimal, divideDecimal, withDecimalScale, type Decimal } from '../sql/types/decimal.js';

type Finite = Extract<Decimal, { kind: 'finite' }>;

const MIN_SIG_DIGITS = 16;
const MAX_DISPLAY_SCALE = 1000;
const GUARD = 12;
const NAN: Decimal = { kind: 'nan' };

const clampScale = (s: number) => Math.min(Math.max(s, 0), MAX_DISPLAY_SCALE);
const pow10 = (n: number) => 10n ** BigInt(n);

function finite(unscaled: bigint, scale: number): Finite {
  return { kind: 'finite', unscaled, scale };
}

/** numeric's base-10000 view of a value: weight of the first digit group and the first two groups. */
export function nbaseDigits(d: Finite): { weight: number; digits: number[] } {
  const abs = d.unscaled < 0n ? -d.unscaled : d.unscaled;
  if (abs === 0n) return { weight: 0, digits: [] };
  const s = abs.toString();
  const intCount = s.length - d.scale;
  let intPart = intCount > 0 ? s.slice(0, intCount) : '';
  let fracPart = intCount > 0 ? s.slice(intCount) : '0'.repeat(-intCount) + s;
  intPart = intPart.padStart(Math.ceil(intPart.length / 4) * 4, '0');
  fracPart = fracPart.padEnd(Math.ceil(fracPart.length / 4) * 4, '0');
  const all = intPart + fracPart;
  let weight = intPart.length / 4 - 1;
  const groups: number[] = [];
  for (let i = 0; i < all.length; i += 4) groups.push(Number(all.slice(i, i + 4)));
  while (groups.length > 0 && groups[0] === 0) { groups.shift(); weight--; }
  while (groups.length > 0 && groups[groups.length - 1] === 0) groups.pop();
  return { weight, digits: groups };
}

const ONE = finite(1n, 0);

/** estimate_ln_dweight: the decimal weight of ln(d), for d > 0. */
function estimateLnWeight(d: Finite): number {
  if (d.unscaled <= 0n) return 0;
  if (compareDecimal(d, finite(9n, 1)) >= 0 && compareDecimal(d, finite(11n, 1)) <= 0) {
    const x = subtract(d, ONE);
    const { weight, digits } = nbaseDigits(x);
    return digits.length > 0 ? weight * 4 + Math.trunc(Math.log10(digits[0]!)) : 0;
  }
  const { weight, digits } = nbaseDigits(d);
  if (digits.length === 0) return 0;
  let lead = digits[0]!;
  let dweight = weight * 4;
  if (digits.length > 1) { lead = lead * 10000 + digits[1]!; dweight -= 4; }
  const lnVar = Math.log(lead) + dweight * 2.302585092994046;
  return Math.trunc(Math.log10(Math.abs(lnVar)));
}

function subtract(a: Finite, b: Finite): Finite {
  const scale = Math.max(a.scale, b.scale);
  return finite(a.unscaled * pow10(scale - a.scale) - b.unscaled * pow10(scale - b.scale), scale);
}

/** The value as a fixed-point BigInt with `p` fraction digits (truncated). */
function toFixed(d: Finite, p: number): bigint {
  return p >= d.scale ? d.unscaled * pow10(p - d.scale) : d.unscaled / pow10(d.scale - p);
}

/** Rounds a fixed-point value with `p` fraction digits to a Decimal of `scale` digits. */
function fromFixed(v: bigint, p: number, scale: number): Decimal {
  return withDecimalScale(finite(v, p), scale);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  // Newton's method from above (2^ceil(bits/2) >= sqrt(n)) decreases to floor(sqrt(n)).
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** ln(x) in fixed point with p fraction digits, x > 0 given with p fraction digits. */
function lnFixed(x: bigint, p: number): bigint {
  const one = pow10(p);
  // Square roots bring x near 1, where atanh's series converges fast; each one doubles ln's factor.
  let halvings = 0;
  const near = one / 100n;
  while (x - one > near || one - x > near) {
    x = isqrt(x * one);
    halvings++;
  }
  // ln(x) = 2 atanh(z), z = (x - 1) / (x + 1)
  const z = ((x - one) * one) / (x + one);
  const z2 = (z * z) / one;
  let term = z;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = (term * z2) / one;
  }
  return (2n * sum) << BigInt(halvings);
}

/** exp(y) in fixed point with p fraction digits. */
function expFixed(y: bigint, p: number): bigint {
  const one = pow10(p);
  let halvings = 0;
  const small = one / 100n;
  while (y > small || -y > small) {
    y /= 2n;
    halvings++;
  }
  let term = one;
  let sum = one;
  for (let k = 1n; term !== 0n; k++) {
    term = (term * y) / one / k;
    sum += term;
  }
  for (let i = 0; i < halvings; i++) sum = (sum * sum) / one;
  return sum;
}

function powerError(message: string): PgError {
  return new PgError({ code: SqlState.invalidArgumentForPowerFunction, message });
}

function logError(message: string): PgError {
  return new PgError({ code: SqlState.invalidArgumentForLogarithm, message });
}

/** numeric_sqrt. */
export function sqrtDecimal(d: Decimal): Decimal {
  if (d.kind === 'nan') return NAN;
  if (d.kind === 'inf') {
    if (d.negative) throw powerError('cannot take square root of a negative number');
    return d;
  }
  if (d.unscaled < 0n) throw powerError('cannot take square root of a negative number');
  const { weight } = nbaseDigits(d);
  const sweight = Math.trunc(((weight + 1) * 4) / 2) - 1;
  const rscale = clampScale(Math.max(MIN_SIG_DIGITS - sweight, d.scale));
  return sqrtAtScale(d, rscale);
}

/** sqrt_var at a given result scale (stddev uses its variance's scale). */
export function sqrtAtScale(d: Finite, rscale: number): Decimal {
  const p = rscale + 1;
  const root = isqrt(toFixed(d, 2 * p));
  return fromFixed(root, p, rscale);
}

/** numeric_exp. */
export function expDecimal(d: Decimal): Decimal {
  if (d.kind === 'nan') return NAN;
  if (d.kind === 'inf') return d.negative ? finite(0n, 0) : d;
  let val = Number(d.unscaled) / 10 ** d.scale * 0.434294481903252;
  val = Math.min(Math.max(val, -3 * MAX_DISPLAY_SCALE), 3 * MAX_DISPLAY_SCALE);
  if (val > 131072) throw new PgError({ code: SqlState.numericValueOutOfRange, message: 'value overflows numeric format' });
  const rscale = clampScale(Math.max(MIN_SIG_DIGITS - Math.trunc(val), d.scale));
  const p = rscale + GUARD + Math.max(0, Math.ceil(val));
  return fromFixed(expFixed(toFixed(d, p), p), p, rscale);
}

/** numeric_ln. */
export function lnDecimal(d: Decimal): Decimal {
  if (d.kind === 'nan') return NAN;
  if (d.kind === 'inf') {
    if (d.negative) throw logError('cannot take logarithm of a negative number');
    return d;
  }
  checkLogArgument(d);
  const rscale = clampScale(Math.max(MIN_SIG_DIGITS - estimateLnWeight(d), d.scale));
  const p = rscale + GUARD + digitsAbovePoint(d);
  return fromFixed(lnFixed(toFixed(d, p), p), p, rscale);
}

function checkLogArgument(d: Finite): void {
  if (d.unscaled === 0n) throw logError('cannot take logarithm of zero');
  if (d.unscaled < 0n) throw logError('cannot take logarithm of a negative number');
}

/** How far above (or below) 1 a value reaches in decimal digits, for the guard digits of ln. */
function digitsAbovePoint(d: Finite): number {
  const abs = d.unscaled < 0n ? -d.unscaled : d.unscaled;
  return Math.abs(abs.toString().length - d.scale) + 2;
}

/** numeric_log(base, num). */
export function logDecimal(base: Decimal, num: Decimal): Decimal {
  if (base.kind === 'nan' || num.kind === 'nan') return NAN;
  if (base.kind !== 'finite' || num.kind !== 'finite') {
    throw new PgError({ code: SqlState.featureNotSupported, message: 'log() of an infinite numeric is not supported' });
  }
  checkLogArgument(base);
  checkLogArgument(num);
  const resultWeight = estimateLnWeight(num) - estimateLnWeight(base);
  const rscale = clampScale(Math.max(MIN_SIG_DIGITS - resultWeight, base.scale, num.scale));
  const p = rscale + GUARD + digitsAbovePoint(base) + digitsAbovePoint(num);
  const lnBase = lnFixed(toFixed(base, p), p);
  if (lnBase === 0n) throw new PgError({ code: SqlState.divisionByZero, message: 'division by zero' });
  const lnNum = lnFixed(toFixed(num, p), p);
  return fromFixed((lnNum * pow10(p)) / lnBase, p, rscale);
}

const isInteger = (d: Finite) => d.scale === 0 || d.unscaled % pow10(d.scale) === 0n;

/** numeric_power (PostgreSQL 15's power_var). */
export function powerDecimal(base: Decimal, exp: Decimal): Decimal {
  if (base.kind === 'nan' || exp.kind === 'nan') {
    if (base.kind === 'finite' && base.unscaled === pow10(base.scale)) return finite(1n, 0);
    if (exp.kind === 'finite' && exp.unscaled === 0n) return finite(1n, 0);
    return NAN;
  }
  if (base.kind !== 'finite' || exp.kind !== 'finite') {
    throw new PgError({ code: SqlState.featureNotSupported, message: 'power() of an infinite numeric is not supported' });
  }
  if (base.unscaled === 0n && exp.unscaled < 0n) throw powerError('zero raised to a negative power is undefined');
  if (base.unscaled < 0n && !isInteger(exp)) throw powerError('a negative number raised to a non-integer power yields a complex result');
  if (isInteger(exp)) {
    const n = exp.unscaled / pow10(exp.scale);
    if (n >= -2147483648n && n <= 2147483647n) {
      const rscale = clampScale(Math.max(MIN_SIG_DIGITS, base.scale));
      return integerPower(base, n, rscale);
    }
  }
  if (base.unscaled === 0n) return finite(0n, MIN_SIG_DIGITS);
  const lnWeight = estimateLnWeight(base);
  const estimate = Math.log(Number(base.unscaled) / 10 ** base.scale) * (Number(exp.unscaled) / 10 ** exp.scale);
  if (!Number.isFinite(estimate) || Math.abs(estimate) > 3 * MAX_DISPLAY_SCALE * 3.01) {
    if (estimate > 0) throw new PgError({ code: SqlState.numericValueOutOfRange, message: 'value overflows numeric format' });
    return finite(0n, MAX_DISPLAY_SCALE);
  }
  const val = estimate * 0.434294481903252;
  const rscale = clampScale(Math.max(MIN_SIG_DIGITS - Math.trunc(val), base.scale, exp.scale));
  const p = rscale + GUARD + Math.max(0, Math.ceil(val)) + Math.max(0, -lnWeight) + digitsAbovePoint(exp);
  const product = (lnFixed(toFixed(base, p), p) * toFixed(exp, p)) / pow10(p);
  return fromFixed(expFixed(product, p), p, rscale);
}

function integerPower(base: Finite, n: bigint, rscale: number): Decimal {
  if (n === 0n) return withDecimalScale(finite(1n, 0), rscale);
  const magnitude = n < 0n ? -n : n;
  // Exact powers get large: past a few thousand digits go through ln/exp like the general case.
  const digits = Number(magnitude) * (base.unscaled.toString().length + 1);
  if (digits > 20000) {
    throw new PgError({ code: SqlState.featureNotSupported, message: 'power() with an integer exponent this large is not supported' });
  }
  const exact = finite(base.unscaled ** magnitude, base.scale * Number(magnitude));
  if (n > 0n) return withDecimalScale(exact, rscale);
  const quotient = divideDecimal(withDecimalScale(finite(1n, 0), rscale + GUARD), exact);
  // divideDecimal picks its own scale; widen the dividend until it keeps enough digits.
  const precise = quotient.kind === 'finite' && quotient.scale >= rscale + 1 ? quotient
    : divideDecimal(finite(pow10(rscale + GUARD + 40), rscale + GUARD + 40), exact);
  return withDecimalScale(precise, rscale);
}
