/**
 * Shortest decimal digits as PostgreSQL's Ryu-based float8out/float4out choose them. JS
 * already finds shortest round-trip digits, but it accepts a decimal lying exactly on the
 * boundary between two floats (it reads back correctly under round-half-even), while
 * PostgreSQL's Ryu only accepts decimals strictly inside the rounding interval, and for ties
 * between two equally close candidates Ryu takes the even one. Those rare cases are settled
 * here with exact BigInt arithmetic; the common path is one toExponential call.
 */

/** A float as integer mantissa × 2^exp, plus whether the gap below it is half the gap above. */
interface Binary { mant: bigint; exp: number; narrowBelow: boolean }

const view = new DataView(new ArrayBuffer(8));

function decompose64(v: number): Binary {
  view.setFloat64(0, v);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const e = (hi >>> 20) & 0x7ff;
  const frac = BigInt(hi & 0xfffff) * 0x100000000n + BigInt(lo);
  if (e === 0) return { mant: frac, exp: -1074, narrowBelow: false };
  return { mant: frac + (1n << 52n), exp: e - 1075, narrowBelow: e > 1 && frac === 0n };
}

function decompose32(v: number): Binary {
  view.setFloat32(0, v);
  const bits = view.getUint32(0);
  const e = (bits >>> 23) & 0xff;
  const frac = BigInt(bits & 0x7fffff);
  if (e === 0) return { mant: frac, exp: -149, narrowBelow: false };
  return { mant: frac + (1n << 23n), exp: e - 150, narrowBelow: e > 1 && frac === 0n };
}

/** Whether the decimal in exponential form "[-]d.ddde±x" equals n × 2^e exactly (magnitudes). */
function decimalEquals(s: string, n: bigint, e: number): boolean {
  const ePos = s.indexOf('e');
  let mant = s.slice(s.charCodeAt(0) === 45 ? 1 : 0, ePos);
  const dot = mant.indexOf('.');
  let fracDigits = 0;
  if (dot >= 0) {
    fracDigits = mant.length - dot - 1;
    mant = mant.slice(0, dot) + mant.slice(dot + 1);
  }
  const f = Number(s.slice(ePos + 1)) - fracDigits; // value = mant × 10^f
  let left = BigInt(mant);
  let right = n;
  if (f > 0) left *= 10n ** BigInt(f); else right *= 10n ** BigInt(-f);
  if (e > 0) right <<= BigInt(e); else left <<= BigInt(-e);
  return left === right;
}

/** Whether decimal s sits exactly on a boundary of the rounding interval of b. */
function onBoundary(s: string, b: Binary): boolean {
  if ((b.mant & 1n) !== 0n) return false; // odd mantissa: a boundary reads back as the neighbour anyway
  if (decimalEquals(s, 2n * b.mant + 1n, b.exp - 1)) return true;
  return b.narrowBelow ? decimalEquals(s, 4n * b.mant - 1n, b.exp - 2) : decimalEquals(s, 2n * b.mant - 1n, b.exp - 1);
}

function significantDigits(expForm: string): number {
  const e = expForm.indexOf('e');
  let n = e - (expForm.charCodeAt(0) === 45 ? 1 : 0);
  if (expForm.indexOf('.') >= 0 && expForm.indexOf('.') < e) n--;
  return n;
}

/** Shortest digits of a finite non-zero double, in toExponential form. */
export function shortestDouble(v: number): string {
  const s = v.toExponential();
  // Boundary decimals with at most 17 digits only exist for magnitudes near 2^52 and above.
  if (Math.abs(v) < 2 ** 50) return s;
  const b = decompose64(v);
  if (!onBoundary(s, b)) return s;
  for (let p = significantDigits(s) + 1; p <= 17; p++) {
    const t = v.toExponential(p - 1);
    if (Number(t) === v && !onBoundary(t, b)) return t;
  }
  return v.toExponential(16);
}

/** Facts about a float32 that decide which slow checks can apply to it. */
interface FloatFacts {
  value: number;
  /** 10 significant digits of the value (enough to round to 9 or fewer, see roundedDigits), and its decimal exponent. */
  digits: string;
  exp10: number;
  /** Set when a decimal on the interval boundary could have at most 9 digits (large, even mantissa). */
  bounds: Binary | undefined;
  /** Whether the gap below is narrower (a power of two), making the interval lopsided. */
  lopsided: boolean;
  /** Whether v's exact decimal is short enough to sit halfway between two 9-or-fewer-digit decimals. */
  tiesPossible: boolean;
}

