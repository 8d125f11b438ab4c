/**
 * Errors PostgreSQL's analyzer raises that SQLite would not (it would run the statement and
 * answer something): checked on the parse tree, before any SQL is written.
 * - 42803: a column outside an aggregate in a query that aggregates without GROUP BY;
 * - 42P10: ORDER BY position beyond the select list;
 * - 22P02: an untyped literal that cannot be read as the type its context resolves it to
 *   (`ARRAY[1, 'x']`, `VALUES (1), ('a')`, `SELECT 1 UNION SELECT 'a'`, `int_col + 'a'`).
 */
import type { SelectStmt } from 'libpg-query';
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { expressionTerm } from '../infer-output-types.js';
import type { AstNode } from '../parser.js';
import { commonResult, evaluateTerm, FLOAT4, FLOAT8, INT2, INT4, INT8, needsColumns, NUMERIC, type Term, UNKNOWN } from '../types/type-terms.js';
import { asNode, nodeBody, nodeKind, stringOf, stringsOf, type Node } from './parse-tree.js';
import type { TranslationState } from './translation-state.js';

/** PostgreSQL's grouping_error, not yet in protocol/sqlstate.ts (owned by the protocol layer). */
const groupingError = SqlState.groupingError;

const aggregateNames = new Set(['count', 'sum', 'avg', 'min', 'max', 'string_agg', 'array_agg', 'json_agg', 'jsonb_agg', 'json_object_agg',
  'jsonb_object_agg', 'bool_and', 'bool_or', 'every', 'stddev', 'stddev_samp', 'stddev_pop', 'variance', 'var_samp', 'var_pop', 'any_value',
  'group_concat', 'total']);

/** Walks an expression, not into subqueries; `visit` returns false to skip a node's children. */
function walk(node: unknown, visit: (kind: string, body: Record<string, unknown>) => boolean): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const keys = Object.keys(node);
  if (keys.length === 1 && /^[A-Z]/.test(keys[0]!)) {
    const kind = keys[0]!;
    if (kind === 'SubLink') return;
    const body = (node as Record<string, unknown>)[kind] as Record<string, unknown>;
    if (!visit(kind, body)) return;
    for (const value of Object.values(body)) walk(value, visit);
    return;
  }
  for (const value of Object.values(node as Record<string, unknown>)) walk(value, visit);
}

function isAggregateCall(body: Record<string, unknown>): boolean {
  const names = stringsOf(body.funcname as Node[]);
  return body.over === undefined && aggregateNames.has(names[names.length - 1] ?? '');
}

/** 42803 for `SELECT count(*), name FROM t` (an aggregate query without GROUP BY). */
export function checkUngroupedColumns(node: SelectStmt): void {
  if (node.groupClause?.length || !node.targetList?.length) return;
  let aggregates = node.havingClause !== undefined;
  walk(node.targetList, (kind, body) => {
    if (kind === 'FuncCall' && isAggregateCall(body)) aggregates = true;
    return !aggregates;
  });
  if (!aggregates) return;
  let ungrouped: string[] | undefined;
  walk([node.targetList, node.havingClause], (kind, body) => {
    if (ungrouped !== undefined) return false;
    if (kind === 'FuncCall' && isAggregateCall(body)) return false;
    if (kind === 'ColumnRef') {
      const fields = (body.fields as Node[] | undefined) ?? [];
      if (!fields.some((f) => asNode(f, 'A_Star') !== undefined)) ungrouped = fields.map((f) => stringOf(f) ?? '');
      return false;
    }
    return true;
  });
  if (ungrouped === undefined) return;
  let name = ungrouped.join('.');
  const only = node.fromClause?.length === 1 ? asNode(node.fromClause[0], 'RangeVar') : undefined;
  if (ungrouped.length === 1 && only !== undefined) name = (only.alias?.aliasname ?? only.relname ?? '') + '.' + name;
  throw new PgError({
    code: groupingError,
    message: `column "${name}" must appear in the GROUP BY clause or be used in an aggregate function`,
  });
}

/** 42P10 for `ORDER BY 5` over fewer output columns. */
export function checkOrderByPositions(node: SelectStmt): void {
  const targets = node.targetList;
  if (!node.sortClause?.length || !targets?.length) return;
  const star = targets.some((t) => asNode(nodeBody(t, 'ResTarget').val, 'ColumnRef')?.fields?.some((f) => asNode(f, 'A_Star') !== undefined));
  if (star) return;
  for (const sort of node.sortClause) {
    const position = asNode(nodeBody(sort, 'SortBy').node, 'A_Const')?.ival;
    if (position === undefined) continue;
    const n = position.ival ?? 0;
    if (n < 1 || n > targets.length) {
      throw new PgError({ code: SqlState.invalidColumnReference, message: `ORDER BY position ${n} is not in select list` });
    }
  }
}

const typeNames: Record<number, string> = { [INT2]: 'smallint', [INT4]: 'integer', [INT8]: 'bigint', [NUMERIC]: 'numeric', [FLOAT4]: 'real', [FLOAT8]: 'double precision' };

/** Throws 22P02 when `text` is not input for the numeric type `type` (other types are not checked). */
export function checkLiteralInput(text: string, type: number | null): void {
  const name = type === null ? undefined : typeNames[type];
  if (name === undefined) return;
  const integer = type === INT2 || type === INT4 || type === INT8;
  const valid = integer ? /^\s*[+-]?\d+\s*$/.test(text)
    : /^\s*([+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?|[+-]?(nan|inf|infinity))\s*$/i.test(text);
  if (!valid) throw new PgError({ code: SqlState.invalidTextRepresentation, message: `invalid input syntax for type ${name}: "${text}"` });
}

/**
 * Columns of rows that must share a type (VALUES rows, UNION members, ARRAY elements): each
 * untyped literal must be input for the common type of the others.
 */
export function checkCommonLiterals(st: TranslationState, columns: Node[][]): void {
  for (const column of columns) {
    const literals = column.map((n) => asNode(n, 'A_Const')?.sval?.sval).filter((s): s is string => s !== undefined);
    if (literals.length === 0 || literals.length === column.length) continue;
    const terms: Term[] = column.map((n) => expressionTerm(n as AstNode, st.typeScope));
    if (terms.some(needsColumns)) continue;
    const common = commonResult(terms.map((t) => evaluateTerm(t, () => null)));
    if (common === null || common === UNKNOWN) continue;
    for (const literal of literals) checkLiteralInput(literal, common);
  }
}

/** The target expressions of a simple SELECT, or undefined (a star, a set operation …). */
export function simpleTargets(node: SelectStmt): Node[] | undefined {
  if ((node.op !== undefined && node.op !== 'SETOP_NONE') || node.valuesLists !== undefined || !node.targetList?.length) return undefined;
  const values = node.targetList.map((t) => nodeBody(t, 'ResTarget').val!);
  if (values.some((v) => nodeKind(v) === 'ColumnRef' && nodeBody(v, 'ColumnRef').fields?.some((f) => asNode(f, 'A_Star') !== undefined))) return undefined;
  return values;
}
