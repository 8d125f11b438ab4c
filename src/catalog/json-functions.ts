/**
 * PostgreSQL's JSON constructors, tests and editors that SQLite lacks, or has with another
 * meaning (SQLite's jsonb_* return its binary JSONB blobs). json results are written the way
 * PostgreSQL's json functions print them; jsonb results in jsonb_out's normal form.
 */
import type Database from 'better-sqlite3';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { normalizeJsonb, quoteJsonString } from '../protocol/types/json.js';

type Value = unknown;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A SQL value as a JSON text (to_json): numbers bare, text quoted, bytes as \x hex. */
function jsonOf(v: Value): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : quoteJsonString(String(v));
  if (Buffer.isBuffer(v)) return quoteJsonString('\\x' + v.toString('hex'));
  return quoteJsonString(String(v));
}

function parse(v: Value): Json {
  try {
    return JSON.parse(Buffer.isBuffer(v) ? v.toString('utf8') : String(v)) as Json;
  } catch {
    throw new PgError({ code: SqlState.invalidTextRepresentation, message: 'invalid input syntax for type json' });
  }
}

function keyValuePairs(args: Value[]): [string, Value][] {
  if (args.length % 2 !== 0) {
    throw new PgError({ code: SqlState.invalidParameterValue, message: 'argument list must have even number of elements' });
  }
  const pairs: [string, Value][] = [];
  for (let i = 0; i < args.length; i += 2) {
    if (args[i] === null) throw new PgError({ code: SqlState.invalidParameterValue, message: `argument ${i + 1}: key must not be null` });
    pairs.push([String(args[i]), args[i + 1]]);
  }
  return pairs;
}

function typeOf(j: Json): string {
  if (j === null) return 'null';
  if (Array.isArray(j)) return 'array';
  if (typeof j === 'object') return 'object';
  return typeof j;
}

/** jsonb @>: every key/element of b is in a (arrays: each element of b matches some element of a). */
export function jsonContains(a: Json, b: Json): boolean {
  if (Array.isArray(a)) {
    if (Array.isArray(b)) return b.every((x) => a.some((y) => jsonContains(y, x)));
    return typeof b !== 'object' || b === null ? a.some((y) => y === b) : false;
  }
  if (a !== null && typeof a === 'object') {
    if (b === null || typeof b !== 'object' || Array.isArray(b)) return false;
    return Object.entries(b).every(([k, v]) => k in a && jsonContains(a[k]!, v));
  }
  return a === b;
}

/** jsonb ?: a top-level key, or a string element of a top-level array. */
function hasKey(j: Json, key: string): boolean {
  if (Array.isArray(j)) return j.some((e) => e === key);
  return j !== null && typeof j === 'object' && Object.prototype.hasOwnProperty.call(j, key);
}

/** A text[] path ('{a,0,b}' as stored: a JSON array of strings) as keys. */
function pathOf(v: Value): string[] {
  const text = String(v);
  if (text.startsWith('[')) return (JSON.parse(text) as unknown[]).map(String);
  const inner = text.replace(/^\{|\}$/g, '');
  return inner === '' ? [] : inner.split(',').map((p) => p.trim().replace(/^"|"$/g, ''));
}

function setPath(target: Json, path: string[], value: Json, create: boolean, insertAfter?: boolean): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(target)) {
    let i = Number(head);
    if (!Number.isInteger(i)) return target;
    if (i < 0) i += target.length;
    const copy = target.slice();
    if (rest.length === 0 && insertAfter !== undefined) {
      copy.splice(Math.max(0, Math.min(copy.length, insertAfter ? i + 1 : i)), 0, value);
      return copy;
    }
    if (i >= 0 && i < copy.length) copy[i] = setPath(copy[i]!, rest, value, create, insertAfter);
    else if (create && rest.length === 0) {
      if (i >= copy.length) copy.push(value);
      else copy.unshift(value);
    }
    return copy;
  }
  if (target !== null && typeof target === 'object') {
    const copy = { ...target };
    if (head in copy) copy[head] = setPath(copy[head]!, rest, value, create, insertAfter);
    else if ((create || insertAfter !== undefined) && rest.length === 0) copy[head] = value;
    return copy;
  }
  return target;
}

function stripNulls(j: Json): Json {
  if (Array.isArray(j)) return j.map(stripNulls);
  if (j !== null && typeof j === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(j)) if (v !== null) out[k] = stripNulls(v);
    return out;
  }
  return j;
}

function pretty(j: Json, indent: string): string {
  const inner = indent + '    ';
  if (Array.isArray(j)) {
    if (j.length === 0) return '[]';
    return '[\n' + j.map((e) => inner + pretty(e, inner)).join(',\n') + '\n' + indent + ']';
  }
  if (j !== null && typeof j === 'object') {
    const entries = Object.entries(j);
    if (entries.length === 0) return '{}';
    return '{\n' + entries.map(([k, v]) => inner + quoteJsonString(k) + ': ' + pretty(v, inner)).join(',\n') + '\n' + indent + '}';
  }
  return JSON.stringify(j);
}

