/**
 * Enums compare and sort by their labels' sort order, not as text: `m > 'ok'`, `ORDER BY m`,
 * min(m) / max(m). A label's position is a lookup in pgsqlite_enums (primary key type_name,
 * label), so ALTER TYPE … ADD VALUE is seen at once and no cache needs invalidating. Whether an
 * operand is an enum is known here for casts (`'ok'::mood`); for a table column it is the engine's
 * to know, so the position form is a typed slot (types/typed-slots.ts, ANY_ENUM) chosen at prepare
 * time. Equality stays a text comparison (labels are unique), so indexes still serve `m = 'ok'`.
 */
import type { A_Expr } from 'libpg-query';
import { expressionTerm } from '../infer-output-types.js';
import type { AstNode } from '../parser.js';
import { enumOfOid } from '../types/enum-declared-type.js';
import { evaluateTerm, foldTerm, needsColumns, resolved, type Term } from '../types/type-terms.js';
import { ANY_ENUM, slotEnumNameMarker, typedSlot } from '../types/typed-slots.js';
import { expression } from './expressions.js';
import { quoteString } from './identifiers.js';
import { asNode, type Node } from './parse-tree.js';
import { fitPrecedence, Prec } from './precedence.js';
import type { TranslationState } from './translation-state.js';

const orderingOperators = new Set(['<', '>', '<=', '>=']);
const equalityOperators = new Set(['=', '<>', '!=']);

/** The SQL around a label that gives its position in the enum named by `name` (SQL text). */
function position(name: string): [string, string] {
  // Renamed columns: the label's expression may name a table column called label or sort_order.
  return [`(SELECT pgsqlite_position FROM (SELECT sort_order AS pgsqlite_position, label AS pgsqlite_label FROM main.pgsqlite_enums WHERE type_name = ${name}) WHERE pgsqlite_label = `, ')'];
}

/** The enum a term names when the translator can tell (a cast), else undefined. */
function staticEnum(term: Term): string | undefined {
  if (needsColumns(term)) return undefined;
  const type = resolved(evaluateTerm(term, () => null));
  const found = type === null ? undefined : enumOfOid(type);
  return found !== undefined && !found.array ? found.name : undefined;
}

/**
 * `a < b` (and >, <=, >=) when an operand is or may be an enum: positions compared. Handled: an
 * enum cast on either side, or a table column against a column or a string literal; undefined
 * otherwise (the usual operator translation applies). `literal` writes a literal operand as the
 * operator translation would (its input check against an integer column).
 */
export function enumComparison(
  st: TranslationState, node: A_Expr, op: string, required: number, literal: (text: string, column: Node) => string,
): string | undefined {
  const ordering = orderingOperators.has(op);
  if ((!ordering && !equalityOperators.has(op)) || node.lexpr === undefined || node.rexpr === undefined) return undefined;
  const sides = [node.lexpr, node.rexpr];
  const terms = sides.map((side) => expressionTerm(side as AstNode, st.typeScope));
  const known = terms.map(staticEnum).find((name) => name !== undefined);
  if (known !== undefined && ordering) {
    const [before, after] = position(quoteString(known));
    const text = before + expression(st, node.lexpr) + after + ' ' + op + ' ' + before + expression(st, node.rexpr) + after;
    return fitPrecedence(text, Prec.Comparison, required);
  }
  if (known !== undefined) return undefined;
  const parameter = enumParameterComparison(st, sides, terms, symbolOf(op), ordering, required);
  if (parameter !== undefined) return parameter;
  const columns = sides.map((side) => asNode(side, 'ColumnRef') !== undefined);
  const literals = sides.map((side) => asNode(side, 'A_Const')?.sval?.sval);
  const withLiteral = (columns[0] && literals[1] !== undefined) || (columns[1] && literals[0] !== undefined);
  // Equality of labels is text equality: only a literal needs its check (22P02 for a label the type lacks).
  if (!withLiteral && !(ordering && columns[0] && columns[1])) return undefined;
  const deciding = terms.filter((term, i) => columns[i] && needsColumns(term));
  if (deciding.length === 0) return undefined;
  const prec = ordering ? Prec.Comparison : Prec.Equality;
  const operands = sides.map((side, i) => (literals[i] !== undefined ? literal(literals[i]!, sides[1 - i]!) : expression(st, side, prec + 1)));
  const [before, after] = ordering ? position(slotEnumNameMarker) : ['', ''];
  const around = sides.map((_, i): [string, string] => {
    if (literals[i] === undefined) return [before, after];
    const invalid = `pgsqlite_raise('22P02', 'invalid input value for enum ' || ${slotEnumNameMarker} || ${quoteString(`: "${literals[i]}"`)})`;
    const [lookup, close] = ordering ? [before, after] : [`(SELECT pgsqlite_label FROM (SELECT label AS pgsqlite_label FROM main.pgsqlite_enums WHERE type_name = ${slotEnumNameMarker}) WHERE pgsqlite_label = `, ')'];
    return ['coalesce(' + lookup, close + ', ' + invalid + ')'];
  });
  const symbol = symbolOf(op);
  const slot = typedSlot({
    terms: deciding.map(foldTerm), oids: [ANY_ENUM],
    native: ['', ' ' + symbol + ' ', ''], special: [around[0]![0], around[0]![1] + ' ' + symbol + ' ' + around[1]![0], around[1]![1]],
  }, operands);
  return fitPrecedence(slot, prec, required);
}

