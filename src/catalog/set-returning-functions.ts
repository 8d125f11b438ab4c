/**
 * PostgreSQL's set-returning functions as SQLite table-valued functions (eponymous virtual
 * tables): generate_series, unnest, json(b)_each(_text), json(b)_array_elements(_text),
 * json(b)_object_keys and regexp_split_to_table. Each is registered as `pgsqlite_<name>` (SQLite
 * has a json_each of its own, with other columns) and yields its PostgreSQL columns; the
 * translator (sql/translate/range-functions.ts) names them, and reads WITH ORDINALITY from the
 * virtual table's rowid (better-sqlite3 numbers rows from 1). Arguments
 * may come from earlier FROM items (`FROM t, pgsqlite_jsonb_each(t.j)`), which SQLite evaluates
 * per row: PostgreSQL's implicit LATERAL. A NULL argument gives no rows, as these functions are
 * strict in PostgreSQL.
 */
import type Database from 'better-sqlite3';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { normalizeJsonb, validateJson } from '../protocol/types/json.js';
import { arrayElements } from './array-functions.js';
import { expandArray, recordField, subscripts, vectorElements } from './catalog-vectors.js';
import { addIntervalTo, castDatetime } from './datetime-functions.js';
import { readInterval, readStamp } from './datetime-values.js';
import { regex } from './text-functions.js';
import { regexpMatches } from './regex-functions.js';

type Value = unknown;
type Row = Value[];

export interface SetReturningHost {
  /** The session's TimeZone setting (timestamptz series step in local days). */
  timeZone(): string;
}

export function registerSetReturningFunctions(db: Database.Database, host: SetReturningHost): void {
  const table = (name: string, columns: string[], parameters: string[], rows: (...args: Value[]) => Iterable<Row>) => {
    db.table('pgsqlite_' + name, {
      columns,
      parameters,
      rows: function* (...args: Value[]) {
        yield* rows(...args);
      },
    });
  };
  table('generate_series', ['value'], ['start', 'stop', 'step'], (start, stop, step) => series(start, stop, step, host.timeZone()));
  // vectorElements: also int2vector/oidvector text (`unnest(indkey)`, SQLAlchemy's index reflection).
  table('unnest', ['value'], ['array'], (array) => flatten(vectorElements(array)).map((e) => [elementValue(e)]));
  table('_pg_expandarray', ['value'], ['array'], expandArray);
  table('generate_subscripts', ['value'], ['array', 'dim', 'reverse'], subscripts);
  table('pgsqlite_lockstep', ['v1', 'v2', 'v3', 'v4'], ['walkers', 'a1', 'b1', 'a2', 'b2', 'a3', 'b3', 'a4', 'b4'],
    (walkers, ...args) => lockstep(walkers, args));
  db.function('pgsqlite_record_field', { deterministic: true }, (record: unknown, field: unknown) => recordField(record, String(field)) as never);
  table('regexp_matches', ['value'], ['string', 'pattern', 'flags'], (text, pattern, flags) =>
    regexpMatches(String(text), String(pattern), flags === undefined || flags === null ? '' : String(flags)).map((match) => [match]));
  table('regexp_split_to_table', ['value'], ['string', 'pattern', 'flags'], (text, pattern, flags) =>
    splitByRegex(String(text), String(pattern), flags === undefined ? '' : String(flags)).map((part) => [part]));
  for (const kind of ['json', 'jsonb'] as const) {
    const value = (span: string) => (kind === 'jsonb' ? normalizeJsonb(span) : span);
    const text = (span: string) => (span === 'null' ? null : span.startsWith('"') ? (JSON.parse(span) as string) : value(span));
    table(`${kind}_each`, ['key', 'value'], ['from_json'], (j) => members(j, `${kind}_each`).map(([k, v]) => [k, value(v)]));
    table(`${kind}_each_text`, ['key', 'value'], ['from_json'], (j) => members(j, `${kind}_each_text`).map(([k, v]) => [k, text(v)]));
    table(`${kind}_array_elements`, ['value'], ['from_json'], (j) => elements(j).map((e) => [value(e)]));
    table(`${kind}_array_elements_text`, ['value'], ['from_json'], (j) => elements(j).map((e) => [text(e)]));
    table(`${kind}_object_keys`, ['value'], ['from_json'], (j) => members(j, `${kind}_object_keys`).map(([k]) => [k]));
  }
}

