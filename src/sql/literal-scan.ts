/**
 * A light scan of a simple-query string for its integer literals, so that statements differing
 * only in those numbers (pgbench's `WHERE aid = 48213`, ORMs that inline keys) can share one
 * translation and one SQLite statement (src/sql/literal-templates.ts). It follows PostgreSQL's
 * lexer only as far as needed to tell literals from identifiers, strings, comments and operators;
 * whatever it is not sure of makes it give up (undefined), and the statement is prepared as before.
 */

export interface IntegerLiteral {
  /** Offset of the first digit in the text. */
  start: number;
  end: number;
  digits: string;
  /** Offset of a '-' right before the digits (spaces between allowed): the parser folds it into the constant. */
  minusAt?: number;
}

export interface LiteralScan {
  /** The text with each integer literal's digits replaced by NUL (which no query text holds). */
  shape: string;
  literals: IntegerLiteral[];
}

const asciiText = /^[\x01-\x7f]*$/;
const INT4_MAX = '2147483647';
const NUL = '\u0000';

/**
 * Scans one statement's text. Undefined when the text is not worth templating or not safe to scan:
 * non-ASCII (the parser's locations are byte offsets), parameters or dollar quotes ($), several
 * statements, unterminated quotes or comments, or no integer literal at all.
 */
export function scanLiterals(sql: string): LiteralScan | undefined {
  if (!asciiText.test(sql)) return undefined;
  const literals: IntegerLiteral[] = [];
  let shape = '';
  let copied = 0;
  let lastSignificant = -1; // offset of the last character that was not space or comment
  let sawSemicolon = false;
  const n = sql.length;
  let i = 0;
  while (i < n) {
    const c = sql.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    if (c === 45 /* - */ && sql.charCodeAt(i + 1) === 45) { // -- comment
      while (i < n && sql.charCodeAt(i) !== 10) i++;
      continue;
    }
    if (c === 47 /* / */ && sql.charCodeAt(i + 1) === 42) { // /* comment */, nested as PostgreSQL nests them
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (sql.charCodeAt(i) === 47 && sql.charCodeAt(i + 1) === 42) { depth++; i += 2; }
        else if (sql.charCodeAt(i) === 42 && sql.charCodeAt(i + 1) === 47) { depth--; i += 2; }
        else i++;
      }
      if (depth > 0) return undefined;
      continue;
    }
    if (sawSemicolon) return undefined; // text after a ';': a multi-statement string
    if (c === 36 /* $ */) return undefined;
    if (c === 59 /* ; */) { sawSemicolon = true; i++; continue; }
    if (c === 39 /* ' */ || c === 34 /* " */) {
      // A prefixed string (E'…') lets a backslash escape the quote.
      const escapes = c === 39 && i > 0 && (sql.charCodeAt(i - 1) | 0x20) === 101 && lastSignificant === i - 1 && !isWordChar(sql.charCodeAt(i - 2));
      const end = quotedEnd(sql, i, c, escapes);
      if (end < 0) return undefined;
      lastSignificant = end - 1;
      i = end;
      continue;
    }
    if (isWordStart(c)) {
      while (i < n && isWordChar(sql.charCodeAt(i))) i++;
      lastSignificant = i - 1;
      continue;
    }
    if (isDigit(c) || (c === 46 /* . */ && isDigit(sql.charCodeAt(i + 1)))) {
      const start = i;
      while (i < n && isDigit(sql.charCodeAt(i))) i++;
      const next = sql.charCodeAt(i);
      const integer = c !== 46 && !(next === 46 || isWordChar(next));
      // Decimals, exponents, 0x…, 1_000: part of the number token, kept as written.
      while (i < n && (isWordChar(sql.charCodeAt(i)) || sql.charCodeAt(i) === 46 ||
        ((sql.charCodeAt(i - 1) | 0x20) === 101 && (sql.charCodeAt(i) === 43 || sql.charCodeAt(i) === 45)))) i++;
      const digits = sql.slice(start, i);
      if (integer && fitsInt4(digits)) {
        const literal: IntegerLiteral = { start, end: i, digits };
        if (lastSignificant >= 0 && sql.charCodeAt(lastSignificant) === 45) literal.minusAt = lastSignificant;
        literals.push(literal);
        shape += sql.slice(copied, start) + NUL;
        copied = i;
      }
      lastSignificant = i - 1;
      continue;
    }
    lastSignificant = i;
    i++;
  }
  if (literals.length === 0) return undefined;
  return { shape: shape + sql.slice(copied), literals };
}

/** The offset just past a quoted string or identifier starting at `start`, or -1 when unterminated. */
function quotedEnd(sql: string, start: number, quote: number, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql.charCodeAt(i);
    if (backslashEscapes && c === 92) { i += 2; continue; }
    if (c === quote) {
      if (sql.charCodeAt(i + 1) === quote) { i += 2; continue; } // a doubled quote is one quote character
      return i + 1;
    }
    i++;
  }
  return -1;
}

function fitsInt4(digits: string): boolean {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  return trimmed.length < INT4_MAX.length || (trimmed.length === INT4_MAX.length && trimmed <= INT4_MAX);
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isWordStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isWordChar = (c: number) => isWordStart(c) || isDigit(c) || c === 36;
