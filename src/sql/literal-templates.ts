/**
 * Literal templates: simple-query statements that differ only in integer literals share one
 * translation, in which those literals are SQLite parameters (?1…?n) bound per execution. A new
 * text then costs a scan and two map lookups instead of a parse, a translation and a SQLite
 * prepare (which also compiles the table's triggers) — the cost that made pgbench `-M simple` and
 * ORMs that inline keys slow.
 *
 * A literal becomes a parameter only where a bound value means exactly what the literal means:
 * an operand of a comparison or of + - *, an IN or BETWEEN item, a VALUES item of an INSERT, the
 * value of an UPDATE's SET. Not in ORDER BY/GROUP BY (a position), LIMIT, a divisor (the
 * translator leaves out the zero check for a non-zero constant), a function's argument or a type
 * modifier. The translator may also treat a value specially; so a template is made by translating
 * the statement again with sentinel numbers in those places and it is kept only when
 * - every sentinel comes out as a bare number token (not inside a string, not folded away), and
 * - the template with the statement's own numbers put back is exactly the statement's translation.
 */
import type { AstNode } from './parser.js';
import type { IntegerLiteral, LiteralScan } from './literal-scan.js';

const comparisonAndArithmetic = new Set(['=', '<>', '!=', '<', '>', '<=', '>=', '+', '-', '*']);

/** Offsets of the integer constants that sit where a parameter may replace them. */
export function parameterSlots(stmt: AstNode): Set<number> {
  const slots = new Set<number>();
  const addConstant = (node: AstNode | undefined) => {
    const constant = node?.A_Const;
    if (constant?.ival !== undefined && typeof constant.location === 'number') slots.add(constant.location);
  };
  const addItems = (list: AstNode | undefined) => {
    for (const item of (list?.List?.items ?? []) as AstNode[]) addConstant(item);
  };
  walk(stmt, (key, node) => {
    if (key === 'A_Expr') {
      const name = node.name?.length === 1 ? node.name[0]?.String?.sval : undefined;
      if (node.kind === 'AEXPR_OP' && comparisonAndArithmetic.has(name)) {
        addConstant(node.lexpr);
        addConstant(node.rexpr);
      } else if (node.kind === 'AEXPR_IN' || node.kind === 'AEXPR_BETWEEN' || node.kind === 'AEXPR_NOT_BETWEEN') {
        addConstant(node.lexpr);
        addItems(node.rexpr);
      }
    } else if (key === 'InsertStmt') {
      for (const row of (node.selectStmt?.SelectStmt?.valuesLists ?? []) as AstNode[]) addItems(row);
    } else if (key === 'UpdateStmt') {
      for (const target of (node.targetList ?? []) as AstNode[]) addConstant(target.ResTarget?.val);
    }
  });
  return slots;
}

function walk(node: unknown, visit: (key: string, body: AstNode) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && /^[A-Z]/.test(key)) visit(key, value as AstNode);
    walk(value, visit);
  }
}

/** Which scanned literals are parameters: the parser puts a folded minus sign's offset on the constant. */
export function parameterMask(scan: LiteralScan, slots: Set<number>): boolean[] {
  return scan.literals.map((literal) => slots.has(literal.start) || (literal.minusAt !== undefined && slots.has(literal.minusAt)));
}

/** The key of the literals that stay part of the text (those that are not parameters). */
export function fixedLiteralsKey(scan: LiteralScan, mask: boolean[]): string {
  let key = '';
  scan.literals.forEach((literal, i) => { if (!mask[i]) key += literal.digits + ','; });
  return key;
}

/** The parameters' values: each literal's digits as an integer (SQLite binds a bigint as INTEGER). */
export function parameterValues(scan: LiteralScan, mask: boolean[]): bigint[] {
  const values: bigint[] = [];
  scan.literals.forEach((literal, i) => { if (mask[i]) values.push(BigInt(literal.digits)); });
  return values;
}

const SENTINEL_BASE = 1_987_650_001;

/** The text with each parameter literal replaced by a distinct sentinel number, and the sentinels. */
export function withSentinels(sql: string, scan: LiteralScan, mask: boolean[]): { text: string; sentinels: string[] } | undefined {
  let text = '';
  let copied = 0;
  const sentinels: string[] = [];
  scan.literals.forEach((literal: IntegerLiteral, i) => {
    if (!mask[i]) return;
    const sentinel = String(SENTINEL_BASE + sentinels.length);
    sentinels.push(sentinel);
    text += sql.slice(copied, literal.start) + sentinel;
    copied = literal.end;
  });
  if (sentinels.some((sentinel) => sql.includes(sentinel))) return undefined;
  return { text: text + sql.slice(copied), sentinels };
}

/** A translated statement as text pieces and parameter numbers (0-based), in order. */
export type TemplatePieces = Array<string | number>;

/**
 * Splits translated SQL at the sentinels. Undefined when a sentinel is missing or is not a bare
 * number token (inside a string, or glued to other characters: the translator transformed it).
 */
export function templatePieces(sql: string, sentinels: string[]): { pieces: TemplatePieces; found: Set<number> } | undefined {
  const index = new Map(sentinels.map((sentinel, i) => [sentinel, i]));
  const pieces: TemplatePieces = [];
  const found = new Set<number>();
  const pattern = /\d{10}/g;
  const quoted = quotedRanges(sql);
  let copied = 0;
  for (let match = pattern.exec(sql); match !== null; match = pattern.exec(sql)) {
    const at = match.index;
    const parameter = index.get(match[0]);
    if (parameter === undefined) continue;
    const before = sql.charCodeAt(at - 1);
    const after = sql.charCodeAt(at + match[0].length);
    if (gluedOrQuoted(before) || gluedOrQuoted(after) || quoted.some(([from, to]) => at >= from && at < to)) return undefined;
    pieces.push(sql.slice(copied, at), parameter);
    found.add(parameter);
    copied = at + match[0].length;
  }
  pieces.push(sql.slice(copied));
  return { pieces, found };
}

/** [start, end) of each string, quoted name and comment of SQLite text: a number there is not a token. */
function quotedRanges(sql: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql.charCodeAt(i);
    let end = -1;
    if (c === 39 || c === 34 || c === 96) { // '…' "…" `…`, a doubled quote inside
      end = i + 1;
      while (end < sql.length && !(sql.charCodeAt(end) === c && sql.charCodeAt(end + 1) !== c)) end += sql.charCodeAt(end) === c ? 2 : 1;
      end++;
    } else if (c === 91) { // [name]
      end = sql.indexOf(']', i) + 1 || sql.length;
    } else if (c === 47 && sql.charCodeAt(i + 1) === 42) {
      end = sql.indexOf('*/', i + 2);
      end = end < 0 ? sql.length : end + 2;
    } else if (c === 45 && sql.charCodeAt(i + 1) === 45) {
      end = sql.indexOf('\n', i);
      if (end < 0) end = sql.length;
    }
    if (end > i) {
      ranges.push([i, end]);
      i = end;
    } else {
      i++;
    }
  }
  return ranges;
}

const gluedOrQuoted = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 39 || c === 34 || c === 36;

/** The SQLite text with ?1…?n in place of the parameters. */
export function templateSql(pieces: TemplatePieces): string {
  return pieces.map((piece) => (typeof piece === 'number' ? `?${piece + 1}` : piece)).join('');
}

/** The text with the given numbers in place of the parameters (to compare with a translation). */
export function renderedSql(pieces: TemplatePieces, values: bigint[]): string {
  return pieces.map((piece) => (typeof piece === 'number' ? String(values[piece]) : piece)).join('');
}
