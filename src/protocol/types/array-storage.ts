/**
 * The JSON text arrays are stored as (see storage.ts): writing element storage values as JSON
 * and reading them back. The reader is a small purpose-built JSON parser rather than
 * JSON.parse so int8 elements stay exact (bigint) and no intermediate objects are built.
 */
import type { SqliteValue } from './storage.js';
import { TypeOid } from './oids.js';
import { quoteJsonString } from './json.js';
import { parseByteaText } from './bytea.js';
import { roundHalfEven } from './integer.js';

/** Storage values nested one level per array dimension. */
export type StoredNode = SqliteValue | StoredNode[];

/** How an element type's values map onto JSON. */
export type ElementKind = 'bool' | 'int' | 'float' | 'bytea' | 'other';

export function elementKind(elementOid: number): ElementKind {
  switch (elementOid) {
    case TypeOid.bool: return 'bool';
    case TypeOid.int2: case TypeOid.int4: case TypeOid.int8: case TypeOid.oid: return 'int';
    case TypeOid.float4: case TypeOid.float8: return 'float';
    case TypeOid.bytea: return 'bytea';
    default: return 'other';
  }
}

/** One element storage value as JSON. */
export function elementJson(kind: ElementKind, value: SqliteValue): string {
  if (value === null) return 'null';
  switch (kind) {
    case 'bool':
      return (typeof value === 'bigint' ? value !== 0n : typeof value === 'number' ? value !== 0 : value === 't')
        ? 'true' : 'false';
    case 'int':
      return typeof value === 'bigint' ? value.toString() : jsonScalar(value);
    case 'float':
      if (typeof value === 'number') {
        if (Number.isFinite(value)) return Object.is(value, -0) ? '-0' : String(value);
        return value !== value ? '"NaN"' : value > 0 ? '"Infinity"' : '"-Infinity"';
      }
      return jsonScalar(value);
    case 'bytea':
      if (value instanceof Uint8Array) return '"\\\\x' + Buffer.from(value).toString('hex') + '"';
      return jsonScalar(value);
    default:
      return jsonScalar(value);
  }
}

function jsonScalar(value: Exclude<SqliteValue, null>): string {
  if (typeof value === 'string') return quoteJsonString(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `"${String(value)}"`;
  return quoteJsonString(Buffer.from(value).toString('utf8'));
}

/** Nested storage values as the stored JSON text. */
export function storedArrayJson(kind: ElementKind, items: StoredNode[]): string {
  let out = '[';
  for (let k = 0; k < items.length; k++) {
    if (k > 0) out += ',';
    const item = items[k]!;
    out += Array.isArray(item) ? storedArrayJson(kind, item) : elementJson(kind, item);
  }
  return out + ']';
}

/** Reads stored array JSON back into storage values; undefined if the text is not such JSON. */
export function readStoredArray(kind: ElementKind, text: string): StoredNode[] | undefined {
  const r = new StoredReader(text, kind);
  try {
    r.space();
    if (text.charCodeAt(r.pos) !== 91) return undefined;
    const items = r.array(0);
    r.space();
    return r.pos === text.length ? items : undefined;
  } catch (err) {
    if (err === MALFORMED) return undefined;
    throw err;
  }
}

const MALFORMED = new Error('malformed stored array');

class StoredReader {
  pos = 0;

  constructor(private readonly s: string, private readonly kind: ElementKind) {}

  space(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      this.pos++;
    }
  }

  array(depth: number): StoredNode[] {
    if (depth > 6) throw MALFORMED;
    const s = this.s;
    this.pos++; // [
    const items: StoredNode[] = [];
    this.space();
    if (s.charCodeAt(this.pos) === 93) { this.pos++; return items; }
    for (;;) {
      this.space();
      const c = s.charCodeAt(this.pos);
      items.push(c === 91 ? this.array(depth + 1) : this.scalar());
      this.space();
      const d = s.charCodeAt(this.pos++);
      if (d === 44) continue;
      if (d === 93) return items;
      throw MALFORMED;
    }
  }

  private scalar(): SqliteValue {
    const s = this.s;
    const c = s.charCodeAt(this.pos);
    if (c === 34) return this.fromString(this.string());
    if (c === 110 && s.startsWith('null', this.pos)) { this.pos += 4; return null; }
    if (c === 116 && s.startsWith('true', this.pos)) { this.pos += 4; return this.kind === 'bool' ? 1n : 't'; }
    if (c === 102 && s.startsWith('false', this.pos)) { this.pos += 5; return this.kind === 'bool' ? 0n : 'f'; }
    const start = this.pos;
    let integral = true;
    while (this.pos < s.length) {
      const d = s.charCodeAt(this.pos);
      if (d >= 48 && d <= 57) { this.pos++; continue; }
      if (d === 45 || d === 43 || d === 46 || d === 101 || d === 69) {
        if (d !== 45 || this.pos !== start) integral = false;
        this.pos++;
        continue;
      }
      break;
    }
    if (this.pos === start) throw MALFORMED;
    const token = s.slice(start, this.pos);
    const n = Number(token);
    if (n !== n) throw MALFORMED;
    switch (this.kind) {
      case 'float': return n;
      case 'int': case 'bool': return integral ? BigInt(token) : BigInt(roundHalfEven(n));
      default: return token;
    }
  }

  /** A storage value from a JSON string element (floats' NaN/Infinity, bytea hex, plain text). */
  private fromString(text: string): SqliteValue {
    if (this.kind === 'float') {
      if (text === 'Infinity') return Infinity;
      if (text === '-Infinity') return -Infinity;
      return text;
    }
    if (this.kind === 'bytea') {
      try {
        return parseByteaText(text);
      } catch {
        return Buffer.from(text, 'utf8');
      }
    }
    return text;
  }

  private string(): string {
    const s = this.s;
    let from = ++this.pos;
    let out = '';
    for (;;) {
      if (this.pos >= s.length) throw MALFORMED;
      const c = s.charCodeAt(this.pos);
      if (c === 34) break;
      if (c !== 92) { this.pos++; continue; }
      out += s.slice(from, this.pos);
      const e = s.charCodeAt(this.pos + 1);
      switch (e) {
        case 34: out += '"'; break;
        case 92: out += '\\'; break;
        case 47: out += '/'; break;
        case 98: out += '\b'; break;
        case 102: out += '\f'; break;
        case 110: out += '\n'; break;
        case 114: out += '\r'; break;
        case 116: out += '\t'; break;
        case 117: {
          const code = parseInt(s.slice(this.pos + 2, this.pos + 6), 16);
          if (!(code >= 0)) throw MALFORMED;
          out += String.fromCharCode(code);
          this.pos += 4;
          break;
        }
        default: throw MALFORMED;
      }
      this.pos += 2;
      from = this.pos;
    }
    out += s.slice(from, this.pos);
    this.pos++;
    return out;
  }
}
