/**
 * The expression dispatcher: one switch on the node kind, each family written by its own module.
 * Every emitter takes the precedence its slot requires and parenthesises itself when needed, so
 * the output has the parentheses SQLite needs and no others.
 */
import type { ColumnRef, ParamRef, RowExpr } from 'libpg-query';
import { arraySubscript } from './array-subscripts.js';
import { functionCall } from './function-calls.js';
import { collateExpression } from './collations.js';
import { caseExpression, coalesceExpression, minMaxExpression } from './conditional-expressions.js';
import { constant } from './constants.js';
import { quoteIdentifier } from './identifiers.js';
import { booleanExpression, booleanTest, nullTest } from './logical-expressions.js';
import { operatorExpression } from './operators.js';
import { checkCommonLiterals } from './semantic-checks.js';
import { nodeBody, nodeKind, stringOf, type Node } from './parse-tree.js';
import { Prec } from './precedence.js';
import { qualify } from './qualified-names.js';
import { rangeColumn } from './range-functions.js';
import { sqlValueFunction } from './sql-value-functions.js';
import { subLink } from './sublinks.js';
import type { TranslationState } from './translation-state.js';
import { typeCast } from './type-casts.js';
import { unsupported } from './unsupported.js';

export function expression(st: TranslationState, node: Node, required: number = Prec.Any): string {
  const kind = nodeKind(node);
  switch (kind) {
    case 'A_Const': return constant(st, nodeBody(node, 'A_Const'), required);
    case 'ColumnRef': return columnRef(st, nodeBody(node, 'ColumnRef'));
    case 'ParamRef': return parameter(st, nodeBody(node, 'ParamRef'));
    case 'A_Expr': return operatorExpression(st, nodeBody(node, 'A_Expr'), required);
    case 'BoolExpr': return booleanExpression(st, nodeBody(node, 'BoolExpr'), required);
    case 'NullTest': return nullTest(st, nodeBody(node, 'NullTest'), required);
    case 'BooleanTest': return booleanTest(st, nodeBody(node, 'BooleanTest'), required);
    case 'SubLink': return subLink(st, nodeBody(node, 'SubLink'), required);
    case 'CaseExpr': return caseExpression(st, nodeBody(node, 'CaseExpr'));
    case 'CoalesceExpr': return coalesceExpression(st, nodeBody(node, 'CoalesceExpr'));
    case 'MinMaxExpr': return minMaxExpression(st, nodeBody(node, 'MinMaxExpr'));
    case 'FuncCall': return functionCall(st, nodeBody(node, 'FuncCall'));
    case 'TypeCast': return typeCast(st, nodeBody(node, 'TypeCast'), required);
    case 'CollateClause': return collateExpression(st, nodeBody(node, 'CollateClause'), required);
    case 'SQLValueFunction': return sqlValueFunction(st, nodeBody(node, 'SQLValueFunction'));
    case 'RowExpr': return rowExpression(st, nodeBody(node, 'RowExpr'));
    // Arrays are stored as JSON arrays (see protocol/types/storage.ts).
    case 'A_ArrayExpr': {
      const elements = nodeBody(node, 'A_ArrayExpr').elements;
      if (elements !== undefined) checkCommonLiterals(st, [elements]);
      return 'json_array(' + expressionList(st, elements) + ')';
    }
    case 'A_Indirection': return arraySubscript(st, nodeBody(node, 'A_Indirection'));
    case 'SetToDefault': return unsupported(st, 'DEFAULT in this position', nodeBody(node, 'SetToDefault').location);
    case 'GroupingFunc': return unsupported(st, 'GROUPING()', nodeBody(node, 'GroupingFunc').location);
    case 'CurrentOfExpr': return unsupported(st, 'WHERE CURRENT OF');
    case 'NamedArgExpr': return unsupported(st, 'a named function argument', nodeBody(node, 'NamedArgExpr').location);
    case 'XmlExpr':
    case 'XmlSerialize':
      return unsupported(st, 'XML syntax', locationOf(node));
    default:
      if (kind.startsWith('Json')) return unsupported(st, 'SQL/JSON syntax', locationOf(node));
      return unsupported(st, `expression ${kind}`, locationOf(node));
  }
}

/** Comma-separated expressions, each in a slot that takes anything. */
export function expressionList(st: TranslationState, nodes: Node[] | undefined): string {
  if (nodes === undefined || nodes.length === 0) return '';
  let out = expression(st, nodes[0]!);
  for (let i = 1; i < nodes.length; i++) out += ', ' + expression(st, nodes[i]!);
  return out;
}

/** The location field of whatever node this is, for error positions. */
export function locationOf(node: Node | undefined): number | undefined {
  if (node === undefined) return undefined;
  const body = nodeBody(node, nodeKind(node)) as { location?: number } | undefined;
  return body?.location;
}

/**
 * a, t.a, s.t.a, *, t.*. Inside RETURNING the target's alias must become the table's name and
 * `t.*` a bare `*`, as SQLite's RETURNING knows neither.
 */
function columnRef(st: TranslationState, node: ColumnRef): string {
  const fields = node.fields ?? [];
  const last = fields[fields.length - 1];
  const column = stringOf(last);
  const tail = column === undefined ? '*' : quoteIdentifier(column);
  if (st.rangeScopes.length > 0) {
    const rewritten = rangeColumn(st, fields.map(stringOf));
    if (rewritten !== undefined) return rewritten;
  }
  if (fields.length === 1) return tail;
  if (fields.length === 2) {
    let qualifier = stringOf(fields[0]) ?? '';
    const rewrite = st.returningQualifier;
    if (rewrite !== undefined && qualifier === rewrite.from) {
      if (column === undefined) return '*';
      qualifier = rewrite.to;
    }
    return quoteIdentifier(qualifier) + '.' + tail;
  }
  if (fields.length === 3) return qualify(stringOf(fields[0]), stringOf(fields[1]) ?? '') + '.' + tail;
  return unsupported(st, 'a cross-database reference', node.location);
}

/** $n → ?n: SQLite's numbered parameters keep PostgreSQL's numbering, including reuse. */
function parameter(st: TranslationState, node: ParamRef): string {
  const n = node.number ?? 0;
  st.useParam(n);
  return '?' + n;
}

/**
 * (a, b) and ROW(a, b) are SQLite row values (comparisons, IN, UPDATE SET). A one-column row
 * would read as a parenthesised scalar in SQLite, so it is refused rather than silently unwrapped.
 */
function rowExpression(st: TranslationState, node: RowExpr): string {
  const args = node.args ?? [];
  if (args.length < 2) return unsupported(st, 'a row constructor with fewer than two columns', node.location);
  return '(' + expressionList(st, args) + ')';
}
