/**
 * Aggregates SQLite lacks, registered on every engine connection: the statistical family
 * (stddev, variance and their _samp/_pop forms) with PostgreSQL's arithmetic, json(b)_object_agg,
 * string_agg over DISTINCT (value, delimiter) pairs, and the ordered-set aggregates
 * percentile_cont / percentile_disc / mode (the translator passes WITHIN GROUP's ORDER BY
 * expression as the argument, sorted by SQLite: see sql/translate/aggregate-calls.ts).
 */
import type Database from 'better-sqlite3';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { normalizeJsonb, quoteJsonString } from '../protocol/types/json.js';
import {
  addDecimal, compareDecimal, divideDecimal, formatDecimal, multiplyDecimal, subtractDecimal, toDecimal, type Decimal,
} from '../sql/types/decimal.js';
import { jsonOf } from './json-functions.js';
import { sqrtAtScale } from './numeric-math.js';

type Value = unknown;

const FLOAT4 = 700, FLOAT8 = 701;
const ZERO: Decimal = { kind: 'finite', unscaled: 0n, scale: 0 };

export type Statistic = 'stddev' | 'stddev_samp' | 'stddev_pop' | 'variance' | 'var_samp' | 'var_pop';
export const statistics: Statistic[] = ['stddev', 'stddev_samp', 'stddev_pop', 'variance', 'var_samp', 'var_pop'];

/** Running sums of one group: exact for integers/numerics, Youngs-Cramer for floats (float.c). */
export interface StatisticState { float: boolean; n: number; sumX: Decimal; sumX2: Decimal; fx: number; fxx: number }

export function statisticStart(): StatisticState {
  return { float: false, n: 0, sumX: ZERO, sumX2: ZERO, fx: 0, fxx: 0 };
}

export function statisticStep(state: StatisticState, value: Value, type: Value, direction: 1 | -1 = 1): StatisticState {
  if (value === null || value === undefined) return state;
  if (Number(type) === FLOAT4 || Number(type) === FLOAT8) {
    state.float = true;
    // float4 arguments are float32 values (a real column holds doubles, rounded here).
    const x = Number(type) === FLOAT4 ? Math.fround(Number(value)) : Number(value);
    if (direction > 0) {
      const before = state.n;
      state.n++;
      state.fx += x;
      if (before > 0) {
        const tmp = x * state.n - state.fx;
        state.fxx += (tmp * tmp) / (state.n * before);
      } else {
        state.fxx = x * 0;
      }
    } else {
      // Undoes the step that added x (a shrinking window frame).
      const after = state.n - 1;
      if (after > 0) {
        const tmp = x * state.n - state.fx;
        state.fxx -= (tmp * tmp) / (state.n * after);
      } else {
        state.fxx = 0;
      }
      state.fx -= x;
      state.n = after;
    }
    return state;
  }
  const d = toDecimal(value)!;
  const square = multiplyDecimal(d, d);
  state.n += direction;
  state.sumX = direction > 0 ? addDecimal(state.sumX, d) : subtractDecimal(state.sumX, d);
  state.sumX2 = direction > 0 ? addDecimal(state.sumX2, square) : subtractDecimal(state.sumX2, square);
  return state;
}

/** The statistic of a group: float8 for float input, else numeric text (numeric_stddev_internal). */
export function statisticResult(state: StatisticState, statistic: Statistic): number | string | null {
  const sample = statistic !== 'stddev_pop' && statistic !== 'var_pop';
  const root = statistic.startsWith('stddev');
  if (state.n === 0 || (sample && state.n === 1)) return null;
  if (state.float) {
    const variance = state.fxx / (sample ? state.n - 1 : state.n);
    return root ? Math.sqrt(variance) : variance;
  }
  const n: Decimal = { kind: 'finite', unscaled: BigInt(state.n), scale: 0 };
  const numerator = subtractDecimal(multiplyDecimal(n, state.sumX2), multiplyDecimal(state.sumX, state.sumX));
  if (numerator.kind === 'nan' || state.sumX.kind === 'nan') return 'NaN';
  if (compareDecimal(numerator, ZERO) <= 0) return '0';
  const denominator = multiplyDecimal(n, { kind: 'finite', unscaled: BigInt(sample ? state.n - 1 : state.n), scale: 0 });
  const variance = divideDecimal(numerator, denominator);
  if (!root || variance.kind !== 'finite') return formatDecimal(variance);
  return formatDecimal(sqrtAtScale(variance, variance.scale));
}

function percentileError(fraction: number): PgError {
  return new PgError({ code: SqlState.numericValueOutOfRange, message: `percentile value ${String(fraction)} is not between 0 and 1` });
}

/** The fraction argument of a percentile: a number, or an array of them (JSON array text). */
function fractionsOf(value: Value): { list: (number | null)[]; array: boolean } | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && value.startsWith('[')) {
    return { list: (JSON.parse(value) as (number | null)[]).map((f) => (f === null ? null : Number(f))), array: true };
  }
  return { list: [Number(value)], array: false };
}

function checkFraction(f: number): void {
  if (!(f >= 0 && f <= 1)) throw percentileError(f);
}

function numericValue(v: Value): number {
  const n = typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : Number(v);
  if (typeof v !== 'bigint' && typeof v !== 'number' && (typeof v !== 'string' || Number.isNaN(n))) {
    throw new PgError({ code: SqlState.featureNotSupported, message: 'percentile_cont over values that are not numbers is not supported' });
  }
  return n;
}

