import { nodeType, type AstNode } from './parser.js';
import { declaredTypeOfTypeName } from './types/declared-type.js';
import {
  BOOL, DATE, evaluateTerm, foldTerm, INT4, INT8, JSON_, JSONB, NAME, needsColumns, NUMERIC, resolved, TEXT, TIME, TIMESTAMP, TIMESTAMPTZ, UNKNOWN,
  type Term,
} from './types/type-terms.js';

/**
 * Output column types from the parse tree: each output column becomes a type term
 * (types/type-terms.ts) over literals, casts, operators, functions and column references, resolved
 * through the statement's FROM items, CTEs and subqueries. A term that needs no table column is a
 * type hint (an OID) here; one that does is a recipe the engine evaluates with the tables' declared
 * types when it prepares the statement. null = not known: the engine then uses the declared column
 * type (plain column references) or the first row's value.
 */

const TIMETZ = 1266;

const sqlValueFunctionTypes: Record<string, number> = {
  SVFOP_CURRENT_DATE: DATE, SVFOP_CURRENT_TIME: TIMETZ, SVFOP_CURRENT_TIME_N: TIMETZ,
  SVFOP_CURRENT_TIMESTAMP: TIMESTAMPTZ, SVFOP_CURRENT_TIMESTAMP_N: TIMESTAMPTZ,
  SVFOP_LOCALTIME: TIME, SVFOP_LOCALTIME_N: TIME, SVFOP_LOCALTIMESTAMP: TIMESTAMP, SVFOP_LOCALTIMESTAMP_N: TIMESTAMP,
  SVFOP_CURRENT_ROLE: NAME, SVFOP_CURRENT_USER: NAME, SVFOP_USER: NAME, SVFOP_SESSION_USER: NAME,
  SVFOP_CURRENT_CATALOG: NAME, SVFOP_CURRENT_SCHEMA: NAME,
};

/** What a name in FROM (or a CTE name) stands for. */
type Relation =
  | { kind: 'table'; name: string }
  /** A subquery, CTE, VALUES or function: its columns' terms by name (undefined: no such column). */
  | { kind: 'derived'; column: (name: string) => Term | undefined; columns?: Term[]; names?: string[] };

interface Scope {
  items: { alias: string; relation: Relation }[];
  ctes: Map<string, Relation>;
  parent?: Scope;
}

function names(list: AstNode[] | undefined): string[] {
  return (list ?? []).map((n) => n.String?.sval ?? '').filter(Boolean);
}

function lastName(list: AstNode[] | undefined): string {
  return names(list).at(-1) ?? '';
}

/** A constant's type; integers beyond int4 are int8 and beyond int8 numeric, as PostgreSQL reads them. */
function constantType(node: AstNode): Term {
  if (node.isnull) return UNKNOWN;
  if (node.ival !== undefined) return INT4;
  if (node.fval !== undefined) {
    const text: string = node.fval.fval ?? '';
    if (/^-?\d+$/.test(text)) {
      const value = BigInt(text);
      return value >= -9223372036854775808n && value <= 9223372036854775807n ? INT8 : NUMERIC;
    }
    return NUMERIC;
  }
  if (node.boolval !== undefined) return BOOL;
  if (node.sval !== undefined) return UNKNOWN;
  return null;
}

function lookupCte(scope: Scope | undefined, name: string): Relation | undefined {
  for (let s = scope; s; s = s.parent) {
    const found = s.ctes.get(name);
    if (found) return found;
  }
  return undefined;
}

function columnTerm(relation: Relation, column: string): Term | undefined {
  if (relation.kind === 'table') return { col: column, from: [relation.name] };
  return relation.column(column);
}

