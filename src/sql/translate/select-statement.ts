/**
 * SELECT, VALUES and set operations. SQLite's compound SELECT differs from PostgreSQL's in two
 * ways this module bridges: compound members cannot carry their own ORDER BY/LIMIT/WITH, and all
 * set operators bind equally (left to right) where PostgreSQL's INTERSECT binds tighter. Such
 * members are wrapped as `SELECT * FROM (…)`, which keeps their column names.
 */
import { storedValueList } from './stored-values.js';
import type { SelectStmt } from 'libpg-query';
import { isDistinctOn, rewriteDistinctOn } from './distinct-on.js';
import { hasLateralSubquery, removeLateralSubqueries, shadowLateralNames } from './lateral-subqueries.js';
import { expression, expressionList, locationOf } from './expressions.js';
import { fromList } from './from-clause.js';
import { hoistSetReturningFunction, withRangeScope } from './range-functions.js';
import { asNode, isEmptyNode, nodeBody, nodeKind, stringOf, type Node } from './parse-tree.js';
import { sortList } from './sort-clauses.js';
import { outputList } from './target-lists.js';
import type { RangeScope, SortKey, TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';
import { windowClause } from './window-definitions.js';
import { withClause } from './with-clause.js';
import { hasGroupingSets, rewriteGroupingSets } from './grouping-sets.js';
import { computedTerm, expressionTerm, selectTypeScope } from '../infer-output-types.js';
import { resultColumnName } from './result-column-names.js';
import { checkCommonLiterals, checkOrderByPositions, checkUngroupedColumns, simpleTargets } from './semantic-checks.js';
import type { AstNode } from '../parser.js';

/** A query in a subquery position (FROM, IN, EXISTS, CTE, INSERT source): must be a SELECT. */
export function selectQuery(st: TranslationState, node: Node | undefined): string {
  const select = asNode(node, 'SelectStmt');
  if (select === undefined) {
    const kind: string = node ? nodeKind(node) : 'empty';
    return unsupported(st, `${(kind.endsWith('Stmt') ? kind.slice(0, -4) : kind).toUpperCase()} as a subquery`, locationOf(node));
  }
  return selectStatement(st, select);
}

export function selectStatement(st: TranslationState, node: SelectStmt): string {
  if (node.intoClause !== undefined) unsupported(st, 'SELECT INTO in this position', node.intoClause.rel?.location);
  if (node.lockingClause?.length) unsupported(st, lockingName(node), undefined);
  if (!isSetOperation(node) && node.valuesLists === undefined && isDistinctOn(node)) return selectStatement(st, rewriteDistinctOn(st, node));
  if (!isSetOperation(node) && node.valuesLists === undefined && hasGroupingSets(node)) return selectStatement(st, rewriteGroupingSets(st, node));
  let text = node.withClause !== undefined ? withClause(st, node.withClause) + ' ' : '';
  if (isSetOperation(node)) return text + setOperation(st, node) + orderAndLimit(st, node);
  if (node.valuesLists !== undefined) {
    const values = valuesList(st, node.valuesLists);
    // SQLite's VALUES takes no ORDER BY/LIMIT of its own.
    if (hasOrderOrLimit(node)) return text + 'SELECT * FROM (' + values + ')' + orderAndLimit(st, node);
    return text + values;
  }
  return text + scopedSelect(st, node, true);
}

/**
 * A simple SELECT (with its ORDER BY and LIMIT when `withOrder`), with the column references that
 * name set-returning functions' and LATERAL subqueries' columns rewritten.
 */
function scopedSelect(st: TranslationState, node: SelectStmt, withOrder: boolean): string {
  let select = hoistSetReturningFunction(st, node);
  const scopes: RangeScope[] = [];
  if (st.rangeScopes.length > 0) {
    const shadow = shadowLateralNames(st, select);
    if (shadow !== undefined) scopes.push(shadow);
  }
  if (hasLateralSubquery(select.fromClause)) {
    const rewritten = removeLateralSubqueries(st, select);
    select = rewritten.select;
    scopes.push(rewritten.scope);
  }
  const write = (): string => withRangeScope(st, select.fromClause, () => simpleSelect(st, select) + (withOrder ? orderAndLimit(st, select) : ''));
  if (scopes.length === 0) return write();
  st.rangeScopes.push(...scopes);
  try {
    return write();
  } finally {
    st.rangeScopes.length -= scopes.length;
  }
}

/** VALUES (…), (…) — also used for INSERT sources. */
/** @param stored the rows are written into a table (INSERT): decimal constants keep their digits (stored-values.ts). */
export function valuesList(st: TranslationState, rows: Node[], stored = false): string {
  const items = rows.map((r) => nodeBody(r, 'List').items ?? []);
  if (items.length > 1) checkCommonLiterals(st, items[0]!.map((_, i) => items.map((row) => row[i]!).filter((n) => n !== undefined)));
  let text = 'VALUES ';
  for (let i = 0; i < rows.length; i++) {
    if (i > 0) text += ', ';
    const row = nodeBody(rows[i]!, 'List').items;
    text += '(' + (stored ? storedValueList(st, row) : expressionList(st, row)) + ')';
  }
  return text;
}

function isSetOperation(node: SelectStmt): boolean {
  return node.op !== undefined && node.op !== 'SETOP_NONE';
}

function hasOrderOrLimit(node: SelectStmt): boolean {
  return !!node.sortClause?.length || node.limitCount !== undefined || node.limitOffset !== undefined;
}

/** The placeholder column of a SELECT with an empty target list. */
export const noColumnsName = 'pgsqlite_no_columns';

function simpleSelect(st: TranslationState, node: SelectStmt): string {
  return st.inTypeScope(selectTypeScope(node as AstNode, st.typeScope), () => simpleSelectIn(st, node));
}

function simpleSelectIn(st: TranslationState, node: SelectStmt): string {
  checkUngroupedColumns(node);
  let text = 'SELECT';
  // DISTINCT ON was rewritten away by selectStatement (distinct-on.ts).
  if (node.distinctClause !== undefined) text += ' DISTINCT';
  // SQLite needs a column; the engine reports a result with this one name alone as zero columns
  // (src/storage/worker/column-types.ts), as PostgreSQL sends `SELECT FROM t`.
  text += ' ' + (node.targetList?.length ? outputList(st, node.targetList) : 'NULL AS ' + noColumnsName);
  if (node.fromClause?.length) text += ' FROM ' + fromList(st, node.fromClause);
  if (node.whereClause !== undefined) text += ' WHERE ' + expression(st, node.whereClause);
  if (node.groupClause?.length) text += ' GROUP BY ' + groupByList(st, node.groupClause);
  if (node.havingClause !== undefined) text += ' HAVING ' + expression(st, node.havingClause);
  if (node.windowClause?.length) text += ' WINDOW ' + windowClause(st, node.windowClause);
  return text;
}

function groupByList(st: TranslationState, items: Node[]): string {
  for (const item of items) {
    const set = asNode(item, 'GroupingSet');
    if (set !== undefined) {
      const name = set.kind === 'GROUPING_SET_ROLLUP' ? 'ROLLUP' : set.kind === 'GROUPING_SET_CUBE' ? 'CUBE' : 'GROUPING SETS';
      unsupported(st, name, set.location);
    }
  }
  return expressionList(st, items);
}

const setOperators: Record<string, string> = {
  SETOP_UNION: ' UNION ',
  SETOP_INTERSECT: ' INTERSECT ',
  SETOP_EXCEPT: ' EXCEPT ',
};

function setOperation(st: TranslationState, node: SelectStmt): string {
  const left = simpleTargets(node.larg!);
  const right = simpleTargets(node.rarg!);
  if (left !== undefined && right !== undefined && left.length === right.length) checkCommonLiterals(st, left.map((l, i) => [l, right[i]!]));
  let keyword = setOperators[node.op!]!;
  if (node.all) {
    // SQLite has only UNION ALL; INTERSECT/EXCEPT ALL count duplicates, which SQLite cannot.
    if (node.op !== 'SETOP_UNION') unsupported(st, `${keyword.trim()} ALL`);
    keyword += 'ALL ';
  }
  return setOperand(st, node.larg!, false) + keyword + setOperand(st, node.rarg!, true);
}

/**
 * A member of a compound. A right-hand compound must be wrapped: SQLite would otherwise apply the
 * operators left to right, while PostgreSQL's tree says the right side was grouped first.
 */
function setOperand(st: TranslationState, member: SelectStmt, isRight: boolean): string {
  const needsWrap = hasOrderOrLimit(member) || member.withClause !== undefined || !!member.lockingClause?.length || isDistinctOn(member)
    || (isRight && isSetOperation(member));
  if (needsWrap) return 'SELECT * FROM (' + selectStatement(st, member) + ')';
  if (isSetOperation(member)) return setOperation(st, member);
  if (member.valuesLists !== undefined) return valuesList(st, member.valuesLists);
  return scopedSelect(st, member, false);
}

/** ORDER BY, then LIMIT/OFFSET (FETCH FIRST n ROWS ONLY arrives as a LIMIT). */
function orderAndLimit(st: TranslationState, node: SelectStmt): string {
  checkOrderByPositions(node);
  let text = '';
  if (node.sortClause?.length) {
    const outer = st.sortKeyOf;
    st.sortKeyOf = sortKeyResolver(st, node);
    try {
      text += ' ORDER BY ' + sortList(st, node.sortClause);
    } finally {
      st.sortKeyOf = outer;
    }
  }
  if (node.limitOption === 'LIMIT_OPTION_WITH_TIES') unsupported(st, 'FETCH FIRST … WITH TIES', locationOf(node.limitCount));
  // LIMIT ALL / LIMIT NULL / OFFSET NULL mean "no limit"/"no offset"; SQLite rejects a NULL limit
  // (SQLITE_MISMATCH), so a limit only known at run time ($1) gets SQLite's spelling of "none".
  const count = isNullConstant(node.limitCount) ? undefined : limitValue(st, node.limitCount!, '-1');
  const offset = isNullConstant(node.limitOffset) ? undefined : limitValue(st, node.limitOffset!, '0');
  // SQLite has no OFFSET without LIMIT; a negative limit is its "no limit".
  if (count !== undefined) text += ' LIMIT ' + count;
  else if (offset !== undefined) text += ' LIMIT -1';
  if (offset !== undefined) text += ' OFFSET ' + offset;
  return text;
}

function limitValue(st: TranslationState, node: Node, whenNull: string): string {
  const text = expression(st, node);
  return asNode(node, 'A_Const') !== undefined ? text : 'coalesce(' + text + ', ' + whenNull + ')';
}

function isNullConstant(node: Node | undefined): boolean {
  if (node === undefined) return true;
  return asNode(node, 'A_Const')?.isnull === true;
}

function lockingName(node: SelectStmt): string {
  const strength = asNode(node.lockingClause![0], 'LockingClause')?.strength;
  const names: Record<string, string> = {
    LCS_FORUPDATE: 'SELECT FOR UPDATE',
    LCS_FORNOKEYUPDATE: 'SELECT FOR NO KEY UPDATE',
    LCS_FORSHARE: 'SELECT FOR SHARE',
    LCS_FORKEYSHARE: 'SELECT FOR KEY SHARE',
  };
  return names[strength ?? ''] ?? 'SELECT FOR UPDATE/SHARE';
}

/**
 * The type terms of a simple SELECT's ORDER BY items (an output position or alias stands for its
 * target), for sort-clauses.ts: table columns and constants sort as they are, so they have none.
 */
function sortKeyResolver(st: TranslationState, node: SelectStmt): ((key: Node) => SortKey | undefined) | undefined {
  const targets = node.targetList?.map((t) => nodeBody(t, 'ResTarget'));
  if (targets === undefined || (node.op !== undefined && node.op !== 'SETOP_NONE')) return undefined;
  const scope = selectTypeScope(node as AstNode, st.typeScope);
  const names = targets.map((t) => t.name ?? (t.val !== undefined && nodeKind(t.val) !== 'ColumnRef' ? resultColumnName(t.val) : undefined));
  return (key) => {
    let expr: Node | undefined = key;
    let alias: string | undefined;
    const position = asNode(key, 'A_Const')?.ival;
    if (position !== undefined) {
      const i = (position.ival ?? 0) - 1;
      expr = targets[i]?.val;
      alias = names[i];
      // A plain column named by position may be an enum: sorted by the column itself (enum-ordering.ts).
      if (alias === undefined && expr !== undefined && asNode(expr, 'ColumnRef') !== undefined) {
        return { term: null, enumTerm: expressionTerm(expr as AstNode, scope), keyExpression: expr };
      }
      if (alias === undefined || names.filter((n) => n === alias).length > 1) return undefined;
    } else {
      const fields = asNode(key, 'ColumnRef')?.fields;
      const name = fields?.length === 1 ? stringOf(fields[0]) : undefined;
      const i = name === undefined ? -1 : targets.findIndex((t) => t.name === name);
      if (i >= 0) expr = targets[i]!.val;
    }
    const term = expr === undefined ? undefined : computedTerm(expr as AstNode, scope);
    if (term !== undefined) return { term, alias };
    // A plain column or cast may be an enum (enum-ordering.ts); a position without a usable alias is left alone.
    if (expr === undefined || (position !== undefined && alias === undefined)) return undefined;
    return { term: null, alias, enumTerm: expressionTerm(expr as AstNode, scope) };
  };
}
