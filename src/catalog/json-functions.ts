/**
 * PostgreSQL's JSON constructors, tests and editors that SQLite lacks, or has with another
 * meaning (SQLite's jsonb_* return its binary JSONB blobs). json results are written the way
 * PostgreSQL's json functions print them; jsonb results in jsonb_out's normal form.
 */
import type Database from 'better-sqlite3';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { formatFloat8 } from '../protocol/types/float.js';
import { normalizeJsonb, quoteJsonString } from '../protocol/types/json.js';
import { formatDecimal, toDecimal } from '../sql/types/decimal.js';
import { jsonMember } from './set-returning-functions.js';

type Value = unknown;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A SQL value as a JSON text (to_json): numbers bare, text quoted, bytes as \x hex. */
export function jsonOf(v: Value): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string' && (v.charCodeAt(0) === 1 || v.charCodeAt(0) === 2)) return v.slice(1);
  if (typeof v === 'bigint') return v.toString();
  // float8out's form (1e-07, 1e+100), as to_json writes a float8.
  if (typeof v === 'number') return Number.isFinite(v) ? formatFloat8(v) : quoteJsonString(String(v));
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

/**
 * A typed argument's JSON text, marked (a leading U+0001) so the constructors embed it as JSON:
 * the translator wraps arguments whose type it knows changes their JSON form (function-calls.ts).
 * Only ever an argument of the constructors here, so the mark never reaches a client.
 */
function typedJsonValue(v: Value, type: Value): string | null {
  if (v === null || v === undefined) return null;
  const oid = Number(type);
  if (oid === 16) return '\u0001' + (v === 0n || v === 0 || v === '0' || v === 'f' || v === 'false' ? 'false' : 'true');
  if (oid === 1700) {
    const d = toDecimal(v)!;
    return '\u0001' + (d.kind === 'finite' ? formatDecimal(d) : quoteJsonString(formatDecimal(d)));
  }
  const text = Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
  parse(text);
  return '\u0001' + text;
}

/** jsonb || jsonb: objects merge (the right's keys win), anything else concatenates as arrays. */
export function jsonbConcat(a: Value, b: Value): string {
  const left = parse(a);
  const right = parse(b);
  const isObject = (j: Json) => j !== null && typeof j === 'object' && !Array.isArray(j);
  if (isObject(left) && isObject(right)) return jsonb({ ...(left as Record<string, Json>), ...(right as Record<string, Json>) });
  const asArray = (j: Json): Json[] => (Array.isArray(j) ? j : [j]);
  return jsonb([...asArray(left), ...asArray(right)]);
}

/** jsonb - text (a key, or string elements), jsonb - integer (an element), jsonb - text[] (keys). */
export function jsonbDelete(a: Value, b: Value): string {
  const doc = parse(a);
  if (typeof b === 'bigint' || typeof b === 'number') {
    if (!Array.isArray(doc)) {
      throw new PgError({ code: SqlState.invalidParameterValue, message: doc !== null && typeof doc === 'object' ? 'cannot delete from object using integer index' : 'cannot delete from scalar' });
    }
    const i = Number(b) < 0 ? doc.length + Number(b) : Number(b);
    return jsonb(doc.filter((_, k) => k !== i));
  }
  const text = String(b);
  const keys = text.startsWith('[') ? pathOf(text) : [text];
  if (Array.isArray(doc)) return jsonb(doc.filter((e) => !(typeof e === 'string' && keys.includes(e))));
  if (doc !== null && typeof doc === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(doc)) if (!keys.includes(k)) out[k] = v;
    return jsonb(out);
  }
  throw new PgError({ code: SqlState.invalidParameterValue, message: 'cannot delete from scalar' });
}

/** jsonb #- text[]: the document without the value at the path. */
export function jsonbDeletePath(a: Value, path: Value): string {
  const steps = pathOf(path);
  const remove = (j: Json, rest: string[]): Json => {
    if (rest.length === 0) return j;
    const [head, ...tail] = rest as [string, ...string[]];
    if (Array.isArray(j)) {
      let i = Number(head);
      if (!Number.isInteger(i)) return j;
      if (i < 0) i += j.length;
      if (i < 0 || i >= j.length) return j;
      return tail.length === 0 ? j.filter((_, k) => k !== i) : j.map((e, k) => (k === i ? remove(e, tail) : e));
    }
    if (j !== null && typeof j === 'object' && Object.prototype.hasOwnProperty.call(j, head)) {
      const copy = { ...j };
      if (tail.length === 0) delete copy[head];
      else copy[head] = remove(copy[head]!, tail);
      return copy;
    }
    return j;
  };
  return jsonb(remove(parse(a), steps));
}

/**
 * A small SQL/JSON path subset, in lax mode: `$`, `.key`, `."key"`, `.*`, `[*]`, `[n]`, `[last]`
 * (member access on an array applies to its elements). Filters, methods and arithmetic raise 0A000.
 */
