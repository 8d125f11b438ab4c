/**
 * json and jsonb text. json is validated and kept verbatim; jsonb is rewritten the way
 * jsonb_out prints it: object keys ordered by byte length and then bytewise, the last of
 * duplicate keys kept, ', ' and ': ' separators, numbers in numeric's canonical form ('1E+2'
 * becomes 100, '2.50' stays 2.50), strings re-escaped minimally. Errors carry PostgreSQL's
 * detail lines ('Token "x" is invalid.', 'The input string ended unexpectedly.').
 */
import { PgError } from '../pg-error.js';
import { SqlState } from '../sqlstate.js';
import { invalidJson } from './errors.js';
import { parseNumeric } from './numeric.js';

const LITERALS = ['true', 'false', 'null'];

/** Nesting beyond this is refused instead of overflowing the JS stack. */
const MAX_DEPTH = 1000;

function isJsonSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** PostgreSQL's JSON_ALPHANUMERIC_CHAR: what an invalid token's reported text extends over. */
function isTokenChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c >= 128;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Compares object keys the way jsonb orders them: shorter UTF-8 first, then bytewise. */
function compareKeys(a: string, b: string): number {
  if (a.length !== b.length || a !== b) {
    const la = Buffer.byteLength(a, 'utf8');
    const lb = Buffer.byteLength(b, 'utf8');
    if (la !== lb) return la - lb;
  }
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 order differs from UTF-8 byte order only around surrogates; remap to code point order.
    if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
    if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    return x - y;
  }
  return a.length - b.length;
}

/** escape_json: quotes, backslash and control characters escaped; everything else literal. */
export function quoteJsonString(s: string): string {
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c !== 34 && c !== 92) continue;
    out += s.slice(from, i);
    from = i + 1;
    switch (c) {
      case 8: out += '\\b'; break;
      case 12: out += '\\f'; break;
      case 10: out += '\\n'; break;
      case 13: out += '\\r'; break;
      case 9: out += '\\t'; break;
      case 34: out += '\\"'; break;
      case 92: out += '\\\\'; break;
      default: out += '\\u' + c.toString(16).padStart(4, '0');
    }
  }
  return out + s.slice(from) + '"';
}

class JsonReader {
  private pos = 0;
  /** Decoded value of the last string read (jsonb keys need it for ordering). */
  private lastString = '';

  constructor(private readonly s: string, private readonly build: boolean) {}

  /** Parses the whole input; returns the jsonb text when building, '' otherwise. */
  document(): string {
    this.skipSpace();
    const out = this.value(0);
    this.skipSpace();
    if (this.pos < this.s.length) throw invalidJson(`Expected end of input, but found "${this.tokenText()}".`);
    return out;
  }

  private skipSpace(): void {
    const s = this.s;
    while (this.pos < s.length && isJsonSpace(s.charCodeAt(this.pos))) this.pos++;
  }

  /** The token at pos, as PostgreSQL quotes it in "found" messages. */
  private tokenText(): string {
    const s = this.s;
    const c = s.charCodeAt(this.pos);
    if (c === 34) {
      // A whole string token.
      let i = this.pos + 1;
      while (i < s.length && s.charCodeAt(i) !== 34) i += s.charCodeAt(i) === 92 ? 2 : 1;
      return s.slice(this.pos, Math.min(i + 1, s.length));
    }
    if (!isTokenChar(c) && c !== 45) return String.fromCodePoint(s.codePointAt(this.pos)!);
    let i = this.pos + 1;
    while (i < s.length && (isTokenChar(s.charCodeAt(i)) || s.charCodeAt(i) === 46 || s.charCodeAt(i) === 43
      || s.charCodeAt(i) === 45)) i++;
    return s.slice(this.pos, i);
  }

  private endOrFound(expected: string): PgError {
    if (this.pos >= this.s.length) return invalidJson('The input string ended unexpectedly.');
    const c = this.s.charCodeAt(this.pos);
    // A token that is itself malformed is reported as such, before what was expected.
    if (!(c === 123 || c === 125 || c === 91 || c === 93 || c === 44 || c === 58 || c === 34 || c === 45
      || (c >= 48 && c <= 57)) && !this.isLiteral()) {
      return invalidJson(`Token "${this.badTokenText()}" is invalid.`);
    }
    return invalidJson(`${expected}, but found "${this.tokenText()}".`);
  }

