import { nodeType, type AstNode } from './parser.js';
import { declaredTypeOfTypeName } from './types/declared-type.js';

/**
 * Output column types that the parse tree alone decides (literals, casts, comparisons, well-known
 * functions), so RowDescription can say int4 for `SELECT 1` and bool for `SELECT a = b` even
 * before a row exists. null = not known here; the engine then uses the declared column type.
 * The dialect issue replaces this with full type inference.
 */
const BOOL = 16, INT8 = 20, INT4 = 23, TEXT = 25, FLOAT8 = 701, NUMERIC = 1700, TIMESTAMPTZ = 1184, DATE = 1082, TIME = 1083, TIMESTAMP = 1114;

const functionTypes: Record<string, number> = {
  count: INT8, version: TEXT, current_setting: TEXT, current_database: TEXT, current_schema: TEXT,
  pg_backend_pid: INT4, now: TIMESTAMPTZ, transaction_timestamp: TIMESTAMPTZ, statement_timestamp: TIMESTAMPTZ,
  clock_timestamp: TIMESTAMPTZ, length: INT4, char_length: INT4, lower: TEXT, upper: TEXT, concat: TEXT,
  substr: TEXT, substring: TEXT, replace: TEXT, trim: TEXT, btrim: TEXT, ltrim: TEXT, rtrim: TEXT,
  random: FLOAT8, pg_sleep: 2278, pg_notify: 2278, txid_current: INT8, pg_current_xact_id: 5069, set_config: TEXT, format_type: TEXT, pg_get_userbyid: 19,
};

const sqlValueFunctionTypes: Record<string, number> = {
  SVFOP_CURRENT_DATE: DATE, SVFOP_CURRENT_TIME: 1266, SVFOP_CURRENT_TIME_N: 1266,
  SVFOP_CURRENT_TIMESTAMP: TIMESTAMPTZ, SVFOP_CURRENT_TIMESTAMP_N: TIMESTAMPTZ,
  SVFOP_LOCALTIME: TIME, SVFOP_LOCALTIME_N: TIME, SVFOP_LOCALTIMESTAMP: TIMESTAMP, SVFOP_LOCALTIMESTAMP_N: TIMESTAMP,
  SVFOP_CURRENT_ROLE: 19, SVFOP_CURRENT_USER: 19, SVFOP_USER: 19, SVFOP_SESSION_USER: 19,
  SVFOP_CURRENT_CATALOG: 19, SVFOP_CURRENT_SCHEMA: 19,
};

const comparisonOperators = new Set(['=', '<>', '!=', '<', '>', '<=', '>=', '~~', '!~~', '~~*', '!~~*']);

function names(list: AstNode[] | undefined): string[] {
  return (list ?? []).map((n) => n.String?.sval ?? '').filter(Boolean);
}

export function inferExpressionType(expr: AstNode | undefined): number | null {
  if (!expr) return null;
  const type = nodeType(expr);
  const node = expr[type];
  switch (type) {
    case 'A_Const':
      if (node.isnull) return TEXT;
      if (node.ival !== undefined) return INT4;
      if (node.fval !== undefined) return NUMERIC;
      if (node.boolval !== undefined) return BOOL;
      if (node.sval !== undefined) return TEXT;
      return null;
    case 'TypeCast':
      return declaredTypeOfTypeName(node.typeName)?.oid ?? null;
    case 'FuncCall': {
      const name = names(node.funcname).at(-1) ?? '';
      return functionTypes[name] ?? null;
    }
    case 'SQLValueFunction':
      return sqlValueFunctionTypes[node.op] ?? null;
    case 'BoolExpr':
    case 'NullTest':
    case 'BooleanTest':
      return BOOL;
    case 'A_Expr':
      if (node.kind === 'AEXPR_OP' && comparisonOperators.has(names(node.name)[0])) return BOOL;
      if (node.kind === 'AEXPR_OP_ANY' || node.kind === 'AEXPR_OP_ALL') return BOOL;
      if (node.kind === 'AEXPR_IN' || node.kind === 'AEXPR_LIKE' || node.kind === 'AEXPR_ILIKE' || node.kind === 'AEXPR_BETWEEN' || node.kind === 'AEXPR_DISTINCT' || node.kind === 'AEXPR_NOT_DISTINCT') return BOOL;
      if (node.kind === 'AEXPR_OP' && names(node.name)[0] === '||') return TEXT;
      return null;
    case 'SubLink':
      if (node.subLinkType === 'EXISTS_SUBLINK' || node.subLinkType === 'ANY_SUBLINK' || node.subLinkType === 'ALL_SUBLINK') return BOOL;
      return null;
    default:
      return null;
  }
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
