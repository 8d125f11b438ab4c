/**
 * A_Expr: PostgreSQL operators and the operator-like predicates (IN lists, LIKE, BETWEEN,
 * IS [NOT] DISTINCT FROM, NULLIF). Only operators whose SQLite meaning matches are mapped;
 * the rest (regex, array, geometric, full-text …) are refused by name.
 */
import { numericPowerOperator } from './aggregate-calls.js';
import type { A_Expr } from 'libpg-query';
import { expression, expressionList } from './expressions.js';
import { asNode, stringsOf, type Node } from './parse-tree.js';
import { fitPrecedence, Prec } from './precedence.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';
import { quantifiedComparison } from './quantified-comparisons.js';
import { enumBetweenOperand, enumComparison, enumLiteralChecks } from './enum-ordering.js';
import { computedTerm, expressionTerm, inferExpressionType } from '../infer-output-types.js';
import type { AstNode } from '../parser.js';
import { parseNumeric } from '../../protocol/types/numeric.js';
import { arrayTypes, evaluateTerm, foldTerm, INT2, INT4, INT8, JSONB, needsColumns, NUMERIC, resolved, type Term } from '../types/type-terms.js';
import { slotTypeMarker, typedSlot } from '../types/typed-slots.js';
import { quoteString } from './identifiers.js';
import { numericNegation } from './numeric-column-forms.js';

/** Operators written as a call of the engine's function of the same operands, in order. */
const operatorFunctions: Readonly<Record<string, string>> = {
  '@>': 'pgsqlite_jsonb_contains',
  '?': 'pgsqlite_jsonb_exists',
  '?|': 'pgsqlite_jsonb_exists_any',
  '?&': 'pgsqlite_jsonb_exists_all',
  '&&': 'pgsqlite_array_overlap',
  '#>': 'pgsqlite_jsonb_path',
  '#>>': 'pgsqlite_jsonb_path_text',
};
import { checkLiteralInput } from './semantic-checks.js';
import { datetimeSlotRule, type SlotRule } from './datetime-operators.js';
import { staticTextConcat, textConcatRule } from './text-concatenation.js';
import { jsonArrow } from './json-operators.js';
import { containment } from './array-operators.js';

interface BinaryOperator {
  text: string;
  prec: number;
  /** Comparisons are not associative: both operands must sit strictly above the operator. */
  comparison: boolean;
}

const binaryOperators: Record<string, BinaryOperator> = {
  '+': { text: '+', prec: Prec.Additive, comparison: false },
  '-': { text: '-', prec: Prec.Additive, comparison: false },
  '*': { text: '*', prec: Prec.Multiplicative, comparison: false },
  '/': { text: '/', prec: Prec.Multiplicative, comparison: false },
  '%': { text: '%', prec: Prec.Multiplicative, comparison: false },
  '=': { text: '=', prec: Prec.Equality, comparison: true },
  '<>': { text: '<>', prec: Prec.Equality, comparison: true },
  '!=': { text: '<>', prec: Prec.Equality, comparison: true },
  '<': { text: '<', prec: Prec.Comparison, comparison: true },
  '>': { text: '>', prec: Prec.Comparison, comparison: true },
  '<=': { text: '<=', prec: Prec.Comparison, comparison: true },
  '>=': { text: '>=', prec: Prec.Comparison, comparison: true },
  '||': { text: '||', prec: Prec.Concat, comparison: false },
  // SQLite's JSON1 has PostgreSQL's arrow operators natively.
  '->': { text: '->', prec: Prec.Concat, comparison: false },
  '->>': { text: '->>', prec: Prec.Concat, comparison: false },
  '&': { text: '&', prec: Prec.Bitwise, comparison: false },
  '|': { text: '|', prec: Prec.Bitwise, comparison: false },
  '<<': { text: '<<', prec: Prec.Bitwise, comparison: false },
  '>>': { text: '>>', prec: Prec.Bitwise, comparison: false },
};

const prefixOperators: Record<string, string> = { '-': '-', '+': '+', '~': '~' };
/** Prefix operators that are functions in SQLite: @ absolute value, |/ square root, ||/ cube root. */
const prefixFunctions: Record<string, string> = { '@': 'abs', '|/': 'sqrt', '||/': 'cbrt' };

