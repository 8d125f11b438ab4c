/**
 * PostgreSQL's regular-expression functions over JavaScript regular expressions (the POSIX subset
 * the regex() helper translates): regexp_match, regexp_split_to_array, regexp_like/count/substr,
 * and the regex forms of substring (`substring(s FROM pattern)`, the SQL-regex
 * `substring(s FROM pattern FOR escape)`), which the translator writes as pgsqlite_substring_regex /
 * pgsqlite_substring_similar. Arrays come back in this server's storage (a JSON array of text).
 */
import type Database from 'better-sqlite3';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { regex } from './text-functions.js';

type Value = unknown;

const text = (v: Value): string => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v));

function strict(fn: (...args: Value[]) => unknown) {
  return (...args: Value[]) => (args.some((a) => a === null) ? null : fn(...args));
}

/** PostgreSQL's flag letters as JavaScript's: i (case-insensitive), n/m (newline-sensitive), s, c (default), g where allowed. */
export function regexFlags(flags: string, fn: string, allowGlobal: boolean): string {
  let out = '';
  for (const f of flags) {
    if (f === 'i') out += out.includes('i') ? '' : 'i';
    else if (f === 'n' || f === 'm') out += out.includes('m') ? '' : 'm';
    else if (f === 'g' && allowGlobal) out += out.includes('g') ? '' : 'g';
    else if (f === 'c' || f === 's' || f === 'p' || f === 'w' || f === 't') continue;
    else if (f === 'x' || f === 'q' || f === 'b' || f === 'e') {
      throw new PgError({ code: SqlState.featureNotSupported, message: `regular expression option "${f}" is not supported yet` });
    }
    else if (f === 'g') {
      throw new PgError({ code: SqlState.invalidParameterValue, message: `${fn}() does not support the "global" option`, hint: 'Use the regexp_matches function instead.' });
    } else {
      throw new PgError({ code: SqlState.invalidParameterValue, message: `invalid regular expression option: "${f}"` });
    }
  }
  return out;
}

/** One match as PostgreSQL's text[]: the capture groups, or the whole match when there are none. */
export function matchArray(match: RegExpMatchArray): string {
  const parts = match.length > 1 ? match.slice(1).map((g) => (g === undefined ? null : g)) : [match[0]];
  return JSON.stringify(parts);
}

/** regexp_matches(s, pattern [, flags]): one text[] per match (all of them with 'g'). */
export function regexpMatches(s: string, pattern: string, flags: string): string[] {
  const jsFlags = regexFlags(flags, 'regexp_matches', true);
  const re = regex(pattern, jsFlags);
  if (!jsFlags.includes('g')) {
    const match = s.match(re);
    return match === null ? [] : [matchArray(match)];
  }
  return [...s.matchAll(re)].map(matchArray);
}

/** substring(s FROM pattern): the first parenthesised group's text when the pattern has one, else the match. */
function substringRegex(s: string, pattern: string): string | null {
  const match = s.match(regex(pattern));
  if (match === null) return null;
  return match.length > 1 ? (match[1] ?? null) : match[0];
}

/**
 * substring(s SIMILAR pattern ESCAPE e) / substring(s FROM pattern FOR e): the pattern must
 * match the whole string; the part between the two escape-double-quote markers is returned.
 */
function substringSimilar(s: string, pattern: string, escape: string): string | null {
  let out = '';
  let markers = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (escape !== '' && c === escape && i + 1 < pattern.length) {
      const next = pattern[++i]!;
      if (next === '"') {
        markers++;
        if (markers > 2) throw new PgError({ code: SqlState.invalidUseOfEscapeCharacter, message: 'SQL regular expression may not contain more than two escape-double-quote separators' });
        out += '\u0000';
      } else {
        out += /[A-Za-z0-9]/.test(next) ? next : '\\' + next;
      }
    } else if (c === '%') out += '.*';
    else if (c === '_') out += '.';
    else if (c === '.' || c === '^' || c === '$') out += '\\' + c;
    else out += c;
  }
  if (markers === 1) throw new PgError({ code: SqlState.invalidUseOfEscapeCharacter, message: 'SQL regular expression contains only one escape-double-quote separator' });
  // As PostgreSQL's similar_escape: the first part matches as little as possible ({1,1}?).
  const [first, middle, rest] = out.split('\u0000');
  const source = markers === 2 ? '^(?:' + first + '){1,1}?(' + middle + '){1,1}(?:' + rest + ')$' : '^(' + out + ')$';
  const match = new RegExp(source, 's').exec(s);
  if (match === null) return null;
  return markers === 2 ? (match[1] ?? null) : match[0];
}

export function registerRegexFunctions(db: Database.Database, splitByRegex: (s: string, pattern: string, flags: string) => string[]): void {
  const det = { deterministic: true, varargs: true };
  db.function('regexp_match', det, strict((s, pattern, flags = '') => {
    const match = text(s).match(regex(text(pattern), regexFlags(text(flags), 'regexp_match', false)));
    return match === null ? null : matchArray(match);
  }));
  db.function('regexp_split_to_array', det, strict((s, pattern, flags = '') =>
    JSON.stringify(splitByRegex(text(s), text(pattern), regexFlags(text(flags), 'regexp_split_to_array', false)))));
  db.function('regexp_like', det, strict((s, pattern, flags = '') =>
    (regex(text(pattern), regexFlags(text(flags), 'regexp_like', false)).test(text(s)) ? 1n : 0n)));
  db.function('regexp_count', det, strict((s, pattern, start = 1n, flags = '') => {
    const re = regex(text(pattern), regexFlags(text(flags), 'regexp_count', false) + 'g');
    return BigInt([...Array.from(text(s)).slice(Number(start) - 1).join('').matchAll(re)].length);
  }));
  db.function('regexp_substr', det, strict((s, pattern, start = 1n, n = 1n, flags = '', group = 0n) => {
    const re = regex(text(pattern), regexFlags(text(flags), 'regexp_substr', false) + 'g');
    const match = [...Array.from(text(s)).slice(Number(start) - 1).join('').matchAll(re)][Number(n) - 1];
    return match === undefined ? null : (match[Number(group)] ?? null);
  }));
  db.function('pgsqlite_substring_regex', det, strict((s, pattern) => substringRegex(text(s), text(pattern))));
  db.function('pgsqlite_substring_similar', det, strict((s, pattern, escape) => substringSimilar(text(s), text(pattern), text(escape))));
}
