/**
 * LATERAL subqueries in FROM. SQLite has no LATERAL: a subquery in FROM cannot see the FROM items
 * before it. It does have correlated scalar subqueries, so a LATERAL subquery that yields at most
 * one row per outer row is removed from FROM and each of its columns becomes a correlated scalar
 * subquery wherever the statement names it (through the range scope, as set-returning functions'
 * columns are rewritten):
 *
 *   FROM authors a LEFT JOIN LATERAL (SELECT title … LIMIT 1) b ON true   — b.title →
 *   (WITH pgsqlite_lateral("title") AS (SELECT title … LIMIT 1) SELECT "title" FROM pgsqlite_lateral)
 *
 * A LEFT JOIN … ON true keeps every outer row (the columns are NULL without a row), as does any
 * join with a subquery that always yields exactly one row (an aggregate without GROUP BY, as
 * Drizzle's relational queries send); an inner join with one that may yield no row keeps the
 * outer rows for which it has one (EXISTS). Other shapes are refused with 0A000.
 */
import type { JoinExpr, RangeSubselect, SelectStmt } from 'libpg-query';
import { quoteIdentifier } from './identifiers.js';
import { asNode, nodeBody, nodeKind, stringOf, stringsOf, type Node } from './parse-tree.js';
import { resultColumnName } from './result-column-names.js';
import { selectQuery } from './select-statement.js';
import type { RangeScope, TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

const aggregates = new Set(['count', 'sum', 'avg', 'min', 'max', 'string_agg', 'array_agg', 'json_agg', 'jsonb_agg', 'bool_and', 'bool_or',
  'every', 'json_object_agg', 'jsonb_object_agg']);

/** Functions that return a set of rows in a SELECT list (a row count of their own). */
const setReturning = new Set(['unnest', 'generate_series', 'generate_subscripts', 'json_array_elements', 'jsonb_array_elements',
  'json_array_elements_text', 'jsonb_array_elements_text', 'json_each', 'jsonb_each', 'json_each_text', 'jsonb_each_text', 'json_object_keys',
  'jsonb_object_keys', 'regexp_split_to_table', 'regexp_matches', '_pg_expandarray', 'jsonb_path_query']);

type RowCount = 'one' | 'atMostOne' | 'many';

/** How many rows a subquery yields per outer row, as far as its shape tells. */
export function rowCountOf(select: SelectStmt): RowCount {
  if ((select.op !== undefined && select.op !== 'SETOP_NONE') || select.valuesLists !== undefined) return 'many';
  const limitOne = asNode(select.limitCount, 'A_Const')?.ival?.ival === 1;
  if (select.groupClause?.length || select.havingClause !== undefined || containsCall(select.targetList, setReturning)) {
    return limitOne ? 'atMostOne' : 'many';
  }
  // Without GROUP BY, an aggregating query (or one without FROM) yields exactly one row.
  if (select.fromClause?.length && !containsCall(select.targetList, aggregates)) return limitOne ? 'atMostOne' : 'many';
  const filtered = select.limitOffset !== undefined || (!select.fromClause?.length && select.whereClause !== undefined);
  return filtered ? 'atMostOne' : 'one';
}

/** A call of one of `names` anywhere in the expressions, not counting subqueries and window calls. */
function containsCall(node: unknown, names: Set<string>): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((item) => containsCall(item, names));
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'SubLink') continue;
    if (key === 'FuncCall') {
      const call = value as { funcname?: Node[]; over?: unknown };
      if (call.over === undefined && names.has(stringsOf(call.funcname).at(-1) ?? '')) return true;
    }
    if (containsCall(value, names)) return true;
  }
  return false;
}

/** The scopes removeLateralSubqueries made, told apart from set-returning functions' scopes. */
const lateralScopes = new WeakSet<RangeScope>();