const jsonb = (j: Json): string => normalizeJsonb(JSON.stringify(j));

function strict(fn: (...args: Value[]) => unknown) {
  return (...args: Value[]) => (args.some((a) => a === null || a === undefined) ? null : fn(...args));
}

export function registerJsonFunctions(db: Database.Database): void {
  // varargs: the strict() wrappers take rest parameters, so better-sqlite3 cannot read their arity.
  const det = { deterministic: true, varargs: true };
  db.function('json_build_object', det, (...args: Value[]) =>
    '{' + keyValuePairs(args).map(([k, v]) => quoteJsonString(k) + ' : ' + jsonOf(v)).join(', ') + '}');
  db.function('jsonb_build_object', det, (...args: Value[]) =>
    normalizeJsonb('{' + keyValuePairs(args).map(([k, v]) => quoteJsonString(k) + ': ' + jsonOf(v)).join(', ') + '}'));
  db.function('json_build_array', det, (...args: Value[]) => '[' + args.map(jsonOf).join(', ') + ']');
  db.function('jsonb_build_array', det, (...args: Value[]) => normalizeJsonb('[' + args.map(jsonOf).join(', ') + ']'));
  db.function('to_json', det, (v: Value) => (v === null ? null : jsonOf(v)));
  db.function('to_jsonb', det, (v: Value) => (v === null ? null : normalizeJsonb(jsonOf(v))));
  db.function('json_typeof', det, strict((v) => typeOf(parse(v))));
  db.function('jsonb_typeof', det, strict((v) => typeOf(parse(v))));
  db.function('jsonb_strip_nulls', det, strict((v) => jsonb(stripNulls(parse(v)))));
  db.function('json_strip_nulls', det, strict((v) => JSON.stringify(stripNulls(parse(v)))));
  db.function('jsonb_pretty', det, strict((v) => pretty(parse(v), '')));
  db.function('jsonb_set', det, strict((target, path, value, create = 1n) =>
    jsonb(setPath(parse(target), pathOf(path), parse(value), create === 1n || create === 1))));
  db.function('jsonb_insert', det, strict((target, path, value, after = 0n) =>
    jsonb(setPath(parse(target), pathOf(path), parse(value), false, after === 1n || after === 1))));
  db.function('pgsqlite_jsonb_contains', det, strict((a, b) => (jsonContains(parse(a), parse(b)) ? 1n : 0n)));
  db.function('pgsqlite_jsonb_exists', det, strict((j, key) => (hasKey(parse(j), String(key)) ? 1n : 0n)));
  db.function('pgsqlite_jsonb_exists_any', det, strict((j, keys) => {
    const doc = parse(j);
    return pathOf(keys).some((k) => hasKey(doc, k)) ? 1n : 0n;
  }));
  db.function('pgsqlite_jsonb_exists_all', det, strict((j, keys) => {
    const doc = parse(j);
    return pathOf(keys).every((k) => hasKey(doc, k)) ? 1n : 0n;
  }));
  // #> and #>>: the value at a text[] path; NULL when any step is missing.
  const atPath = (doc: Value, path: Value): Json | undefined => {
    let here: Json | undefined = parse(doc);
    for (const step of pathOf(path)) {
      if (Array.isArray(here)) {
        const i = Number(step);
        here = Number.isInteger(i) ? here[i < 0 ? here.length + i : i] : undefined;
      } else if (here !== null && typeof here === 'object') {
        here = Object.prototype.hasOwnProperty.call(here, step) ? here[step] : undefined;
      } else {
        return undefined;
      }
      if (here === undefined) return undefined;
    }
    return here;
  };
  db.function('pgsqlite_jsonb_path', det, strict((doc, path) => {
    const found = atPath(doc, path);
    return found === undefined ? null : jsonb(found);
  }));
  db.function('pgsqlite_jsonb_path_text', det, strict((doc, path) => {
    const found = atPath(doc, path);
    if (found === undefined || found === null) return null;
    return typeof found === 'string' ? found : jsonb(found);
  }));
  // Arrays are stored as JSON arrays: && is "some element in common".
  db.function('pgsqlite_array_overlap', det, strict((a, b) => {
    const left = parse(a);
    const right = parse(b);
    if (!Array.isArray(left) || !Array.isArray(right)) return 0n;
    return left.some((x) => x !== null && right.some((y) => y === x)) ? 1n : 0n;
  }));
  db.aggregate('json_agg', {
    start: () => [] as string[],
    step: (items: string[], v: Value) => {
      items.push(jsonOf(v));
    },
    result: (items: string[]) => (items.length === 0 ? null : '[' + items.join(', ') + ']'),
  });
  db.aggregate('jsonb_agg', {
    start: () => [] as string[],
    step: (items: string[], v: Value) => {
      items.push(jsonOf(v));
    },
    result: (items: string[]) => (items.length === 0 ? null : normalizeJsonb('[' + items.join(', ') + ']')),
  });
}
