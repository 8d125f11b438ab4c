/**
 * PostgreSQL's array functions over this server's array storage: a JSON array of the elements'
 * storage values (protocol/types/storage.ts). Values written as array literals ('{1,2,3}' into an
 * int[] column, which the translator cannot type) are read as well, so every function accepts both.
 */
import type Database from 'better-sqlite3';
import { parseArrayLiteral, type LiteralNode } from '../protocol/types/array-literal.js';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';

type Value = unknown;
type Element = null | boolean | number | bigint | string | Element[];

/** A literal's element text as the JSON element it stands for (numbers stay numbers). */
function literalElement(node: LiteralNode): Element {
  if (node === null) return null;
  if (Array.isArray(node)) return node.map(literalElement);
  return /^-?\d+$/.test(node) ? (Number.isSafeInteger(Number(node)) ? Number(node) : BigInt(node)) : node;
}

/** The elements of a stored array (JSON storage or a PostgreSQL array literal). */
export function arrayElements(value: Value): Element[] {
  const text = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  const start = text.trimStart()[0];
  if (start === '[') {
    try {
      return JSON.parse(text, (_key, v: unknown) => v) as Element[];
    } catch {
      // fall through to the literal reader
    }
  }
  if (start === '{') return parseArrayLiteral(text).map(literalElement);
  throw new PgError({ code: SqlState.invalidTextRepresentation, message: `malformed array literal: "${text}"` });
}

export function elementJson(e: Element): string {
  if (e === null) return 'null';
  if (typeof e === 'bigint') return e.toString();
  if (Array.isArray(e)) return '[' + e.map(elementJson).join(',') + ']';
  return JSON.stringify(e);
}

export function arrayJson(elements: Element[]): string {
  return '[' + elements.map(elementJson).join(',') + ']';
}

/** A SQL value as an array element (storage values: integers, reals, text). */
export function elementOf(value: Value): Element {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return '\\x' + value.toString('hex');
  return String(value);
}

function same(a: Element, b: Element): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'string' || typeof b === 'string') return String(a) === String(b);
  return Number(a) === Number(b);
}

function elementText(e: Element): string {
  if (Array.isArray(e)) return e.map(elementText).join(',');
  return String(e);
}

function dimensionLength(elements: Element[], dim: number): number | null {
  let level: Element[] = elements;
  for (let d = 1; d < dim; d++) {
    const first = level[0];
    if (!Array.isArray(first)) return null;
    level = first;
  }
  return level.length === 0 ? null : level.length;
}

function strict(fn: (...args: Value[]) => unknown) {
  return (...args: Value[]) => (args[0] === null || args[0] === undefined ? null : fn(...args));
}

/** Every element, whatever the dimensions (array containment and overlap ignore them). */
function flatElements(list: Element[]): Element[] {
  return list.flatMap((e) => (Array.isArray(e) ? flatElements(e) : [e]));
}

/** a @> b over arrays: every element of b is in a; a NULL element equals nothing (arraycontains). */
export function arrayContains(a: Value, b: Value): boolean {
  const outer = flatElements(arrayElements(a));
  return flatElements(arrayElements(b)).every((x) => x !== null && outer.some((y) => y !== null && same(x, y)));
}

/** a && b over arrays: an element in common (NULLs never match). */
export function arrayOverlaps(a: Value, b: Value): boolean {
  const right = flatElements(arrayElements(b));
  return flatElements(arrayElements(a)).some((x) => x !== null && right.some((y) => y !== null && same(x, y)));
}