  private isLiteral(): boolean {
    const s = this.s;
    for (let k = 0; k < LITERALS.length; k++) {
      const w = LITERALS[k]!;
      if (s.startsWith(w, this.pos) && !isTokenChar(s.charCodeAt(this.pos + w.length))) return true;
    }
    return false;
  }

  private badTokenText(): string {
    const s = this.s;
    let i = this.pos;
    if (!isTokenChar(s.charCodeAt(i))) return String.fromCodePoint(s.codePointAt(i)!);
    while (i < s.length && isTokenChar(s.charCodeAt(i))) i++;
    return s.slice(this.pos, i);
  }

  private value(depth: number): string {
    if (depth > MAX_DEPTH) {
      throw new PgError({ code: SqlState.programLimitExceeded, message: 'stack depth limit exceeded' });
    }
    const s = this.s;
    if (this.pos >= s.length) throw invalidJson('The input string ended unexpectedly.');
    const c = s.charCodeAt(this.pos);
    if (c === 123) return this.object(depth);
    if (c === 91) return this.array(depth);
    if (c === 34) {
      const start = this.pos;
      const escaped = this.string();
      if (!this.build) return '';
      return escaped ? quoteJsonString(this.lastString) : s.slice(start, this.pos);
    }
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    if (this.isLiteral()) {
      const w = c === 116 ? 'true' : c === 102 ? 'false' : 'null';
      this.pos += w.length;
      return w;
    }
    throw this.endOrFound('Expected JSON value');
  }

