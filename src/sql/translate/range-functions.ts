/**
 * Set-returning functions in FROM (generate_series, unnest, json(b)_each(_text),
 * json(b)_array_elements(_text), json(b)_object_keys, regexp_split_to_table) as the table-valued
 * functions of catalog/set-returning-functions.ts, and the single set-returning function of a
 * SELECT list (`SELECT unnest(a) FROM t`) moved into FROM as PostgreSQL evaluates it: once per row.
 *
 * Column names follow PostgreSQL: the alias's column list, else the function's own columns
 * (key/value), else the alias (for a function returning a scalar), and the alias alone stands for
 * a one-column function's value (`FROM jsonb_array_elements(j) e … e ->> 'sku'`). SQLite has no
 * column list on a table-valued function and no whole-row reference, so:
 * - arguments without column references: `(SELECT value AS "n", rowid AS "ordinality" FROM
 *   pgsqlite_f(…)) AS g`, and `g` alone is rewritten to `g."n"`;
 * - arguments over earlier FROM items (PostgreSQL's implicit LATERAL): the function stays a FROM
 *   item, `pgsqlite_f(t.j) AS e`, which SQLite evaluates per row, and references to its columns
 *   (`e`, `e.value`, `n`) are rewritten to its own (`e."value"`, `e.rowid` for ordinality).
 * The rewrites are scoped to the SELECT whose FROM holds the function (and its subqueries).
 */