export function operatorExpression(st: TranslationState, node: A_Expr, required: number): string {
  switch (node.kind) {
    case 'AEXPR_OP':
      return plainOperator(st, node, required);
    case 'AEXPR_OP_ANY':
    case 'AEXPR_OP_ALL':
      return quantifiedArray(st, node, required);
    case 'AEXPR_DISTINCT':
      // SQLite's IS / IS NOT are exactly IS [NOT] DISTINCT FROM: NULL-safe (in)equality.
      return infix(st, node.lexpr, ' IS NOT ', node.rexpr, Prec.Equality, true, required);
    case 'AEXPR_NOT_DISTINCT':
      return infix(st, node.lexpr, ' IS ', node.rexpr, Prec.Equality, true, required);
    case 'AEXPR_NULLIF':
      return 'nullif(' + expression(st, node.lexpr!) + ', ' + expression(st, node.rexpr!) + ')';
    case 'AEXPR_IN':
      return inList(st, node, required);
    case 'AEXPR_LIKE':
      return like(st, node.lexpr!, node.rexpr!, operatorName(st, node) === '!~~', required);
    case 'AEXPR_ILIKE':
      return like(st, node.lexpr!, node.rexpr!, operatorName(st, node) === '!~~*', required, true);
    case 'AEXPR_SIMILAR':
      // The parser has already wrapped the pattern in similar_to_escape(), which yields a regex.
      return regexMatch(st, node.lexpr!, node.rexpr!, operatorName(st, node) === '!~', false, required);
    case 'AEXPR_BETWEEN':
    case 'AEXPR_NOT_BETWEEN':
      return between(st, node, required);
    case 'AEXPR_BETWEEN_SYM':
    case 'AEXPR_NOT_BETWEEN_SYM':
      return unsupported(st, 'BETWEEN SYMMETRIC', node.location);
    default:
      return unsupported(st, `operator kind ${String(node.kind)}`, node.location);
  }
}

/**
 * `x = ANY(array)` and `x <> ALL(array)`: arrays are stored as JSON arrays, so membership is an
 * IN over json_each; other comparisons count the elements' answers (quantified-comparisons.ts).
 */
function quantifiedArray(st: TranslationState, node: A_Expr, required: number): string {
  const op = operatorName(st, node);
  const any = node.kind === 'AEXPR_OP_ANY';
  if (!((any && op === '=') || (!any && (op === '<>' || op === '!=')))) {
    const array = arrayJson(st, node.rexpr!);
    return quantifiedComparison(st, expression(st, node.lexpr!), op, any ? 'ANY' : 'ALL', 'SELECT value FROM json_each(' + array + ')', 'array', node.location, array);
  }
  const text = expression(st, node.lexpr!, Prec.Comparison + 1) + (any ? ' IN ' : ' NOT IN ') +
    '(SELECT value FROM json_each(' + arrayJson(st, node.rexpr!) + '))';
  return fitPrecedence(text, Prec.Equality, required);
}

/**
 * An array operand as JSON storage. ARRAY[…] and array literals cast to a type are JSON already;
 * a column may hold an array literal that was written untyped ('{1,2}' into an int[] column), so
 * anything else passes through the engine's pgsqlite_array_json.
 */
function arrayJson(st: TranslationState, node: Node): string {
  const cast = asNode(node, 'TypeCast');
  if (asNode(node, 'A_ArrayExpr') !== undefined || (cast !== undefined && asNode(cast.arg, 'A_Const') !== undefined)) return expression(st, node);
  return 'pgsqlite_array_json(' + expression(st, node) + ')';
}

/** The operator symbol; OPERATOR(pg_catalog.+) is the built-in, any other schema is not ours. */
function operatorName(st: TranslationState, node: A_Expr): string {
  const parts = stringsOf(node.name);
  if (parts.length > 1 && parts[0] !== 'pg_catalog') unsupported(st, `an operator in schema "${parts[0]}"`, node.location);
  return parts[parts.length - 1] ?? '';
}

