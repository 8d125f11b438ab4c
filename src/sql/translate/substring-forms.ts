/**
 * substring's regex forms. PostgreSQL picks them by the argument types: `substring(s FROM 2)` is
 * the position form (SQLite's own substring), `substring(s FROM '[0-9]+')` and `substring(s, text)`
 * the POSIX-regex form, `substring(s FROM pattern FOR escape)` / `substring(s SIMILAR p ESCAPE e)`
 * the SQL-regex form (catalog/regex-functions.ts). A text column as the pattern is decided by
 * the engine with the column's declared type (a typed slot).
 */
import type { FuncCall } from 'libpg-query';
import { expression } from './expressions.js';
import type { TranslationState } from './translation-state.js';
import { expressionTerm } from '../infer-output-types.js';
import type { AstNode } from '../parser.js';
import { BPCHAR, evaluateTerm, foldTerm, NAME, needsColumns, TEXT, UNKNOWN, VARCHAR } from '../types/type-terms.js';
import { typedSlot } from '../types/typed-slots.js';

const textTypes = [TEXT, VARCHAR, BPCHAR, NAME];

export function regexSubstring(st: TranslationState, node: FuncCall, name: string): string | undefined {
  const args = node.args ?? [];
  if (name !== 'substring' || (args.length !== 2 && args.length !== 3) || node.over !== undefined || node.agg_star) return undefined;
  const term = expressionTerm(args[1] as AstNode, st.typeScope);
  const texts = args.map((arg) => expression(st, arg));
  const special = args.length === 2 ? 'pgsqlite_substring_regex(' : 'pgsqlite_substring_similar(';
  if (!needsColumns(term)) {
    const type = evaluateTerm(term, () => null);
    return type === UNKNOWN || (type !== null && textTypes.includes(type)) ? special + texts.join(', ') + ')' : undefined;
  }
  const between = texts.slice(1).map(() => ', ');
  return typedSlot({ terms: [foldTerm(term)], oids: textTypes, native: ['substring(', ...between, ')'], special: [special, ...between, ')'] }, texts);
}
