/**
 * GROUP BY ROLLUP / CUBE / GROUPING SETS, which SQLite lacks: the statement becomes a UNION ALL of
 * one grouped SELECT per grouping set, in which the grouping expressions left out of that set are
 * NULL (outside aggregate arguments) and grouping(…) is the constant bit mask PostgreSQL computes
 * for it. ORDER BY and LIMIT apply to the union, so an ORDER BY item must name an output column
 * (by position, alias, or the same expression as a SELECT-list entry). Window functions and
 * SELECT DISTINCT would see one branch at a time, so they are refused with 0A000.
 */
import type { SelectStmt } from 'libpg-query';
import { asNode, type Node } from './parse-tree.js';
import { resultColumnName } from './result-column-names.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

type Json = Record<string, unknown>;

export function hasGroupingSets(node: SelectStmt): boolean {
  return (node.groupClause ?? []).some((item) => asNode(item, 'GroupingSet') !== undefined);
}

/** The expression's shape without parse locations, for comparing expressions. */
function shape(node: unknown): string {
  return JSON.stringify(node, (key, value) => (key === 'location' ? undefined : value));
}

function elements(node: Node): Node[] {
  const row = asNode(node, 'RowExpr');
  if (row !== undefined) return row.args ?? [];
  const set = asNode(node, 'GroupingSet');
  if (set?.kind === 'GROUPING_SET_EMPTY') return [];
  if (set?.kind === 'GROUPING_SET_SIMPLE') return set.content ?? [];
  return [node];
}

/** The grouping sets one GROUP BY item stands for, each a list of expressions. */
export function expandGroupingItem(item: Node): Node[][] {
  const set = asNode(item, 'GroupingSet');
  if (set === undefined) return [elements(item)];
  const content = set.content ?? [];
  switch (set.kind) {
    case 'GROUPING_SET_EMPTY':
      return [[]];
    case 'GROUPING_SET_SIMPLE':
      return [content.flatMap(elements)];
    case 'GROUPING_SET_ROLLUP': {
      const parts = content.map(elements);
      const sets: Node[][] = [];
      for (let n = parts.length; n >= 0; n--) sets.push(parts.slice(0, n).flat());
      return sets;
    }
    case 'GROUPING_SET_CUBE': {
      const parts = content.map(elements);
      const sets: Node[][] = [];
      // Larger sets first, as PostgreSQL lists them (the order is only visible without ORDER BY).
      for (let mask = (1 << parts.length) - 1; mask >= 0; mask--) {
        sets.push(parts.filter((_, i) => (mask & (1 << (parts.length - 1 - i))) !== 0).flat());
      }
      return sets;
    }
    default:
      return content.flatMap((c) => expandGroupingItem(c));
  }
}

/** GROUP BY's items combined: one set from each item, concatenated (the cross product). */
export function groupingSets(items: Node[], distinct: boolean): Node[][] {
  let sets: Node[][] = [[]];
  for (const item of items) {
    const choices = expandGroupingItem(item);
    sets = sets.flatMap((prefix) => choices.map((choice) => [...prefix, ...choice]));
  }
  if (!distinct) return sets;
  const seen = new Set<string>();
  return sets.filter((set) => {
    const key = [...new Set(set.map(shape))].sort().join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const aggregateNames = new Set(['count', 'sum', 'avg', 'min', 'max', 'string_agg', 'array_agg', 'json_agg', 'jsonb_agg',
  'json_object_agg', 'jsonb_object_agg', 'bool_and', 'bool_or', 'every', 'stddev', 'stddev_samp', 'stddev_pop', 'variance',
  'var_samp', 'var_pop', 'bit_and', 'bit_or', 'bit_xor', 'any_value', 'group_concat', 'total']);

function isAggregate(call: Json): boolean {
  const names = (call.funcname as Json[] | undefined) ?? [];
  const name = ((names[names.length - 1]?.String as Json | undefined)?.sval as string | undefined) ?? '';
  return aggregateNames.has(name) || !!call.agg_star || !!call.agg_distinct || !!call.agg_within_group
    || call.agg_filter !== undefined || ((call.agg_order as unknown[] | undefined)?.length ?? 0) > 0;
}

const nullConstant = (): Node => ({ A_Const: { isnull: true } }) as Node;

/**
 * `value` for one grouping set: expressions grouped elsewhere but not here become NULL,
 * grouping(…) its bit mask; aggregate arguments are left alone (they see the rows, not the group).
 */
function forSet(value: unknown, all: Set<string>, here: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => forSet(v, all, here));
  if (value === null || typeof value !== 'object') return value;
  const node = value as Json;
  const key = shape(node);
  if (all.has(key) && !here.has(key)) return nullConstant();
  if (node.GroupingFunc !== undefined) {
    const args = ((node.GroupingFunc as Json).args as unknown[] | undefined) ?? [];
    let mask = 0;
    for (const arg of args) mask = (mask << 1) | (here.has(shape(arg)) ? 0 : 1);
    // Typed, as grouping() is integer (a bare constant in a UNION would be typed by its value).
    return { TypeCast: { arg: { A_Const: { ival: { ival: mask } } }, typeName: { names: [{ String: { sval: 'pg_catalog' } }, { String: { sval: 'int4' } }], typemod: -1 } } };
  }
  if (node.FuncCall !== undefined && isAggregate(node.FuncCall as Json)) return node;
  if (node.SelectStmt !== undefined) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = forSet(v, all, here);
  return out;
}

function containsAggregate(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsAggregate);
  if (value === null || typeof value !== 'object') return false;
  const node = value as Json;
  if (node.FuncCall !== undefined && isAggregate(node.FuncCall as Json)) return true;
  if (node.SelectStmt !== undefined) return false;
  return Object.values(node).some(containsAggregate);
}

function containsKey(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((v) => containsKey(v, key));
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value as Json).some(([k, v]) => (k === key && v !== undefined) || containsKey(v, key));
}