function plainOperator(st: TranslationState, node: A_Expr, required: number): string {
  const op = operatorName(st, node);
  if (node.lexpr === undefined) {
    const prefixFunction = prefixFunctions[op];
    if (prefixFunction !== undefined && node.rexpr !== undefined) return prefixFunction + '(' + expression(st, node.rexpr) + ')';
    const prefix = prefixOperators[op];
    if (prefix === undefined || node.rexpr === undefined) return unsupported(st, `prefix operator ${op}`, node.location);
    const operand = expression(st, node.rexpr, Prec.Unary);
    const negated = op === '-' ? numericNegation(st, node.rexpr, operand) : undefined;
    if (negated !== undefined) return fitPrecedence(negated, Prec.Unary, required);
    // "- -1" must keep its space: "--" starts a comment.
    const text = operand.charCodeAt(0) === prefix.charCodeAt(0) ? prefix + ' ' + operand : prefix + operand;
    return fitPrecedence(text, Prec.Unary, required);
  }
  const datetime = datetimeOperator(st, node, op, required);
  if (datetime !== undefined) return datetime;
  const enumOrder = enumComparison(st, node, op, required, (text, column) => integerCheckedLiteral(st, text, column));
  if (enumOrder !== undefined) return enumOrder;
  const checked = checkedLiteralOperand(st, node, op, required);
  if (checked !== undefined) return checked;
  const typed = typedOperator(st, node, op, required);
  if (typed !== undefined) return typed;
  if (op === '/' || op === '%') {
    const text = expression(st, node.lexpr, Prec.Multiplicative) + ' ' + op + ' ' + guardedDivisor(st, node.rexpr!);
    return fitPrecedence(text, Prec.Multiplicative, required);
  }
  if (op === '->' || op === '->>') {
    const json = jsonArrow(st, node, op, required);
    if (json !== undefined) return json;
  }
  if (op === '->>') {
    // SQLite's ->> gives JSON true as 1 and 1.50 as the REAL 1.5; PostgreSQL's gives the text.
    return 'pgsqlite_json_text(' + expression(st, node.lexpr, Prec.Concat) + ' -> ' + expression(st, node.rexpr!, Prec.Concat + 1) + ')';
  }
  if (op === '||') {
    // A decimal constant keeps its digits ('x' || 1.50 is x1.50): numericOperand writes its text.
    const left = numericOperand(st, node.lexpr, Prec.Concat);
    const right = numericOperand(st, node.rexpr!, Prec.Concat + 1);
    const concat = staticTextConcat(expressionTerm(node.lexpr as AstNode, st.typeScope), expressionTerm(node.rexpr as AstNode, st.typeScope), left, right);
    return concat ?? fitPrecedence(left + ' || ' + right, Prec.Concat, required);
  }
  const binary = binaryOperators[op];
  if (binary !== undefined) {
    return infix(st, node.lexpr, ' ' + binary.text + ' ', node.rexpr, binary.prec, binary.comparison, required);
  }
  switch (op) {
    case '^':
      // PostgreSQL's exponentiation: numeric's exact power for numerics, else SQLite's pow().
      return numericPowerOperator(st, node.lexpr!, node.rexpr!) ?? 'pow(' + expression(st, node.lexpr) + ', ' + expression(st, node.rexpr!) + ')';
    case '~~':
    case '!~~':
      return like(st, node.lexpr, node.rexpr!, op === '!~~', required);
    case '~~*':
    case '!~~*':
      return like(st, node.lexpr, node.rexpr!, op === '!~~*', required, true);
    case '~':
    case '!~':
      return regexMatch(st, node.lexpr, node.rexpr!, op === '!~', false, required);
    case '~*':
    case '!~*':
      return regexMatch(st, node.lexpr, node.rexpr!, op === '!~*', true, required);
    // jsonb (and array) operators, written by functions the engine registers (catalog/json-functions.ts).
    case '<@':
    case '@>':
      return containment(st, node, op);
    case '?':
    case '?|':
    case '?&':
    case '&&':
    case '#>':
    case '#>>':
      return call(operatorFunctions[op], st, node.lexpr, node.rexpr!);
    default:
      return unsupported(st, `operator ${op}`, node.location);
  }
}

const DATE = 1082, TIME = 1083, TIMESTAMP = 1114, TIMESTAMPTZ = 1184, INTERVAL = 1186;
const datetimeTypes = new Set([DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL]);
const orderings = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);

/**
 * Arithmetic on dates, times, timestamps and intervals is the engine's pgsqlite_datetime_op (they
 * are stored as text) when the tree types an operand (a literal, a cast) as one of them.
 * Operands from table columns are typed by the engine (datetime-operators.ts). Comparisons across date/timestamp, and of intervals, compare the values, not their text.
 */
