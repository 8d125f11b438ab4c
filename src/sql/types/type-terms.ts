/**
 * Type terms: an output column's type as a small expression over what decides it — constants'
 * and casts' types, table columns' declared types, and the operators and functions applied to
 * them. The translator builds a term from the parse tree (infer-output-types.ts); a term without
 * table columns is evaluated there, one that names columns is evaluated by the engine at prepare
 * time, when SQLite knows the tables' declared types. Terms are plain JSON (they travel to the
 * engine worker) and the rules below are PostgreSQL's operator and function resolution for the
 * built-in types, reduced to what decides the result type.
 */

import { enumArrayTypeOid, enumOfOid, enumTypeOid } from './enum-declared-type.js';

/** A type OID, UNKNOWN for an untyped literal, null when nothing decides the type. */
export type Term =
  | number
  | null
  | { col: string; from: string[] }
  | { op: string; args: Term[] }
  | { fn: string; args: Term[] }
  | { common: Term[] }
  | { array: Term }
  | { element: Term };

/** The declared type of `column` in `table`; null when the table has no such column. */
export type ColumnTypeLookup = (table: string, column: string) => number | null;

export const BOOL = 16, BYTEA = 17, NAME = 19, INT8 = 20, INT2 = 21, INT4 = 23, TEXT = 25, OID = 26, JSON_ = 114, FLOAT4 = 700,
  FLOAT8 = 701, NUMERIC = 1700, DATE = 1082, TIME = 1083, TIMESTAMP = 1114, TIMESTAMPTZ = 1184, INTERVAL = 1186, TIMETZ = 1266,
  UUID = 2950, JSONB = 3802, VOID = 2278, REGTYPE = 2206, VARCHAR = 1043, BPCHAR = 1042;
/** An untyped string literal (or NULL): PostgreSQL resolves it from context, and to text when there is none. */
export const UNKNOWN = -1;

/** Element type → array type. */
export const arrayTypes: Record<number, number> = {
  [BOOL]: 1000, [BYTEA]: 1001, [NAME]: 1003, [INT2]: 1005, [INT4]: 1007, [INT8]: 1016, [TEXT]: 1009, [VARCHAR]: 1015,
  [BPCHAR]: 1014, [FLOAT4]: 1021, [FLOAT8]: 1022, [NUMERIC]: 1231, [DATE]: 1182, [TIME]: 1183, [TIMESTAMP]: 1115,
  [TIMESTAMPTZ]: 1185, [INTERVAL]: 1187, [UUID]: 2951, [JSONB]: 3807, [JSON_]: 199, [OID]: 1028,
};
const elementTypes: Record<number, number> = Object.fromEntries(Object.entries(arrayTypes).map(([e, a]) => [a, Number(e)]));

export function isArrayType(oid: number | null): boolean {
  return oid !== null && elementTypes[oid] !== undefined;
}