  private object(depth: number): string {
    this.pos++; // {
    this.skipSpace();
    const entries = this.build ? new Map<string, string>() : undefined;
    if (this.s.charCodeAt(this.pos) === 125) {
      this.pos++;
      return '{}';
    }
    for (let first = true; ; first = false) {
      if (this.s.charCodeAt(this.pos) !== 34) {
        throw this.endOrFound(first ? 'Expected string or "}"' : 'Expected string');
      }
      this.string();
      const key = this.lastString;
      this.skipSpace();
      if (this.s.charCodeAt(this.pos) !== 58) throw this.endOrFound('Expected ":"');
      this.pos++;
      this.skipSpace();
      const v = this.value(depth + 1);
      if (entries !== undefined) {
        entries.delete(key); // last duplicate wins
        entries.set(key, v);
      }
      this.skipSpace();
      const c = this.s.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        this.skipSpace();
        continue;
      }
      if (c === 125) {
        this.pos++;
        break;
      }
      throw this.endOrFound('Expected "," or "}"');
    }
    if (entries === undefined) return '';
    const keys = [...entries.keys()];
    if (keys.length > 1) keys.sort(compareKeys);
    let out = '{';
    for (let k = 0; k < keys.length; k++) {
      if (k > 0) out += ', ';
      out += quoteJsonString(keys[k]!) + ': ' + entries.get(keys[k]!)!;
    }
    return out + '}';
  }

  private array(depth: number): string {
    this.pos++; // [
    this.skipSpace();
    if (this.s.charCodeAt(this.pos) === 93) {
      this.pos++;
      return '[]';
    }
    let out = '[';
    let first = true;
    for (;;) {
      const v = this.value(depth + 1);
      if (this.build) out += first ? v : ', ' + v;
      first = false;
      this.skipSpace();
      const c = this.s.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        this.skipSpace();
        continue;
      }
      if (c === 93) {
        this.pos++;
        break;
      }
      throw this.endOrFound('Expected "," or "]"');
    }
    return this.build ? out + ']' : '';
  }

  /**
   * Reads a string token at pos into lastString (decoded only when building or when it has
   * escapes); returns whether it contained escapes.
   */
  private string(): boolean {
    const s = this.s;
    const start = ++this.pos;
    let i = start;
    let escaped = false;
    let decoded = '';
    let from = start;
    for (;;) {
      if (i >= s.length) throw invalidJson(`Token "${s.slice(start - 1)}" is invalid.`);
      const c = s.charCodeAt(i);
      if (c === 34) break;
      if (c < 32) {
        throw invalidJson(`Character with value 0x${c.toString(16).padStart(2, '0')} must be escaped.`);
      }
      if (c !== 92) { i++; continue; }
      escaped = true;
      decoded += s.slice(from, i);
      const e = s.charCodeAt(i + 1);
      switch (e) {
        case 34: decoded += '"'; i += 2; break;
        case 92: decoded += '\\'; i += 2; break;
        case 47: decoded += '/'; i += 2; break;
        case 98: decoded += '\b'; i += 2; break;
        case 102: decoded += '\f'; i += 2; break;
        case 110: decoded += '\n'; i += 2; break;
        case 114: decoded += '\r'; i += 2; break;
        case 116: decoded += '\t'; i += 2; break;
        case 117: {
          let code = 0;
          for (let k = 2; k < 6; k++) {
            const h = hexValue(s.charCodeAt(i + k));
            if (h < 0) throw invalidJson('"\\u" must be followed by four hexadecimal digits.');
            code = code * 16 + h;
          }
          i += 6;
          if (this.build) decoded += this.unicodeEscape(code, s, i);
          if (this.build && code >= 0xd800 && code < 0xdc00) i += 6; // the low half was consumed too
          break;
        }
        default:
          if (i + 1 >= s.length) throw invalidJson(`Token "${s.slice(start - 1)}" is invalid.`);
          throw invalidJson(`Escape sequence "\\${String.fromCodePoint(s.codePointAt(i + 1)!)}" is invalid.`);
      }
      from = i;
    }
    if (escaped) decoded += s.slice(from, i);
    this.lastString = escaped ? decoded : s.slice(start, i);
    this.pos = i + 1;
    return escaped;
  }

  /** A \uXXXX escape as jsonb must convert it: surrogates paired, no NUL. */
  private unicodeEscape(code: number, s: string, after: number): string {
    if (code === 0) {
      throw new PgError({
        code: SqlState.untranslatableCharacter,
        message: 'unsupported Unicode escape sequence',
        detail: '\\u0000 cannot be converted to text.',
      });
    }
    if (code >= 0xdc00 && code < 0xe000) throw invalidJson('Unicode low surrogate must follow a high surrogate.');
    if (code < 0xd800 || code >= 0xe000) return String.fromCharCode(code);
    // High surrogate: a \uDC00-\uDFFF escape must follow.
    if (s.charCodeAt(after) !== 92 || s.charCodeAt(after + 1) !== 117) {
      throw invalidJson('Unicode low surrogate must follow a high surrogate.');
    }
    let low = 0;
    for (let k = 2; k < 6; k++) {
      const h = hexValue(s.charCodeAt(after + k));
      if (h < 0) throw invalidJson('"\\u" must be followed by four hexadecimal digits.');
      low = low * 16 + h;
    }
    if (low >= 0xd800 && low < 0xdc00) throw invalidJson('Unicode high surrogate must not follow a high surrogate.');
    if (low < 0xdc00 || low >= 0xe000) throw invalidJson('Unicode low surrogate must follow a high surrogate.');
    return String.fromCharCode(code, low);
  }

  /** JSON number grammar; the output is numeric's canonical text. */
  private number(): string {
    const s = this.s;
    const start = this.pos;
    let i = start;
    if (s.charCodeAt(i) === 45) i++;
    const intStart = i;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    let ok = i > intStart && !(s.charCodeAt(intStart) === 48 && i - intStart > 1);
    if (ok && s.charCodeAt(i) === 46) {
      const f = ++i;
      while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
      ok = i > f;
    }
    if (ok && (s.charCodeAt(i) === 101 || s.charCodeAt(i) === 69)) {
      i++;
      if (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45) i++;
      const e = i;
      while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
      ok = i > e;
    }
    if (!ok || (i < s.length && isTokenChar(s.charCodeAt(i)))) {
      // Report the whole run, as PostgreSQL does ('01', '1.', '1e', '-').
      let j = i;
      while (j < s.length && isTokenChar(s.charCodeAt(j))) j++;
      throw invalidJson(`Token "${s.slice(start, Math.max(j, start + 1))}" is invalid.`);
    }
    this.pos = i;
    return this.build ? parseNumeric(s.slice(start, i)) : '';
  }
}

/** Validates json text (kept verbatim in storage); throws PostgreSQL's errors. */
export function validateJson(text: string): void {
  new JsonReader(text, false).document();
}

/** jsonb text input to its storage (= output) form. */
export function normalizeJsonb(text: string): string {
  return new JsonReader(text, true).document();
}