/**
 * Several element walkers of one SELECT list (`unnest(indkey), unnest(indclass),
 * generate_subscripts(indkey, 1)`) run in lockstep as PostgreSQL runs set-returning functions in a
 * SELECT list: as many rows as the longest, the shorter ones padded with NULLs. `walkers` is the
 * JSON list of their names; each takes its array and an optional second argument.
 */
function* lockstep(walkers: Value, args: Value[]): Generator<Row> {
  const names = JSON.parse(String(walkers)) as string[];
  const columns = names.map((name, i): Value[] => {
    const array = args[2 * i];
    if (array === null || array === undefined) return [];
    if (name === 'unnest') return flatten(vectorElements(array)).map(elementValue);
    if (name === 'generate_subscripts') return [...subscripts(array, args[2 * i + 1], undefined)].map(([v]) => v);
    return [...expandArray(array)].map(([v]) => v);
  });
  const length = Math.max(0, ...columns.map((column) => column.length));
  for (let r = 0; r < length; r++) yield [0, 1, 2, 3].map((i) => columns[i]?.[r] ?? null);
}

const wrongStep = () => new PgError({ code: SqlState.invalidParameterValue, message: 'step size cannot equal zero' });

/** generate_series over integers, numerics (as exact decimal strings) or timestamps with an interval step. */
function* series(start: Value, stop: Value, step: Value, timeZone: string): Generator<Row> {
  if (typeof start === 'bigint' || typeof start === 'number' || (typeof start === 'string' && readStamp(start) === undefined)) {
    if (typeof start === 'bigint' && (typeof stop === 'bigint') && (step === undefined || typeof step === 'bigint')) {
      const by = step ?? 1n;
      if (by === 0n) throw wrongStep();
      for (let v = start; by > 0n ? v <= stop : v >= stop; v += by) yield [v];
      return;
    }
    yield* decimalSeries(String(start), String(stop), step === undefined ? '1' : String(step));
    return;
  }
  const first = readStamp(start);
  const by = readInterval(step);
  if (first === undefined || by === undefined) {
    throw new PgError({ code: SqlState.undefinedFunction, message: 'function generate_series has no form for these arguments' });
  }
  // date arguments resolve to the timestamptz form, as in PostgreSQL; the stop takes the start's type.
  const oid = first.kind === 'timestamp' ? 1114 : 1184;
  let current = first.kind === 'date' ? String(castDatetime(String(start), oid, timeZone)) : String(start);
  const from = readStamp(current)!;
  const to = readStamp(castDatetime(stop, oid, timeZone));
  if (to === undefined) throw new PgError({ code: SqlState.invalidDatetimeFormat, message: `invalid input syntax for type timestamp: "${String(stop)}"` });
  const end = to.secs * 1e6 + to.us;
  const forward = by.months * 31 * 86400e6 + by.days * 86400e6 + by.us;
  if (forward === 0) throw wrongStep();
  for (let stamp = from; forward > 0 ? stamp.secs * 1e6 + stamp.us <= end : stamp.secs * 1e6 + stamp.us >= end;) {
    yield [current];
    current = addIntervalTo(current, by, timeZone);
    stamp = readStamp(current)!;
  }
}