/** Functions whose result type does not depend on their arguments. */
const functionTypes: Record<string, number> = {
  count: INT8, version: TEXT, current_setting: TEXT, current_database: NAME, current_schema: NAME, current_schemas: 1003, pg_table_is_visible: BOOL,
  pg_backend_pid: INT4, now: TIMESTAMPTZ, transaction_timestamp: TIMESTAMPTZ, statement_timestamp: TIMESTAMPTZ,
  clock_timestamp: TIMESTAMPTZ, length: INT4, char_length: INT4, character_length: INT4, octet_length: INT4, bit_length: INT4,
  lower: TEXT, upper: TEXT, concat: TEXT, concat_ws: TEXT, substr: TEXT, substring: TEXT, replace: TEXT, trim: TEXT,
  btrim: TEXT, ltrim: TEXT, rtrim: TEXT, left: TEXT, right: TEXT, lpad: TEXT, rpad: TEXT, repeat: TEXT, reverse: TEXT,
  split_part: TEXT, initcap: TEXT, md5: TEXT, to_hex: TEXT, chr: TEXT, ascii: INT4, strpos: INT4, position: INT4,
  quote_ident: TEXT, quote_literal: TEXT, quote_nullable: TEXT, format: TEXT, translate: TEXT, overlay: TEXT,
  regexp_replace: TEXT, starts_with: BOOL, encode: TEXT, decode: BYTEA, string_agg: TEXT, gen_random_uuid: UUID,
  // uuid-ossp and pgcrypto (catalog/extension-functions.ts).
  uuid_generate_v1: UUID, uuid_generate_v1mc: UUID, uuid_generate_v3: UUID, uuid_generate_v4: UUID, uuid_generate_v5: UUID,
  uuid_nil: UUID, uuid_ns_dns: UUID, uuid_ns_url: UUID, uuid_ns_oid: UUID, uuid_ns_x500: UUID,
  gen_random_bytes: BYTEA, digest: BYTEA, hmac: BYTEA,
  random: FLOAT8, pi: FLOAT8, cbrt: FLOAT8, pg_sleep: VOID, pg_notify: VOID, txid_current: INT8, pg_current_xact_id: 5069,
  set_config: TEXT, format_type: TEXT, pg_get_userbyid: NAME, pg_typeof: REGTYPE,
  generate_subscripts: INT4, pg_get_indexdef: TEXT, pg_get_constraintdef: TEXT, pg_get_viewdef: TEXT, pg_get_expr: TEXT, pg_get_serial_sequence: TEXT,
  bool_and: BOOL, bool_or: BOOL, every: BOOL,
  row_number: INT8, rank: INT8, dense_rank: INT8, ntile: INT4, percent_rank: FLOAT8, cume_dist: FLOAT8,
  json_build_object: JSON_, json_build_array: JSON_, to_json: JSON_, json_agg: JSON_, json_object_agg: JSON_, row_to_json: JSON_,
  jsonb_build_object: JSONB, jsonb_build_array: JSONB, to_jsonb: JSONB, jsonb_agg: JSONB, jsonb_object_agg: JSONB,
  jsonb_set: JSONB, jsonb_insert: JSONB, jsonb_strip_nulls: JSONB, json_strip_nulls: JSON_, jsonb_pretty: TEXT,
  json_typeof: TEXT, jsonb_typeof: TEXT, json_array_length: INT4, jsonb_array_length: INT4,
  jsonb_extract_path: JSONB, json_extract_path: JSON_, jsonb_extract_path_text: TEXT, json_extract_path_text: TEXT,
  jsonb_array_elements: JSONB, json_array_elements: JSON_, jsonb_array_elements_text: TEXT, json_array_elements_text: TEXT,
  jsonb_object_keys: TEXT, json_object_keys: TEXT, jsonb_path_query_array: JSONB, jsonb_path_query: JSONB, jsonb_path_query_first: JSONB, jsonb_path_exists: BOOL,
  array_length: INT4, cardinality: INT4, array_upper: INT4, array_lower: INT4, array_ndims: INT4, array_position: INT4,
  array_to_string: TEXT, string_to_array: 1009, regexp_match: 1009, regexp_matches: 1009, regexp_split_to_array: 1009,
  regexp_split_to_table: TEXT, array_positions: 1007, regexp_count: INT4, regexp_like: BOOL, regexp_substr: TEXT,
  extract: NUMERIC, date_part: FLOAT8, to_char: TEXT, to_date: DATE, to_timestamp: TIMESTAMPTZ, age: INTERVAL,
  make_date: DATE, make_time: TIME, make_timestamp: TIMESTAMP, make_timestamptz: TIMESTAMPTZ, make_interval: INTERVAL,
  justify_hours: INTERVAL, justify_days: INTERVAL, justify_interval: INTERVAL,
  isfinite: BOOL, pg_size_pretty: TEXT, has_database_privilege: BOOL, has_table_privilege: BOOL, has_schema_privilege: BOOL,
  div: NUMERIC, factorial: NUMERIC, width_bucket: INT4, scale: INT4, min_scale: INT4, trim_scale: NUMERIC,
  setseed: VOID, pg_advisory_lock: VOID, pg_advisory_unlock: BOOL, pg_try_advisory_lock: BOOL, pg_advisory_xact_lock: VOID,
  current_date: DATE, localtimestamp: TIMESTAMP, obj_description: TEXT, col_description: TEXT,
};

/** Functions whose result has their first argument's type: abs(int) is int, max(date) is date. */
const sameAsFirst = new Set(['abs', 'max', 'min', 'mod', 'gcd', 'lcm', 'lag', 'lead', 'first_value', 'last_value', 'nth_value',
  'array_append', 'array_cat', 'array_remove', 'array_replace', 'trim_array', 'generate_series', 'greatest', 'least', 'nullif',
  'any_value']);