function datetimeOperator(st: TranslationState, node: A_Expr, op: string, required: number): string | undefined {
  if (node.lexpr === undefined || node.rexpr === undefined) return undefined;
  const isArithmetic = op === '+' || op === '-' || op === '*' || op === '/';
  if (!isArithmetic && !orderings.has(op)) return undefined;
  const lt = inferExpressionType(node.lexpr as AstNode);
  const rt = inferExpressionType(node.rexpr as AstNode);
  const known = (t: number | null) => t !== null && datetimeTypes.has(t);
  if (!isArithmetic) {
    const mixed = (lt === INTERVAL && rt === INTERVAL)
      || (lt === DATE && (rt === TIMESTAMP || rt === TIMESTAMPTZ)) || (rt === DATE && (lt === TIMESTAMP || lt === TIMESTAMPTZ))
      || (lt === TIMESTAMP && rt === TIMESTAMPTZ) || (lt === TIMESTAMPTZ && rt === TIMESTAMP);
    if (!mixed) return undefined;
    const text = 'pgsqlite_datetime_cmp(' + expression(st, node.lexpr) + ', ' + expression(st, node.rexpr) + ') ' + (op === '!=' ? '<>' : op) + ' 0';
    return fitPrecedence(text, op === '=' || op === '<>' || op === '!=' ? Prec.Equality : Prec.Comparison, required);
  }
  const dispatch = (l: string, r: string) => `pgsqlite_datetime_op('${op}', ${l}, ${r}, ${lt ?? 0}, ${rt ?? 0})`;
  if (!known(lt) && !known(rt)) return undefined;
  // A table column operand: its declared type decides, in the typed slot of typedOperator.
  if (needsColumns(expressionTerm(node.lexpr as AstNode, st.typeScope)) || needsColumns(expressionTerm(node.rexpr as AstNode, st.typeScope))) return undefined;
  return dispatch(expression(st, node.lexpr), expression(st, node.rexpr));
}

const numericFunctions: Record<string, string> = {
  '+': 'pgsqlite_numeric_add', '-': 'pgsqlite_numeric_sub', '*': 'pgsqlite_numeric_mul', '/': 'pgsqlite_numeric_div', '%': 'pgsqlite_numeric_mod',
};
const arrayOids = Object.values(arrayTypes);
/** Operators whose meaning depends on their result type, and the types that need a function. */
const typedOperators: Record<string, number[]> = {
  '+': [NUMERIC], '-': [NUMERIC, JSONB], '*': [NUMERIC], '/': [NUMERIC], '%': [NUMERIC], '||': [JSONB, ...arrayOids], '#-': [JSONB],
};

/**
 * Operators SQLite's own would get wrong for some types: numeric arithmetic is exact
 * (catalog/numeric-functions.ts: SQLite's is floating point), jsonb || - #- edit documents and
 * array || concatenates (SQLite's || and - would treat them as text and numbers). A comparison
 * with a computed numeric operand (exact numerics are TEXT, which SQLite would compare as text)
 * calls pgsqlite_numeric_cmp. When the types are known here the function is written directly;
 * when they depend on table columns it is a typed slot the engine resolves with the columns'
 * declared types (pgsqlite_typed_op). Integer, float and text operators stay SQLite's.
 */
