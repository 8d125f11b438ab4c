/**
 * Float functions whose exact digits PostgreSQL takes from its C library or its own generator:
 * cbrt is glibc's (not correctly rounded: cbrt(27) is 3.0000000000000004 there), random() is
 * pg_prng's xoroshiro128** (so setseed(x) gives PostgreSQL's sequence), and width_bucket.
 */
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { compareDecimal, toDecimal, type Decimal } from '../sql/types/decimal.js';

const CBRT2 = 1.2599210498948731648;
const SQR_CBRT2 = 1.5874010519681994748;
const cbrtFactor = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];

/** frexp: mantissa in [0.5, 1) and exponent; (x, 0) for 0, infinities and NaN. */
function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = Math.floor(Math.log2(Math.abs(x))) + 1;
  let m = ldexp(x, -e);
  // log2 can be off by one near powers of two; settle the mantissa into [0.5, 1).
  while (Math.abs(m) < 0.5) { m *= 2; e--; }
  while (Math.abs(m) >= 1) { m /= 2; e++; }
  return [m, e];
}

function ldexp(m: number, e: number): number {
  // Two steps keep 2^e representable for exponents near the ends of the range.
  const half = Math.trunc(e / 2);
  return m * Math.pow(2, half) * Math.pow(2, e - half);
}

/** glibc's cbrt (sysdeps/ieee754/dbl-64/s_cbrt.c), operation for operation. */
export function glibcCbrt(x: number): number {
  const [xm0, xe] = frexp(Math.abs(x));
  if (xe === 0 && (x === 0 || !Number.isFinite(x))) return x + x;
  const xm = xm0;
  const u = 0.354895765043919860
    + ((1.50819193781584896
      + ((-2.11499494167371287
        + ((2.44693122563534430
          + ((-1.83469277483613086
            + (0.784932344976639262 - 0.145263899385486377 * xm) * xm)
            * xm))
          * xm))
        * xm))
      * xm);
  const t2 = u * u * u;
  const ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * cbrtFactor[2 + (xe % 3)]!;
  return ldexp(x > 0 ? ym : -ym, Math.trunc(xe / 3));
}

const MASK64 = (1n << 64n) - 1n;
const rotl = (x: bigint, bits: bigint) => ((x << bits) | (x >> (64n - bits))) & MASK64;

/** random()/setseed() state: pg_prng's xoroshiro128**, seeded through splitmix64. */
export class SessionRandom {
  private s0 = 0n;
  private s1 = 0n;
  private seeded = false;

  /** pg_prng_fseed: the seed in [-1, 1] scaled to 52 bits. */
  seed(fseed: number): void {
    if (!(fseed >= -1 && fseed <= 1)) {
      throw new PgError({ code: SqlState.invalidParameterValue, message: `setseed parameter ${formatG(fseed)} is out of allowed range [-1,1]` });
    }
    const seed = BigInt.asUintN(64, BigInt(Math.trunc(4503599627370495 * fseed)));
    let state = seed;
    const splitmix = () => {
      state = (state + 0x9E3779B97F4A7C15n) & MASK64;
      let v = state;
      v = ((v ^ (v >> 30n)) * 0xBF58476D1CE4E5B9n) & MASK64;
      v = ((v ^ (v >> 27n)) * 0x94D049BB133111EBn) & MASK64;
      return v ^ (v >> 31n);
    };
    this.s0 = splitmix();
    this.s1 = splitmix();
    if (this.s0 === 0n && this.s1 === 0n) { this.s0 = 1n; }
    this.seeded = true;
  }

  /** pg_prng_double: 52 random bits as a double in [0, 1). */
  next(): number {
    if (!this.seeded) return Math.random();
    const s0 = this.s0;
    const sx = this.s1 ^ s0;
    const val = (rotl((s0 * 5n) & MASK64, 7n) * 9n) & MASK64;
    this.s0 = rotl(s0, 24n) ^ sx ^ ((sx << 16n) & MASK64);
    this.s1 = rotl(sx, 37n);
    return Number(val >> 12n) / 4503599627370496;
  }
}

/** C's %g, enough for the setseed error message. */
function formatG(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  return String(Number(x.toPrecision(6)));
}

function widthBucketError(message: string): PgError {
  return new PgError({ code: SqlState.invalidArgumentForWidthBucketFunction, message });
}

/**
 * width_bucket(operand, low, high, count): the 1-based bucket of `count` equal-width buckets
 * between the bounds, 0 below and count + 1 above (reversed when low > high). Numeric and
 * integer arguments are compared and divided exactly, as numeric width_bucket does.
 */
export function widthBucket(operandValue: unknown, lowValue: unknown, highValue: unknown, countValue: unknown): bigint {
  const count = BigInt(countValue as bigint);
  if (count <= 0n) throw widthBucketError('count must be greater than zero');
  const operand = toDecimal(operandValue)!;
  const low = toDecimal(lowValue)!;
  const high = toDecimal(highValue)!;
  if (operand.kind === 'nan' || low.kind === 'nan' || high.kind === 'nan') {
    throw widthBucketError('operand, lower bound, and upper bound cannot be NaN');
  }
  if (low.kind !== 'finite' || high.kind !== 'finite') throw widthBucketError('lower and upper bounds must be finite');
  const order = compareDecimal(low, high);
  if (order === 0) throw widthBucketError('lower bound cannot equal upper bound');
  if (order < 0) {
    if (compareDecimal(operand, low) < 0) return 0n;
    if (compareDecimal(operand, high) >= 0) return count + 1n;
    return bucket(operand, low, high, count);
  }
  if (compareDecimal(operand, low) > 0) return 0n;
  if (compareDecimal(operand, high) <= 0) return count + 1n;
  return bucket(low, operand, low, count, high);
}

/** floor((x - from) × count / (to - from)) + 1 over finite values, exactly. */
function bucket(x: Decimal, from: Decimal, to: Decimal, count: bigint, reversedHigh?: Decimal): bigint {
  const values = [x, from, reversedHigh ?? to] as Extract<Decimal, { kind: 'finite' }>[];
  // Reversed: (low - operand) × count / (low - high); here x = low, from = operand, to = low.
  const scale = Math.max(...values.map((v) => v.scale));
  const [a, b, c] = values.map((v) => v.unscaled * 10n ** BigInt(scale - v.scale)) as [bigint, bigint, bigint];
  const numerator = (a - b) * count;
  const denominator = reversedHigh !== undefined ? a - c : c - b;
  return numerator / denominator + 1n;
}