/** Float functions: float8 for integer and float arguments, numeric for numeric ones. */
const floatOrNumeric = new Set(['sqrt', 'exp', 'ln', 'log', 'log10', 'power', 'pow']);
/** Always float8, whatever the argument. */
const floatOnly = new Set(['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'degrees', 'radians', 'cot', 'sind', 'cosd', 'tand']);
/** Rounding functions: numeric for integer and numeric arguments, float8 for float ones. */
const rounding = new Set(['round', 'ceil', 'ceiling', 'floor', 'trunc', 'sign']);

export const booleanOperators = new Set(['=', '<>', '!=', '<', '>', '<=', '>=', '~~', '!~~', '~~*', '!~~*', '~', '!~', '~*', '!~*',
  '@>', '<@', '?', '?|', '?&', '&&', '@@', '@?']);

/** The numeric types in PostgreSQL's promotion order (int2 < int4 < int8 < numeric < float4 < float8). */
const numericRank: Record<number, number> = { [INT2]: 1, [INT4]: 2, [INT8]: 3, [NUMERIC]: 4, [FLOAT4]: 5, [FLOAT8]: 6 };
const datetimeTypes = new Set([DATE, TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ, INTERVAL]);
const textTypes = new Set([TEXT, VARCHAR, BPCHAR, NAME]);

export function isNumericType(oid: number | null): boolean {
  return oid !== null && numericRank[oid] !== undefined;
}

/** The common type of numeric operands (an untyped literal takes the other side's type). */
export function numericResult(left: number | null, right: number | null): number | null {
  if (left === UNKNOWN && right !== null && numericRank[right] !== undefined) return right;
  if (right === UNKNOWN && left !== null && numericRank[left] !== undefined) return left;
  if (left === null || right === null) return null;
  const l = numericRank[left];
  const r = numericRank[right];
  if (l === undefined || r === undefined) return null;
  // float4 meets other types through float8 (float48pl and friends).
  if ((left === FLOAT4) !== (right === FLOAT4)) return FLOAT8;
  // int2 op int2 is int2, but int2 op int4 is int4: the wider side wins.
  return l >= r ? left : right;
}

export function resolved(type: number | null): number | null {
  return type === UNKNOWN ? TEXT : type;
}

/** date/time arithmetic: date + int, timestamp - interval, date - date … */
function datetimeOperator(op: string, left: number | null, right: number | null): number | null | undefined {
  if (!datetimeTypes.has(left ?? 0) && !datetimeTypes.has(right ?? 0)) return undefined;
  const integer = (t: number | null) => t === INT2 || t === INT4 || t === INT8;
  if (op === '+') {
    if (left === DATE && (integer(right) || right === UNKNOWN)) return DATE;
    if (right === DATE && integer(left)) return DATE;
    if ((left === DATE && (right === INTERVAL || right === TIME)) || (right === DATE && (left === INTERVAL || left === TIME))) return TIMESTAMP;
    if (left === INTERVAL && right === INTERVAL) return INTERVAL;
    if (left === INTERVAL && right !== null && right !== UNKNOWN && datetimeTypes.has(right)) return right;
    if (right === INTERVAL || right === UNKNOWN) return left;
    return null;
  }
  if (op === '-') {
    if (left === DATE && right === DATE) return INT4;
    if (left === DATE && integer(right)) return DATE;
    if (left === DATE && right === INTERVAL) return TIMESTAMP;
    if ((left === TIMESTAMP || left === TIMESTAMPTZ || left === TIME) && left === right) return INTERVAL;
    if (left === TIMESTAMP && right === DATE) return INTERVAL;
    if (left === INTERVAL && right === INTERVAL) return INTERVAL;
    if (right === INTERVAL) return left;
    return null;
  }
  if (op === '*' || op === '/') return left === INTERVAL || right === INTERVAL ? INTERVAL : null;
  return null;
}

function operatorResult(op: string, types: (number | null)[]): number | null {
  if (booleanOperators.has(op)) return BOOL;
  if (types.length === 1) {
    const operand = types[0] ?? null;
    if (op === '-' || op === '+' || op === '@') return operand !== null && (numericRank[operand] !== undefined || operand === INTERVAL) ? operand : null;
    if (op === '|/' || op === '||/') return FLOAT8;
    if (op === '~') return operand;
    return null;
  }
  const left = types[0] ?? null;
  const right = types[1] ?? null;
  switch (op) {
    case '+': case '-': case '*': case '/': {
      const datetime = datetimeOperator(op, left, right);
      if (datetime !== undefined) return datetime;
      if (op === '-' && left === JSONB) return JSONB;
      return numericResult(left, right);
    }
    case '%':
      return numericResult(left, right);
    case '^':
      if (left === null || right === null) return null;
      return left === NUMERIC || right === NUMERIC ? NUMERIC : FLOAT8;
    case '&': case '|': case '<<': case '>>': case '#':
      return numericResult(left, right);
    case '||':
      if (left === JSONB || right === JSONB) return JSONB;
      if (isArrayType(left)) return left;
      if (isArrayType(right)) return right;
      if (left === BYTEA && right === BYTEA) return BYTEA;
      if (left === null && right === null) return null;
      return TEXT;
    case '->': case '#>':
      return left === JSONB || left === JSON_ ? left : left === UNKNOWN ? null : null;
    case '#-':
      return JSONB;
    case '->>': case '#>>':
      return TEXT;
    default:
      return null;
  }
}

/** The OID when it is an enum type's (not its array's), else null. */
function enumElement(oid: number | null): number | null {
  return oid !== null && enumOfOid(oid)?.array === false ? oid : null;
}

function functionResult(name: string, args: (number | null)[]): number | null {
  const first = args[0] ?? null;
  switch (name) {
    case 'sum':
      if (first === INT2 || first === INT4) return INT8;
      if (first === INT8 || first === UNKNOWN) return NUMERIC;
      return first;
    case 'avg':
      if (first === null) return null;
      return first === FLOAT8 || first === FLOAT4 ? FLOAT8 : first === INTERVAL ? INTERVAL : NUMERIC;
    case 'date_trunc':
      // date_trunc(text, date) resolves to the timestamptz version.
      return args[1] === DATE ? TIMESTAMPTZ : (args[1] ?? null) === UNKNOWN ? TIMESTAMPTZ : (args[1] ?? null);
    case 'timezone':
      return args[1] === TIMESTAMP ? TIMESTAMPTZ : args[1] === TIMESTAMPTZ || args[1] === DATE ? TIMESTAMP : args[1] === UNKNOWN ? TIMESTAMPTZ : null;
    case 'array_prepend':
      return args[1] ?? null;
    case 'enum_first': case 'enum_last':
      return enumElement(first) ?? enumElement(args[1] ?? null);
    case 'enum_range': {
      // The enum's array type (types/enum-declared-type.ts).
      const element = enumElement(first) ?? enumElement(args[1] ?? null);
      const found = element === null ? undefined : enumOfOid(element);
      return found === undefined ? null : enumArrayTypeOid(found.name);
    }
    case 'array_agg':
      if (first === null) return null;
      return isArrayType(first) ? first : (arrayTypes[resolved(first)!] ?? null);
    case 'unnest':
      // int2vector / oidvector (pg_index.indkey) unnest like int2[] / oid[].
      if (first === 22 || first === 30) return first === 22 ? INT2 : OID;
      if (first !== null && enumOfOid(first)?.array === true) return first - 1;
      return first === null ? null : (elementTypes[first] ?? null);
    case 'generate_series':
      // No date form: dates resolve to the timestamptz one; integers and numerics take the common type.
      if (first === DATE) return TIMESTAMPTZ;
      if (isNumericType(first) || first === UNKNOWN) return numericResult(numericResult(first, args[1] ?? null), args[2] ?? first);
      return resolved(first);
    case 'coalesce': case 'greatest': case 'least':
      return commonResult(args);
    case 'log':
      if (args.length === 2) return NUMERIC;
      break;
    case 'stddev': case 'stddev_samp': case 'stddev_pop': case 'variance': case 'var_samp': case 'var_pop':
      // float input is float8 arithmetic; integers and numerics are exact numeric.
      if (first === null) return null;
      return first === FLOAT4 || first === FLOAT8 ? FLOAT8 : NUMERIC;
    case 'percentile_cont':
      // (fraction or fractions, ORDER BY expression): float8 (interval for intervals), an array for an array of fractions.
      return isArrayType(first) ? arrayTypes[FLOAT8]! : args[1] === INTERVAL ? INTERVAL : FLOAT8;
    case 'percentile_disc':
      if (args[1] === null || args[1] === undefined) return null;
      return isArrayType(first) ? (arrayTypes[resolved(args[1])!] ?? null) : resolved(args[1]);
    case 'mode':
      return resolved(first);
  }
  const fixed = functionTypes[name];
  if (fixed !== undefined) return fixed;
  if (sameAsFirst.has(name) && args.length > 0) {
    if (name === 'mod' || name === 'gcd' || name === 'lcm') return args.length > 1 ? numericResult(resolved(first), resolved(args[1] ?? null)) : first;
    return resolved(first);
  }
  if (rounding.has(name) && args.length > 0) {
    if (first === null) return null;
    if (name === 'sign') return first === NUMERIC ? NUMERIC : FLOAT8;
    if (first === FLOAT8 || first === FLOAT4) return args.length > 1 && name !== 'sign' ? NUMERIC : FLOAT8;
    return NUMERIC;
  }
  if (floatOrNumeric.has(name) && args.length > 0) {
    if (args.some((t) => t === null)) return null;
    return args.includes(NUMERIC) ? NUMERIC : FLOAT8;
  }
  if (floatOnly.has(name)) return FLOAT8;
  return null;
}

/** The shared type of CASE/COALESCE/UNION branches. */
export function commonResult(types: (number | null)[]): number | null {
  let result: number | null = UNKNOWN;
  for (const type of types) {
    if (type === null) return null;
    if (type === UNKNOWN) continue;
    if (result === UNKNOWN || result === type) {
      result = type;
      continue;
    }
    if (textTypes.has(result) && textTypes.has(type)) {
      result = TEXT;
      continue;
    }
    if ((result === TIMESTAMP && type === TIMESTAMPTZ) || (result === TIMESTAMPTZ && type === TIMESTAMP)) {
      result = TIMESTAMPTZ;
      continue;
    }
    if ((result === DATE && (type === TIMESTAMP || type === TIMESTAMPTZ)) || (type === DATE && (result === TIMESTAMP || result === TIMESTAMPTZ))) {
      result = result === DATE ? type : result;
      continue;
    }
    const numeric: number | null = numericResult(result, type);
    if (numeric === null) return null;
    result = numeric;
  }
  return result;
}

/** Evaluates a term; `column` answers table columns' declared types (the translator has none). */
export function evaluateTerm(term: Term, column: ColumnTypeLookup): number | null {
  if (term === null || typeof term === 'number') return term;
  if ('col' in term) {
    for (const table of term.from) {
      const type = column(table, term.col);
      if (type !== null) return type;
    }
    return null;
  }
  if ('op' in term) return operatorResult(term.op, term.args.map((a) => evaluateTerm(a, column)));
  if ('fn' in term) return functionResult(term.fn, term.args.map((a) => evaluateTerm(a, column)));
  if ('common' in term) return commonResult(term.common.map((a) => evaluateTerm(a, column)));
  if ('array' in term) {
    const element = resolved(evaluateTerm(term.array, column));
    if (element === null) return null;
    const found = enumOfOid(element);
    if (found !== undefined && !found.array) return enumArrayTypeOid(found.name);
    return isArrayType(element) ? element : (arrayTypes[element] ?? null);
  }
  const array = evaluateTerm(term.element, column);
  const found = array === null ? undefined : enumOfOid(array);
  if (found !== undefined && found.array) return enumTypeOid(found.name);
  return array === null ? null : (elementTypes[array] ?? null);
}

/** Whether the term needs table columns' types (so only the engine can evaluate it). */
export function needsColumns(term: Term): boolean {
  if (term === null || typeof term === 'number') return false;
  if ('col' in term) return true;
  if ('op' in term || 'fn' in term) return term.args.some(needsColumns);
  if ('common' in term) return term.common.some(needsColumns);
  if ('array' in term) return needsColumns(term.array);
  return needsColumns(term.element);
}

/** Folds the parts that need no columns to their types, so the term the engine gets is small. */
export function foldTerm(term: Term): Term {
  if (!needsColumns(term)) return evaluateTerm(term, () => null);
  if (term === null || typeof term === 'number' || 'col' in term) return term;
  if ('op' in term) return { op: term.op, args: term.args.map(foldTerm) };
  if ('fn' in term) return { fn: term.fn, args: term.args.map(foldTerm) };
  if ('common' in term) return { common: term.common.map(foldTerm) };
  if ('array' in term) return { array: foldTerm(term.array) };
  return { element: foldTerm(term.element) };
}

const recipeMarker = '/*pgsqlite:types ';

/**
 * The engine learns column-dependent terms from a comment ahead of the SQLite statement (the SQL
 * text is what reaches it, and is the key it caches prepared statements by). One entry per output
 * column, null where the translator's type hint decides.
 */
export function withTypeRecipes(sql: string, recipes: Term[]): string {
  // '*/' cannot occur outside JSON strings; inside one its '/' is written as an escape.
  return recipeMarker + JSON.stringify(recipes).replace(/\*\//g, '*\\u002f') + '*/ ' + sql;
}

export function typeRecipesOf(sql: string): Term[] | undefined {
  if (!sql.startsWith(recipeMarker)) return undefined;
  const end = sql.indexOf('*/', recipeMarker.length);
  if (end < 0) return undefined;
  try {
    return JSON.parse(sql.slice(recipeMarker.length, end)) as Term[];
  } catch {
    return undefined;
  }
}