export function registerArrayFunctions(db: Database.Database): void {
  const det = { deterministic: true, varargs: true };
  // Array @>, <@ and && (translate/array-operators.ts), over either storage form.
  db.function('pgsqlite_array_contains', { deterministic: true }, (a: Value, b: Value) => (a === null || b === null ? null : arrayContains(a, b) ? 1n : 0n));
  db.function('pgsqlite_array_overlap', { deterministic: true }, (a: Value, b: Value) => (a === null || b === null ? null : arrayOverlaps(a, b) ? 1n : 0n));
  // The JSON form of a stored array, for the translator's json_each() over arrays (= ANY, unnest).
  // An int2vector/oidvector's text ('1 2', pg_index.indkey) reads as its elements (TypeORM: attnum = ANY (indkey)).
  db.function('pgsqlite_array_json', det, strict((a) => (typeof a === 'string' && /^\s*-?\d+(\s+-?\d+)*\s*$/.test(a)
    ? '[' + a.trim().split(/\s+/).join(',') + ']' : arrayJson(arrayElements(a)))));
  db.function('array_length', det, strict((a, dim) => (dim === null ? null : dimensionLength(arrayElements(a), Number(dim)))));
  db.function('array_upper', det, strict((a, dim) => (dim === null ? null : dimensionLength(arrayElements(a), Number(dim)))));
  db.function('array_lower', det, strict((a, dim) => (dim === null || dimensionLength(arrayElements(a), Number(dim)) === null ? null : 1)));
  db.function('array_ndims', det, strict((a) => {
    let depth = 0;
    for (let level: Element = arrayElements(a); Array.isArray(level) && level.length > 0; level = level[0]!) depth++;
    return depth === 0 ? null : depth;
  }));
  db.function('cardinality', det, strict((a) => {
    const count = (list: Element[]): number => list.reduce<number>((n, e) => n + (Array.isArray(e) ? count(e) : 1), 0);
    return count(arrayElements(a));
  }));
  db.function('array_append', det, (a: Value, e: Value) => arrayJson([...(a === null ? [] : arrayElements(a)), elementOf(e)]));
  db.function('array_prepend', det, (e: Value, a: Value) => arrayJson([elementOf(e), ...(a === null ? [] : arrayElements(a))]));
  db.function('array_cat', det, (a: Value, b: Value) => {
    if (a === null && b === null) return null;
    return arrayJson([...(a === null ? [] : arrayElements(a)), ...(b === null ? [] : arrayElements(b))]);
  });
  db.function('array_remove', det, strict((a, e) => arrayJson(arrayElements(a).filter((x) => !same(x, elementOf(e))))));
  db.function('array_replace', det, strict((a, from, to) => arrayJson(arrayElements(a).map((x) => (same(x, elementOf(from)) ? elementOf(to) : x)))));
  db.function('array_position', det, strict((a, e, start) => {
    const elements = arrayElements(a);
    for (let i = start === undefined || start === null ? 0 : Number(start) - 1; i < elements.length; i++) {
      if (same(elements[i]!, elementOf(e))) return i + 1;
    }
    return null;
  }));
  db.function('array_positions', det, strict((a, e) => arrayJson(arrayElements(a).flatMap((x, i) => (same(x, elementOf(e)) ? [i + 1] : [])))));
  db.function('array_to_string', det, strict((a, separator, nullText) => {
    if (separator === null) return null;
    const flat = (list: Element[]): Element[] => list.flatMap((e) => (Array.isArray(e) ? flat(e) : [e]));
    return flat(arrayElements(a))
      .filter((e) => e !== null || (nullText !== undefined && nullText !== null))
      .map((e) => (e === null ? String(nullText) : elementText(e)))
      .join(String(separator));
  }));
  db.function('string_to_array', det, strict((text, separator, nullText) => {
    const s = String(text);
    if (s === '') return '[]';
    const parts = separator === null ? [...s] : String(separator) === '' ? [s] : s.split(String(separator));
    return arrayJson(parts.map((p) => (nullText !== undefined && nullText !== null && p === String(nullText) ? null : p)));
  }));
  // a[i] and a[i:j] (1-based; out of range is NULL, as in PostgreSQL).
  db.function('pgsqlite_array_get', det, (a: Value, ...indexes: Value[]) => {
    if (a === null || indexes.some((i) => i === null)) return null;
    // An int2vector/oidvector's text (`pg_index.indoption`, catalog/catalog-vectors.ts): subscripts start at 0.
    if (typeof a === 'string' && indexes.length === 1 && /^\s*-?\d+(\s+-?\d+)*\s*$/.test(a)) {
      const parts = a.trim().split(/\s+/);
      const i = Number(indexes[0]);
      return i >= 0 && i < parts.length ? BigInt(parts[i]!) : null;
    }
    let current: Element = arrayElements(a);
    for (const index of indexes) {
      if (!Array.isArray(current)) return null;
      const i = Number(index);
      current = i >= 1 && i <= current.length ? current[i - 1]! : null;
    }
    // Fewer subscripts than dimensions select no element: NULL in PostgreSQL (a slice would give the sub-array).
    if (current === null || Array.isArray(current)) return null;
    if (typeof current === 'boolean') return current ? 1 : 0;
    return typeof current === 'number' && Number.isInteger(current) ? BigInt(current) : current;
  });
  db.function('pgsqlite_array_slice', det, strict((a, from, to) => {
    const elements = arrayElements(a);
    const lower = from === null ? 1 : Math.max(1, Number(from));
    const upper = to === null ? elements.length : Math.min(elements.length, Number(to));
    return arrayJson(upper < lower ? [] : elements.slice(lower - 1, upper));
  }));
  db.aggregate('array_agg', {
    start: () => [] as Element[],
    step: (list: Element[], value: Value) => {
      list.push(elementOf(value));
    },
    result: (list: Element[]) => (list.length === 0 ? null : arrayJson(list)),
  });
}
