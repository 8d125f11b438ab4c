/**
 * SELECT DISTINCT ON (e, …) — the first row of each group of equal `e` in ORDER BY order. SQLite
 * has no such clause; the statement is rewritten on the parse tree into
 *
 *   SELECT pgsqlite_distinct_1 AS <name>, … FROM (
 *     SELECT <target> AS pgsqlite_distinct_1, …, <sort key> AS pgsqlite_sort_1, …,
 *            row_number() OVER (PARTITION BY e, … ORDER BY <sort keys>) AS pgsqlite_distinct_row
 *     FROM … WHERE … GROUP BY … HAVING …) AS pgsqlite_distinct
 *   WHERE pgsqlite_distinct_row = 1 ORDER BY pgsqlite_sort_1, … LIMIT … OFFSET …
 *
 * which keeps the output names, the outer ORDER BY (sort keys need not be output columns) and
 * LIMIT after the de-duplication, as PostgreSQL applies them.
 */
import type { SelectStmt, SortBy } from 'libpg-query';
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { asNode, isEmptyNode, nodeBody, stringOf, type Node } from './parse-tree.js';
import { resultColumnName } from './result-column-names.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

/** True for `SELECT DISTINCT ON (…)` (plain DISTINCT arrives as one empty node). */
export function isDistinctOn(node: SelectStmt): boolean {
  return node.distinctClause !== undefined && !(node.distinctClause.length === 1 && isEmptyNode(node.distinctClause[0]));
}

const subqueryAlias = 'pgsqlite_distinct';
const rowColumn = 'pgsqlite_distinct_row';

function columnRef(...names: string[]): Node {
  return { ColumnRef: { fields: names.map((sval) => ({ String: { sval } })) } } as Node;
}

/** The DISTINCT ON statement as an equivalent statement without it (see the module comment). */
export function rewriteDistinctOn(st: TranslationState, node: SelectStmt): SelectStmt {
  const targets = (node.targetList ?? []).map((t) => nodeBody(t, 'ResTarget'));
  if (targets.length === 0) unsupported(st, 'DISTINCT ON with an empty target list');
  for (const target of targets) {
    if (asNode(target.val, 'ColumnRef')?.fields?.some((f) => asNode(f, 'A_Star') !== undefined)) {
      unsupported(st, 'DISTINCT ON with * in the select list', target.location);
    }
  }
  // ORDER BY and DISTINCT ON items name output columns by position or by output name.
  const resolve = (item: Node): Node => {
    const position = asNode(item, 'A_Const')?.ival;
    if (position !== undefined) {
      const target = targets[(position.ival ?? 0) - 1];
      if (target === undefined) {
        throw new PgError({ code: SqlState.invalidColumnReference, message: `SELECT DISTINCT ON position ${position.ival ?? 0} is not in select list` });
      }
      return target.val!;
    }
    const fields = asNode(item, 'ColumnRef')?.fields;
    const name = fields?.length === 1 ? stringOf(fields[0]) : undefined;
    const named = name === undefined ? undefined : targets.find((t) => t.name === name);
    return named?.val ?? item;
  };
  const distinct = node.distinctClause!.map(resolve);
  const sorts = (node.sortClause ?? []).map((s) => nodeBody(s, 'SortBy'));
  const sortKeys = sorts.map((s) => resolve(s.node!));
  checkLeadingOrder(distinct, sortKeys);

  const innerTargets: Node[] = targets.map((t, i) => ({ ResTarget: { val: t.val, name: `${subqueryAlias}_${i + 1}` } }) as Node);
  sortKeys.forEach((key, i) => innerTargets.push({ ResTarget: { val: key, name: `pgsqlite_sort_${i + 1}` } } as Node));
  const windowOrder = sorts.map((s, i): Node => ({ SortBy: { ...s, node: sortKeys[i] } }) as Node);
  innerTargets.push({
    ResTarget: {
      name: rowColumn,
      val: {
        FuncCall: {
          funcname: [{ String: { sval: 'row_number' } }],
          over: { partitionClause: distinct, orderClause: windowOrder, frameOptions: 1058 },
          funcformat: 'COERCE_EXPLICIT_CALL',
        },
      },
    },
  } as Node);
  const inner: SelectStmt = {
    ...node, distinctClause: undefined, targetList: innerTargets, sortClause: undefined, withClause: undefined,
    limitCount: undefined, limitOffset: undefined, limitOption: undefined,
  };
  const outerTargets = targets.map((t, i): Node => ({
    ResTarget: { name: t.name ?? outputName(t.val), val: columnRef(`${subqueryAlias}_${i + 1}`) },
  }) as Node);
  return {
    targetList: outerTargets,
    fromClause: [{ RangeSubselect: { subquery: { SelectStmt: inner }, alias: { aliasname: subqueryAlias } } } as Node],
    whereClause: {
      A_Expr: { kind: 'AEXPR_OP', name: [{ String: { sval: '=' } }], lexpr: columnRef(rowColumn), rexpr: { A_Const: { ival: { ival: 1 } } } },
    } as Node,
    sortClause: sorts.map((s: SortBy, i): Node => ({ SortBy: { ...s, node: columnRef(`pgsqlite_sort_${i + 1}`) } }) as Node),
    limitCount: node.limitCount,
    limitOffset: node.limitOffset,
    limitOption: node.limitOption,
    withClause: node.withClause,
    op: 'SETOP_NONE',
  };
}

/** PostgreSQL's name for an output column without AS (a column reference keeps the column's name). */
function outputName(val: Node | undefined): string {
  const fields = asNode(val, 'ColumnRef')?.fields;
  const column = stringOf(fields?.at(-1));
  return column ?? resultColumnName(val);
}

/**
 * 42P10 unless every DISTINCT ON expression is among the leading ORDER BY items (PostgreSQL's
 * transformDistinctOnClause: the check applies once ORDER BY has an item that is not one of them).
 */
function checkLeadingOrder(distinct: Node[], sortKeys: Node[]): void {
  const distinctKeys = distinct.map(shape);
  const leading = new Set<string>();
  let skipped = false;
  for (const key of sortKeys.map(shape)) {
    if (distinctKeys.includes(key)) {
      if (!skipped) leading.add(key);
    } else {
      skipped = true;
    }
  }
  if (skipped && distinctKeys.some((k) => !leading.has(k))) {
    throw new PgError({
      code: SqlState.invalidColumnReference,
      message: 'SELECT DISTINCT ON expressions must match initial ORDER BY expressions',
    });
  }
}

/** An expression's tree without source positions, for comparing expressions. */
function shape(node: Node): string {
  return JSON.stringify(node, (key, value: unknown) => (key === 'location' ? undefined : value));
}