/** percentile_cont over sorted values: linear interpolation between the neighbouring rows. */
export function percentileCont(sorted: Value[], fraction: number): number {
  checkFraction(fraction);
  const position = fraction * (sorted.length - 1);
  const first = Math.floor(position);
  const second = Math.ceil(position);
  const low = numericValue(sorted[first]);
  if (first === second) return low;
  const high = numericValue(sorted[second]);
  return low + (high - low) * (position - first);
}

/** percentile_disc over sorted values: the first value whose cumulative share reaches the fraction. */
export function percentileDisc(sorted: Value[], fraction: number): Value {
  checkFraction(fraction);
  const row = Math.ceil(fraction * sorted.length);
  return sorted[Math.max(row, 1) - 1];
}

/** mode() over sorted values: the most frequent, the first in sort order among equals. */
export function modeOf(sorted: Value[]): Value {
  let best: Value = null;
  let bestCount = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sameValue(sorted[j], sorted[i])) j++;
    if (j - i > bestCount) { best = sorted[i]; bestCount = j - i; }
    i = j;
  }
  return best;
}

function sameValue(a: Value, b: Value): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  return a === b;
}

interface OrderedState { values: Value[]; fraction: Value; seen: boolean }

/** An ordered-set aggregate over its sorted values; `direct` when it has a direct argument. */
function orderedSet(result: (state: OrderedState) => Value, direct: boolean) {
  const start = () => ({ values: [], fraction: null, seen: false }) as OrderedState;
  const finish = (state: OrderedState) => (state.values.length === 0 ? null : result(state));
  if (!direct) {
    return { start, result: finish, step: (state: OrderedState, value: Value) => { if (value !== null) state.values.push(value); } };
  }
  return {
    start,
    result: finish,
    step: (state: OrderedState, value: Value, fraction: Value) => {
      // The direct argument is evaluated once per group in PostgreSQL: the first row's counts.
      if (!state.seen) { state.fraction = fraction; state.seen = true; }
      if (value !== null) state.values.push(value);
    },
  };
}

function percentile(pick: (sorted: Value[], fraction: number) => Value) {
  return orderedSet((state) => {
    const fractions = fractionsOf(state.fraction);
    if (fractions === null) return null;
    const picked = fractions.list.map((f) => (f === null ? null : pick(state.values, f)));
    if (!fractions.array) return picked[0];
    return '[' + picked.map((v) => (v === null || v === undefined ? 'null' : typeof v === 'string' ? quoteJsonString(v) : String(v))).join(',') + ']';
  }, true);
}

interface PairState { keys: Set<string>; items: string[] }

/**
 * db.aggregate for steps with several arguments (better-sqlite3's typings allow one; it reads the
 * arity from the step function itself).
 */
function aggregate(db: Database.Database, name: string, options: object): void {
  db.aggregate(name, options as Parameters<Database.Database['aggregate']>[1]);
}

export function registerAggregateFunctions(db: Database.Database): void {
  for (const statistic of statistics) {
    aggregate(db, 'pgsqlite_' + statistic, {
      start: statisticStart,
      step: (state: StatisticState, value: Value, type: Value) => statisticStep(state, value, type),
      inverse: (state: StatisticState, value: Value, type: Value) => statisticStep(state, value, type, -1),
      result: (state: StatisticState) => statisticResult(state, statistic),
    });
  }
  aggregate(db, 'pgsqlite_percentile_cont', percentile(percentileCont));
  aggregate(db, 'pgsqlite_percentile_disc', percentile(percentileDisc));
  aggregate(db, 'pgsqlite_mode', orderedSet((state) => modeOf(state.values), false));
  // string_agg(DISTINCT value, delimiter): SQLite's DISTINCT takes one argument; PostgreSQL's
  // compares the (value, delimiter) pairs. Rows arrive in the call's ORDER BY order.
  aggregate(db, 'pgsqlite_string_agg_distinct', {
    start: () => ({ keys: new Set<string>(), items: [] }) as PairState,
    step: (state: PairState, value: Value, delimiter: Value) => {
      if (value === null) return;
      const key = JSON.stringify([String(value), delimiter === null ? null : String(delimiter)]);
      if (state.keys.has(key)) return;
      state.keys.add(key);
      if (state.items.length > 0) state.items.push(delimiter === null ? '' : String(delimiter));
      state.items.push(String(value));
    },
    result: (state: PairState) => (state.keys.size === 0 ? null : state.items.join('')),
  });
  // json_object_agg / jsonb_object_agg(key, value): keys as text, values as to_json would write them.
  const pairs = (separator: string) => ({
    start: () => [] as string[],
    step: (items: string[], key: Value, value: Value) => {
      if (key === null || key === undefined) {
        throw new PgError({ code: SqlState.invalidParameterValue, message: 'field name must not be null' });
      }
      items.push(quoteJsonString(String(key)) + separator + jsonOf(value));
    },
  });
  aggregate(db, 'json_object_agg', { ...pairs(' : '), result: (items: string[]) => (items.length === 0 ? null : '{ ' + items.join(', ') + ' }') });
  aggregate(db, 'jsonb_object_agg', { ...pairs(': '), result: (items: string[]) => (items.length === 0 ? null : normalizeJsonb('{' + items.join(', ') + '}')) });
}
