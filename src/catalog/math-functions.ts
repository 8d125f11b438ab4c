/**
 * PostgreSQL's numeric functions where SQLite's differ (random() is an integer there, sqrt/ln
 * of a bad argument give NULL instead of an error) or are missing (div, cbrt, gcd, lcm …).
 */
import type Database from 'better-sqlite3';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { formatFloat4, formatFloat8 } from '../protocol/types/float.js';
import { toDecimal, formatDecimal, type Decimal } from '../sql/types/decimal.js';
import { expDecimal, lnDecimal, logDecimal, powerDecimal, sqrtDecimal } from './numeric-math.js';
import { registerAggregateFunctions } from './aggregate-functions.js';
import { glibcCbrt, SessionRandom, widthBucket } from './float-math.js';

type Value = unknown;

function strict(fn: (...args: Value[]) => unknown) {
  return (...args: Value[]) => (args.some((a) => a === null || a === undefined) ? null : fn(...args));
}

const isInteger = (v: Value): v is bigint => typeof v === 'bigint';

function divisionByZero(): PgError {
  return new PgError({ code: SqlState.divisionByZero, message: 'division by zero' });
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function registerMathFunctions(db: Database.Database): void {
  // varargs: the strict() wrappers take rest parameters, so better-sqlite3 cannot read their arity.
  const det = { deterministic: true, varargs: true };
  // The translator guards / and % with this when the divisor is not a non-zero constant.
  db.function('pgsqlite_division_by_zero', { deterministic: false }, () => {
    throw divisionByZero();
  });
  // One generator per engine connection: setseed() makes the random() calls after it on the same
  // connection repeat PostgreSQL's sequence (its xoroshiro128** seeded as pg_prng_fseed does).
  const generator = new SessionRandom();
  db.function('random', { deterministic: false }, () => generator.next());
  registerAggregateFunctions(db);
  db.function('setseed', { deterministic: false }, (seed: Value) => {
    if (seed === null) return null;
    generator.seed(Number(seed));
    return ''; // void's output
  });
  db.function('width_bucket', det, strict((operand, low, high, count) => widthBucket(operand, low, high, count)));
  // numeric sqrt/exp/ln/log/power with numeric.c's result scales (the translator calls these
  // when the arguments are numeric; float arguments keep the float functions).
  const numeric1 = (fn: (d: Decimal) => Decimal) => strict((x) => formatDecimal(fn(toDecimal(x)!)));
  const numeric2 = (fn: (a: Decimal, b: Decimal) => Decimal) => strict((a, b) => formatDecimal(fn(toDecimal(a)!, toDecimal(b)!)));
  db.function('pgsqlite_numeric_sqrt', det, numeric1(sqrtDecimal));
  db.function('pgsqlite_numeric_exp', det, numeric1(expDecimal));
  db.function('pgsqlite_numeric_ln', det, numeric1(lnDecimal));
  db.function('pgsqlite_numeric_log', det, (...args: Value[]) => (args.length === 1
    ? numeric2(logDecimal)(10n, args[0]) : numeric2(logDecimal)(args[0], args[1])));
  db.function('pgsqlite_numeric_power', det, numeric2(powerDecimal));
  // float8out / float4out for float-to-text casts (SQLite's CAST prints 1.0 and 1.0e+100).
  db.function('pgsqlite_float8_text', { deterministic: true }, (x: Value) => (x === null ? null : formatFloat8(Number(x))));
  db.function('pgsqlite_float4_text', { deterministic: true }, (x: Value) => (x === null ? null : formatFloat4(Number(x))));
  // real to float8 widens the float32 value (0.1::float4::float8 is 0.10000000149011612); float4
  // values are kept as the doubles they were written as, so the widening rounds them here.
  db.function('pgsqlite_float4_round', { deterministic: true }, (x: Value) => {
    if (x === null) return null;
    const f = Math.fround(Number(x));
    return f !== f ? 'NaN' : f; // NaN's storage form is the text 'NaN' (SQLite has no NaN REAL).
  });
  db.function('trunc', det, strict((x, places = 0n) => {
    if (isInteger(x)) return x;
    const factor = 10 ** Number(places);
    return Math.trunc(Number(x) * factor) / factor;
  }));
  db.function('div', det, strict((a, b) => {
    if (Number(b) === 0) throw divisionByZero();
    if (isInteger(a) && isInteger(b)) return a / b;
    return Math.trunc(Number(a) / Number(b));
  }));
  db.function('cbrt', det, strict((x) => glibcCbrt(Number(x))));
  db.function('sqrt', det, strict((x) => {
    if (Number(x) < 0) throw new PgError({ code: SqlState.invalidArgumentForPowerFunction, message: 'cannot take square root of a negative number' });
    return Math.sqrt(Number(x));
  }));
  db.function('ln', det, strict((x) => {
    const n = Number(x);
    if (n === 0) throw new PgError({ code: SqlState.invalidArgumentForLogarithm, message: 'cannot take logarithm of zero' });
    if (n < 0) throw new PgError({ code: SqlState.invalidArgumentForLogarithm, message: 'cannot take logarithm of a negative number' });
    return Math.log(n);
  }));
  db.function('gcd', det, strict((a, b) => gcd(BigInt(a as bigint), BigInt(b as bigint))));
  db.function('lcm', det, strict((a, b) => {
    const x = BigInt(a as bigint);
    const y = BigInt(b as bigint);
    if (x === 0n || y === 0n) return 0n;
    const l = (x / gcd(x, y)) * y;
    return l < 0n ? -l : l;
  }));
  db.function('factorial', det, strict((n) => {
    let k = BigInt(n as bigint);
    if (k < 0n) throw new PgError({ code: SqlState.invalidParameterValue, message: 'factorial of a negative number is undefined' });
    let out = 1n;
    while (k > 1n) out *= k--;
    return out <= 9223372036854775807n ? out : out.toString();
  }));
}