function columnRefTerm(node: AstNode, scope: Scope | undefined): Term {
  const fields: AstNode[] = node.fields ?? [];
  if (fields.some((f) => f.A_Star)) return null;
  const parts = fields.map((f) => f.String?.sval as string);
  const column = parts.at(-1)!;
  for (let s = scope; s; s = s.parent) {
    if (parts.length >= 2) {
      const qualifier = parts.at(-2)!;
      const item = s.items.find((i) => i.alias === qualifier);
      if (item) return columnTerm(item.relation, column) ?? null;
      continue;
    }
    const tables: string[] = [];
    for (const item of s.items) {
      if (item.relation.kind === 'table') tables.push(item.relation.name);
      else {
        const term = item.relation.column(column);
        if (term !== undefined) return term;
      }
    }
    if (tables.length > 0) return { col: column, from: tables };
  }
  return null;
}

/** The term of an expression in the given scope. */
function termOf(expr: AstNode | undefined, scope: Scope | undefined): Term {
  if (!expr) return null;
  const type = nodeType(expr);
  const node = expr[type];
  const args = (list: AstNode[] | undefined) => (list ?? []).map((a) => termOf(a, scope));
  switch (type) {
    case 'A_Const':
      return constantType(node);
    case 'ColumnRef':
      return columnRefTerm(node, scope);
    case 'TypeCast':
      return declaredTypeOfTypeName(node.typeName)?.oid ?? null;
    case 'FuncCall': {
      const name = lastName(node.funcname);
      if (name === 'count' && node.agg_star) return INT8;
      // Ordered-set aggregates: the WITHIN GROUP ORDER BY expression follows the direct arguments.
      if (node.agg_within_group) return { fn: name, args: [...args(node.args), ...(node.agg_order ?? []).map((s: AstNode) => termOf(s.SortBy?.node, scope))] };
      return { fn: name, args: args(node.args) };
    }
    case 'GroupingFunc':
      return INT4;
    case 'SQLValueFunction':
      return sqlValueFunctionTypes[node.op] ?? null;
    case 'BoolExpr':
    case 'NullTest':
    case 'BooleanTest':
      return BOOL;
    case 'A_Expr':
      switch (node.kind) {
        case 'AEXPR_OP':
          return { op: lastName(node.name), args: node.lexpr ? [termOf(node.lexpr, scope), termOf(node.rexpr, scope)] : [termOf(node.rexpr, scope)] };
        case 'AEXPR_NULLIF':
          return { common: [termOf(node.lexpr, scope)] };
        case 'AEXPR_OP_ANY': case 'AEXPR_OP_ALL': case 'AEXPR_IN': case 'AEXPR_LIKE': case 'AEXPR_ILIKE': case 'AEXPR_SIMILAR':
        case 'AEXPR_BETWEEN': case 'AEXPR_NOT_BETWEEN': case 'AEXPR_BETWEEN_SYM': case 'AEXPR_NOT_BETWEEN_SYM':
        case 'AEXPR_DISTINCT': case 'AEXPR_NOT_DISTINCT':
          return BOOL;
        default:
          return null;
      }
    case 'CoalesceExpr':
    case 'MinMaxExpr':
      return { common: args(node.args) };
    case 'CaseExpr':
      return { common: [...(node.args ?? []).map((w: AstNode) => termOf(w.CaseWhen?.result, scope)), node.defresult ? termOf(node.defresult, scope) : UNKNOWN] };
    case 'A_ArrayExpr': {
      const elements: AstNode[] = node.elements ?? [];
      if (elements.length === 0) return null;
      const nested = elements.find((e) => e.A_ArrayExpr);
      if (nested) return termOf(nested, scope);
      return { array: { common: args(elements) } };
    }
    case 'A_Indirection': {
      // a[i] is an element, a[i:j] a slice (the array); field selection is not typed here.
      const indirection: AstNode[] = node.indirection ?? [];
      if (!indirection.every((i) => i.A_Indices)) return null;
      const base = termOf(node.arg, scope);
      // An int[][] is an int[]: any number of subscripts gives the element type.
      return indirection.some((i) => i.A_Indices.is_slice) ? { common: [base] } : { element: base };
    }
    case 'CollateClause':
      return termOf(node.arg, scope);
    case 'SubLink':
      if (node.subLinkType === 'EXISTS_SUBLINK' || node.subLinkType === 'ANY_SUBLINK' || node.subLinkType === 'ALL_SUBLINK') return BOOL;
      // Not a plain column reference for the engine: the subquery's value is not the column itself.
      if (node.subLinkType === 'EXPR_SUBLINK') return { common: [selectColumns(node.subselect, scope)?.[0] ?? null] };
      if (node.subLinkType === 'ARRAY_SUBLINK') {
        const element = selectColumns(node.subselect, scope)?.[0] ?? null;
        return { array: element };
      }
      return null;
    case 'ParamRef':
      return null;
    default:
      return null;
  }
}

