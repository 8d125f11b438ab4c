/**
 * Exact numeric arithmetic for the translator (sql/translate/operators.ts): where an operator's
 * result is numeric, it calls these instead of SQLite's floating-point + - * / %. Arguments may
 * be INTEGER, REAL (a numeric column's value after SQLite's NUMERIC affinity) or numeric TEXT;
 * results are numeric TEXT (protocol/types/storage.ts) with PostgreSQL's scales.
 */
import type Database from 'better-sqlite3';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import {
  addDecimal, averageDecimal, compareDecimal, divideDecimal, formatDecimal, moduloDecimal, multiplyDecimal, negateDecimal,
  numericWithTypmod, subtractDecimal, toDecimal, withDecimalScale, type Decimal,
} from '../sql/types/decimal.js';

type Binary = (a: Decimal, b: Decimal) => Decimal;

function binary(fn: Binary) {
  return (a: unknown, b: unknown) => {
    const x = toDecimal(a);
    const y = toDecimal(b);
    return x === undefined || y === undefined ? null : formatDecimal(fn(x, y));
  };
}

interface AverageState {
  sum: Decimal;
  count: bigint;
}

export function registerNumericFunctions(db: Database.Database): void {
  const det = { deterministic: true };
  db.function('pgsqlite_numeric_add', det, binary(addDecimal));
  db.function('pgsqlite_numeric_sub', det, binary(subtractDecimal));
  db.function('pgsqlite_numeric_mul', det, binary(multiplyDecimal));
  db.function('pgsqlite_numeric_div', det, binary(divideDecimal));
  db.function('pgsqlite_numeric_mod', det, binary(moduloDecimal));
  db.function('pgsqlite_numeric_neg', det, (a: unknown) => {
    const x = toDecimal(a);
    return x === undefined ? null : formatDecimal(negateDecimal(x));
  });
  db.function('pgsqlite_numeric_abs', det, (a: unknown) => {
    const x = toDecimal(a);
    if (x === undefined) return null;
    return formatDecimal(x.kind === 'finite' && x.unscaled < 0n ? negateDecimal(x) : x.kind === 'inf' ? { kind: 'inf', negative: false } : x);
  });
  db.function('pgsqlite_numeric_cmp', det, (a: unknown, b: unknown) => {
    const x = toDecimal(a);
    const y = toDecimal(b);
    return x === undefined || y === undefined ? null : compareDecimal(x, y);
  });
  // x::numeric and x::numeric(p, s) of a value only known at run time. An integer stays an
  // INTEGER and a REAL a REAL when no scale is asked for (they compare and sort as numbers);
  // text is read as numeric input (22P02 if it is not one) and kept exact.
  db.function('pgsqlite_numeric', det, (value: unknown, precision: unknown, scale: unknown) => {
    if (value === null) return null;
    const p = Number(precision);
    if (p < 0 && (typeof value === 'bigint' || typeof value === 'number')) return value;
    const d = toDecimal(value)!;
    return formatDecimal(p < 0 ? d : numericWithTypmod(d, p, Number(scale)));
  });
  // An untyped literal compared with an integer column (sql/translate/operators.ts): integer input.
  const integerTypes: Record<string, [string, bigint, bigint]> = {
    21: ['smallint', -32768n, 32767n], 23: ['integer', -2147483648n, 2147483647n], 20: ['bigint', -9223372036854775808n, 9223372036854775807n],
  };
  db.function('pgsqlite_integer_input', det, (text: unknown, type: unknown) => {
    if (text === null) return null;
    const [name, min, max] = integerTypes[String(type)] ?? integerTypes[20]!;
    const input = String(text);
    if (!/^\s*[+-]?\d+\s*$/.test(input)) {
      throw new PgError({ code: SqlState.invalidTextRepresentation, message: `invalid input syntax for type ${name}: "${input}"` });
    }
    const value = BigInt(input.trim());
    if (value < min || value > max) throw new PgError({ code: SqlState.numericValueOutOfRange, message: `value "${input}" is out of range for type ${name}` });
    return value;
  });
  // The sort key of a computed numeric as a number. The translator now sorts and compares computed
  // numerics with the pgsqlite_numeric collation; kept for views stored by earlier versions.
  db.function('pgsqlite_numeric_key', det, (v: unknown) => {
    if (typeof v !== 'string') return v;
    return v === 'NaN' ? Number.MAX_VALUE : Number(v);
  });
  // round(x [, n]) by the argument's type (sql/translate/function-calls.ts): numeric rounds half
  // away from zero to n digits (n < 0 rounds left of the point) and keeps scale n; float8 rounds
  // half to even, as rint() does.
  db.function('pgsqlite_round', { deterministic: true, varargs: true }, (type: unknown, value: unknown, ...rest: unknown[]) => {
    const places = rest.length > 0 ? rest[0] : 0n;
    if (value === null || places === null) return null;
    // round(float8) is rint(); round(real, n) is round(numeric, n) after a cast.
    if ((Number(type) === 700 || Number(type) === 701) && rest.length === 0) {
      const x = Number(value);
      const r = Math.round(x);
      return Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
    }
    const d = toDecimal(value)!;
    const n = Number(places);
    if (d.kind !== 'finite') return formatDecimal(d);
    if (n >= 0) return formatDecimal(withDecimalScale(d, n));
    // Negative places: round to 10^-n, print without fraction.
    const shifted = withDecimalScale({ kind: 'finite', unscaled: d.unscaled, scale: d.scale - n }, 0);
    return formatDecimal(shifted.kind === 'finite' ? { kind: 'finite', unscaled: shifted.unscaled * 10n ** BigInt(-n), scale: 0 } : shifted);
  });
  // scale(), min_scale(), trim_scale() of a numeric.
  db.function('scale', det, (v: unknown) => {
    const d = toDecimal(v);
    return d === undefined || d.kind !== 'finite' ? null : d.scale;
  });
  const trimmed = (d: Decimal): Decimal => {
    if (d.kind !== 'finite') return d;
    let { unscaled, scale } = d;
    while (scale > 0 && unscaled % 10n === 0n) {
      unscaled /= 10n;
      scale--;
    }
    return { kind: 'finite', unscaled, scale };
  };
  db.function('min_scale', det, (v: unknown) => {
    const d = toDecimal(v);
    if (d === undefined || d.kind !== 'finite') return null;
    return (trimmed(d) as { scale: number }).scale;
  });
  db.function('trim_scale', det, (v: unknown) => {
    const d = toDecimal(v);
    return d === undefined ? null : formatDecimal(trimmed(d));
  });
  // min()/max() of a computed numeric (exact TEXT, which SQLite's would compare as text).
  for (const [name, sign] of [['pgsqlite_numeric_min', -1], ['pgsqlite_numeric_max', 1]] as const) {
    db.aggregate(name, {
      start: () => null as unknown,
      step: (best: unknown, value: unknown) => {
        if (value === null) return best;
        if (best === null) return value;
        return compareDecimal(toDecimal(value)!, toDecimal(best)!) * sign > 0 ? value : best;
      },
      result: (best: unknown) => best,
    });
  }
  // sum() of numerics is pgsqlite_numeric_sum, in C (native/numeric_sum.h).
  // avg() of integers and numerics: an exact sum divided with numeric division's scale.
  db.aggregate('pgsqlite_numeric_avg', {
    start: () => ({ sum: { kind: 'finite', unscaled: 0n, scale: 0 }, count: 0n }) as AverageState,
    step: (state: AverageState, value: unknown) => {
      const d = toDecimal(value);
      if (d === undefined) return state;
      return { sum: addDecimal(state.sum, d), count: state.count + 1n };
    },
    inverse: (state: AverageState, value: unknown) => {
      const d = toDecimal(value);
      if (d === undefined) return state;
      return { sum: subtractDecimal(state.sum, d), count: state.count - 1n };
    },
    result: (state: AverageState) => (state.count === 0n ? null : formatDecimal(averageDecimal(state.sum, state.count))),
  });
}