/**
 * A nested SELECT with a FROM clause of its own names its own tables' columns first: an
 * unqualified name that an enclosing LATERAL subquery's scope would rewrite is left as written
 * there (an identity mapping shadows it), so SQLite resolves it among the nested FROM items, or
 * fails, rather than reading the LATERAL column in its place.
 */
export function shadowLateralNames(st: TranslationState, select: SelectStmt): RangeScope | undefined {
  if (!select.fromClause?.length) return undefined;
  let shadow: RangeScope | undefined;
  for (const scope of st.rangeScopes) {
    if (!lateralScopes.has(scope)) continue;
    shadow ??= { qualified: new Map(), unqualified: new Map() };
    for (const name of scope.unqualified.keys()) shadow.unqualified.set(name, quoteIdentifier(name));
  }
  return shadow;
}

/** True when the FROM clause has a LATERAL subquery (cheap test before any rewriting). */
export function hasLateralSubquery(items: Node[] | undefined): boolean {
  const visit = (node: Node): boolean => {
    const sub = asNode(node, 'RangeSubselect');
    if (sub !== undefined) return sub.lateral === true;
    const join = asNode(node, 'JoinExpr');
    return join !== undefined && (visit(join.larg!) || visit(join.rarg!));
  };
  return (items ?? []).some(visit);
}

/**
 * The SELECT without its LATERAL subqueries, and the scope that rewrites references to their
 * columns. Call only when hasLateralSubquery(select.fromClause).
 */
export function removeLateralSubqueries(st: TranslationState, select: SelectStmt): { select: SelectStmt; scope: RangeScope } {
  const scope: RangeScope = { qualified: new Map(), unqualified: new Map() };
  lateralScopes.add(scope);
  const filters: Node[] = [];
  // Rewrites references to the subquery's columns; true when the FROM item is to be removed.
  const replace = (sub: RangeSubselect, join: JoinExpr | undefined): boolean => {
    const query = asNode(sub.subquery, 'SelectStmt');
    const alias = sub.alias?.aliasname;
    if (query === undefined || alias === undefined) return unsupported(st, 'LATERAL subquery that is not a SELECT with an alias', locationOfSub(sub));
    const kind = join?.jointype ?? 'JOIN_INNER';
    if (kind !== 'JOIN_INNER' && kind !== 'JOIN_LEFT') unsupported(st, 'LATERAL subquery in a RIGHT or FULL join', locationOfSub(sub));
    if (join !== undefined && (join.usingClause?.length || join.isNatural)) unsupported(st, 'LATERAL subquery joined with USING or NATURAL', locationOfSub(sub));
    for (const target of select.targetList ?? []) {
      const fields = asNode(nodeBody(target, 'ResTarget').val, 'ColumnRef')?.fields;
      if (fields?.some((f) => asNode(f, 'A_Star') !== undefined) && (fields.length === 1 || stringOf(fields[0]) === alias)) {
        unsupported(st, 'LATERAL subquery with its columns selected by *', nodeBody(target, 'ResTarget').location);
      }
    }
    const names = columnNames(st, query, sub);
    const sql = selectQuery(st, sub.subquery);
    const helper = 'pgsqlite_lateral';
    const columns = names.map(quoteIdentifier).join(', ');
    const rows = rowCountOf(query);
    const onTrue = join?.quals === undefined || isTrue(join.quals);
    if (rows !== 'many' && onTrue) {
      // At most one row: correlated scalar subqueries. An inner join drops the outer rows for
      // which the subquery has no row.
      if (kind === 'JOIN_INNER' && rows !== 'one') filters.push({ SubLink: { subLinkType: 'EXISTS_SUBLINK', subselect: sub.subquery } } as Node);
      for (const name of names) {
        const column = `(WITH ${helper}(${columns}) AS (${sql}) SELECT ${quoteIdentifier(name)} FROM ${helper})`;
        scope.qualified.set(alias + '.' + name, column);
        scope.unqualified.set(name, column);
      }
      return true;
    }
    // Any number of rows: the rows as one JSON array per outer row, joined through json_each
    // (a table-valued function's arguments may read the FROM items before it).
    const item = `pgsqlite_lateral_${++st.lateralItems}`;
    const values = names.map(quoteIdentifier).join(', ');
    st.lateralFromItems.set(sub, `json_each((WITH ${helper}(${columns}) AS (${sql}) SELECT json_group_array(json_array(${values})) FROM ${helper})) AS ${item}`);
    names.forEach((name, i) => {
      const column = `${item}.value ->> ${i}`;
      scope.qualified.set(alias + '.' + name, column);
      scope.unqualified.set(name, column);
    });
    return false;
  };
  // Returns the item with its LATERAL subqueries removed, or undefined when nothing is left.
  const rewrite = (node: Node, isFirst: boolean): Node | undefined => {
    const sub = asNode(node, 'RangeSubselect');
    if (sub?.lateral === true) {
      // Nothing precedes the first FROM item: LATERAL changes nothing there.
      if (isFirst) return { RangeSubselect: { ...sub, lateral: false } } as Node;
      return replace(sub, undefined) ? undefined : node;
    }
    const join = asNode(node, 'JoinExpr');
    if (join === undefined) return node;
    const left = rewrite(join.larg!, isFirst);
    const rightSub = asNode(join.rarg, 'RangeSubselect');
    if (rightSub?.lateral === true && left !== undefined) {
      if (replace(rightSub, join)) return left;
      return { JoinExpr: { ...join, larg: left } } as Node;
    }
    const right = rewrite(join.rarg!, false);
    if (left === undefined || right === undefined) return unsupported(st, 'LATERAL subquery in this join', locationOfSub(rightSub));
    return { JoinExpr: { ...join, larg: left, rarg: right } } as Node;
  };
  const fromClause: Node[] = [];
  for (const item of select.fromClause ?? []) {
    const kept = rewrite(item, fromClause.length === 0);
    if (kept !== undefined) fromClause.push(kept);
  }
  let whereClause = select.whereClause;
  if (filters.length > 0) {
    const args = whereClause === undefined ? filters : [whereClause, ...filters];
    whereClause = args.length === 1 ? args[0] : ({ BoolExpr: { boolop: 'AND_EXPR', args } } as Node);
  }
  return { select: { ...select, fromClause, whereClause }, scope };
}