/** The name PostgreSQL gives an output column (enough of FigureColname to match references). */
function outputName(target: AstNode): string {
  if (target.name) return target.name;
  let value = target.val;
  while (value?.TypeCast) value = value.TypeCast.arg;
  if (value?.ColumnRef) return names(value.ColumnRef.fields).at(-1) ?? '?column?';
  if (value?.FuncCall) return lastName(value.FuncCall.funcname);
  return '?column?';
}

/** A FROM item added to the scope. */
function addFromItem(item: AstNode, scope: Scope): void {
  if (item.RangeVar) {
    const name: string = item.RangeVar.relname;
    const cte = item.RangeVar.schemaname ? undefined : lookupCte(scope, name);
    const relation: Relation = cte ?? { kind: 'table', name };
    scope.items.push({ alias: item.RangeVar.alias?.aliasname ?? name, relation: renamed(relation, item.RangeVar.alias?.colnames) });
  } else if (item.JoinExpr) {
    addFromItem(item.JoinExpr.larg, scope);
    addFromItem(item.JoinExpr.rarg, scope);
  } else if (item.RangeSubselect) {
    const alias = item.RangeSubselect.alias;
    const derived = derivedRelation(item.RangeSubselect.subquery, scope);
    scope.items.push({ alias: alias?.aliasname ?? '', relation: renamed(derived, alias?.colnames) });
  } else if (item.RangeFunction) {
    const alias = item.RangeFunction.alias;
    const call = item.RangeFunction.functions?.[0]?.List?.items?.[0];
    const name = call?.FuncCall ? lastName(call.FuncCall.funcname) : '';
    const term: Term = call ? termOf(call, scope) : null;
    const columnNames = names(alias?.colnames);
    // json(b)_each* return (key, value); json(b)_array_elements* a column named value.
    const fixed = rangeFunctionColumns(name, term);
    const defaults = fixed?.map((c) => c.name) ?? [alias?.aliasname ?? name];
    const terms = fixed?.map((c) => c.term) ?? [term];
    if (item.RangeFunction.ordinality) {
      defaults.push('ordinality');
      terms.push(INT8);
    }
    const columnsByName = terms.map((_, i) => columnNames[i] ?? defaults[i]!);
    const whole = terms.length - (item.RangeFunction.ordinality ? 1 : 0) === 1 ? (alias?.aliasname ?? name) : undefined;
    const relation: Relation = {
      kind: 'derived',
      columns: terms,
      column: (c) => {
        const i = columnsByName.indexOf(c);
        if (i >= 0) return terms[i];
        return c === whole || (fixed === undefined && c === name) ? terms[0] : undefined;
      },
    };
    scope.items.push({ alias: alias?.aliasname ?? name, relation });
  }
}

/** The columns of a set-returning function with named output columns. */
function rangeFunctionColumns(name: string, term: Term): { name: string; term: Term }[] | undefined {
  const each = /^(json|jsonb)_each(_text)?$/.exec(name);
  if (each) return [{ name: 'key', term: TEXT }, { name: 'value', term: each[2] ? TEXT : each[1] === 'json' ? JSON_ : JSONB }];
  if (/^jsonb?_array_elements(_text)?$/.test(name)) return [{ name: 'value', term }];
  return undefined;
}

