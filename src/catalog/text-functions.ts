/**
 * PostgreSQL's string functions that SQLite lacks or spells differently, in JavaScript.
 * Arguments arrive as SQLite values (text, bigint, number, Buffer, null); a NULL argument gives
 * NULL as PostgreSQL's strict functions do. Names SQLite already has with PostgreSQL's meaning
 * (length, substr, replace, ltrim/rtrim, instr …) are mapped by the translator instead.
 */
import type Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { formatFloat4, formatFloat8 } from '../protocol/types/float.js';

type Value = unknown;

const text = (v: Value): string => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v));
const int = (v: Value): number => Number(v);
/** Code points, not UTF-16 units: PostgreSQL counts characters. */
const chars = (s: string): string[] => Array.from(s);

function strict(fn: (...args: Value[]) => unknown) {
  return (...args: Value[]) => (args.some((a) => a === null || a === undefined) ? null : fn(...args));
}

function pad(s: string, length: number, fill: string, left: boolean): string {
  const cs = chars(s);
  if (length <= 0) return '';
  if (cs.length >= length) return cs.slice(0, length).join('');
  const fillChars = chars(fill);
  if (fillChars.length === 0) return s;
  const padding: string[] = [];
  for (let i = 0; padding.length < length - cs.length; i++) padding.push(fillChars[i % fillChars.length]!);
  return left ? padding.join('') + s : s + padding.join('');
}

