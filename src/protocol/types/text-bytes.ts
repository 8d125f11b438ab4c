/**
 * Wire bytes to JS strings. PostgreSQL rejects parameters that are not valid in the server
 * encoding (UTF8 here) or that contain a zero byte, before any type input function runs;
 * doing the same keeps invalid text out of SQLite, which would store it unchecked.
 */
import { isUtf8 } from 'node:buffer';
import { PgError } from '../pg-error.js';
import { SqlState } from '../sqlstate.js';

/** Decodes UTF-8 text from the wire, raising PostgreSQL's 22021 for bad or NUL bytes. */
export function utf8Text(data: Buffer): string {
  // isUtf8 and indexOf are native scans; the JS fallback below only runs to word the error.
  if (data.length === 0) return '';
  if (data.indexOf(0) !== -1 || !isUtf8(data)) throw badSequence(data);
  return data.toString('utf8');
}

function badSequence(data: Buffer): PgError {
  let i = 0;
  while (i < data.length) {
    const b = data[i]!;
    const need = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    let ok = b !== 0 && need > 0 && i + need <= data.length;
    for (let k = 1; ok && k < need; k++) {
      const c = data[i + k]!;
      ok = c >= 0x80 && c < 0xc0;
    }
    if (ok && need === 3) {
      const c = data[i + 1]!;
      ok = !(b === 0xe0 && c < 0xa0) && !(b === 0xed && c >= 0xa0);
    } else if (ok && need === 4) {
      const c = data[i + 1]!;
      ok = !(b === 0xf0 && c < 0x90) && !(b === 0xf4 && c >= 0x90);
    }
    if (!ok) {
      const shown: string[] = [];
      const end = Math.min(data.length, i + Math.max(need, 1));
      for (let k = i; k < end; k++) shown.push('0x' + data[k]!.toString(16).padStart(2, '0'));
      return new PgError({
        code: SqlState.characterNotInRepertoire,
        message: `invalid byte sequence for encoding "UTF8": ${shown.join(' ')}`,
      });
    }
    i += need;
  }
  return new PgError({ code: SqlState.characterNotInRepertoire, message: 'invalid byte sequence for encoding "UTF8"' });
}

/** True for the bytes C's isspace() accepts, which PostgreSQL's input functions skip. */
export function isCSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** The character code at i, ASCII letters lowered. */
export function lowerAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** True if s[i..] starts with the lowercase ASCII word w, ignoring case. */
export function wordAt(s: string, i: number, w: string): boolean {
  if (i + w.length > s.length) return false;
  for (let k = 0; k < w.length; k++) if (lowerAt(s, i + k) !== w.charCodeAt(k)) return false;
  return true;
}
