/**
 * Calls whose SQLite form depends on more than their name (function-calls.ts asks here first):
 *   - ordered-set aggregates, `percentile_cont(0.5) WITHIN GROUP (ORDER BY qty)`: the ORDER BY
 *     expression becomes the aggregate's argument and SQLite sorts the rows into it
 *     (`pgsqlite_percentile_cont(qty, 0.5 ORDER BY qty)`, catalog/aggregate-functions.ts);
 *   - stddev/variance and friends, which take the argument's type (float input gives float8 by
 *     float.c's arithmetic, integers and numerics exact numeric);
 *   - string_agg(DISTINCT v, d) (SQLite's DISTINCT takes one argument) and count(DISTINCT (a, b));
 *   - numeric sqrt/exp/ln/log/power (numeric.c's result scales) when the arguments are numeric;
 *   - pg_typeof, from the argument's type term.
 * Argument types are decided here when known, else by the engine (a typed slot).
 */
import type { FuncCall } from 'libpg-query';
import { formatType } from '../../catalog/format-type.js';
import { expressionTerm } from '../infer-output-types.js';
import type { AstNode } from '../parser.js';
import { arrayTypes, evaluateTerm, FLOAT4, FLOAT8, foldTerm, needsColumns, NUMERIC, resolved, UNKNOWN, type Term } from '../types/type-terms.js';
import { ANY_ENUM, slotTypeMarker, typedSlot } from '../types/typed-slots.js';
import { expression, expressionList } from './expressions.js';
import { quoteString } from './identifiers.js';
import { asNode, type Node } from './parse-tree.js';
import { sortList } from './sort-clauses.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';
import { overClause } from './window-definitions.js';
import { enumFunctionCall, enumMinMax } from './enum-ordering.js';

const statistics = new Set(['stddev', 'stddev_samp', 'stddev_pop', 'variance', 'var_samp', 'var_pop']);
const numericMath: Record<string, string> = { sqrt: 'sqrt', exp: 'exp', ln: 'ln', log: 'log', power: 'power', pow: 'power' };

/** The SQL for the call when it needs a special form; undefined for the ordinary translation. */
export function specialFunctionCall(st: TranslationState, node: FuncCall, name: string): string | undefined {
  if (node.agg_within_group) return orderedSetAggregate(st, node, name);
  if (statistics.has(name)) return statisticAggregate(st, node, name);
  if (name === 'string_agg' && node.agg_distinct && (node.args?.length ?? 0) > 1) {
    // Without an ORDER BY, PostgreSQL's DISTINCT sorts the pairs: the value comes out in order.
    const order = ' ORDER BY ' + (node.agg_order?.length ? sortList(st, node.agg_order) : expressionList(st, node.args));
    return 'pgsqlite_string_agg_distinct(' + expressionList(st, node.args) + order + ')' + suffix(st, node);
  }
  if (name === 'count' && node.agg_distinct && node.args?.length === 1) {
    const row = asNode(node.args[0], 'RowExpr');
    // A row value is one DISTINCT key: its fields as a JSON array (SQLite has no row values there).
    if (row !== undefined) return 'count(DISTINCT json_array(' + expressionList(st, row.args) + '))' + suffix(st, node);
  }
  if (name === 'pg_typeof' && node.args?.length === 1) return typeOf(st, node.args[0]!);
  const enumCall = enumFunctionCall(st, name, node.args ?? []);
  if (enumCall !== undefined) return enumCall;
  if ((name === 'min' || name === 'max') && node.args?.length === 1 && !node.agg_distinct && !node.agg_order?.length) {
    const enumCall = enumMinMax(st, name, node.args[0]!, suffix(st, node));
    if (enumCall !== undefined) return enumCall;
  }
  const math = numericMath[name];
  if (math !== undefined && node.over === undefined && !node.agg_star && (node.args?.length ?? 0) > 0) return numericMathCall(st, node, name, math);
  return undefined;
}

/** FILTER and OVER after a call. */
function suffix(st: TranslationState, node: FuncCall): string {
  let text = '';
  if (node.agg_filter !== undefined) text += ' FILTER (WHERE ' + expression(st, node.agg_filter) + ')';
  if (node.over !== undefined) text += ' OVER ' + overClause(st, node.over);
  return text;
}

/** The known type of a term (UNKNOWN folded to text), or undefined when the engine must decide. */
function knownType(term: Term): number | null | undefined {
  return needsColumns(term) ? undefined : resolved(evaluateTerm(term, () => null));
}

