/**
 * boolean text input as PostgreSQL's boolin: surrounding whitespace ignored, any
 * case-insensitive prefix of true/false/yes/no ('t', 'fal', 'y'), 'on'/'off' (at least two
 * letters, since 'o' alone is ambiguous), and '1'/'0'.
 */
import { invalidSyntax } from './errors.js';
import { isCSpace } from './text-bytes.js';

/** Whether s[start..end) is a non-empty case-insensitive prefix of `word` (or at least `min` long). */
function prefixOf(s: string, start: number, end: number, word: string, min: number): boolean {
  const len = end - start;
  if (len < min || len > word.length) return false;
  for (let k = 0; k < len; k++) {
    let c = s.charCodeAt(start + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** Parses boolean text; undefined if it is not a boolean. */
export function tryParseBool(s: string): boolean | undefined {
  let start = 0;
  let end = s.length;
  while (start < end && isCSpace(s.charCodeAt(start))) start++;
  while (end > start && isCSpace(s.charCodeAt(end - 1))) end--;
  if (end === start) return undefined;
  switch (s.charCodeAt(start)) {
    case 116: case 84: return prefixOf(s, start, end, 'true', 1) ? true : undefined;
    case 102: case 70: return prefixOf(s, start, end, 'false', 1) ? false : undefined;
    case 121: case 89: return prefixOf(s, start, end, 'yes', 1) ? true : undefined;
    case 110: case 78: return prefixOf(s, start, end, 'no', 1) ? false : undefined;
    case 111: case 79:
      if (prefixOf(s, start, end, 'on', 2)) return true;
      return prefixOf(s, start, end, 'off', 2) ? false : undefined;
    case 49: return end - start === 1 ? true : undefined;
    case 48: return end - start === 1 ? false : undefined;
    default: return undefined;
  }
}

/** boolin; throws 22P02 like PostgreSQL. */
export function parseBool(s: string): boolean {
  const v = tryParseBool(s);
  if (v === undefined) throw invalidSyntax('boolean', s);
  return v;
}