/** The SELECT as a UNION ALL of one grouped SELECT per grouping set (see the file comment). */
export function rewriteGroupingSets(st: TranslationState, node: SelectStmt): SelectStmt {
  if (node.distinctClause !== undefined) unsupported(st, 'SELECT DISTINCT with GROUPING SETS, ROLLUP or CUBE', undefined);
  if (containsKey(node.targetList, 'over') || containsKey(node.sortClause, 'over') || node.windowClause?.length) {
    unsupported(st, 'window functions with GROUPING SETS, ROLLUP or CUBE', undefined);
  }
  const targets = (node.targetList ?? []).map((t) => asNode(t, 'ResTarget')!);
  // GROUP BY 2 names the second output column's expression.
  const resolvePosition = (e: Node): Node => {
    const position = asNode(e, 'A_Const')?.ival?.ival;
    return position !== undefined && targets[position - 1]?.val !== undefined ? targets[position - 1]!.val! : e;
  };
  const sets = groupingSets(node.groupClause ?? [], !!node.groupDistinct).map((set) => set.map(resolvePosition));
  const all = new Set(sets.flat().map(shape));
  // Each branch names its columns as the original would be named (a NULL would be "?column?").
  const namedTargets = targets.map((t) => ({ ResTarget: { ...t, name: t.name ?? (isStar(t.val) ? undefined : resultColumnName(t.val)) } }) as Node);
  const branches = sets.map((set): SelectStmt => {
    const here = new Set(set.map(shape));
    if (set.length === 0 && !containsAggregate(node.targetList) && !containsAggregate(node.havingClause)) {
      // The empty set is one group even without aggregates or rows; its SELECT list can only hold
      // constants and grouped expressions (all NULL here), so it needs no FROM.
      return {
        targetList: forSet(namedTargets, all, here) as Node[],
        whereClause: node.havingClause === undefined ? undefined : forSet(node.havingClause, all, here) as Node,
        op: 'SETOP_NONE',
      } as SelectStmt;
    }
    return {
      targetList: forSet(namedTargets, all, here) as Node[],
      fromClause: node.fromClause,
      whereClause: node.whereClause,
      groupClause: set.length > 0 ? set : undefined,
      havingClause: node.havingClause === undefined ? undefined : forSet(node.havingClause, all, here) as Node,
      op: 'SETOP_NONE',
    } as SelectStmt;
  });
  let union = branches[0]!;
  for (const branch of branches.slice(1)) {
    union = { op: 'SETOP_UNION', all: true, larg: union, rarg: branch } as SelectStmt;
  }
  return {
    ...union,
    withClause: node.withClause,
    sortClause: node.sortClause?.map((item) => outputSortItem(st, item, targets)),
    limitCount: node.limitCount,
    limitOffset: node.limitOffset,
    limitOption: node.limitOption,
  } as SelectStmt;
}

function isStar(value: Node | undefined): boolean {
  return asNode(value, 'ColumnRef')?.fields?.some((f) => asNode(f, 'A_Star') !== undefined) ?? false;
}

/** An ORDER BY item over the union: the output column's position. */
function outputSortItem(st: TranslationState, item: Node, targets: { name?: string; val?: Node }[]): Node {
  const sortBy = asNode(item, 'SortBy')!;
  const key = sortBy.node!;
  if (asNode(key, 'A_Const')?.ival !== undefined) return item;
  const fields = asNode(key, 'ColumnRef')?.fields;
  const name = fields?.length === 1 ? asNode(fields[0], 'String')?.sval : undefined;
  let index = name !== undefined ? targets.findIndex((t) => t.name === name) : -1;
  if (index < 0) index = targets.findIndex((t) => t.val !== undefined && shape(t.val) === shape(key));
  if (index < 0 && name !== undefined) index = targets.findIndex((t) => t.name === undefined && resultColumnName(t.val) === name);
  if (index < 0) unsupported(st, 'ORDER BY an expression that is not an output column with GROUPING SETS, ROLLUP or CUBE', sortBy.location);
  return { SortBy: { ...sortBy, node: { A_Const: { ival: { ival: index + 1 } } } } } as Node;
}
