import { nodeType, type AstNode } from './parser.js';
import { declaredTypeOfTypeName } from './types/declared-type.js';

/**
 * Output column types that the parse tree alone decides (literals, casts, operators over typed
 * operands, functions with a fixed result type), so RowDescription can say int4 for `SELECT 1`
 * and bool for `SELECT a = b` even before a row exists. null = not known here (typically a column
 * reference: the tree does not know the table's types); the engine then uses the declared column
 * type or the first row's value. The dialect issue replaces this with full type inference.
 */
const BOOL = 16, BYTEA = 17, NAME = 19, INT8 = 20, INT2 = 21, INT4 = 23, TEXT = 25, JSON_ = 114, FLOAT4 = 700, FLOAT8 = 701,
  NUMERIC = 1700, DATE = 1082, TIME = 1083, TIMESTAMP = 1114, TIMESTAMPTZ = 1184, INTERVAL = 1186, UUID = 2950, JSONB = 3802,
  VOID = 2278, REGTYPE = 2206;
/** An untyped string literal: PostgreSQL resolves it from context, and to text when there is none. */
const UNKNOWN = -1;

/** Functions whose result type does not depend on their arguments. */
const functionTypes: Record<string, number> = {
  count: INT8, version: TEXT, current_setting: TEXT, current_database: NAME, current_schema: NAME,
  pg_backend_pid: INT4, now: TIMESTAMPTZ, transaction_timestamp: TIMESTAMPTZ, statement_timestamp: TIMESTAMPTZ,
  clock_timestamp: TIMESTAMPTZ, length: INT4, char_length: INT4, character_length: INT4, octet_length: INT4,
  lower: TEXT, upper: TEXT, concat: TEXT, concat_ws: TEXT, substr: TEXT, substring: TEXT, replace: TEXT, trim: TEXT,
  btrim: TEXT, ltrim: TEXT, rtrim: TEXT, left: TEXT, right: TEXT, lpad: TEXT, rpad: TEXT, repeat: TEXT, reverse: TEXT,
  split_part: TEXT, initcap: TEXT, md5: TEXT, to_hex: TEXT, chr: TEXT, ascii: INT4, strpos: INT4, position: INT4,
  quote_ident: TEXT, quote_literal: TEXT, quote_nullable: TEXT, format: TEXT, translate: TEXT, overlay: TEXT,
  regexp_replace: TEXT, starts_with: BOOL, encode: TEXT, decode: BYTEA, string_agg: TEXT, gen_random_uuid: UUID,
  random: FLOAT8, pi: FLOAT8, cbrt: FLOAT8, pg_sleep: VOID, pg_notify: VOID, txid_current: INT8, pg_current_xact_id: 5069,
  set_config: TEXT, format_type: TEXT, pg_get_userbyid: NAME, pg_typeof: REGTYPE,
  bool_and: BOOL, bool_or: BOOL, every: BOOL,
  row_number: INT8, rank: INT8, dense_rank: INT8, ntile: INT4, percent_rank: FLOAT8, cume_dist: FLOAT8,
  json_build_object: JSON_, json_build_array: JSON_, to_json: JSON_, json_agg: JSON_, json_object_agg: JSON_, row_to_json: JSON_,
  jsonb_build_object: JSONB, jsonb_build_array: JSONB, to_jsonb: JSONB, jsonb_agg: JSONB, jsonb_object_agg: JSONB,
  jsonb_set: JSONB, jsonb_insert: JSONB, jsonb_strip_nulls: JSONB, json_strip_nulls: JSON_, jsonb_pretty: TEXT,
  json_typeof: TEXT, jsonb_typeof: TEXT, json_array_length: INT4, jsonb_array_length: INT4,
  array_length: INT4, cardinality: INT4, array_upper: INT4, array_lower: INT4, array_position: INT4, array_to_string: TEXT,
  extract: NUMERIC, date_part: FLOAT8, to_char: TEXT, to_date: DATE, to_timestamp: TIMESTAMPTZ, age: INTERVAL,
  make_date: DATE, make_timestamp: TIMESTAMP, make_interval: INTERVAL, justify_hours: INTERVAL, justify_days: INTERVAL,
  isfinite: BOOL, pg_size_pretty: TEXT, has_database_privilege: BOOL,
};