/** A relation's columns under new names (`AS x(a, b)`); the rest keep theirs. */
function renamed(relation: Relation, colnames: AstNode[] | undefined): Relation {
  const aliases = names(colnames);
  if (aliases.length === 0) return relation;
  if (relation.kind === 'derived' && relation.columns) {
    const columns = relation.columns;
    const names0 = relation.names?.map((n, i) => aliases[i] ?? n);
    return { kind: 'derived', columns, names: names0, column: (c) => { const i = aliases.indexOf(c); return i >= 0 && i < columns.length ? columns[i] : undefined; } };
  }
  // A table's columns are known only by name: renamed ones are no longer typed here.
  return { kind: 'derived', column: () => null };
}

/** The relation a subquery (SELECT, VALUES, set operation) stands for. */
function derivedRelation(query: AstNode | undefined, parent: Scope | undefined): Relation {
  const select = query?.SelectStmt;
  if (!select) return { kind: 'derived', column: () => null };
  const columns = selectColumns(query, parent);
  const columnNames = selectNames(select);
  if (columns === undefined || columnNames === undefined) {
    // SELECT * FROM t: the columns are t's.
    const scope = selectScope(select, parent);
    return { kind: 'derived', column: (c) => columnRefTerm({ fields: [{ String: { sval: c } }] }, { ...scope, parent: undefined }) ?? undefined };
  }
  return {
    kind: 'derived',
    columns,
    names: columnNames,
    column: (c) => {
      const i = columnNames.indexOf(c);
      return i >= 0 ? columns[i] : undefined;
    },
  };
}

function selectNames(select: AstNode): string[] | undefined {
  if (select.op && select.op !== 'SETOP_NONE') return selectNames(select.larg);
  if (select.valuesLists) return select.valuesLists[0].List.items.map((_: AstNode, i: number) => `column${i + 1}`);
  if (!select.targetList) return undefined;
  // * expands to names only the FROM items know.
  if (select.targetList.some((t: AstNode) => t.ResTarget?.val?.ColumnRef?.fields?.some((f: AstNode) => f.A_Star))) return undefined;
  return select.targetList.map((t: AstNode) => outputName(t.ResTarget));
}

/** The scope of a simple SELECT: its WITH, then its FROM items. */
function selectScope(select: AstNode, parent: Scope | undefined): Scope {
  const scope: Scope = { items: [], ctes: new Map(), parent };
  addCtes(select.withClause, scope);
  for (const item of select.fromClause ?? []) addFromItem(item, scope);
  return scope;
}

function addCtes(withClause: AstNode | undefined, scope: Scope): void {
  for (const cte of withClause?.ctes ?? []) {
    const body = cte.CommonTableExpr;
    const name: string = body.ctename;
    const query = body.ctequery?.SelectStmt;
    let relation: Relation;
    if (query && withClause?.recursive && query.op && query.op !== 'SETOP_NONE') {
      // A recursive CTE's columns have its non-recursive term's types.
      relation = derivedRelation({ SelectStmt: query.larg }, scope);
      if (relation.kind === 'derived' && relation.columns) {
        const names0 = selectNames(query.larg) ?? [];
        const columns = relation.columns;
        relation = { kind: 'derived', columns, column: (c) => { const i = names0.indexOf(c); return i >= 0 ? columns[i] : undefined; } };
      }
    } else if (query) {
      relation = derivedRelation(body.ctequery, scope);
    } else {
      const returning = body.ctequery ? returningColumns(body.ctequery, scope) : undefined;
      relation = returning ? readBackColumns(returning) : { kind: 'derived', column: () => null };
    }
    scope.ctes.set(name, renamed(relation, body.aliascolnames));
  }
}

/**
 * A data-modifying CTE's rows are read back from the engine without declared types
 * (translate/data-modifying-ctes.ts): even a plain column of the target needs a recipe there.
 */
function readBackColumns(relation: Relation): Relation {
  const typed = (term: Term | undefined): Term | undefined =>
    term !== null && typeof term === 'object' && 'col' in term ? { common: [term] } : term;
  if (relation.kind !== 'derived') return relation;
  return { kind: 'derived', columns: relation.columns?.map((t) => typed(t)!), column: (c) => typed(relation.column(c)) };
}

