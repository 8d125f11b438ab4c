/** Subqueries inside expressions: EXISTS, scalar subqueries, IN / = ANY, NOT IN / <> ALL, other op ANY/ALL. */
import type { SubLink } from 'libpg-query';
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { expression } from './expressions.js';
import { asNode, nodeBody, stringsOf, type Node } from './parse-tree.js';
import { fitPrecedence, Prec } from './precedence.js';
import { quantifiedComparison } from './quantified-comparisons.js';
import { selectQuery } from './select-statement.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

export function subLink(st: TranslationState, node: SubLink, required: number): string {
  switch (node.subLinkType) {
    case 'EXISTS_SUBLINK':
      return 'EXISTS (' + selectQuery(st, node.subselect) + ')';
    case 'EXPR_SUBLINK': {
      if (outputWidth(node.subselect) === 0) throw new PgError({ code: SqlState.syntaxError, message: 'subquery must return only one column' });
      // PostgreSQL raises 21000 when a scalar subquery returns more than one row; SQLite takes
      // the first. Unless the subquery returns one row by its shape, its first two rows are counted.
      const inner = selectQuery(st, node.subselect);
      if (returnsAtMostOneRow(node.subselect) || outputWidth(node.subselect) !== 1) return '(' + inner + ')';
      return '(WITH pgsqlite_scalar(v) AS (' + inner + ') SELECT iif(count(*) > 1, pgsqlite_more_than_one_row(), min(v)) FROM (SELECT v FROM pgsqlite_scalar LIMIT 2))';
    }
    case 'ANY_SUBLINK':
      // x IN (subquery) arrives without an operator; x = ANY (subquery) is the same test.
      return quantified(st, node, '=', ' IN (', 'ANY', required);
    case 'ALL_SUBLINK':
      // x <> ALL (subquery) is NOT IN, NULL handling included; other operators: quantified-comparisons.ts.
      return quantified(st, node, '<>', ' NOT IN (', 'ALL', required);
    case 'ARRAY_SUBLINK':
      // Arrays are stored as JSON arrays; the subquery's one column, in its order.
      return '(WITH pgsqlite_array(v) AS (' + selectQuery(st, node.subselect) + ') SELECT json_group_array(v) FROM pgsqlite_array)';
    default:
      return unsupported(st, `subquery kind ${String(node.subLinkType)}`, node.location);
  }
}

function quantified(
  st: TranslationState, node: SubLink, expectedOperator: string, keyword: string, quantifier: string, required: number,
): string {
  const parts = stringsOf(node.operName);
  const op = parts.length === 0 ? expectedOperator : parts[parts.length - 1]!;
  if (parts.length > 1 && parts[0] !== 'pg_catalog') return unsupported(st, `${op} ${quantifier} (subquery)`, node.location);
  if (outputWidth(node.subselect) === 0) throw new PgError({ code: SqlState.syntaxError, message: 'subquery has too few columns' });
  if (op !== expectedOperator && !(op === '!=' && expectedOperator === '<>')) {
    const left = expression(st, node.testexpr!, Prec.Any);
    return quantifiedComparison(st, left, op, quantifier as 'ANY' | 'ALL', selectQuery(st, node.subselect), 'subquery', node.location);
  }
  const text = expression(st, node.testexpr!, Prec.Equality + 1) + keyword + selectQuery(st, node.subselect) + ')';
  return fitPrecedence(text, Prec.Equality, required);
}

const aggregates = new Set(['count', 'sum', 'avg', 'min', 'max', 'string_agg', 'array_agg', 'json_agg', 'jsonb_agg', 'bool_and', 'bool_or',
  'every', 'json_object_agg', 'jsonb_object_agg']);

/** LIMIT 1, no FROM, or only aggregates without GROUP BY: at most one row, so no count is needed. */
function returnsAtMostOneRow(node: Node | undefined): boolean {
  const select = asNode(node, 'SelectStmt');
  if (select === undefined) return true;
  if (asNode(select.limitCount, 'A_Const')?.ival?.ival === 1) return true;
  if ((select.op !== undefined && select.op !== 'SETOP_NONE') || select.valuesLists !== undefined) return false;
  if (select.groupClause?.length) return false;
  if (!select.fromClause?.length) return true;
  return (select.targetList ?? []).every((t) => {
    const call = asNode(nodeBody(t, 'ResTarget').val, 'FuncCall');
    if (call === undefined || call.over !== undefined) return false;
    const names = stringsOf(call.funcname);
    return aggregates.has(names[names.length - 1] ?? '');
  });
}

/** The number of output columns, when the tree tells it (no `*`). */
function outputWidth(node: Node | undefined): number | undefined {
  let select = asNode(node, 'SelectStmt');
  while (select !== undefined && select.op !== undefined && select.op !== 'SETOP_NONE') select = select.larg;
  if (select === undefined) return undefined;
  if (select.valuesLists !== undefined) return asNode(select.valuesLists[0], 'List')?.items?.length;
  const targets = select.targetList ?? [];
  const star = targets.some((t) => asNode(nodeBody(t, 'ResTarget').val, 'ColumnRef')?.fields?.some((f) => asNode(f, 'A_Star') !== undefined));
  return star ? undefined : targets.length;
}