function typedOperator(st: TranslationState, node: A_Expr, op: string, required: number): string | undefined {
  const oids = typedOperators[op];
  const isComparison = orderings.has(op);
  if ((oids === undefined && !isComparison) || node.lexpr === undefined || node.rexpr === undefined) return undefined;
  const deciding: Term[] = [];
  if (oids !== undefined) {
    deciding.push(expressionTerm({ A_Expr: node }, st.typeScope));
  } else {
    // Table columns (NUMERIC affinity turns numeric text into numbers) and constants compare natively.
    for (const side of [node.lexpr, node.rexpr]) {
      const term = computedTerm(side as AstNode, st.typeScope);
      if (term !== undefined) deciding.push(term);
    }
    if (deciding.length === 0) return undefined;
  }
  const wanted = oids ?? [NUMERIC];
  const dynamic = deciding.some(needsColumns);
  const staticType = dynamic ? undefined : deciding.map((t) => resolved(evaluateTerm(t, () => null))).find((t) => t !== null && wanted.includes(t));
  if (!dynamic && staticType === undefined) return undefined;
  const prec = isComparison ? (op === '=' || op === '<>' || op === '!=' ? Prec.Equality : Prec.Comparison)
    : op === '+' || op === '-' ? Prec.Additive : op === '*' || op === '/' || op === '%' ? Prec.Multiplicative : Prec.Concat;
  // Comparison operands stay as they are: the native form may compare them as numbers.
  const operand = isComparison ? (n: Node, p: number) => expression(st, n, p) : (n: Node, p: number) => numericOperand(st, n, p);
  const left = operand(node.lexpr, isComparison ? prec + 1 : prec);
  const divisorConstant = asNode(node.rexpr, 'A_Const')?.fval?.fval;
  const right = (op === '/' || op === '%') && (divisorConstant === undefined || Number(divisorConstant) === 0)
    ? guardedDivisor(st, node.rexpr) : operand(node.rexpr, prec + 1);
  const symbol = op === '!=' ? '<>' : op;
  if (isComparison) {
    const special = ['pgsqlite_numeric_cmp(', ', ', ') ' + symbol + ' 0'];
    if (!dynamic) return fitPrecedence(special[0] + left + special[1] + right + special[2], prec, required);
    return fitPrecedence(typedSlot({ terms: deciding.map(foldTerm), oids: wanted, native: ['', ' ' + symbol + ' ', ''], special, more: extraSlotRules(st, node, op, deciding) }, [left, right]), prec, required);
  }
  if (!dynamic) return staticOperatorCall(st, node, op, staticType!, left, right);
  const special = ["pgsqlite_typed_op('" + op + "', " + slotTypeMarker + ', ', ', ', ')'];
  return fitPrecedence(typedSlot({ terms: deciding.map(foldTerm), oids: wanted, native: ['', ' ' + symbol + ' ', ''], special, more: extraSlotRules(st, node, op, deciding) }, [left, right]), prec, required);
}

/**
 * The typed slot's further rules, when an operand's type is the engine's to know: date/time
 * operators (datetime-operators.ts), || of a bool or float (text-concatenation.ts).
 */
function extraSlotRules(st: TranslationState, node: A_Expr, op: string, deciding: Term[]): SlotRule[] | undefined {
  const left = expressionTerm(node.lexpr as AstNode, st.typeScope);
  const right = expressionTerm(node.rexpr as AstNode, st.typeScope);
  const rule = op === '||' ? textConcatRule(left, right) : datetimeSlotRule(op, left, right, orderings.has(op), deciding);
  return rule === undefined ? undefined : [rule];
}

/**
 * An untyped literal meeting a number (`1::int + 'a'`, `id = 'abc'`) is read as that type in
 * PostgreSQL, so bad input is 22P02 where SQLite would compare or add text. With a known type the
 * literal is checked here; against an integer column, by pgsqlite_integer_input at run time (a
 * typed slot, so other columns' literals stay as they are).
 */
function checkedLiteralOperand(st: TranslationState, node: A_Expr, op: string, required: number): string | undefined {
  const isComparison = orderings.has(op);
  if ((!isComparison && numericFunctions[op] === undefined) || node.lexpr === undefined || node.rexpr === undefined) return undefined;
  const leftLiteral = asNode(node.lexpr, 'A_Const')?.sval?.sval;
  const rightLiteral = asNode(node.rexpr, 'A_Const')?.sval?.sval;
  if ((leftLiteral === undefined) === (rightLiteral === undefined)) return undefined;
  const literal = (leftLiteral ?? rightLiteral)!;
  const other = leftLiteral === undefined ? node.lexpr : node.rexpr;
  const term = expressionTerm(other as AstNode, st.typeScope);
  if (!needsColumns(term)) {
    checkLiteralInput(literal, resolved(evaluateTerm(term, () => null)));
    return undefined;
  }
  if (!isComparison || asNode(other, 'ColumnRef') === undefined) return undefined;
  const prec = op === '=' || op === '<>' || op === '!=' ? Prec.Equality : Prec.Comparison;
  const checkedLiteral = typedSlot({
    terms: [foldTerm(term)], oids: [INT2, INT4, INT8], native: ['', ''], special: ['pgsqlite_integer_input(', ', ' + slotTypeMarker + ')'],
  }, [quoteString(literal)]);
  const otherText = expression(st, other, prec + 1);
  const text = leftLiteral === undefined ? otherText + ' ' + (op === '!=' ? '<>' : op) + ' ' + checkedLiteral
    : checkedLiteral + ' ' + (op === '!=' ? '<>' : op) + ' ' + otherText;
  return fitPrecedence(text, prec, required);
}

