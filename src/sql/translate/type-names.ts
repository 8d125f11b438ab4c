/**
 * Column types in DDL. SQLite keeps a column's declared type text verbatim and the type layer
 * (sql/types/declared-type.ts) reads PostgreSQL's meaning back from it, so the PostgreSQL type is
 * written out in full — `varchar(20)`, `timestamp(3) with time zone`, `integer[]` — with the
 * spelling PostgreSQL's format_type uses for the names the parser normalised (int4 → integer).
 */
import type { TypeName } from 'libpg-query';
import { isSqliteKeyword } from './identifiers.js';
import { asNode, stringsOf } from './parse-tree.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

/** pg_catalog names the grammar produced from SQL-standard spellings, spelled back. */
const standardSpellings: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  bpchar: 'char',
  varbit: 'bit varying',
};

// Interval field masks (1 << YEAR etc. from PostgreSQL's datetime.h) as typmods carry them.
const INTERVAL_FULL_RANGE = 0x7fff;
const intervalFields: Record<number, string> = {
  4: 'year', 2: 'month', 8: 'day', 1024: 'hour', 2048: 'minute', 4096: 'second',
  6: 'year to month', 1032: 'day to hour', 3080: 'day to minute', 7176: 'day to second',
  3072: 'hour to minute', 7168: 'hour to second', 6144: 'minute to second',
};

const serialTypes = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2']);

/** serial, bigserial, smallserial (and serialN): written unqualified, they are not real types. */
export function isSerialType(typeName: TypeName | undefined): boolean {
  const names = stringsOf(typeName?.names);
  return names.length === 1 && serialTypes.has(names[0]!) && !typeName?.arrayBounds?.length;
}

/** The declared type as SQLite must read it: bare when its type grammar allows, else quoted. */
export function declaredType(st: TranslationState, typeName: TypeName): string {
  const text = postgresTypeText(st, typeName);
  return isSqliteTypeToken(text) ? text : '"' + text.split('"').join('""') + '"';
}

/** The PostgreSQL spelling of a type name with its modifiers and array bounds. */
export function postgresTypeText(st: TranslationState, typeName: TypeName): string {
  if (typeName.pct_type) unsupported(st, '%TYPE', typeName.location);
  if (typeName.setof) unsupported(st, 'SETOF', typeName.location);
  const parts = stringsOf(typeName.names);
  const modifiers = modifierValues(typeName);
  let text: string;
  if (parts.length === 2 && parts[0] === 'pg_catalog') {
    text = builtinText(parts[1]!, modifiers);
  } else {
    text = parts.join('.') + (modifiers.length > 0 ? '(' + modifiers.join(',') + ')' : '');
  }
  for (const bound of typeName.arrayBounds ?? []) {
    const size = asNode(bound, 'Integer')?.ival ?? -1;
    text += size < 0 ? '[]' : '[' + size + ']';
  }
  return text;
}

function builtinText(name: string, modifiers: string[]): string {
  const mods = modifiers.length > 0 ? '(' + modifiers.join(',') + ')' : '';
  switch (name) {
    case 'timestamptz':
      return 'timestamp' + mods + ' with time zone';
    case 'timetz':
      return 'time' + mods + ' with time zone';
    case 'interval': {
      const mask = modifiers.length > 0 ? Number(modifiers[0]) : INTERVAL_FULL_RANGE;
      const fields = mask === INTERVAL_FULL_RANGE ? '' : ' ' + (intervalFields[mask] ?? '');
      return 'interval' + fields + (modifiers.length > 1 ? '(' + modifiers[1] + ')' : '');
    }
    default:
      return (standardSpellings[name] ?? name) + mods;
  }
}

function modifierValues(typeName: TypeName): string[] {
  const out: string[] = [];
  for (const mod of typeName.typmods ?? []) {
    const constant = asNode(mod, 'A_Const');
    if (constant?.ival !== undefined) out.push(String(constant.ival.ival ?? 0));
    else if (constant?.sval !== undefined) out.push(constant.sval.sval ?? '');
    else if (constant?.fval !== undefined) out.push(constant.fval.fval ?? '');
    else out.push(stringsOf(asNode(mod, 'ColumnRef')?.fields).join('.'));
  }
  return out;
}

/**
 * SQLite's type grammar: one or more plain names, then optionally `(n)` or `(n, m)` as the very
 * last thing; `[…]` groups read as bracket-quoted names, so `integer[]` passes too. Anything else
 * (a modifier before more words, a dot, upper case, a reserved word such as `to`) is quoted.
 */
function isSqliteTypeToken(text: string): boolean {
  let i = 0;
  let words = 0;
  while (i < text.length) {
    const start = i;
    while (i < text.length && isNameChar(text.charCodeAt(i), i === start)) i++;
    if (i === start) break;
    const word = text.slice(start, i);
    // Keywords that SQLite accepts as names ("fallback" tokens) are fine; `with` is the one
    // type spelling needs, and the rest are quoted to stay on the safe side.
    if (isSqliteKeyword(word) && word !== 'with' && word !== 'without') return false;
    words++;
    if (text.charCodeAt(i) === 32) i++;
    else break;
  }
  if (words === 0) return false;
  if (i === text.length) return true;
  if (text.charCodeAt(i) === 40) return isModifierTail(text, i);
  if (text.charCodeAt(i) === 91) return isBracketTail(text, i);
  return false;
}

function isNameChar(code: number, first: boolean): boolean {
  return (code >= 97 && code <= 122) || code === 95 || (!first && code >= 48 && code <= 57);
}

/** `(digits)` or `(digits,digits)` (signs allowed) ending the text. */
function isModifierTail(text: string, open: number): boolean {
  let i = open + 1;
  for (let n = 0; n < 2; n++) {
    if (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45) i++;
    const start = i;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === start) return false;
    if (text.charCodeAt(i) === 41) return i === text.length - 1;
    if (text.charCodeAt(i) !== 44) return false;
    i++;
  }
  return false;
}

/** `[]`, `[3]`, `[][]` … ending the text. */
function isBracketTail(text: string, open: number): boolean {
  let i = open;
  while (i < text.length) {
    if (text.charCodeAt(i) !== 91) return false;
    const close = text.indexOf(']', i);
    if (close < 0) return false;
    i = close + 1;
  }
  return true;
}