/** A decimal string as a scaled bigint. */
function scaled(text: string, scale: number): bigint {
  const match = /^\s*([-+]?)(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (!match) throw new PgError({ code: SqlState.invalidTextRepresentation, message: `invalid input syntax for type numeric: "${text}"` });
  const digits = (match[2] || '0') + (match[3] ?? '').padEnd(scale, '0').slice(0, scale);
  return (match[1] === '-' ? -1n : 1n) * BigInt(digits);
}

function fractionDigits(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.trim().length - dot - 1;
}

/** numeric generate_series: exact, each value with the larger scale of start and step (as PostgreSQL prints it). */
function* decimalSeries(start: string, stop: string, step: string): Generator<Row> {
  const scale = Math.max(fractionDigits(start), fractionDigits(step));
  const limitScale = Math.max(scale, fractionDigits(stop));
  const factor = 10n ** BigInt(limitScale - scale);
  const by = scaled(step, scale);
  if (by === 0n) throw wrongStep();
  const end = scaled(stop, limitScale);
  for (let v = scaled(start, scale); by > 0n ? v * factor <= end : v * factor >= end; v += by) yield [decimalText(v, scale)];
}

function decimalText(v: bigint, scale: number): string {
  const negative = v < 0n;
  const digits = (negative ? -v : v).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : digits.slice(0, -scale) + '.' + digits.slice(-scale);
  return negative ? '-' + text : text;
}

type Element = ReturnType<typeof arrayElements>[number];

/** unnest reads a multi-dimensional array in storage order. */
function flatten(elements: Element[]): Element[] {
  return elements.some(Array.isArray) ? elements.flatMap((e) => (Array.isArray(e) ? flatten(e) : [e])) : elements;
}

/** An array element as its SQLite storage value (bool as 0/1, integers as bigint). */
function elementValue(e: Element): Value {
  if (typeof e === 'boolean') return e ? 1n : 0n;
  if (typeof e === 'number' && Number.isInteger(e)) return BigInt(e);
  return e;
}

export function splitByRegex(text: string, pattern: string, flags: string): string[] {
  const re = regex(pattern, flags.replace('g', ''));
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(global)) {
    // An empty match at the very start or end splits nothing (PostgreSQL skips them).
    if (match[0] === '' && (match.index === 0 || match.index >= text.length)) continue;
    parts.push(text.slice(last, match.index));
    last = match.index! + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

/** The JSON document's text, validated (a bad document is 22P02 as in PostgreSQL). */
function documentText(j: Value): string {
  const text = Buffer.isBuffer(j) ? j.toString('utf8') : String(j);
  validateJson(text);
  return text;
}

function containerError(message: string): PgError {
  return new PgError({ code: SqlState.invalidParameterValue, message });
}

/** The top-level elements of a JSON array, each as its own text. */
function elements(j: Value): string[] {
  const text = documentText(j);
  const scanner = new Scanner(text);
  const open = scanner.peek();
  if (open !== '[') throw containerError(open === '{' ? 'cannot extract elements from an object' : 'cannot extract elements from a scalar');
  return scanner.container().map(([, v]) => v);
}

/** The top-level members of a JSON object as [key, value text]. */
function members(j: Value, fn: string): [string, string][] {
  const text = documentText(j);
  const scanner = new Scanner(text);
  if (scanner.peek() !== '{') {
    const what = scanner.peek() === '[' ? 'an array' : 'a scalar';
    throw containerError(fn.endsWith('object_keys') ? `cannot call ${fn} on ${what}` : `cannot call ${fn} on a non-object`);
  }
  return scanner.container().map(([k, v]) => [k!, v]);
}

/**
 * json's -> and ->> (not jsonb's): the member `key` of an object, or element `key` of an array
 * (negative from the end), as the document's own text (json keeps its input verbatim). NULL when
 * there is none or the document is a scalar; the last of duplicate keys wins, as in PostgreSQL.
 */
export function jsonMember(j: Value, key: Value): string | null {
  const scanner = new Scanner(documentText(j));
  const open = scanner.peek();
  if (open !== '{' && open !== '[') return null;
  const entries = scanner.container();
  if (open === '{') {
    if (typeof key !== 'string') return null;
    let found: string | null = null;
    for (const [k, v] of entries) if (k === key) found = v;
    return found;
  }
  if (typeof key === 'string') return null;
  const index = Number(key);
  return entries[index < 0 ? entries.length + index : index]?.[1] ?? null;
}

/** Splits a validated JSON container into its members' texts without re-encoding them. */
class Scanner {
  private pos = 0;
  constructor(private readonly text: string) {}

  peek(): string {
    this.skipSpace();
    return this.text[this.pos] ?? '';
  }

  container(): [string | undefined, string][] {
    const isObject = this.peek() === '{';
    const close = isObject ? '}' : ']';
    this.pos++;
    const out: [string | undefined, string][] = [];
    if (this.peek() === close) return out;
    for (;;) {
      let key: string | undefined;
      if (isObject) {
        key = JSON.parse(this.value()) as string;
        this.peek();
        this.pos++; // ':'
      }
      out.push([key, this.value()]);
      const next = this.peek();
      this.pos++;
      if (next === close) return out;
    }
  }

  /** The text of the value starting here. */
  private value(): string {
    this.skipSpace();
    const start = this.pos;
    const text = this.text;
    let depth = 0;
    for (; this.pos < text.length; this.pos++) {
      const c = text[this.pos]!;
      if (c === '"') {
        for (this.pos++; text[this.pos] !== '"'; this.pos++) if (text[this.pos] === '\\') this.pos++;
        if (depth === 0) {
          this.pos++;
          break;
        }
      } else if (c === '[' || c === '{') {
        depth++;
      } else if (c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
        if (depth === 0) {
          this.pos++;
          break;
        }
      } else if (depth === 0 && (c === ',' || c === ':' || c === ' ' || c === '\t' || c === '\n' || c === '\r')) {
        break;
      }
    }
    return text.slice(start, this.pos);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }
}