/** A string literal compared with a table column: checked as integer input when the column is an integer (as checkedLiteralOperand). */
function integerCheckedLiteral(st: TranslationState, literal: string, column: Node): string {
  return typedSlot({
    terms: [foldTerm(expressionTerm(column as AstNode, st.typeScope))], oids: [INT2, INT4, INT8], native: ['', ''],
    special: ['pgsqlite_integer_input(', ', ' + slotTypeMarker + ')'],
  }, [quoteString(literal)]);
}

/** The function for an operator whose result type is known here. */
function staticOperatorCall(st: TranslationState, node: A_Expr, op: string, type: number, left: string, right: string): string {
  let fn: string;
  if (type === NUMERIC) fn = numericFunctions[op]!;
  else if (type === JSONB) fn = op === '||' ? 'pgsqlite_jsonb_concat' : op === '-' ? 'pgsqlite_jsonb_delete' : 'pgsqlite_jsonb_delete_path';
  else {
    // array || array, array || element, element || array.
    const rightType = resolved(evaluateTerm(expressionTerm(node.rexpr as AstNode, st.typeScope), () => null));
    const leftType = resolved(evaluateTerm(expressionTerm(node.lexpr as AstNode, st.typeScope), () => null));
    fn = rightType !== null && arrayOids.includes(rightType) ? (leftType !== null && arrayOids.includes(leftType) ? 'array_cat' : 'array_prepend') : 'array_append';
  }
  return fn + '(' + left + ', ' + right + ')';
}

/** An operand of numeric arithmetic: a decimal constant as its exact text (SQLite's arithmetic reads it as a number too). */
function numericOperand(st: TranslationState, operand: Node, required: number): string {
  const constant = asNode(operand, 'A_Const');
  if (constant?.fval?.fval !== undefined) return quoteString(parseNumeric(constant.fval.fval));
  return expression(st, operand, required);
}

function call(name: string, st: TranslationState, first: Node, second: Node): string {
  return name + '(' + expression(st, first) + ', ' + expression(st, second) + ')';
}

/**
 * a ~ b is SQLite's `a REGEXP b`, which calls the regexp() function the engine registers
 * (JavaScript regular expressions: PostgreSQL's common subset reads the same).
 */
function regexMatch(st: TranslationState, subject: Node, pattern: Node, negated: boolean, caseless: boolean, required: number): string {
  if (caseless) {
    const text = 'pgsqlite_regexp_i(' + expression(st, pattern) + ', ' + expression(st, subject) + ')';
    return negated ? fitPrecedence('NOT ' + text, Prec.Not, required) : text;
  }
  const text = expression(st, subject, Prec.Equality + 1) + (negated ? ' NOT REGEXP ' : ' REGEXP ') + expression(st, pattern, Prec.Equality + 1);
  return fitPrecedence(text, Prec.Equality, required);
}

/**
 * / and % raise division_by_zero in PostgreSQL where SQLite yields NULL. Unless the divisor is a
 * non-zero constant, it passes through nullif(); only a zero (or NULL) divisor reaches the check.
 */
function guardedDivisor(st: TranslationState, divisor: Node): string {
  const constant = asNode(divisor, 'A_Const');
  if (constant !== undefined && ((constant.ival?.ival ?? 0) !== 0 || (constant.fval !== undefined && Number(constant.fval.fval) !== 0))) {
    return expression(st, divisor, Prec.Multiplicative + 1);
  }
  const text = expression(st, divisor);
  return 'coalesce(nullif(' + text + ', 0), iif((' + text + ') IS NULL, NULL, pgsqlite_division_by_zero()))';
}

function infix(
  st: TranslationState, left: Node | undefined, text: string, right: Node | undefined,
  prec: number, comparison: boolean, required: number,
): string {
  const l = expression(st, left!, comparison ? prec + 1 : prec);
  const r = expression(st, right!, prec + 1);
  return fitPrecedence(l + text + r, prec, required);
}