const symbolOf = (op: string) => (op === '!=' ? '<>' : op);

/**
 * A table column against a parameter (`m > $1`): the parameter is written into the slot's pieces
 * (it may be repeated: the label check names it), the column is the one operand.
 */
function enumParameterComparison(
  st: TranslationState, sides: Node[], terms: Term[], symbol: string, ordering: boolean, required: number,
): string | undefined {
  const at = sides.findIndex((side, i) => asNode(side, 'ColumnRef') !== undefined && asNode(sides[1 - i], 'ParamRef') !== undefined);
  if (at < 0 || !needsColumns(terms[at]!)) return undefined;
  const prec = ordering ? Prec.Comparison : Prec.Equality;
  const column = expression(st, sides[at]!, prec + 1);
  const parameter = expression(st, sides[1 - at]!, prec + 1);
  const [before, after] = position(slotEnumNameMarker);
  const lookup = ordering ? before : `(SELECT pgsqlite_label FROM (SELECT label AS pgsqlite_label FROM main.pgsqlite_enums WHERE type_name = ${slotEnumNameMarker}) WHERE pgsqlite_label = `;
  const checked = `coalesce(${lookup}${parameter}${ordering ? after : ')'}, CASE WHEN ${parameter} IS NOT NULL THEN `
    + `pgsqlite_raise('22P02', 'invalid input value for enum ' || ${slotEnumNameMarker} || ': "' || ${parameter} || '"') END)`;
  const [columnBefore, columnAfter] = ordering ? [before, after] : ['', ''];
  const slot = at === 0
    ? typedSlot({ terms: [foldTerm(terms[0]!)], oids: [ANY_ENUM], native: ['', ` ${symbol} ${parameter}`], special: [columnBefore, `${columnAfter} ${symbol} ${checked}`] }, [column])
    : typedSlot({ terms: [foldTerm(terms[1]!)], oids: [ANY_ENUM], native: [`${parameter} ${symbol} `, ''], special: [`${checked} ${symbol} ${columnBefore}`, columnAfter] }, [column]);
  return fitPrecedence(slot, prec, required);
}

/**
 * An ORDER BY key's text when its expression is or may be an enum (sorted by position), else
 * undefined. `text` is the key as written (`1`, an alias); `value` the expression it names.
 */
export function enumSortKey(text: string, value: string, term: Term | undefined): string | undefined {
  if (term === undefined) return undefined;
  const known = staticEnum(term);
  if (known !== undefined) {
    const [before, after] = position(quoteString(known));
    return before + value + after;
  }
  if (!needsColumns(term)) return undefined;
  const [before, after] = position(slotEnumNameMarker);
  // The native form is the key as written; the enum form repeats nothing (the key text is not an operand).
  return typedSlot({ terms: [foldTerm(term)], oids: [ANY_ENUM], native: [text, ''], special: [before + value + after, ''] }, ['']);
}

/** An enum's labels in sort order as a JSON array (an uncorrelated subquery: evaluated once). */
function labelsInOrder(name: string): string {
  return `(SELECT json_group_array(label) FROM (SELECT label FROM main.pgsqlite_enums WHERE type_name = ${name} ORDER BY sort_order))`;
}

/** min(x) / max(x) over an enum, by sort order; undefined when x is not and cannot be an enum. */
export function enumMinMax(st: TranslationState, name: 'min' | 'max', arg: Node, suffix: string): string | undefined {
  const term = expressionTerm(arg as AstNode, st.typeScope);
  const known = staticEnum(term);
  const fn = name === 'min' ? 'pgsqlite_enum_min(' : 'pgsqlite_enum_max(';
  if (known !== undefined) return fn + expression(st, arg) + ', ' + labelsInOrder(quoteString(known)) + ')' + suffix;
  // Only a plain column may be an enum the engine knows of; computed arguments keep their own forms (numeric).
  if (!needsColumns(term) || asNode(arg, 'ColumnRef') === undefined) return undefined;
  return typedSlot({
    terms: [foldTerm(term)], oids: [ANY_ENUM], native: [name + '(', ')'], special: [fn, ', ' + labelsInOrder(slotEnumNameMarker) + ')'],
  }, [expression(st, arg)]) + suffix;
}