import type { FuncCall, RangeFunction, SelectStmt } from 'libpg-query';
import { expression } from './expressions.js';
import { quoteIdentifier } from './identifiers.js';
import { asNode, nodeBody, nodeKind, stringsOf, type Node } from './parse-tree.js';
import type { RangeScope, TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

/** Each function's columns; null: one column, named after the alias. */
const functionColumns: Record<string, { columns: string[] | null; args: [min: number, max: number] }> = {
  generate_series: { columns: null, args: [2, 3] },
  unnest: { columns: null, args: [1, 1] },
  regexp_split_to_table: { columns: null, args: [2, 3] },
  regexp_matches: { columns: null, args: [2, 3] },
  json_object_keys: { columns: null, args: [1, 1] },
  jsonb_object_keys: { columns: null, args: [1, 1] },
  json_each: { columns: ['key', 'value'], args: [1, 1] },
  jsonb_each: { columns: ['key', 'value'], args: [1, 1] },
  json_each_text: { columns: ['key', 'value'], args: [1, 1] },
  jsonb_each_text: { columns: ['key', 'value'], args: [1, 1] },
  json_array_elements: { columns: ['value'], args: [1, 1] },
  jsonb_array_elements: { columns: ['value'], args: [1, 1] },
  json_array_elements_text: { columns: ['value'], args: [1, 1] },
  jsonb_array_elements_text: { columns: ['value'], args: [1, 1] },
  // Catalog walkers (catalog/catalog-vectors.ts): _pg_expandarray's (x, n) record is one JSON value.
  _pg_expandarray: { columns: null, args: [1, 1] },
  generate_subscripts: { columns: null, args: [2, 3] },
  // Element walkers of one SELECT list in lockstep (hoistSetReturningFunction); never named by a query.
  pgsqlite_lockstep: { columns: ['v1', 'v2', 'v3', 'v4'], args: [3, 9] },
};

/** Functions that PostgreSQL defines outside pg_catalog (and the internal one, under no schema a query can name). */
const functionSchemas: Record<string, string> = { _pg_expandarray: 'information_schema', pgsqlite_lockstep: 'pgsqlite_internal' };

/** The single call of a supported set-returning RangeFunction, or undefined. */
function setReturningCall(node: RangeFunction): { call: FuncCall; name: string } | undefined {
  if (node.is_rowsfrom || (node.functions?.length ?? 0) !== 1) return undefined;
  const call = asNode(asNode(node.functions![0], 'List')?.items?.[0], 'FuncCall');
  if (call === undefined) return undefined;
  const name = setReturningName(call);
  return name === undefined ? undefined : { call, name };
}

function setReturningName(call: FuncCall): string | undefined {
  const parts = stringsOf(call.funcname);
  const name = parts[parts.length - 1]!;
  if (parts.length > 2 || (parts.length === 2 && parts[0] !== (functionSchemas[name] ?? 'pg_catalog'))) return undefined;
  return functionColumns[name] !== undefined ? name : undefined;
}

interface Shape {
  alias: string;
  /** PostgreSQL's column names, then the table-valued function's own column (or rowid). */
  columns: { name: string; own: string }[];
  /** Whether the alias alone stands for the (single) value column. */
  wholeRow: boolean;
}

function shapeOf(node: RangeFunction, name: string): Shape {
  const alias = node.alias?.aliasname ?? name;
  const given = stringsOf(node.alias?.colnames);
  const fixed = functionColumns[name]!.columns;
  const own = fixed ?? ['value'];
  const columns = own.map((column, i) => ({ name: given[i] ?? fixed?.[i] ?? alias, own: column }));
  if (node.ordinality) columns.push({ name: given[own.length] ?? 'ordinality', own: 'rowid' });
  return { alias, columns, wholeRow: own.length === 1 };
}

/** Whether an expression tree reads columns (of an earlier FROM item or an outer query). */
function readsColumns(nodes: Node[] | undefined): boolean {
  return nodes !== undefined && JSON.stringify(nodes).includes('"ColumnRef"');
}

/** SQL for a supported set-returning function in FROM, or undefined for any other function. */
export function rangeFunction(st: TranslationState, node: RangeFunction): string | undefined {
  const found = setReturningCall(node);
  if (found === undefined) return undefined;
  const { call, name } = found;
  const [min, max] = functionColumns[name]!.args;
  const count = call.args?.length ?? 0;
  if (call.agg_star || call.agg_distinct || call.over !== undefined) return undefined;
  if (count < min || count > max) {
    if (name === 'unnest' && count > 1) return unsupported(st, 'unnest() of several arrays', call.location);
    return undefined;
  }
  const args = (call.args ?? []).map((arg) => expression(st, arg)).join(', ');
  const shape = shapeOf(node, name);
  const alias = quoteIdentifier(shape.alias);
  const fn = `pgsqlite_${name}(${args})`;
  if (readsColumns(call.args)) return fn + ' AS ' + alias;
  const select = shape.columns.map((c) => `${c.own} AS ${quoteIdentifier(c.name)}`).join(', ');
  return `(SELECT ${select} FROM ${fn}) AS ${alias}`;
}

/** The rewrites for the set-returning functions among these FROM items. */
export function rangeScope(items: Node[] | undefined): RangeScope | undefined {
  let scope: RangeScope | undefined;
  const visit = (item: Node) => {
    const kind = nodeKind(item);
    if (kind === 'JoinExpr') {
      const join = nodeBody(item, 'JoinExpr');
      if (join.larg) visit(join.larg);
      if (join.rarg) visit(join.rarg);
      return;
    }
    if (kind !== 'RangeFunction') return;
    const body = nodeBody(item, 'RangeFunction');
    const found = setReturningCall(body);
    if (found === undefined) return;
    const shape = shapeOf(body, found.name);
    const alias = quoteIdentifier(shape.alias);
    const direct = readsColumns(found.call.args);
    scope ??= { qualified: new Map(), unqualified: new Map() };
    // The subquery form already has PostgreSQL's column names; only the alias alone needs a rewrite.
    if (direct) {
      for (const column of shape.columns) {
        const sql = alias + '.' + quoteIdentifier(column.own);
        scope.qualified.set(shape.alias + '.' + column.name, sql);
        scope.unqualified.set(column.name, sql);
      }
    }
    const first = shape.columns[0]!;
    if (shape.wholeRow && (direct || first.name !== shape.alias)) {
      scope.unqualified.set(shape.alias, alias + '.' + quoteIdentifier(direct ? first.own : first.name));
    }
  };
  for (const item of items ?? []) visit(item);
  return scope;
}

/** A column reference rewritten for a set-returning function in scope, or undefined. */
export function rangeColumn(st: TranslationState, fields: (string | undefined)[]): string | undefined {
  if (st.rangeScopes.length === 0) return undefined;
  const key = fields.length === 1 ? fields[0] : fields.length === 2 ? fields[0] + '.' + fields[1] : undefined;
  if (key === undefined || fields.some((f) => f === undefined)) return undefined;
  for (let i = st.rangeScopes.length - 1; i >= 0; i--) {
    const scope = st.rangeScopes[i]!;
    const sql = fields.length === 1 ? scope.unqualified.get(key) : scope.qualified.get(key);
    if (sql !== undefined) return sql;
  }
  return undefined;
}

/** Runs a SELECT's translation with its FROM items' set-returning functions in scope. */
export function withRangeScope<T>(st: TranslationState, items: Node[] | undefined, translate: () => T): T {
  const scope = rangeScope(items);
  if (scope === undefined) return translate();
  st.rangeScopes.push(scope);
  try {
    return translate();
  } finally {
    st.rangeScopes.pop();
  }
}

/**
 * `SELECT f(…) [, …] FROM …` with one supported set-returning function in the SELECT list becomes
 * `SELECT <its value> … FROM …, f(…)`: one output row per row of the function for each input row,
 * as PostgreSQL evaluates a lone set-returning function. Other shapes (several functions,
 * aggregates, GROUP BY, DISTINCT) are refused with 0A000. Returns the statement unchanged when the
 * SELECT list has no set-returning function.
 */
export function hoistSetReturningFunction(st: TranslationState, node: SelectStmt): SelectStmt {
  const targets = node.targetList ?? [];
  const calls: { target: number; call: FuncCall }[] = [];
  targets.forEach((target, i) => findCalls(asNode(target, 'ResTarget')?.val, (call) => calls.push({ target: i, call })));
  if (calls.length === 0) return node;
  const first = calls[0]!.call;
  // Equal calls (same function, same arguments) are one function in FROM (pgjdbc:
  // `(_pg_expandarray(k)).n, _pg_expandarray(k) AS keys`). Different ones run in lockstep in
  // PostgreSQL, the shorter padded with NULLs: for up to four element walkers (unnest of one array,
  // generate_subscripts(a, dim), _pg_expandarray) that is pgsqlite_lockstep (SQLAlchemy's index
  // reflection: `unnest(indkey), unnest(indclass), generate_subscripts(indkey, 1)`).
  const groups: FuncCall[] = [];
  const keys: string[] = [];
  for (const { call } of calls) {
    const key = callKey(call);
    if (!keys.includes(key)) {
      keys.push(key);
      groups.push(call);
    }
  }
  if (groups.length > 1 && !areElementWalkers(groups)) {
    return unsupported(st, 'several set-returning functions in a SELECT list', groups[1]!.location);
  }
  if (node.groupClause?.length || node.havingClause !== undefined || node.distinctClause !== undefined || node.windowClause?.length) {
    return unsupported(st, 'a set-returning function in a SELECT list with GROUP BY, HAVING, DISTINCT or WINDOW', first.location);
  }
  const alias = 'pgsqlite_srf';
  const lockstep = groups.length > 1;
  const reference = (g: number): Node => ({
    ColumnRef: { fields: [{ String: { sval: alias } }, ...(lockstep ? [{ String: { sval: `v${g + 1}` } }] : [])] },
  });
  const replaced = targets.map((target, i) => {
    const body = nodeBody(target, 'ResTarget');
    if (!calls.some((c) => c.target === i)) return target;
    const whole = asNode(body.val, 'FuncCall');
    const wholeGroup = whole === undefined ? -1 : keys.indexOf(callKey(whole));
    let val = body.val!;
    keys.forEach((key, g) => {
      val = replaceCall(val, key, reference(g));
    });
    const name = body.name ?? (wholeGroup >= 0 ? setReturningName(groups[wholeGroup]!) : undefined);
    return { ResTarget: { ...body, val, ...(name !== undefined ? { name } : {}) } } as Node;
  });
  const call: FuncCall = lockstep ? lockstepCall(groups) : first;
  const item: Node = {
    RangeFunction: { functions: [{ List: { items: [{ FuncCall: call }, {} as Node] } }], alias: { aliasname: alias } },
  };
  return { ...node, targetList: replaced, fromClause: [...(node.fromClause ?? []), item] };
}

const elementWalkers = new Set(['unnest', 'generate_subscripts', '_pg_expandarray']);

/** Whether these calls can run as one pgsqlite_lockstep: up to four walkers of one array each. */
function areElementWalkers(calls: FuncCall[]): boolean {
  return calls.length <= 4 && calls.every((call) => {
    const name = setReturningName(call) ?? '';
    return elementWalkers.has(name) && (call.args?.length ?? 0) === (name === 'generate_subscripts' ? 2 : 1);
  });
}

function lockstepCall(calls: FuncCall[]): FuncCall {
  const names = calls.map((call) => setReturningName(call)!);
  const args: Node[] = [{ A_Const: { sval: { sval: JSON.stringify(names) } } } as Node];
  // No NULL placeholder: SQLite would compare the virtual table's hidden column with it and drop every row.
  for (const call of calls) args.push(call.args![0]!, call.args![1] ?? ({ A_Const: { ival: { ival: 0 } } } as Node));
  return { funcname: [{ String: { sval: 'pgsqlite_internal' } }, { String: { sval: 'pgsqlite_lockstep' } }], args, funcformat: 'COERCE_EXPLICIT_CALL' } as FuncCall;
}

/** Calls of supported set-returning functions in an expression, not descending into subqueries. */
function findCalls(node: unknown, found: (call: FuncCall) => void): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) findCalls(item, found);
    return;
  }
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'SubLink') continue;
    if (key === 'FuncCall') {
      const call = value as FuncCall;
      if (setReturningName(call) !== undefined && call.over === undefined && !call.agg_star) {
        found(call);
        continue;
      }
    }
    findCalls(value, found);
  }
}

/** A call's parse tree without source locations: equal keys are the same call. */
function callKey(call: FuncCall): string {
  return JSON.stringify(call, (k, v: unknown) => (k === 'location' ? undefined : v));
}

function replaceCall(node: Node, key: string, by: Node): Node {
  const walk = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(walk);
    const record = value as Record<string, unknown>;
    if (record.SubLink !== undefined) return value;
    if (record.FuncCall !== undefined && callKey(record.FuncCall as FuncCall) === key) return by;
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, walk(v)]));
  };
  return walk(node) as Node;
}