function floatFacts(v: number): FloatFacts {
  view.setFloat32(0, v);
  const bits = view.getUint32(0);
  const e = (bits >>> 23) & 0xff;
  const frac = bits & 0x7fffff;
  let mant = e === 0 ? frac : frac + 0x800000;
  let exp = e === 0 ? -149 : e - 150;
  const evenMant = (mant & 1) === 0;
  while (mant !== 0 && (mant & 1) === 0) { mant /= 2; exp++; }
  const full = v.toExponential(9);
  const ePos = full.indexOf('e');
  const m = full.slice(full.charCodeAt(0) === 45 ? 1 : 0, ePos);
  return {
    value: v,
    digits: m[0]! + m.slice(2),
    exp10: Number(full.slice(ePos + 1)),
    bounds: evenMant && Math.abs(v) >= 2 ** 21 ? decompose32(v) : undefined,
    lopsided: e > 1 && frac === 0,
    // A value with k binary fraction digits has k decimal fraction digits; above 13 that is
    // more than 9 significant digits, so no tie between 9-digit decimals is possible.
    tiesPossible: exp > -14,
  };
}

/** Shortest digits of a finite non-zero float32 value, in toExponential form. */
export function shortestFloat(v: number): string {
  const facts = floatFacts(v);
  // Some p-digit decimal being inside the interval only gets truer as p grows: bisect p in 1..9.
  // `found` holds the candidate for the current upper bound once one is known.
  let lo = 1;
  let hi = 9;
  let found: string | undefined;
  while (lo < hi) {
    const p = (lo + hi) >> 1;
    const s = floatCandidate(facts, p);
    if (s === undefined) lo = p + 1;
    else {
      found = s;
      hi = p;
    }
  }
  return found ?? floatCandidate(facts, 9) ?? v.toExponential(8);
}

/** The p-digit decimal PostgreSQL would print for a float32, if one is inside its interval. */
function floatCandidate(f: FloatFacts, p: number): string | undefined {
  const v = f.value;
  let s = roundedDigits(f, p);
  if (s === undefined) {
    s = v.toExponential(p - 1);
    // A tie needs dropped digits of exactly '5000...', the only case roundedDigits leaves open.
    // toExponential rounds ties away from zero; Ryu takes the even candidate.
    if (f.tiesPossible && isTie(v, p)) {
      const e = s.indexOf('e');
      if ((s.charCodeAt(e - 1) - 48) % 2 === 1) {
        const t = neighbour(s, p, v < 0 ? 1 : -1);
        if (accepts(f, t)) return t;
      }
    }
  }
  if (accepts(f, s)) return s;
  if (!f.lopsided) return undefined;
  // At a power of two the interval is lopsided: the nearest candidate can miss while its
  // neighbour on the wide side still fits.
  const up = neighbour(s, p, v < 0 ? -1 : 1);
  if (accepts(f, up)) return up;
  const down = neighbour(s, p, v < 0 ? 1 : -1);
  return accepts(f, down) ? down : undefined;
}

/**
 * v rounded to p significant digits in toExponential form, derived from the 10-digit string
 * without another number-to-string conversion; undefined when the dropped digits are exactly
 * '5000...' (then only the exact value can tell which way to round).
 */
function roundedDigits(f: FloatFacts, p: number): string | undefined {
  const d = f.digits;
  const next = d.charCodeAt(p) - 48;
  let up = next > 5;
  if (next === 5) {
    for (let k = p + 1; k < d.length && !up; k++) if (d.charCodeAt(k) !== 48) up = true;
    if (!up) return undefined;
  }
  let kept = d.slice(0, p);
  let exp = f.exp10;
  if (up) {
    // Increment the kept digits, carrying; '999' becomes '100' with the exponent one higher.
    let k = p - 1;
    while (k >= 0 && kept.charCodeAt(k) === 57) k--;
    if (k < 0) {
      kept = '1' + '0'.repeat(p - 1);
      exp++;
    } else {
      kept = kept.slice(0, k) + String.fromCharCode(kept.charCodeAt(k) + 1) + '0'.repeat(p - 1 - k);
    }
  }
  const sign = f.value < 0 ? '-' : '';
  const mant = p > 1 ? kept[0] + '.' + kept.slice(1) : kept;
  return sign + mant + (exp < 0 ? 'e' : 'e+') + exp;
}

/** The p-digit decimal one unit in the last place above (dir 1) or below (-1) s. */
function neighbour(s: string, p: number, dir: number): string {
  const e = s.indexOf('e');
  const mant = Number(s.slice(0, e)) + dir * Math.pow(10, 1 - p);
  return Number(mant.toFixed(p - 1) + s.slice(e)).toExponential(p - 1);
}

function accepts(f: FloatFacts, s: string): boolean {
  return Math.fround(Number(s)) === f.value && (f.bounds === undefined || !onBoundary(s, f.bounds));
}

/** Whether v lies exactly halfway between two p-digit decimals (its exact value has p+1 digits ending in 5). */
function isTie(v: number, p: number): boolean {
  const d = v.toExponential(p);
  const e = d.indexOf('e');
  if (d.charCodeAt(e - 1) !== 53) return false;
  const b = decompose32(v);
  return decimalEquals(d, b.mant, b.exp);
}