/** The output terms of a query; undefined when its width is unknown (SELECT *). */
function selectColumns(query: AstNode | undefined, parent: Scope | undefined): Term[] | undefined {
  const select = query?.SelectStmt;
  if (!select) return undefined;
  if (select.op && select.op !== 'SETOP_NONE') {
    const scope: Scope = { items: [], ctes: new Map(), parent };
    addCtes(select.withClause, scope);
    const left = selectColumns({ SelectStmt: select.larg }, scope);
    const right = selectColumns({ SelectStmt: select.rarg }, scope);
    if (!left || !right || left.length !== right.length) return undefined;
    return left.map((l, i) => ({ common: [l, right[i]!] }));
  }
  if (select.valuesLists) {
    const scope: Scope = { items: [], ctes: new Map(), parent };
    addCtes(select.withClause, scope);
    const rows: AstNode[][] = select.valuesLists.map((r: AstNode) => r.List.items);
    return rows[0]!.map((_, i) => ({ common: rows.map((r) => termOf(r[i], scope)) }));
  }
  if (!select.targetList) return undefined;
  const scope = selectScope(select, parent);
  const terms: Term[] = [];
  for (const target of select.targetList) {
    const value = target.ResTarget?.val;
    if (value?.ColumnRef?.fields?.some((f: AstNode) => f.A_Star)) {
      const expanded = starColumns(value.ColumnRef.fields, scope);
      if (expanded === undefined) return undefined; // * over a table: width unknown here
      terms.push(...expanded);
      continue;
    }
    terms.push(termOf(value, scope));
  }
  return terms;
}

/** `*` or `x.*` over FROM items whose columns are all known (subqueries, VALUES, functions). */
function starColumns(fields: AstNode[], scope: Scope): Term[] | undefined {
  const qualifier = fields.length === 2 ? fields[0]?.String?.sval : undefined;
  const items = qualifier === undefined ? scope.items : scope.items.filter((i) => i.alias === qualifier);
  if (items.length === 0) return undefined;
  const terms: Term[] = [];
  for (const item of items) {
    if (item.relation.kind !== 'derived' || item.relation.columns === undefined) return undefined;
    terms.push(...item.relation.columns);
  }
  return terms;
}

/** RETURNING of INSERT/UPDATE/DELETE, typed over the target table. */
function returningColumns(stmt: AstNode, parent: Scope | undefined): Relation | undefined {
  const terms = returningTerms(stmt, parent);
  const body = stmt.InsertStmt ?? stmt.UpdateStmt ?? stmt.DeleteStmt;
  if (!terms || !body) return undefined;
  const columnNames: string[] = body.returningList.map((t: AstNode) => outputName(t.ResTarget));
  return { kind: 'derived', columns: terms, column: (c) => { const i = columnNames.indexOf(c); return i >= 0 ? terms[i] : undefined; } };
}

function returningTerms(stmt: AstNode, parent: Scope | undefined): Term[] | undefined {
  const body = stmt.InsertStmt ?? stmt.UpdateStmt ?? stmt.DeleteStmt;
  if (!body?.returningList?.length) return undefined;
  const scope: Scope = { items: [], ctes: new Map(), parent };
  addCtes(body.withClause, scope);
  const relation = body.relation;
  scope.items.push({ alias: relation.alias?.aliasname ?? relation.relname, relation: { kind: 'table', name: relation.relname } });
  for (const item of body.fromClause ?? body.usingClause ?? []) addFromItem(item, scope);
  const terms: Term[] = [];
  for (const target of body.returningList) {
    const value = target.ResTarget?.val;
    if (value?.ColumnRef?.fields?.some((f: AstNode) => f.A_Star)) return undefined;
    terms.push(termOf(value, scope));
  }
  return terms;
}

/** The names in scope where an expression is translated (an opaque handle for the translator). */
export type TypeScope = Scope;