/** quote_ident: double-quoted unless a lower-case plain identifier. */
export function quoteIdent(s: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(s) ? s : '"' + s.replace(/"/g, '""') + '"';
}

/** quote_literal: single-quoted, with E'' when a backslash is present. */
export function quoteLiteral(s: string): string {
  const body = s.replace(/'/g, "''");
  return s.includes('\\') ? "E'" + body.replace(/\\/g, '\\\\') + "'" : "'" + body + "'";
}

/** format(): %s, %I, %L and %%, with optional n$ positions (no widths). */
export function formatText(fmt: string, args: Value[]): string {
  let next = 0;
  return fmt.replace(/%(?:(\d+)\$)?([sIL%])/g, (_m, pos: string | undefined, kind: string) => {
    if (kind === '%') return '%';
    const index = pos !== undefined ? Number(pos) - 1 : next;
    next = index + 1;
    if (index >= args.length) throw new PgError({ code: SqlState.invalidParameterValue, message: 'too few arguments for format()' });
    const arg = args[index];
    if (kind === 'I') {
      if (arg === null) throw new PgError({ code: SqlState.nullValueNotAllowed, message: 'null values cannot be formatted as an SQL identifier' });
      return quoteIdent(text(arg));
    }
    if (kind === 'L') return arg === null ? 'NULL' : quoteLiteral(text(arg));
    return arg === null ? '' : text(arg);
  });
}

const regexCache = new Map<string, RegExp>();

/** A PostgreSQL (POSIX ARE) pattern as a JavaScript RegExp; the common subset reads the same. */
export function regex(pattern: string, flags = ''): RegExp {
  const key = flags + '/' + pattern;
  let re = regexCache.get(key);
  if (re === undefined) {
    try {
      re = new RegExp(pattern.replace(/\[\[:(\w+):\]\]/g, (_m, cls: string) => posixClasses[cls] ?? _m), flags);
    } catch (err) {
      throw new PgError({ code: SqlState.invalidRegularExpression, message: `invalid regular expression: ${(err as Error).message}` });
    }
    if (regexCache.size > 500) regexCache.clear();
    regexCache.set(key, re);
  }
  return re;
}

const posixClasses: Record<string, string> = {
  alpha: '[A-Za-z]', digit: '\\d', alnum: '[A-Za-z0-9]', space: '\\s', upper: '[A-Z]', lower: '[a-z]', punct: '[!-/:-@[-`{-~]', xdigit: '[0-9A-Fa-f]',
};

/** SIMILAR TO's pattern as a POSIX regex, as similar_to_escape() does (default escape \). */
export function similarToRegex(pattern: string, escape: string | null = '\\'): string {
  let out = '^(?:';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (escape !== null && c === escape && i + 1 < pattern.length) {
      out += '\\' + pattern[++i];
    } else if (c === '%') out += '.*';
    else if (c === '_') out += '.';
    else if (c === '.' || c === '^' || c === '$') out += '\\' + c;
    else out += c;
  }
  return out + ')$';
}

const BOOL = 16, FLOAT4 = 700, FLOAT8 = 701;

/** A value as its type's text output, for the types whose SQLite text differs (bool 1/0, floats). */
function textOutput(v: Value, type: number): string {
  if (type === BOOL) return v === 0n || v === 0 || v === '0' || v === 'f' || v === 'false' ? 'false' : 'true';
  if ((type === FLOAT8 || type === FLOAT4) && (typeof v === 'number' || typeof v === 'bigint')) {
    return type === FLOAT8 ? formatFloat8(Number(v)) : formatFloat4(Number(v));
  }
  return text(v);
}

export function registerTextFunctions(db: Database.Database): void {
  // varargs: the strict() wrappers take rest parameters, so better-sqlite3 cannot read their arity.
  const det = { deterministic: true, varargs: true };
  db.function('left', det, strict((s, n) => {
    const cs = chars(text(s));
    const k = int(n);
    return (k >= 0 ? cs.slice(0, k) : cs.slice(0, Math.max(0, cs.length + k))).join('');
  }));
  db.function('right', det, strict((s, n) => {
    const cs = chars(text(s));
    const k = int(n);
    return (k >= 0 ? cs.slice(Math.max(0, cs.length - k)) : cs.slice(Math.min(cs.length, -k))).join('');
  }));
  db.function('lpad', det, strict((s, n, fill = ' ') => pad(text(s), int(n), text(fill), true)));
  db.function('rpad', det, strict((s, n, fill = ' ') => pad(text(s), int(n), text(fill), false)));
  db.function('repeat', det, strict((s, n) => text(s).repeat(Math.max(0, int(n)))));
  db.function('reverse', det, strict((s) => chars(text(s)).reverse().join('')));
  db.function('split_part', det, strict((s, sep, n) => {
    const k = int(n);
    if (k === 0) throw new PgError({ code: SqlState.invalidParameterValue, message: 'field position must not be zero' });
    const parts = text(sep) === '' ? [text(s)] : text(s).split(text(sep));
    return (k > 0 ? parts[k - 1] : parts[parts.length + k]) ?? '';
  }));
  db.function('ascii', det, strict((s) => BigInt(text(s).codePointAt(0) ?? 0)));
  db.function('chr', det, strict((n) => {
    if (int(n) === 0) throw new PgError({ code: SqlState.programLimitExceeded, message: 'null character not permitted' });
    return String.fromCodePoint(int(n));
  }));
  db.function('md5', det, strict((s) => createHash('md5').update(Buffer.isBuffer(s) ? s : Buffer.from(text(s))).digest('hex')));
  db.function('to_hex', det, strict((n) => BigInt.asUintN(64, BigInt(n as bigint)).toString(16)));
  db.function('initcap', det, strict((s) => text(s).toLowerCase().replace(/(^|[^\p{L}\p{N}])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase())));
  db.function('quote_ident', det, strict((s) => quoteIdent(text(s))));
  db.function('quote_literal', det, strict((s) => quoteLiteral(text(s))));
  db.function('quote_nullable', det, (s: Value) => (s === null ? 'NULL' : quoteLiteral(text(s))));
  db.function('starts_with', det, strict((s, p) => (text(s).startsWith(text(p)) ? 1n : 0n)));
  db.function('translate', det, strict((s, from, to) => {
    const f = chars(text(from));
    const t = chars(text(to));
    return chars(text(s)).map((c) => {
      const i = f.indexOf(c);
      return i < 0 ? c : (t[i] ?? '');
    }).join('');
  }));
  db.function('overlay', det, strict((s, repl, from, count) => {
    const cs = chars(text(s));
    const start = int(from) - 1;
    const n = count === undefined ? chars(text(repl)).length : int(count);
    return cs.slice(0, Math.max(0, start)).join('') + text(repl) + cs.slice(start + n).join('');
  }));
  db.function('format', { deterministic: true, varargs: true }, (fmt: Value, ...args: Value[]) => (fmt === null ? null : formatText(text(fmt), args)));
  db.function('gen_random_uuid', { deterministic: false }, () => randomUUID());
  db.function('encode', det, strict((data, format) => {
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(text(data));
    const f = text(format).toLowerCase();
    if (f === 'hex') return bytes.toString('hex');
    if (f === 'base64') return bytes.toString('base64').replace(/(.{76})/g, '$1\n').replace(/\n$/, '');
    if (f === 'escape') return Array.from(bytes, (b) => (b === 0x5c ? '\\\\' : b < 0x20 || b > 0x7e ? '\\' + b.toString(8).padStart(3, '0') : String.fromCharCode(b))).join('');
    throw new PgError({ code: SqlState.invalidParameterValue, message: `unrecognized encoding: "${text(format)}"` });
  }));
  db.function('decode', det, strict((data, format) => {
    const f = text(format).toLowerCase();
    if (f === 'hex') {
      if (!/^([0-9a-fA-F]{2})*$/.test(text(data))) throw new PgError({ code: SqlState.invalidParameterValue, message: 'invalid hexadecimal data' });
      return Buffer.from(text(data), 'hex');
    }
    if (f === 'base64') return Buffer.from(text(data).replace(/\s+/g, ''), 'base64');
    if (f === 'escape') return Buffer.from(text(data).replace(/\\\\/g, '\\'), 'latin1');
    throw new PgError({ code: SqlState.invalidParameterValue, message: `unrecognized encoding: "${text(format)}"` });
  }));
  // PostgreSQL folds case over all of Unicode (with a UTF-8 locale); SQLite's lower() is ASCII only.
  // text || bool / float (translate/text-concatenation.ts): each operand printed by its type's output function.
  db.function('pgsqlite_text_concat', { deterministic: true }, (a: Value, b: Value, leftType: Value, rightType: Value) =>
    (a === null || b === null ? null : textOutput(a, Number(leftType)) + textOutput(b, Number(rightType))));
  db.function('pgsqlite_casefold', det, strict((s) => text(s).toLowerCase()));
  // SQLite's `a REGEXP b` calls regexp(b, a).
  db.function('regexp', det, strict((pattern, subject) => (regex(text(pattern)).test(text(subject)) ? 1n : 0n)));
  db.function('pgsqlite_regexp_i', det, strict((pattern, subject) => (regex(text(pattern), 'i').test(text(subject)) ? 1n : 0n)));
  db.function('similar_to_escape', det, (pattern: Value, escape?: Value) =>
    pattern === null ? null : similarToRegex(text(pattern), escape === undefined ? '\\' : escape === null ? null : text(escape)));
  db.function('regexp_replace', det, strict((s, pattern, replacement, flags = '') => {
    const f = text(flags);
    const re = regex(text(pattern), (f.includes('g') ? 'g' : '') + (f.includes('i') ? 'i' : ''));
    // PostgreSQL writes back-references \1 and the whole match \&; JavaScript $1 and $&.
    const js = text(replacement).replace(/\$/g, '$$$$').replace(/\\(\d|&)/g, (_m, d: string) => '$' + d);
    return text(s).replace(re, js);
  }));
}
