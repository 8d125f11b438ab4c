/**
 * FROM items: tables, subqueries and joins.
 *
 * Column alias lists (`t AS x(a, b)`, `(VALUES …) AS v(id, name)`) have no SQLite syntax; a CTE
 * can name columns, so the item becomes `(WITH helper(a, b) AS (…) SELECT * FROM helper) AS x`.
 */
import type { Alias, JoinExpr, RangeSubselect, RangeVar } from 'libpg-query';
import { expression, locationOf } from './expressions.js';
import { quoteIdentifier } from './identifiers.js';
import { asNode, nodeBody, nodeKind, stringsOf, type Node } from './parse-tree.js';
import { relationName } from './qualified-names.js';
import { catalogRangeFunction } from './catalog-range-functions.js';
import { rangeFunction } from './range-functions.js';
import { selectQuery } from './select-statement.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

/**
 * Comma-separated FROM items. A join after a comma is parenthesised: PostgreSQL binds
 * `a, b RIGHT JOIN c` as `a, (b RIGHT JOIN c)`, SQLite reads it left to right as `(a, b) RIGHT JOIN c`.
 * `afterComma` says the list itself follows a comma (DELETE … USING's rewrite).
 */
export function fromList(st: TranslationState, items: Node[], afterComma = false): string {
  let text = '';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) text += ', ';
    text += fromItem(st, items[i]!, afterComma || i > 0);
  }
  return text;
}

export function fromItem(st: TranslationState, node: Node, parenthesiseJoin: boolean): string {
  switch (nodeKind(node)) {
    case 'RangeVar':
      return tableReference(st, nodeBody(node, 'RangeVar'));
    case 'RangeSubselect':
      return subquery(st, nodeBody(node, 'RangeSubselect'));
    case 'JoinExpr': {
      const join = joinExpression(st, nodeBody(node, 'JoinExpr'));
      return parenthesiseJoin ? '(' + join + ')' : join;
    }
    case 'RangeFunction': {
      const body = nodeBody(node, 'RangeFunction');
      // Set-returning functions read earlier FROM items as PostgreSQL's (implicit) LATERAL does.
      const setReturning = rangeFunction(st, body);
      if (setReturning !== undefined) return setReturning;
      if (body.lateral) unsupported(st, 'LATERAL', firstFunctionLocation(body.functions));
      const catalogFunction = catalogRangeFunction(st, body);
      if (catalogFunction !== undefined) return catalogFunction;
      return unsupported(st, 'a function in FROM', firstFunctionLocation(body.functions));
    }
    case 'RangeTableSample':
      return unsupported(st, 'TABLESAMPLE', nodeBody(node, 'RangeTableSample').location);
    case 'RangeTableFunc':
      return unsupported(st, 'XMLTABLE', nodeBody(node, 'RangeTableFunc').location);
    case 'JsonTable':
      return unsupported(st, 'JSON_TABLE', locationOf(node));
    default:
      return unsupported(st, `${nodeKind(node)} in FROM`, locationOf(node));
  }
}

/** A table or view; ONLY is accepted as is (there is no inheritance to exclude). */
export function tableReference(st: TranslationState, relation: RangeVar): string {
  const name = relationName(st, relation);
  const alias = relation.alias;
  if (alias === undefined) {
    // information_schema views are TEMP views named "information_schema.x": without an alias,
    // `x.column` (as TypeORM writes `columns.*`) would not find them.
    if (relation.schemaname === 'information_schema' && name !== quoteIdentifier(relation.relname ?? '')) {
      return name + ' AS ' + quoteIdentifier(relation.relname ?? '');
    }
    return name;
  }
  if (alias.colnames?.length) return renamedColumns(st, 'SELECT * FROM ' + name, alias);
  return name + ' AS ' + quoteIdentifier(alias.aliasname ?? '');
}

function subquery(st: TranslationState, node: RangeSubselect): string {
  // LATERAL subqueries were rewritten by lateral-subqueries.ts, or refused there.
  if (node.lateral) return st.lateralFromItems.get(node) ?? unsupported(st, 'LATERAL subquery in this position', locationOf(node.subquery));
  const query = selectQuery(st, node.subquery);
  const alias = node.alias;
  // PostgreSQL 16+ (and SQLite) allow a subquery without an alias.
  if (alias === undefined) return '(' + query + ')';
  if (alias.colnames?.length) return renamedColumns(st, query, alias);
  return '(' + query + ') AS ' + quoteIdentifier(alias.aliasname ?? '');
}

/**
 * SQLite requires as many names as columns where PostgreSQL renames a prefix; with fewer names
 * SQLite raises an error (never a differently-named result).
 */
function renamedColumns(st: TranslationState, query: string, alias: Alias): string {
  const helper = st.syntheticName();
  const columns = stringsOf(alias.colnames).map(quoteIdentifier).join(', ');
  return `(WITH ${helper}(${columns}) AS (${query}) SELECT * FROM ${helper}) AS ${quoteIdentifier(alias.aliasname ?? '')}`;
}

const joinKeywords: Record<string, string> = {
  JOIN_INNER: 'JOIN',
  JOIN_LEFT: 'LEFT JOIN',
  JOIN_RIGHT: 'RIGHT JOIN',
  JOIN_FULL: 'FULL JOIN',
};

/** Left-deep joins chain as written; a join on the right side keeps its parentheses. */
function joinExpression(st: TranslationState, node: JoinExpr): string {
  if (node.alias !== undefined) unsupported(st, 'an alias on a JOIN clause');
  if (node.join_using_alias !== undefined) unsupported(st, 'JOIN … USING (…) AS alias');
  let keyword = joinKeywords[node.jointype ?? 'JOIN_INNER'];
  if (keyword === undefined) return unsupported(st, `join type ${String(node.jointype)}`);
  const hasCondition = node.quals !== undefined || !!node.usingClause?.length;
  if (node.isNatural) keyword = 'NATURAL ' + keyword;
  else if (keyword === 'JOIN' && !hasCondition) keyword = 'CROSS JOIN';
  let text = fromItem(st, node.larg!, false) + ' ' + keyword + ' ' + fromItem(st, node.rarg!, true);
  if (node.usingClause?.length) text += ' USING (' + stringsOf(node.usingClause).map(quoteIdentifier).join(', ') + ')';
  else if (node.quals !== undefined) text += ' ON ' + expression(st, node.quals);
  return text;
}

function firstFunctionLocation(functions: Node[] | undefined): number | undefined {
  const first = asNode(functions?.[0], 'List')?.items?.[0];
  return locationOf(first);
}