/** Functions whose result has their (first numeric) argument's type: abs(int) is int, abs(numeric) numeric. */
const sameAsArgument = new Set(['abs', 'sign', 'mod', 'max', 'min', 'sum', 'round', 'ceil', 'ceiling', 'floor', 'trunc', 'gcd', 'lcm', 'div']);
/** Float functions: float8 for integer and float arguments, numeric for numeric ones. */
const floatOrNumeric = new Set(['sqrt', 'exp', 'ln', 'log', 'log10', 'power', 'pow']);
/** Always float8, whatever the argument. */
const floatOnly = new Set(['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'degrees', 'radians', 'cot']);

const sqlValueFunctionTypes: Record<string, number> = {
  SVFOP_CURRENT_DATE: DATE, SVFOP_CURRENT_TIME: 1266, SVFOP_CURRENT_TIME_N: 1266,
  SVFOP_CURRENT_TIMESTAMP: TIMESTAMPTZ, SVFOP_CURRENT_TIMESTAMP_N: TIMESTAMPTZ,
  SVFOP_LOCALTIME: TIME, SVFOP_LOCALTIME_N: TIME, SVFOP_LOCALTIMESTAMP: TIMESTAMP, SVFOP_LOCALTIMESTAMP_N: TIMESTAMP,
  SVFOP_CURRENT_ROLE: NAME, SVFOP_CURRENT_USER: NAME, SVFOP_USER: NAME, SVFOP_SESSION_USER: NAME,
  SVFOP_CURRENT_CATALOG: NAME, SVFOP_CURRENT_SCHEMA: NAME,
};

const booleanOperators = new Set(['=', '<>', '!=', '<', '>', '<=', '>=', '~~', '!~~', '~~*', '!~~*', '~', '!~', '~*', '!~*',
  '@>', '<@', '?', '?|', '?&', '&&']);

/** Element type → array type, for ARRAY[…] of known elements. */
const arrayTypes: Record<number, number> = {
  [BOOL]: 1000, [INT2]: 1005, [INT4]: 1007, [INT8]: 1016, [TEXT]: 1009, [FLOAT4]: 1021, [FLOAT8]: 1022, [NUMERIC]: 1231,
  [DATE]: 1182, [TIMESTAMP]: 1115, [TIMESTAMPTZ]: 1185, [INTERVAL]: 1187, [UUID]: 2951, [JSONB]: 3807, [JSON_]: 199,
};
const arrayTypeSet = new Set(Object.values(arrayTypes));

/** The numeric types in PostgreSQL's promotion order (int2 < int4 < int8 < numeric < float8). */
const numericRank: Record<number, number> = { [INT2]: 1, [INT4]: 2, [INT8]: 3, [NUMERIC]: 4, [FLOAT8]: 5 };

function names(list: AstNode[] | undefined): string[] {
  return (list ?? []).map((n) => n.String?.sval ?? '').filter(Boolean);
}

/** The common type of numeric operands (an untyped literal takes the other side's type). */
function numericResult(left: number | null, right: number | null): number | null {
  if (left === UNKNOWN && right !== null && numericRank[right] !== undefined) return right;
  if (right === UNKNOWN && left !== null && numericRank[left] !== undefined) return left;
  if (left === null || right === null) return null;
  const l = numericRank[left];
  const r = numericRank[right];
  if (l === undefined || r === undefined) return null;
  // int2 op int2 is int2, but int2 op int4 is int4: the wider side wins.
  return l >= r ? left : right;
}

function resolved(type: number | null): number | null {
  return type === UNKNOWN ? TEXT : type;
}

function operatorType(node: AstNode): number | null {
  const op = names(node.name).at(-1) ?? '';
  if (booleanOperators.has(op)) return BOOL;
  if (!node.lexpr) {
    const operand = typeOf(node.rexpr);
    if (op === '-' || op === '+' || op === '@') return operand !== null && numericRank[operand] !== undefined ? operand : null;
    if (op === '|/' || op === '||/') return FLOAT8;
    return null;
  }
  const left = typeOf(node.lexpr);
  const right = typeOf(node.rexpr);
  switch (op) {
    case '+': case '-': case '*': case '/': case '%':
      if (left === INTERVAL && right === INTERVAL && (op === '+' || op === '-')) return INTERVAL;
      return numericResult(left, right);
    case '^':
      return left === NUMERIC || right === NUMERIC ? NUMERIC : left !== null && right !== null ? FLOAT8 : null;
    case '&': case '|': case '<<': case '>>':
      return numericResult(left, right);
    case '||':
      if (left === JSONB || right === JSONB) return JSONB;
      if ((left !== null && arrayTypeSet.has(left)) || (right !== null && arrayTypeSet.has(right))) return left !== null && arrayTypeSet.has(left) ? left : right;
      if (left === null && right === null) return null;
      return TEXT;
    case '->': case '#>':
      return left === JSONB || left === JSON_ ? left : null;
    case '->>': case '#>>':
      return TEXT;
    default:
      return null;
  }
}

/** A constant's type; integers beyond int4 are int8 and beyond int8 numeric, as PostgreSQL reads them. */
function constantType(node: AstNode): number | null {
  if (node.isnull) return UNKNOWN;
  if (node.ival !== undefined) return INT4;
  if (node.fval !== undefined) {
    const text: string = node.fval.fval ?? '';
    if (/^-?\d+$/.test(text)) {
      const value = BigInt(text);
      return value >= -9223372036854775808n && value <= 9223372036854775807n ? INT8 : NUMERIC;
    }
    return NUMERIC;
  }
  if (node.boolval !== undefined) return BOOL;
  if (node.sval !== undefined) return UNKNOWN;
  return null;
}

function functionType(node: AstNode): number | null {
  const name = names(node.funcname).at(-1) ?? '';
  const fixed = functionTypes[name];
  if (fixed !== undefined) return fixed;
  const args: AstNode[] = node.args ?? [];
  if (sameAsArgument.has(name) && args.length > 0) {
    const arg = resolved(typeOf(args[0]));
    if (name === 'sum') return arg === INT2 || arg === INT4 ? INT8 : arg === INT8 ? NUMERIC : arg;
    if (name === 'round' || name === 'ceil' || name === 'ceiling' || name === 'floor' || name === 'trunc') {
      // round(int) and friends resolve to the numeric version (integers cast up).
      return arg === null ? null : arg === FLOAT8 || arg === FLOAT4 ? (args.length > 1 ? null : FLOAT8) : NUMERIC;
    }
    if (name === 'sign') return arg === null ? null : arg === NUMERIC ? NUMERIC : FLOAT8;
    if (name === 'max' || name === 'min') return arg === UNKNOWN ? TEXT : arg;
    if (name === 'mod' || name === 'gcd' || name === 'lcm' || name === 'div') return args.length > 1 ? numericResult(arg, resolved(typeOf(args[1]))) : arg;
    return arg;
  }
  if (name === 'avg' && args.length > 0) {
    const arg = typeOf(args[0]);
    return arg === null ? null : arg === FLOAT8 || arg === FLOAT4 ? FLOAT8 : NUMERIC;
  }
  if (floatOrNumeric.has(name) && args.length > 0) {
    const types = args.map(typeOf);
    if (types.some((t) => t === null)) return null;
    return types.includes(NUMERIC) ? NUMERIC : FLOAT8;
  }
  if (floatOnly.has(name)) return FLOAT8;
  return null;
}

/** The shared type of CASE/COALESCE/GREATEST branches, when every typed branch agrees. */
function commonType(nodes: (AstNode | undefined)[]): number | null {
  let result: number | null = UNKNOWN;
  for (const node of nodes) {
    if (node === undefined) continue;
    const type = typeOf(node);
    if (type === null) return null;
    if (type === UNKNOWN) continue;
    if (result === UNKNOWN || result === type) {
      result = type;
      continue;
    }
    const numeric: number | null = numericResult(result, type);
    if (numeric === null) return null;
    result = numeric;
  }
  return result;
}

/** The expression's type; UNKNOWN for an untyped literal; null when the tree cannot tell. */
function typeOf(expr: AstNode | undefined): number | null {
  if (!expr) return null;
  const type = nodeType(expr);
  const node = expr[type];
  switch (type) {
    case 'A_Const':
      return constantType(node);
    case 'TypeCast':
      return declaredTypeOfTypeName(node.typeName)?.oid ?? null;
    case 'FuncCall':
      return functionType(node);
    case 'SQLValueFunction':
      return sqlValueFunctionTypes[node.op] ?? null;
    case 'BoolExpr':
    case 'NullTest':
    case 'BooleanTest':
      return BOOL;
    case 'A_Expr':
      if (node.kind === 'AEXPR_OP') return operatorType(node);
      if (node.kind === 'AEXPR_NULLIF') return commonType([node.lexpr]);
      if (node.kind === 'AEXPR_OP_ANY' || node.kind === 'AEXPR_OP_ALL' || node.kind === 'AEXPR_IN' || node.kind === 'AEXPR_LIKE'
        || node.kind === 'AEXPR_ILIKE' || node.kind === 'AEXPR_SIMILAR' || node.kind === 'AEXPR_BETWEEN' || node.kind === 'AEXPR_NOT_BETWEEN'
        || node.kind === 'AEXPR_DISTINCT' || node.kind === 'AEXPR_NOT_DISTINCT') return BOOL;
      return null;
    case 'CoalesceExpr':
      return commonType(node.args ?? []);
    case 'MinMaxExpr':
      return commonType(node.args ?? []);
    case 'CaseExpr':
      return commonType([...(node.args ?? []).map((w: AstNode) => w.CaseWhen?.result), node.defresult]);
    case 'A_ArrayExpr': {
      const elements: AstNode[] = node.elements ?? [];
      const nested = elements.find((e) => e.A_ArrayExpr);
      if (nested) return typeOf(nested);
      const element = resolved(commonType(elements));
      return element === null || elements.length === 0 ? null : (arrayTypes[element] ?? null);
    }
    case 'SubLink':
      if (node.subLinkType === 'EXISTS_SUBLINK' || node.subLinkType === 'ANY_SUBLINK' || node.subLinkType === 'ALL_SUBLINK') return BOOL;
      if (node.subLinkType === 'EXPR_SUBLINK') {
        const inner = node.subselect?.SelectStmt;
        if (inner?.op === 'SETOP_NONE' && inner.targetList?.length === 1) return typeOf(inner.targetList[0].ResTarget?.val);
      }
      return null;
    default:
      return null;
  }
}

export function inferExpressionType(expr: AstNode | undefined): number | null {
  return resolved(typeOf(expr));
}

/** One entry per output column of a plain SELECT; undefined when the shape is not a simple target list. */
export function inferOutputTypes(stmt: AstNode): (number | null)[] | undefined {
  const select = stmt.SelectStmt;
  if (!select || select.op !== 'SETOP_NONE' || !select.targetList) return undefined;
  const hints: (number | null)[] = [];
  for (const target of select.targetList) {
    const value = target.ResTarget?.val;
    if (value?.ColumnRef?.fields?.some((f: AstNode) => f.A_Star)) return undefined; // * expands to unknown width
    hints.push(inferExpressionType(value));
  }
  return hints;
}