/** The scope inside a simple SELECT (its WITH and FROM items), nested in `parent`. */
export function selectTypeScope(select: AstNode, parent: TypeScope | undefined): TypeScope {
  return selectScope(select, parent);
}

/** The scope inside UPDATE/DELETE: the target table (by its alias too) and the FROM/USING items. */
export function modifyTypeScope(body: AstNode, parent: TypeScope | undefined): TypeScope {
  const scope: Scope = { items: [], ctes: new Map(), parent };
  addCtes(body.withClause, scope);
  const relation = body.relation;
  if (relation) scope.items.push({ alias: relation.alias?.aliasname ?? relation.relname, relation: { kind: 'table', name: relation.relname } });
  for (const item of body.fromClause ?? body.usingClause ?? []) addFromItem(item, scope);
  return scope;
}

/** The columns (names and terms) of a FROM item named `alias` when they are known here (subqueries, VALUES). */
export function rowColumns(scope: TypeScope | undefined, alias: string): { names: string[]; terms: Term[] } | undefined {
  for (let s = scope; s; s = s.parent) {
    const item = s.items.find((i) => i.alias === alias);
    if (item === undefined) continue;
    const relation = item.relation;
    if (relation.kind !== 'derived' || !relation.columns || !relation.names || relation.names.length !== relation.columns.length) return undefined;
    return { names: relation.names, terms: relation.columns };
  }
  return undefined;
}

/**
 * The term of an expression whose value SQLite computes (undefined for a table column, a constant
 * or a parameter, whose values SQLite holds in their storage form — numbers for numeric columns).
 * A column of a subquery or CTE is computed: it has its select-list expression's term.
 */
export function computedTerm(expr: AstNode, scope: TypeScope | undefined): Term | undefined {
  if (expr.A_Const !== undefined || expr.ParamRef !== undefined) return undefined;
  const term = termOf(expr, scope);
  if (expr.ColumnRef !== undefined && (term === null || (typeof term === 'object' && 'col' in term))) return undefined;
  return term;
}

/** The type term of an expression in a scope (columns of its FROM items stay terms for the engine). */
export function expressionTerm(expr: AstNode | undefined, scope: TypeScope | undefined): Term {
  return termOf(expr, scope);
}

export function inferExpressionType(expr: AstNode | undefined): number | null {
  return resolved(evaluateTerm(termOf(expr, undefined), () => null));
}

/** The output terms of a statement (SELECT, or DML with RETURNING); undefined when not a simple list. */
function statementTerms(stmt: AstNode): Term[] | undefined {
  if (stmt.SelectStmt) return selectColumns(stmt, undefined);
  return returningTerms(stmt, undefined);
}

export interface OutputTypes {
  /** One OID (or null) per output column. */
  hints: (number | null)[];
  /** Terms the engine evaluates (one per column, null where the hint decides); undefined when none. */
  recipes?: Term[];
}

/**
 * Output types of a statement: hints where the tree decides, recipes where table columns do.
 * A plain column reference gets neither: the engine reads its declared type (and typmod).
 */
export function inferOutputTypeTerms(stmt: AstNode): OutputTypes | undefined {
  const terms = statementTerms(stmt);
  if (!terms) return undefined;
  const hints: (number | null)[] = [];
  const recipes: Term[] = [];
  let anyRecipe = false;
  for (const term of terms) {
    if (needsColumns(term)) {
      hints.push(null);
      const isPlainColumn = term !== null && typeof term === 'object' && 'col' in term;
      recipes.push(isPlainColumn ? null : foldTerm(term));
      anyRecipe ||= !isPlainColumn;
    } else {
      hints.push(resolved(evaluateTerm(term, () => null)));
      recipes.push(null);
    }
  }
  return { hints, ...(anyRecipe ? { recipes } : {}) };
}

/** One entry per output column of a plain SELECT; undefined when the shape is not a simple target list. */
export function inferOutputTypes(stmt: AstNode): (number | null)[] | undefined {
  return inferOutputTypeTerms(stmt)?.hints;
}