/** The subquery's output column names: the alias's column list, else PostgreSQL's names. */
function columnNames(st: TranslationState, query: SelectStmt, sub: RangeSubselect): string[] {
  let select = query;
  while (select.op !== undefined && select.op !== 'SETOP_NONE' && select.larg !== undefined) select = select.larg;
  const names = (select.targetList ?? []).map((t) => {
    const target = nodeBody(t, 'ResTarget');
    const fields = asNode(target.val, 'ColumnRef')?.fields;
    if (fields?.some((f) => asNode(f, 'A_Star') !== undefined)) unsupported(st, 'LATERAL subquery with * in its select list', target.location);
    return target.name ?? stringOf(fields?.at(-1)) ?? resultColumnName(target.val);
  });
  const renamed = stringsOf(sub.alias?.colnames);
  return names.map((name, i) => renamed[i] ?? name);
}

function isTrue(node: Node): boolean {
  if (asNode(node, 'A_Const')?.boolval?.boolval === true) return true;
  const cast = asNode(node, 'TypeCast');
  return cast !== undefined && asNode(cast.arg, 'A_Const')?.sval?.sval === 'true' && stringsOf(cast.typeName?.names).at(-1) === 'bool';
}

function locationOfSub(sub: RangeSubselect | undefined): number | undefined {
  const query = sub?.subquery;
  if (query === undefined) return undefined;
  const body = nodeBody(query, nodeKind(query)) as { location?: number };
  return body.location;
}