function orderedSetAggregate(st: TranslationState, node: FuncCall, name: string): string {
  if (node.over !== undefined) unsupported(st, 'an ordered-set aggregate as a window function', node.location);
  const order = node.agg_order ?? [];
  const direct = node.args ?? [];
  const sortBy = asNode(order[0], 'SortBy');
  if (order.length !== 1 || sortBy?.node === undefined) return unsupported(st, `${name}() WITHIN GROUP with ${order.length} ORDER BY items`, node.location);
  const value = expression(st, sortBy.node);
  const sorted = ' ORDER BY ' + sortList(st, order) + ')';
  if ((name === 'percentile_cont' || name === 'percentile_disc') && direct.length === 1) {
    if (name === 'percentile_cont' && knownType(expressionTerm(sortBy.node as AstNode, st.typeScope)) === 1186) {
      unsupported(st, 'percentile_cont over intervals', node.location);
    }
    return 'pgsqlite_' + name + '(' + value + ', ' + expression(st, direct[0]!) + sorted + suffix(st, node);
  }
  if (name === 'mode' && direct.length === 0) return 'pgsqlite_mode(' + value + sorted + suffix(st, node);
  return unsupported(st, `${name}() WITHIN GROUP`, node.location);
}

function statisticAggregate(st: TranslationState, node: FuncCall, name: string): string {
  if (node.args?.length !== 1 || node.agg_star) return unsupported(st, `${name}() with ${node.args?.length ?? 0} arguments`, node.location);
  if (node.agg_distinct) unsupported(st, `${name}(DISTINCT …)`, node.location);
  const arg = node.args[0]!;
  const value = expression(st, arg);
  const order = node.agg_order?.length ? ' ORDER BY ' + sortList(st, node.agg_order) : '';
  const term = expressionTerm(arg as AstNode, st.typeScope);
  const known = knownType(term);
  const fn = 'pgsqlite_' + name + '(';
  const call = known !== undefined
    ? fn + value + ', ' + (known === FLOAT4 || known === FLOAT8 ? known : NUMERIC) + order + ')'
    : typedSlot({ terms: [foldTerm(term)], oids: [FLOAT4, FLOAT8], native: [fn, ', ' + NUMERIC + order + ')'], special: [fn, ', ' + slotTypeMarker + order + ')'] }, [value]);
  return call + suffix(st, node);
}

function exactArgument(st: TranslationState, arg: Node): string {
  const decimal = asNode(arg, 'A_Const')?.fval?.fval;
  return decimal !== undefined ? quoteString(decimal) : expression(st, arg);
}

/** sqrt/exp/ln/log/power: numeric's exact functions when the call resolves to numeric. */
function numericMathCall(st: TranslationState, node: FuncCall, name: string, math: string): string | undefined {
  const args = node.args ?? [];
  if (args.length > 2 || node.agg_distinct || node.agg_order?.length) return undefined;
  const term = expressionTerm({ FuncCall: node } as AstNode, st.typeScope);
  const known = knownType(term);
  if (known !== undefined && known !== NUMERIC) return undefined;
  const texts = args.map((arg) => exactArgument(st, arg));
  const special = 'pgsqlite_numeric_' + math + '(';
  if (known === NUMERIC) return special + texts.join(', ') + ')' + suffix(st, node);
  const joiners = texts.slice(1).map(() => ', ');
  return typedSlot({ terms: [foldTerm(term)], oids: [NUMERIC], native: [name + '(', ...joiners, ')'], special: [special, ...joiners, ')'] }, texts) + suffix(st, node);
}

/** `a ^ b`: numeric's power when an operand is numeric; undefined for the float pow(). */
export function numericPowerOperator(st: TranslationState, left: Node, right: Node): string | undefined {
  const call = { funcname: [{ String: { sval: 'power' } }], args: [left, right] } as FuncCall;
  return numericMathCall(st, call, 'pow', 'power');
}

/** Every type pg_typeof can name through a typed slot: the scalar types with arrays, and the arrays. */
const nameableTypes = [...Object.keys(arrayTypes).map(Number), ...Object.values(arrayTypes), 1042, 1043, 1266, 26, 2206];

/** pg_typeof(x): the argument's type name (regtype values print as names here, reg-casts.ts). */
function typeOf(st: TranslationState, arg: Node): string {
  const term = expressionTerm(arg as AstNode, st.typeScope);
  if (!needsColumns(term)) {
    const type = evaluateTerm(term, () => null);
    if (type === UNKNOWN) return "'unknown'";
    if (type === null) return unsupported(st, 'pg_typeof() of an expression whose type is not known', undefined);
    return quoteString(formatType(type, undefined));
  }
  // The argument is not needed for its value: CASE … IS NULL THEN NULL keeps it an operand only.
  return typedSlot({
    terms: [foldTerm(term)], oids: [...nameableTypes, ANY_ENUM],
    native: ['format_type(NULL, CASE WHEN (', ') IS NULL THEN NULL END)'],
    special: ['format_type(' + slotTypeMarker + ', CASE WHEN (', ') IS NULL THEN NULL END)'],
  }, [expression(st, arg)]);
}
