/**
 * The catalog's array-like columns as clients walk them: int2vector / oidvector (`pg_index.indkey`,
 * stored as PostgreSQL's text form `1 2`) and int2[] (`pg_constraint.conkey`, stored as a JSON
 * array). pgjdbc and SQLAlchemy expand them with information_schema._pg_expandarray,
 * unnest(…) WITH ORDINALITY and generate_subscripts.
 *
 * A record (the (x, n) rows of _pg_expandarray) is carried as a JSON object `{"x":1,"n":1}`, and
 * `(record).field` reads it by name (pgsqlite_record_field): SQLite has no composite values.
 */
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { arrayElements } from './array-functions.js';

type Element = ReturnType<typeof arrayElements>[number];

/** Whether a stored value is a vector's text form (`1 2 3`, or '' for an empty vector). */
function isVectorText(text: string): boolean {
  return /^\s*(-?\d+(\s+-?\d+)*)?\s*$/.test(text);
}

/** The elements of an int2vector/oidvector text, an array literal or a JSON array. */
export function vectorElements(value: unknown): Element[] {
  const text = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  if (isVectorText(text)) return text.trim() === '' ? [] : text.trim().split(/\s+/).map((n) => BigInt(n));
  return arrayElements(value);
}

/** Whether subscripts of this value start at 0 (int2vector and oidvector do, arrays at 1). */
export function isZeroBasedVector(value: unknown): boolean {
  return typeof value === 'string' && isVectorText(value);
}

/** information_schema._pg_expandarray(a): one record (x = element, n = its 1-based position) per element. */
export function* expandArray(value: unknown): Generator<[string]> {
  if (value === null || value === undefined) return;
  let n = 0;
  for (const x of vectorElements(value)) {
    n++;
    yield [JSON.stringify({ x: typeof x === 'bigint' ? Number(x) : x, n })];
  }
}

/** generate_subscripts(a, dim[, reverse]) over a one-dimensional array or vector. */
export function* subscripts(value: unknown, dim: unknown, reverse: unknown): Generator<[bigint]> {
  if (value === null || value === undefined || dim === null || dim === undefined) return;
  if (Number(dim) !== 1) return;
  const count = vectorElements(value).length;
  const lower = isZeroBasedVector(value) ? 0 : 1;
  const values = Array.from({ length: count }, (_, i) => BigInt(lower + i));
  if (reverse === 1n || reverse === 1 || reverse === 't' || reverse === 'true') values.reverse();
  for (const v of values) yield [v];
}

/** `(record).field`: the field of a record carried as a JSON object. */
export function recordField(record: unknown, field: string): unknown {
  if (record === null || record === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(record));
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new PgError({ code: SqlState.wrongObjectType, message: `column notation .${field} applied to a value that is not a composite type` });
  }
  if (!(field in parsed)) {
    throw new PgError({ code: SqlState.undefinedColumn, message: `could not identify column "${field}" in record data type` });
  }
  const v = (parsed as Record<string, unknown>)[field];
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v as unknown;
}