/** x [NOT] IN (a, b, …); the parser marks NOT IN with the operator <>. */
function inList(st: TranslationState, node: A_Expr, required: number): string {
  const negated = operatorName(st, node) === '<>';
  const items = asNode(node.rexpr, 'List')?.items;
  // String literals against an enum column are checked labels (enum-ordering.ts).
  const checked = items === undefined ? undefined : enumLiteralChecks(st, node.lexpr!, items);
  const list = checked ?? (items !== undefined ? expressionList(st, items) : expression(st, node.rexpr!));
  const text = comparable(st, node.lexpr!, expression(st, node.lexpr!, Prec.Equality + 1)) + (negated ? ' NOT IN (' : ' IN (') + list + ')';
  return fitPrecedence(text, Prec.Equality, required);
}

/**
 * [NOT] LIKE and ILIKE. PostgreSQL's LIKE escapes with backslash unless told otherwise; SQLite has no escape character
 * unless given one, so the default is written out. LIKE is case-sensitive in PostgreSQL: the
 * server runs SQLite with PRAGMA case_sensitive_like = ON, so plain LIKE is right here.
 */
function like(st: TranslationState, subject: Node, pattern: Node, negated: boolean, required: number, caseless = false): string {
  let patternNode = pattern;
  let escape: string | undefined = "'\\'";
  const explicit = asNode(pattern, 'FuncCall');
  const names = explicit ? stringsOf(explicit.funcname) : [];
  if (explicit !== undefined && names[names.length - 1] === 'like_escape' && explicit.args?.length === 2) {
    patternNode = explicit.args[0]!;
    const escapeNode = explicit.args[1]!;
    // ESCAPE '' turns escaping off in PostgreSQL; SQLite without ESCAPE has none.
    const literal = asNode(escapeNode, 'A_Const')?.sval;
    escape = literal !== undefined && (literal.sval ?? '') === '' ? undefined : expression(st, escapeNode, Prec.Equality + 1);
  }
  // ILIKE folds both sides with pgsqlite_casefold(): SQLite's lower() folds ASCII only, PostgreSQL all of Unicode.
  const side = (node: Node) => (caseless ? 'pgsqlite_casefold(' + expression(st, node) + ')' : expression(st, node, Prec.Equality + 1));
  let text = side(subject) + (negated ? ' NOT LIKE ' : ' LIKE ') + side(patternNode);
  if (escape !== undefined) text += ' ESCAPE ' + escape;
  return fitPrecedence(text, Prec.Equality, required);
}

function between(st: TranslationState, node: A_Expr, required: number): string {
  const bounds = asNode(node.rexpr, 'List')?.items ?? [];
  if (bounds.length !== 2) return unsupported(st, 'BETWEEN without two bounds', node.location);
  const keyword = node.kind === 'AEXPR_NOT_BETWEEN' ? ' NOT BETWEEN ' : ' BETWEEN ';
  // An enum subject compares positions (enum-ordering.ts).
  const asEnum = enumBetweenOperand(st, node.lexpr!) ?? ((text: string) => text);
  const operand = (n: Node) => asEnum(comparable(st, n, expression(st, n, Prec.Equality + 1)));
  const text = operand(node.lexpr!) + keyword + operand(bounds[0]!) + ' AND ' + operand(bounds[1]!);
  return fitPrecedence(text, Prec.Equality, required);
}

/**
 * An operand of BETWEEN or IN: a computed numeric (exact TEXT, which SQLite compares as text)
 * compares as text under the pgsqlite_numeric collation, i.e. by value with every digit
 * (native/numeric_collation.h); the CAST makes an INTEGER/REAL numeric text too, and gives the
 * other operands TEXT affinity — decided here or by the engine (a typed slot). Table columns,
 * constants and parameters compare as they are.
 */
function comparable(st: TranslationState, operand: Node, text: string): string {
  const term = computedTerm(operand as AstNode, st.typeScope);
  if (term === undefined) return text;
  const special = ['(CAST(', ' AS TEXT) COLLATE pgsqlite_numeric)'];
  if (!needsColumns(term)) return resolved(evaluateTerm(term, () => null)) === NUMERIC ? special[0] + text + special[1] : text;
  return typedSlot({ terms: [foldTerm(term)], oids: [NUMERIC], native: ['', ''], special }, [text]);
}
