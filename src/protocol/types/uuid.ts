/**
 * uuid text I/O. Input as PostgreSQL's uuid_in: optional braces, 32 hex digits, a hyphen
 * allowed after any group of four; output lowercase 8-4-4-4-12.
 */
import { invalidSyntax, insufficientData, invalidBinary } from './errors.js';

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

const HEX = '0123456789abcdef';

/** uuid text input to the canonical storage string. */
export function parseUuid(s: string): string {
  // Fast path: already canonical lowercase.
  if (s.length === 36 && isCanonicalUuid(s)) return s;
  let i = 0;
  const braces = s.charCodeAt(0) === 123;
  if (braces) i++;
  let out = '';
  for (let byte = 0; byte < 16; byte++) {
    const hi = hexValue(s.charCodeAt(i));
    const lo = hexValue(s.charCodeAt(i + 1));
    if (hi < 0 || lo < 0) throw invalidSyntax('uuid', s);
    out += HEX[hi]! + HEX[lo]!;
    if (byte === 3 || byte === 5 || byte === 7 || byte === 9) out += '-';
    i += 2;
    if (s.charCodeAt(i) === 45 && byte % 2 === 1 && byte < 15) i++;
  }
  if (braces) {
    if (s.charCodeAt(i) !== 125) throw invalidSyntax('uuid', s);
    i++;
  }
  if (i !== s.length) throw invalidSyntax('uuid', s);
  return out;
}

function isCanonicalUuid(s: string): boolean {
  for (let i = 0; i < 36; i++) {
    const c = s.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** uuid_recv: exactly 16 bytes. */
export function uuidFromBinary(data: Buffer): string {
  if (data.length < 16) throw insufficientData();
  if (data.length > 16) throw invalidBinary();
  const h = data.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** uuid_send from a storage string (any form parseUuid accepts). */
export function uuidToBinary(s: string): Buffer {
  const canonical = parseUuid(s);
  const c = canonical;
  return Buffer.from(c.slice(0, 8) + c.slice(9, 13) + c.slice(14, 18) + c.slice(19, 23) + c.slice(24), 'hex');
}
