/**
 * PostgreSQL's numeric functions where SQLite's differ (random() is an integer there, sqrt/ln
 * of a bad argument give NULL instead of an error) or are missing (div, cbrt, gcd, lcm …).
 */
import type Database from 'better-sqlite3';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';

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
  db.function('random', { deterministic: false }, () => Math.random());
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
  db.function('cbrt', det, strict((x) => Math.cbrt(Number(x))));
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