const enumFunctions = new Set(['enum_first', 'enum_last', 'enum_range']);

/**
 * enum_first(x), enum_last(x), enum_range(x) and enum_range(a, b): x only names the type (its
 * value is ignored, as in PostgreSQL); enum_range(a, b) runs from a to b, a NULL end meaning the
 * first or last label. undefined for other functions.
 */
export function enumFunctionCall(st: TranslationState, name: string, args: Node[]): string | undefined {
  if (!enumFunctions.has(name) || args.length === 0 || args.length > (name === 'enum_range' ? 2 : 1)) return undefined;
  const terms = args.map((arg) => expressionTerm(arg as AstNode, st.typeScope));
  const known = terms.map(staticEnum).find((found) => found !== undefined);
  const typeName = known !== undefined ? quoteString(known) : slotEnumNameMarker;
  const labels = `SELECT label, sort_order FROM main.pgsqlite_enums WHERE type_name = ${typeName}`;
  let special: string[];
  if (name !== 'enum_range') {
    special = [`(SELECT label FROM (${labels}) WHERE (`, `) IS NULL OR 1 ORDER BY sort_order ${name === 'enum_first' ? 'ASC' : 'DESC'} LIMIT 1)`];
  } else if (args.length === 1) {
    special = [`(SELECT json_group_array(label) FROM (SELECT label FROM (${labels}) WHERE (`, ') IS NULL OR 1 ORDER BY sort_order))'];
  } else {
    // Bounds by position; the bounds' labels are checked where they were cast.
    const at = `(SELECT sort_order FROM main.pgsqlite_enums WHERE type_name = ${typeName} AND label = `;
    special = [`(SELECT json_group_array(label) FROM (SELECT label FROM (${labels}) WHERE sort_order >= coalesce(${at}`,
      `), -1e308) AND sort_order <= coalesce(${at}`, '), 1e308) ORDER BY sort_order))'];
  }
  const texts = args.map((arg) => expression(st, arg));
  if (known !== undefined) return special.map((piece, i) => piece + (texts[i] ?? '')).join('');
  const deciding = terms.filter(needsColumns);
  const refused = `pgsqlite_raise('42883', ${quoteString(`function ${name}() of a value that is not an enum does not exist`)})`;
  if (deciding.length === 0) return refused;
  const native = [refused + ' + 0 * length(', ...texts.slice(1).map(() => ') + 0 * length('), ')'];
  return typedSlot({ terms: deciding.map(foldTerm), oids: [ANY_ENUM], native, special }, texts);
}

/**
 * For `x BETWEEN a AND b` with x an enum (a cast) or a table column that may be one: a function
 * that writes each operand as its position when x is an enum; undefined otherwise.
 */
export function enumBetweenOperand(st: TranslationState, subject: Node): ((text: string) => string) | undefined {
  const term = expressionTerm(subject as AstNode, st.typeScope);
  const known = staticEnum(term);
  if (known !== undefined) {
    const [before, after] = position(quoteString(known));
    return (text) => before + text + after;
  }
  if (asNode(subject, 'ColumnRef') === undefined || !needsColumns(term)) return undefined;
  const [before, after] = position(slotEnumNameMarker);
  return (text) => typedSlot({ terms: [foldTerm(term)], oids: [ANY_ENUM], native: ['', ''], special: [before, after] }, [text]);
}

/**
 * `m IN ('a', 'b')` with m a table column that may be an enum: the list with each literal checked
 * (22P02 for a label the enum lacks) when it is one; undefined unless every item is a string literal.
 */
export function enumLiteralChecks(st: TranslationState, subject: Node, items: Node[]): string | undefined {
  const literals = items.map((item) => asNode(item, 'A_Const')?.sval?.sval);
  if (asNode(subject, 'ColumnRef') === undefined || literals.some((l) => l === undefined)) return undefined;
  const term = expressionTerm(subject as AstNode, st.typeScope);
  if (!needsColumns(term)) return undefined;
  const lookup = `(SELECT pgsqlite_label FROM (SELECT label AS pgsqlite_label FROM main.pgsqlite_enums WHERE type_name = ${slotEnumNameMarker}) WHERE pgsqlite_label = `;
  return literals.map((literal) => {
    const invalid = `pgsqlite_raise('22P02', 'invalid input value for enum ' || ${slotEnumNameMarker} || ${quoteString(`: "${literal}"`)})`;
    return typedSlot({ terms: [foldTerm(term)], oids: [ANY_ENUM], native: ['', ''], special: ['coalesce(' + lookup, '), ' + invalid + ')'] }, [quoteString(literal!)]);
  }).join(', ');
}
