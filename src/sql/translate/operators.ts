/**
 * A_Expr: PostgreSQL operators and the operator-like predicates (IN lists, LIKE, BETWEEN,
 * IS [NOT] DISTINCT FROM, NULLIF). Only operators whose SQLite meaning matches are mapped;
 * the rest (regex, array, geometric, full-text …) are refused by name.
 */
import type { A_Expr } from 'libpg-query';
import { expression, expressionList } from './expressions.js';
import { asNode, stringsOf, type Node } from './parse-tree.js';
import { fitPrecedence, Prec } from './precedence.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';
import { inferExpressionType } from '../infer-output-types.js';
import type { AstNode } from '../parser.js';

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
 * IN over json_each. Other operators with ANY/ALL need the dialect issue's array support.
 */
function quantifiedArray(st: TranslationState, node: A_Expr, required: number): string {
  const op = operatorName(st, node);
  const any = node.kind === 'AEXPR_OP_ANY';
  if (!((any && op === '=') || (!any && (op === '<>' || op === '!=')))) {
    return unsupported(st, `${op} ${any ? 'ANY' : 'ALL'} (array)`, node.location);
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
    // "- -1" must keep its space: "--" starts a comment.
    const text = operand.charCodeAt(0) === prefix.charCodeAt(0) ? prefix + ' ' + operand : prefix + operand;
    return fitPrecedence(text, Prec.Unary, required);
  }
  const datetime = datetimeOperator(st, node, op, required);
  if (datetime !== undefined) return datetime;
  if (op === '/' || op === '%') {
    const text = expression(st, node.lexpr, Prec.Multiplicative) + ' ' + op + ' ' + guardedDivisor(st, node.rexpr!);
    return fitPrecedence(text, Prec.Multiplicative, required);
  }
  const binary = binaryOperators[op];
  if (binary !== undefined) {
    return infix(st, node.lexpr, ' ' + binary.text + ' ', node.rexpr, binary.prec, binary.comparison, required);
  }
  switch (op) {
    case '^':
      // PostgreSQL's exponentiation; SQLite's math functions spell it pow().
      return 'pow(' + expression(st, node.lexpr) + ', ' + expression(st, node.rexpr!) + ')';
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
    case '@>':
      return call('pgsqlite_jsonb_contains', st, node.lexpr, node.rexpr!);
    case '<@':
      return call('pgsqlite_jsonb_contains', st, node.rexpr!, node.lexpr);
    case '?':
      return call('pgsqlite_jsonb_exists', st, node.lexpr, node.rexpr!);
    case '?|':
      return call('pgsqlite_jsonb_exists_any', st, node.lexpr, node.rexpr!);
    case '?&':
      return call('pgsqlite_jsonb_exists_all', st, node.lexpr, node.rexpr!);
    case '&&':
      return call('pgsqlite_array_overlap', st, node.lexpr, node.rexpr!);
    case '#>':
      return call('pgsqlite_jsonb_path', st, node.lexpr, node.rexpr!);
    case '#>>':
      return call('pgsqlite_jsonb_path_text', st, node.lexpr, node.rexpr!);
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
 * TODO(dialect): a date/interval column with an untyped operand (`d + 1`) needs the column's type
 * at translation. Comparisons across date/timestamp, and of intervals, compare the values, not their text.
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
  if (known(lt) || known(rt)) return dispatch(expression(st, node.lexpr), expression(st, node.rexpr));
  return undefined;
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
  const list = items !== undefined ? expressionList(st, items) : expression(st, node.rexpr!);
  const text = expression(st, node.lexpr!, Prec.Equality + 1) + (negated ? ' NOT IN (' : ' IN (') + list + ')';
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
  const text = expression(st, node.lexpr!, Prec.Equality + 1) + keyword
    + expression(st, bounds[0]!, Prec.Equality + 1) + ' AND ' + expression(st, bounds[1]!, Prec.Equality + 1);
  return fitPrecedence(text, Prec.Equality, required);
}
