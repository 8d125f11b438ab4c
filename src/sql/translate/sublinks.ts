/** Subqueries inside expressions: EXISTS, scalar subqueries, IN / = ANY, NOT IN / <> ALL. */
import type { SubLink } from 'libpg-query';
import { expression } from './expressions.js';
import { stringsOf } from './parse-tree.js';
import { fitPrecedence, Prec } from './precedence.js';
import { selectQuery } from './select-statement.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

export function subLink(st: TranslationState, node: SubLink, required: number): string {
  switch (node.subLinkType) {
    case 'EXISTS_SUBLINK':
      return 'EXISTS (' + selectQuery(st, node.subselect) + ')';
    case 'EXPR_SUBLINK':
      // TODO(dialect): PostgreSQL raises 21000 when a scalar subquery returns more than one row;
      // SQLite silently takes the first.
      return '(' + selectQuery(st, node.subselect) + ')';
    case 'ANY_SUBLINK':
      // x IN (subquery) arrives without an operator; x = ANY (subquery) is the same test.
      return quantified(st, node, '=', ' IN (', 'ANY', required);
    case 'ALL_SUBLINK':
      // x <> ALL (subquery) is NOT IN, NULL handling included; other operators have no SQLite form.
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
  if (op !== expectedOperator || (parts.length > 1 && parts[0] !== 'pg_catalog')) {
    return unsupported(st, `${op} ${quantifier} (subquery)`, node.location);
  }
  const text = expression(st, node.testexpr!, Prec.Equality + 1) + keyword + selectQuery(st, node.subselect) + ')';
  return fitPrecedence(text, Prec.Equality, required);
}
