/**
 * PostgreSQL's array text syntax: '{1,2,NULL}', '{"a b","c\"d"}', '{{1,2},{3,4}}', with
 * optional '[1:2]={...}' dimension decorations. Parsing yields nested arrays of element texts
 * (null for NULL); the element type's own input function reads each text afterwards.
 */
import { malformedArray, notSupported } from './errors.js';
import { PgError } from '../pg-error.js';
import { SqlState } from '../sqlstate.js';

/** Element texts, nested one level per dimension. */
export type LiteralNode = string | null | LiteralNode[];

export const MAX_ARRAY_DIMS = 6;

/** array_isspace: the whitespace the array parser skips and output must quote. */
function isArraySpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

class LiteralReader {
  pos = 0;

  constructor(private readonly s: string) {}

  fail(detail: string): PgError {
    return malformedArray(this.s, detail);
  }

  skipSpace(): void {
    while (this.pos < this.s.length && isArraySpace(this.s.charCodeAt(this.pos))) this.pos++;
  }

  /** '[lb:ub]' groups before '='; returns [lower, upper] pairs. */
  dimensions(): Array<[number, number]> {
    const dims: Array<[number, number]> = [];
    const s = this.s;
    while (s.charCodeAt(this.pos) === 91) {
      this.pos++;
      this.skipSpace();
      let lower = 1;
      let upper = this.integer('"[" must introduce explicitly-specified array dimensions.');
      this.skipSpace();
      if (s.charCodeAt(this.pos) === 58) {
        this.pos++;
        this.skipSpace();
        lower = upper;
        upper = this.integer('Missing array dimension value.');
        this.skipSpace();
      }
      if (s.charCodeAt(this.pos) !== 93) throw this.fail('Missing "]" in array dimensions.');
      this.pos++;
      if (upper < lower) {
        throw new PgError({
          code: SqlState.invalidTextRepresentation,
          message: `upper bound cannot be less than lower bound`,
        });
      }
      dims.push([lower, upper]);
      this.skipSpace();
    }
    if (s.charCodeAt(this.pos) !== 61) throw this.fail('Missing "=" after array dimensions.');
    this.pos++;
    this.skipSpace();
    return dims;
  }

  private integer(detail: string): number {
    const s = this.s;
    const start = this.pos;
    if (s.charCodeAt(this.pos) === 45 || s.charCodeAt(this.pos) === 43) this.pos++;
    const digits = this.pos;
    while (isDigit(s.charCodeAt(this.pos))) this.pos++;
    if (this.pos === digits) throw this.fail(detail);
    return Number(s.slice(start, this.pos));
  }

  /** Reads one brace level; pos is just after its '{'. */
  level(depth: number): LiteralNode[] {
    if (depth > MAX_ARRAY_DIMS) {
      throw new PgError({
        code: SqlState.programLimitExceeded,
        message: `number of array dimensions (${depth}) exceeds the maximum allowed (${MAX_ARRAY_DIMS})`,
      });
    }
    const s = this.s;
    const items: LiteralNode[] = [];
    let sawScalar = false;
    let sawArray = false;
    this.skipSpace();
    if (s.charCodeAt(this.pos) === 125) {
      if (depth > 1) throw this.fail('Unexpected "}" character.');
      this.pos++;
      return items;
    }
    for (;;) {
      this.skipSpace();
      if (this.pos >= s.length) throw this.fail('Unexpected end of input.');
      const c = s.charCodeAt(this.pos);
      if (c === 123) {
        if (sawScalar) throw this.fail('Unexpected "{" character.');
        sawArray = true;
        this.pos++;
        items.push(this.level(depth + 1));
      } else if (c === 125 || c === 44) {
        throw this.fail(`Unexpected "${String.fromCharCode(c)}" character.`);
      } else {
        if (sawArray) throw this.fail('Unexpected array element.');
        sawScalar = true;
        items.push(c === 34 ? this.quoted() : this.unquoted());
      }
      this.skipSpace();
      if (this.pos >= s.length) throw this.fail('Unexpected end of input.');
      const d = s.charCodeAt(this.pos);
      if (d === 44) { this.pos++; continue; }
      if (d === 125) { this.pos++; return items; }
      throw this.fail('Unexpected array element.');
    }
  }

