/**
 * bytea text I/O: input in both of PostgreSQL's formats (hex '\x0a ff', escape 'a\\b\001'),
 * output in the default bytea_output = hex.
 */
import { invalidParameterValue, invalidSyntaxBare } from './errors.js';

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function isHexSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** byteain. */
export function parseByteaText(s: string): Buffer {
  if (s.charCodeAt(0) === 92 && s.charCodeAt(1) === 120) return parseHex(s);
  return parseEscape(s);
}

function parseHex(s: string): Buffer {
  const n = s.length;
  // Common case: no whitespace, every character a hex digit; let the native decoder do it.
  let clean = (n - 2) % 2 === 0;
  for (let i = 2; clean && i < n; i++) if (hexValue(s.charCodeAt(i)) < 0) clean = false;
  if (clean) return Buffer.from(s.slice(2), 'hex');
  const out = Buffer.allocUnsafe((n - 2) >> 1);
  let len = 0;
  let i = 2;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isHexSpace(c)) { i++; continue; }
    const hi = hexValue(c);
    if (hi < 0) throw badHexDigit(s, i);
    if (i + 1 >= n) throw invalidParameterValue('invalid hexadecimal data: odd number of digits');
    const lo = hexValue(s.charCodeAt(i + 1));
    if (lo < 0) {
      if (isHexSpace(s.charCodeAt(i + 1))) throw invalidParameterValue('invalid hexadecimal data: odd number of digits');
      throw badHexDigit(s, i + 1);
    }
    out[len++] = (hi << 4) | lo;
    i += 2;
  }
  return out.subarray(0, len);
}

function badHexDigit(s: string, i: number): Error {
  const cp = s.codePointAt(i)!;
  return invalidParameterValue(`invalid hexadecimal digit: "${String.fromCodePoint(cp)}"`);
}

function parseEscape(s: string): Buffer {
  if (s.indexOf('\\') === -1) return Buffer.from(s, 'utf8');
  const src = Buffer.from(s, 'utf8');
  const out = Buffer.allocUnsafe(src.length);
  let len = 0;
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c !== 92) { out[len++] = c; i++; continue; }
    const a = src[i + 1];
    if (a === 92) { out[len++] = 92; i += 2; continue; }
    const b = src[i + 2];
    const d = src[i + 3];
    if (a !== undefined && b !== undefined && d !== undefined
      && a >= 48 && a <= 51 && b >= 48 && b <= 55 && d >= 48 && d <= 55) {
      out[len++] = ((a - 48) << 6) | ((b - 48) << 3) | (d - 48);
      i += 4;
      continue;
    }
    throw invalidSyntaxBare('bytea');
  }
  return out.subarray(0, len);
}

/** byteaout with bytea_output = hex. */
export function formatByteaHex(b: Uint8Array): string {
  return '\\x' + Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}
