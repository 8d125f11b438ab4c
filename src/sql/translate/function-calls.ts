/**
 * Function calls, aggregates and window functions. Names are passed through (the dialect issue
 * maps PostgreSQL functions onto SQLite's and registers the missing ones); the call syntax around
 * them — DISTINCT, ORDER BY inside the call, FILTER, OVER — is SQLite's own (3.44+).
 */
import type { FuncCall } from 'libpg-query';
import { specialFunctionCall } from './aggregate-calls.js';
import { catalogFunction } from './catalog-functions.js';
import { expression, expressionList } from './expressions.js';
import { asNode, stringOf, stringsOf } from './parse-tree.js';
import { functionName } from './qualified-names.js';
import { sortList } from './sort-clauses.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';
import { positionalArguments } from './named-arguments.js';
import { regexSubstring } from './substring-forms.js';
import { overClause } from './window-definitions.js';
import { computedTerm, expressionTerm, rowColumns } from '../infer-output-types.js';
import { quoteString } from './identifiers.js';
import { numericAbs } from './numeric-column-forms.js';
import type { AstNode } from '../parser.js';
import { arrayTypes, BOOL, evaluateTerm, FLOAT4, FLOAT8, foldTerm, INT2, INT4, INT8, JSON_, JSONB, needsColumns, NUMERIC, resolved } from '../types/type-terms.js';
import { slotTypeMarker, typedSlot } from '../types/typed-slots.js';
import type { Node } from './parse-tree.js';

/**
 * PostgreSQL functions that SQLite has under another name with the same meaning. The parser
 * spells trim(BOTH …) btrim and position(a IN b) position(b, a) (instr's argument order).
 * bool_and/bool_or/every are min/max over SQLite's 0/1 (NULLs ignored, as PostgreSQL does).
 */
const sqliteNames: Record<string, string> = {
  btrim: 'trim', char_length: 'length', character_length: 'length', strpos: 'instr', position: 'instr',
  jsonb_array_length: 'json_array_length', bool_and: 'min', every: 'min', bool_or: 'max',
};

export function functionCall(st: TranslationState, node: FuncCall): string {
  if (node.func_variadic) unsupported(st, 'VARIADIC', node.location);
  const parts = stringsOf(node.funcname);
  const renamed = sqliteNames[parts[parts.length - 1] ?? ''];
  const name = functionName(st, renamed !== undefined ? [renamed] : parts, node.location);
  const special = specialFunctionCall(st, node, name);
  if (special !== undefined) return special;
  if (node.args !== undefined) node = { ...node, args: positionalArguments(name, node.args) };
  if (!node.agg_star && !node.agg_distinct && !node.agg_order?.length && node.agg_filter === undefined && node.over === undefined) {
    const macro = catalogFunction(name, (node.args ?? []).map((arg) => expression(st, arg)));
    if (macro !== undefined) return macro;
  }
  const substring = regexSubstring(st, node, name);
  if (substring !== undefined) return substring;
  const rounded = typedRound(st, node, name);
  if (rounded !== undefined) return rounded;
  if (name === 'abs' && node.args?.length === 1 && node.over === undefined && !node.agg_star) {
    const absolute = numericAbs(st, node.args[0]!, expression(st, node.args[0]!));
    if (absolute !== undefined) return absolute;
  }
  let text = name + '(';
  const average = numericAverage(st, node, name) ?? numericExtreme(st, node, name);
  if (average !== undefined) {
    text = average;
  } else if (node.agg_star) {
    text += '*';
  } else {
    if (node.agg_distinct) text += 'DISTINCT ';
    text += jsonConstructors.has(name) ? jsonArguments(st, name, node.args ?? [])
      : decimalArguments.has(name) ? (node.args ?? []).map((arg) => exactArgument(st, arg)).join(', ') : expressionList(st, node.args);
  }
  if (average === undefined) {
    if (node.agg_order?.length) text += ' ORDER BY ' + sortList(st, node.agg_order);
    text += ')';
  }
  if (node.agg_filter !== undefined) text += ' FILTER (WHERE ' + expression(st, node.agg_filter) + ')';
  if (node.over !== undefined) text += ' OVER ' + overClause(st, node.over);
  return text;
}

const averagedExactly = [INT2, INT4, INT8, NUMERIC];

/**
 * avg() of integers and numerics is numeric in PostgreSQL (sum / count to at least 16 significant
 * digits): pgsqlite_numeric_avg computes it exactly (catalog/numeric-functions.ts). Which avg the
 * argument's type picks is decided here when it is known, else by the engine (a typed slot).
 */
function numericAverage(st: TranslationState, node: FuncCall, name: string): string | undefined {
  if ((name !== 'avg' && name !== 'sum') || node.args?.length !== 1 || node.agg_distinct || node.agg_star || node.agg_order?.length) return undefined;
  // sum() of numerics is exact too (numeric TEXT, SQLite's would be a REAL); integer sums stay SQLite's.
  const oids = name === 'avg' ? averagedExactly : [NUMERIC];
  const special = 'pgsqlite_numeric_' + name + '(';
  const argument = expression(st, node.args[0]!);
  const term = expressionTerm(node.args[0] as AstNode, st.typeScope);
  if (!needsColumns(term)) {
    const type = resolved(evaluateTerm(term, () => null));
    return type !== null && oids.includes(type) ? special + argument + ')' : undefined;
  }
  return typedSlot({ terms: [foldTerm(term)], oids, native: [name + '(', ')'], special: [special, ')'] }, [argument]);
}

const jsonConstructors = new Set(['json_build_object', 'jsonb_build_object', 'json_build_array', 'jsonb_build_array', 'to_json', 'to_jsonb',
  'json_agg', 'jsonb_agg', 'row_to_json', 'json_object_agg', 'jsonb_object_agg']);