  private quoted(): string {
    const s = this.s;
    let out = '';
    let from = ++this.pos;
    for (;;) {
      if (this.pos >= s.length) throw this.fail('Unexpected end of input.');
      const c = s.charCodeAt(this.pos);
      if (c === 34) break;
      if (c === 92) {
        out += s.slice(from, this.pos);
        if (this.pos + 1 >= s.length) throw this.fail('Unexpected end of input.');
        from = this.pos + 1;
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
    out += s.slice(from, this.pos);
    this.pos++;
    return out;
  }

  /** An unquoted element: backslash escapes, unescaped surrounding whitespace dropped, NULL recognised. */
  private unquoted(): string | null {
    const s = this.s;
    let out = '';
    let from = this.pos;
    let escaped = false;
    let keep = 0; // length of `out` that trailing-space trimming must not cut into
    for (;;) {
      if (this.pos >= s.length) throw this.fail('Unexpected end of input.');
      const c = s.charCodeAt(this.pos);
      if (c === 44 || c === 125) break;
      if (c === 34) throw this.fail('Unexpected array element.');
      if (c === 123) throw this.fail('Unexpected "{" character.');
      if (c === 92) {
        if (this.pos + 1 >= s.length) throw this.fail('Unexpected end of input.');
        out += s.slice(from, this.pos) + s[this.pos + 1];
        escaped = true;
        keep = out.length;
        this.pos += 2;
        from = this.pos;
        continue;
      }
      this.pos++;
    }
    out += s.slice(from, this.pos);
    let end = out.length;
    while (end > keep && isArraySpace(out.charCodeAt(end - 1))) end--;
    if (end < out.length) out = out.slice(0, end);
    if (!escaped && out.length === 4 && out.toLowerCase() === 'null') return null;
    return out;
  }
}

/** Sizes of each dimension of a parsed literal, checking that it is rectangular. */
function shapeOf(items: LiteralNode[], input: string): number[] {
  if (items.length === 0) return [];
  const first = items[0];
  if (!Array.isArray(first)) return [items.length];
  const inner = shapeOf(first, input);
  for (let k = 1; k < items.length; k++) {
    const item = items[k];
    if (!Array.isArray(item) || !sameShape(shapeOf(item, input), inner)) {
      throw malformedArray(input, 'Multidimensional arrays must have sub-arrays with matching dimensions.');
    }
  }
  inner.unshift(items.length);
  return inner;
}

function sameShape(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return false;
  return true;
}

/** array_in's parsing step. Lower bounds other than 1 are refused: storage cannot keep them. */
export function parseArrayLiteral(input: string): LiteralNode[] {
  const r = new LiteralReader(input);
  r.skipSpace();
  let dims: Array<[number, number]> | undefined;
  if (input.charCodeAt(r.pos) === 91) dims = r.dimensions();
  if (input.charCodeAt(r.pos) !== 123) throw r.fail('Array value must start with "{" or dimension information.');
  r.pos++;
  const items = r.level(1);
  r.skipSpace();
  if (r.pos < input.length) throw r.fail('Junk after closing right brace.');
  if (dims !== undefined) {
    const shape = shapeOf(items, input);
    let matches = dims.length === shape.length;
    let lowerBoundsOne = true;
    for (let j = 0; matches && j < dims.length; j++) {
      const [lo, hi] = dims[j]!;
      if (hi - lo + 1 !== shape[j]) matches = false;
      if (lo !== 1) lowerBoundsOne = false;
    }
    if (!matches) throw r.fail('Specified array dimensions do not match array contents.');
    if (!lowerBoundsOne) throw notSupported('array lower bounds other than 1 are not supported');
  } else if (items.length > 0 && Array.isArray(items[0])) {
    shapeOf(items, input);
  }
  return items;
}

/** array_out's quoting of one element text. */
export function quoteArrayElement(text: string): string {
  const n = text.length;
  let needs = n === 0;
  let escapes = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 92) { needs = true; escapes = true; break; }
    if (c === 123 || c === 125 || c === 44 || isArraySpace(c)) needs = true;
  }
  if (!needs && n === 4 && text.toLowerCase() === 'null') needs = true;
  if (!needs) return text;
  if (!escapes) return '"' + text + '"';
  let out = '"';
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 92) out += '\\';
    out += text[i];
  }
  return out + '"';
}
