import { nodeType, type AstNode } from './parser.js';
import { declaredTypeOfTypeName } from './types/declared-type.js';

/**
 * Where a parameter's type can come from, read off the parse tree: an explicit cast ($1::int),
 * its position (LIMIT), or the column it is compared with / assigned to — whose declared type the
 * engine knows. Parameters in other places stay unknown (null); the dialect issue infers the rest.
 */
export type ParamTypeSource =
  | { oid: number }
  /** The column's type; with `numericOnly`, only when it is a number (arithmetic: `ts + $1` wants an interval). */
  | { table: string; column: string; numericOnly?: boolean }
  | { table: string; position: number }
  | null;

const INT8 = 20;
/** Operators whose parameter operand takes the type of the column on the other side (as PostgreSQL resolves them). */
const comparisons = new Set(['=', '<>', '!=', '<', '>', '<=', '>=', '~~', '!~~', '~~*', '!~~*']);
const arithmetic = new Set(['+', '-', '*', '/', '%']);

interface Scope {
  /** Alias or name → table name, for the tables the statement reads or writes. */
  tables: Map<string, string>;
}

function paramNumber(node: AstNode | undefined): number | undefined {
  if (node?.ParamRef) return node.ParamRef.number;
  if (node?.TypeCast?.arg?.ParamRef) return undefined; // the cast decides, handled separately
  return undefined;
}

function columnOf(node: AstNode | undefined, scope: Scope): { table: string; column: string } | undefined {
  const fields: AstNode[] | undefined = node?.ColumnRef?.fields;
  if (!fields) return undefined;
  const names = fields.map((f) => f.String?.sval as string | undefined);
  if (names.some((n) => n === undefined)) return undefined;
  if (names.length === 1) {
    if (scope.tables.size !== 1) return undefined;
    return { table: [...scope.tables.values()][0], column: names[0]! };
  }
  const table = scope.tables.get(names[names.length - 2]!);
  return table ? { table, column: names[names.length - 1]! } : undefined;
}

function addRange(node: AstNode | undefined, scope: Scope): void {
  if (!node) return;
  if (node.RangeVar) {
    const name = node.RangeVar.relname as string;
    scope.tables.set(node.RangeVar.alias?.aliasname ?? name, name);
  } else if (node.JoinExpr) {
    addRange(node.JoinExpr.larg, scope);
    addRange(node.JoinExpr.rarg, scope);
  }
}

export function inferParamSources(stmt: AstNode, paramCount: number): ParamTypeSource[] {
  const sources: ParamTypeSource[] = new Array(paramCount).fill(null);
  const set = (n: number | undefined, source: ParamTypeSource) => {
    if (n !== undefined && n >= 1 && n <= paramCount && sources[n - 1] === null) sources[n - 1] = source;
  };

  const visit = (node: unknown, scope: Scope): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, scope);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as AstNode;
    const type = nodeType(n);
    const body = n[type];
    if (type === 'TypeCast' && body?.arg?.ParamRef) {
      const declared = declaredTypeOfTypeName(body.typeName);
      if (declared) set(body.arg.ParamRef.number, { oid: declared.oid });
    } else if (type === 'A_Expr' && body) {
      const op = body.name?.[0]?.String?.sval;
      if (body.kind === 'AEXPR_OP' && (comparisons.has(op) || arithmetic.has(op)) || body.kind === 'AEXPR_LIKE' || body.kind === 'AEXPR_ILIKE') {
        const numericOnly = arithmetic.has(op);
        const leftColumn = columnOf(body.lexpr, scope);
        const rightColumn = columnOf(body.rexpr, scope);
        if (leftColumn) set(paramNumber(body.rexpr), numericOnly ? { ...leftColumn, numericOnly } : leftColumn);
        if (rightColumn) set(paramNumber(body.lexpr), numericOnly ? { ...rightColumn, numericOnly } : rightColumn);
      } else if (body.kind === 'AEXPR_IN' || body.kind === 'AEXPR_BETWEEN' || body.kind === 'AEXPR_NOT_BETWEEN') {
        const column = columnOf(body.lexpr, scope);
        if (column && Array.isArray(body.rexpr?.List?.items ?? body.rexpr)) {
          for (const item of body.rexpr?.List?.items ?? body.rexpr) set(paramNumber(item), column);
        }
      }
    } else if (type === 'SelectStmt' && body) {
      const inner: Scope = { tables: new Map(scope.tables) };
      for (const from of body.fromClause ?? []) addRange(from, inner);
      set(paramNumber(body.limitCount), { oid: INT8 });
      set(paramNumber(body.limitOffset), { oid: INT8 });
      // A set operation's arms are SelectStmt bodies without their node wrapper (asyncpg's UNION ALL introspection).
      for (const arm of [body.larg, body.rarg]) if (arm) visit({ SelectStmt: arm }, scope);
      for (const key of Object.keys(body)) if (key !== 'fromClause' && key !== 'larg' && key !== 'rarg') visit(body[key], inner);
      for (const from of body.fromClause ?? []) visit(from, inner);
      return;
    } else if ((type === 'UpdateStmt' || type === 'DeleteStmt') && body?.relation) {
      const inner: Scope = { tables: new Map(scope.tables) };
      addRange({ RangeVar: body.relation }, inner);
      for (const from of body.fromClause ?? body.usingClause ?? []) addRange(from, inner);
      for (const target of body.targetList ?? []) {
        set(paramNumber(target.ResTarget?.val), { table: body.relation.relname, column: target.ResTarget?.name });
      }
      for (const key of Object.keys(body)) visit(body[key], inner);
      return;
    } else if (type === 'InsertStmt' && body?.relation) {
      const table = body.relation.relname as string;
      const columns: string[] = (body.cols ?? []).map((c: AstNode) => c.ResTarget?.name);
      for (const row of body.selectStmt?.SelectStmt?.valuesLists ?? []) {
        (row.List?.items ?? []).forEach((item: AstNode, i: number) => {
          // Without a column list, values go to the table's columns in order.
          if (columns.length === 0) set(paramNumber(item), { table, position: i });
          else if (columns[i]) set(paramNumber(item), { table, column: columns[i] });
        });
      }
      const inner: Scope = { tables: new Map([[table, table]]) };
      for (const key of Object.keys(body)) visit(body[key], inner);
      return;
    }
    for (const key of Object.keys(body ?? {})) {
      const value = body[key];
      if (value && typeof value === 'object') visit(value, scope);
    }
  };
  visit(stmt, { tables: new Map() });
  return sources;
}