/** Types whose JSON form is not their storage value's: bool (0/1), json/jsonb (text), numeric (text), arrays (JSON text). */
const typedJsonArguments = [BOOL, JSON_, JSONB, NUMERIC, ...Object.values(arrayTypes)];

/**
 * Arguments of the JSON constructors (catalog/json-functions.ts), which see only SQLite values:
 * a value whose type changes its JSON form goes through pgsqlite_json_value with that type, so
 * true is `true` (not 1), jsonb is embedded (not quoted) and numeric keeps its digits. The type
 * is decided here when known, else by the engine (a typed slot). Object keys pass as they are.
 */
function jsonArguments(st: TranslationState, name: string, args: Node[]): string {
  const keysAt = name.endsWith('_build_object') || name.endsWith('_object_agg') ? 0 : -1;
  return args.map((arg, i) => {
    if (i % 2 === keysAt) return expression(st, arg);
    const row = wholeRow(st, arg);
    if (row !== undefined) return row;
    // A decimal constant keeps its digits (1.50, not the REAL 1.5).
    const decimal = asNode(arg, 'A_Const')?.fval?.fval;
    return typedJsonArgument(st, arg, decimal !== undefined ? quoteString(decimal) : expression(st, arg));
  }).join(', ');
}

/**
 * A FROM item's name used as a value (`row_to_json(t)`, `json_agg(t)`): its row as a JSON object,
 * when its columns are known here (a subquery or VALUES). Rows of tables are not built yet.
 */
function wholeRow(st: TranslationState, arg: Node): string | undefined {
  const fields = asNode(arg, 'ColumnRef')?.fields;
  if (fields?.length !== 1) return undefined;
  const alias = stringOf(fields[0]);
  if (alias === undefined) return undefined;
  const row = rowColumns(st.typeScope, alias);
  if (row === undefined) return undefined;
  const parts = row.names.map((name) => {
    const ref: Node = { ColumnRef: { fields: [{ String: { sval: alias } }, { String: { sval: name } }] } } as Node;
    return quoteString(name) + ', ' + typedJsonArgument(st, ref, expression(st, ref));
  });
  return 'pgsqlite_json_row(' + parts.join(', ') + ')';
}

function typedJsonArgument(st: TranslationState, arg: Node, text: string): string {
  {
    const term = expressionTerm(arg as AstNode, st.typeScope);
    if (!needsColumns(term)) {
      const type = resolved(evaluateTerm(term, () => null));
      return type !== null && typedJsonArguments.includes(type) ? 'pgsqlite_json_value(' + text + ', ' + type + ')' : text;
    }
    return typedSlot({ terms: [foldTerm(term)], oids: typedJsonArguments, native: ['', ''], special: ['pgsqlite_json_value(', ', ' + slotTypeMarker + ')'] }, [text]);
  }
}

const roundedTypes = [INT2, INT4, INT8, NUMERIC, FLOAT4, FLOAT8];

/**
 * round(x [, n]): numeric rounds half away from zero to a scale (or left of the point), float8
 * half to even; SQLite's round is neither. pgsqlite_round takes the argument's type, known here
 * or decided by the engine (a typed slot); an argument of another type keeps SQLite's round.
 */
function typedRound(st: TranslationState, node: FuncCall, name: string): string | undefined {
  const args = node.args ?? [];
  if (name !== 'round' || args.length < 1 || args.length > 2 || node.over !== undefined || node.agg_star) return undefined;
  const texts = args.map((arg) => exactArgument(st, arg));
  const term = expressionTerm(args[0] as AstNode, st.typeScope);
  if (!needsColumns(term)) {
    const type = resolved(evaluateTerm(term, () => null));
    return type !== null && roundedTypes.includes(type) ? 'pgsqlite_round(' + type + ', ' + texts.join(', ') + ')' : undefined;
  }
  const native = ['round(', ...texts.slice(1).map(() => ', '), ')'];
  const special = ['pgsqlite_round(' + slotTypeMarker + ', ', ...texts.slice(1).map(() => ', '), ')'];
  return typedSlot({ terms: [foldTerm(term)], oids: roundedTypes, native, special }, texts);
}

/** Functions of a numeric's digits: a decimal constant argument is passed as its text (1.2300, not the REAL 1.23). */
const decimalArguments = new Set(['scale', 'min_scale', 'trim_scale']);

function exactArgument(st: TranslationState, arg: Node): string {
  const decimal = asNode(arg, 'A_Const')?.fval?.fval;
  return decimal !== undefined ? quoteString(decimal) : expression(st, arg);
}

/**
 * min()/max() of a computed numeric (`max(price * qty)`): exact numerics are TEXT, which SQLite's
 * min/max would compare as text, so pgsqlite_numeric_min/max compare them as numbers. A table
 * column's values are numbers already and keep SQLite's. Not as a window function.
 */
function numericExtreme(st: TranslationState, node: FuncCall, name: string): string | undefined {
  if ((name !== 'min' && name !== 'max') || node.args?.length !== 1 || node.agg_distinct || node.agg_order?.length || node.over !== undefined) return undefined;
  const arg = node.args[0]!;
  const term = computedTerm(arg as AstNode, st.typeScope);
  if (term === undefined) return undefined;
  const special = 'pgsqlite_numeric_' + name + '(';
  if (!needsColumns(term)) {
    return resolved(evaluateTerm(term, () => null)) === NUMERIC ? special + expression(st, arg) + ')' : undefined;
  }
  return typedSlot({ terms: [foldTerm(term)], oids: [NUMERIC], native: [name + '(', ')'], special: [special, ')'] }, [expression(st, arg)]);
}