export function jsonPathQuery(doc: Json, path: string): Json[] {
  const text = path.trim().replace(/^(lax|strict)\s+/i, '');
  if (!text.startsWith('$')) throw new PgError({ code: SqlState.syntaxError, message: `syntax error at or near "${path}" of jsonpath input` });
  let items: Json[] = [doc];
  let i = 1;
  const members = (j: Json): Json[] => (Array.isArray(j) ? j.flatMap(members) : j !== null && typeof j === 'object' ? [j] : []);
  while (i < text.length) {
    const rest = text.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^\.\*/.exec(rest))) {
      items = items.flatMap(members).flatMap((o) => Object.values(o as Record<string, Json>));
    } else if ((m = /^\.(?:"((?:[^"\\]|\\.)*)"|([A-Za-z_$][\w$]*))/.exec(rest))) {
      const key = m[1] !== undefined ? (JSON.parse('"' + m[1] + '"') as string) : m[2]!;
      items = items.flatMap(members).flatMap((o) => (Object.prototype.hasOwnProperty.call(o, key) ? [(o as Record<string, Json>)[key]!] : []));
    } else if ((m = /^\[\s*\*\s*\]/.exec(rest))) {
      items = items.flatMap((j) => (Array.isArray(j) ? j : [j]));
    } else if ((m = /^\[\s*(last|\d+)\s*\]/.exec(rest))) {
      const index = m[1]!;
      items = items.flatMap((j) => {
        const array = Array.isArray(j) ? j : [j];
        const k = index === 'last' ? array.length - 1 : Number(index);
        return k >= 0 && k < array.length ? [array[k]!] : [];
      });
    } else {
      throw new PgError({ code: SqlState.featureNotSupported, message: `jsonpath "${path}" is not supported yet` });
    }
    i += m[0].length;
  }
  return items;
}

/** ->> : the JSON text SQLite's -> selected, as PostgreSQL's text (strings unquoted, the rest as written). */
function jsonFieldText(v: Value): string | null {
  if (v === null || v === undefined) return null;
  const text = String(v);
  if (text === 'null') return null;
  const first = text.charCodeAt(0);
  if (first === 34) return JSON.parse(text) as string;
  // SQLite's -> prints objects and arrays compactly; jsonb_out spaces them.
  return first === 123 || first === 91 ? normalizeJsonb(text) : text;
}

export function registerJsonFunctions(db: Database.Database): void {
  // varargs: the strict() wrappers take rest parameters, so better-sqlite3 cannot read their arity.
  const det = { deterministic: true, varargs: true };
  db.function('pgsqlite_json_value', { deterministic: true }, typedJsonValue);
  db.function('pgsqlite_json_text', { deterministic: true }, jsonFieldText);
  // json (not jsonb) -> and ->> keep the sub-value's own text (translate/json-operators.ts).
  db.function('pgsqlite_json_get', { deterministic: true }, (doc: Value, key: Value) => (doc === null || key === null ? null : jsonMember(doc, key)));
  db.function('pgsqlite_json_get_text', { deterministic: true }, (doc: Value, key: Value) => {
    const member = doc === null || key === null ? null : jsonMember(doc, key);
    if (member === null || member === 'null') return null;
    return member.charCodeAt(0) === 34 ? (JSON.parse(member) as string) : member;
  });
  // A row as row_to_json prints it (name/value pairs from the translator), marked (U+0002) as a
  // composite: json_agg puts a newline between composites, as PostgreSQL does.
  db.function('pgsqlite_json_row', { deterministic: true, varargs: true }, (...pairs: Value[]) =>
    '\u0002{' + keyValuePairs(pairs).map(([k, v]) => quoteJsonString(k) + ':' + jsonOf(v)).join(',') + '}');
  db.function('row_to_json', { deterministic: true }, (v: Value) => (v === null ? null : jsonOf(v)));
  db.function('pgsqlite_jsonb_concat', det, strict(jsonbConcat));
  db.function('pgsqlite_jsonb_delete', det, strict(jsonbDelete));
  db.function('pgsqlite_jsonb_delete_path', det, strict(jsonbDeletePath));
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
  // json(b)_extract_path(_text): #> and #>> with the path as arguments.
  const pathArgs = (steps: Value[]) => JSON.stringify(steps.map(String));
  for (const name of ['jsonb_extract_path', 'json_extract_path']) {
    db.function(name, det, (doc: Value, ...steps: Value[]) => {
      if (doc === null || steps.some((p) => p === null)) return null;
      const found = atPath(doc, pathArgs(steps));
      return found === undefined ? null : name === 'jsonb_extract_path' ? jsonb(found) : JSON.stringify(found);
    });
  }
  for (const name of ['jsonb_extract_path_text', 'json_extract_path_text']) {
    db.function(name, det, (doc: Value, ...steps: Value[]) => {
      if (doc === null || steps.some((p) => p === null)) return null;
      const found = atPath(doc, pathArgs(steps));
      if (found === undefined || found === null) return null;
      return typeof found === 'string' ? found : jsonb(found);
    });
  }
  db.function('jsonb_path_query_array', det, strict((doc, path) => jsonb(jsonPathQuery(parse(doc), String(path)))));
  db.function('jsonb_path_query_first', det, strict((doc, path) => {
    const found = jsonPathQuery(parse(doc), String(path));
    return found.length === 0 ? null : jsonb(found[0]!);
  }));
  db.function('jsonb_path_exists', det, strict((doc, path) => (jsonPathQuery(parse(doc), String(path)).length > 0 ? 1n : 0n)));
  // Arrays are stored as JSON arrays: && is "some element in common".
  db.aggregate('json_agg', {
    start: () => [] as string[],
    step: (items: string[], v: Value) => {
      // Composites after the first get a newline, as json_agg_transfn writes them.
      const composite = items.length > 0 && typeof v === 'string' && v.charCodeAt(0) === 2;
      items.push((composite ? '\n ' : '') + jsonOf(v));
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
