/**
 * Constant bytea input ('\x0102'::bytea, 'abc'::bytea) decoded at translation time into a SQLite
 * blob literal. CAST('\x0102' AS BLOB) would store the text's own bytes, i.e. different data, so
 * constants are folded with PostgreSQL's input rules (hex and escape formats).
 */
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';

/** @param position where the literal is, for the 22P02 PostgreSQL raises on malformed input */
export function byteaLiteral(text: string, position?: number): string {
  try {
    const hex = text.charCodeAt(0) === 92 && (text.charCodeAt(1) | 0x20) === 120 // "\x" or "\X"
      ? hexFormat(text)
      : escapeFormat(text);
    return "X'" + hex + "'";
  } catch (err) {
    throw err instanceof PgError ? err.withPosition(position) : err;
  }
}

/** \x followed by hex digit pairs; whitespace between pairs is allowed, as in byteain. */
function hexFormat(text: string): string {
  let out = '';
  let i = 2;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const d = text[i + 1];
    if (!isHexDigit(c)) throw invalid(`invalid hexadecimal digit: "${c}"`);
    if (d === undefined) throw invalid('invalid hexadecimal data: odd number of digits');
    if (!isHexDigit(d)) throw invalid(`invalid hexadecimal digit: "${d}"`);
    out += c + d;
    i += 2;
  }
  return out.toUpperCase();
}

/** Escape format: \\ is a backslash, \ooo an octal byte, anything else its UTF-8 bytes. */
function escapeFormat(text: string): string {
  if (text.indexOf('\\') < 0) return Buffer.from(text, 'utf8').toString('hex').toUpperCase();
  const bytes: number[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 92) {
      const end = text.indexOf('\\', i);
      const chunk = text.slice(i, end < 0 ? text.length : end);
      for (const byte of Buffer.from(chunk, 'utf8')) bytes.push(byte);
      i += chunk.length;
      continue;
    }
    if (text.charCodeAt(i + 1) === 92) {
      bytes.push(92);
      i += 2;
      continue;
    }
    const a = text.charCodeAt(i + 1) - 48;
    const b = text.charCodeAt(i + 2) - 48;
    const o = text.charCodeAt(i + 3) - 48;
    if (a >= 0 && a <= 3 && b >= 0 && b <= 7 && o >= 0 && o <= 7) {
      bytes.push(a * 64 + b * 8 + o);
      i += 4;
      continue;
    }
    throw invalid('invalid input syntax for type bytea');
  }
  return Buffer.from(bytes).toString('hex').toUpperCase();
}

function isHexDigit(c: string): boolean {
  const code = c.charCodeAt(0) | 0x20;
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 102);
}

function invalid(message: string): PgError {
  return new PgError({ code: SqlState.invalidTextRepresentation, message });
}
