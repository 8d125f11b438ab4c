/**
 * COLLATE. The server compares text by code point (SQLite's BINARY, which on UTF-8 is code point
 * order), i.e. PostgreSQL's "C"; linguistic collations have no SQLite counterpart here.
 */
import type { CollateClause } from 'libpg-query';
import { expression } from './expressions.js';
import { stringsOf, type Node } from './parse-tree.js';
import { fitPrecedence, Prec } from './precedence.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

const codePointCollations = new Set(['C', 'POSIX', 'ucs_basic']);

/** The SQLite collation for a PostgreSQL collation name; undefined for "default" (no clause needed). */
export function sqliteCollation(st: TranslationState, names: Node[] | undefined, location?: number): string | undefined {
  const parts = stringsOf(names);
  const name = parts[parts.length - 1] ?? '';
  if (parts.length > 1 && parts[0] !== 'pg_catalog') unsupported(st, `a collation in schema "${parts[0]}"`, location);
  if (name === 'default') return undefined;
  if (codePointCollations.has(name)) return 'BINARY';
  return unsupported(st, `collation "${name}"`, location);
}

export function collateExpression(st: TranslationState, node: CollateClause, required: number): string {
  const collation = sqliteCollation(st, node.collname, node.location);
  if (collation === undefined) return expression(st, node.arg!, required);
  return fitPrecedence(expression(st, node.arg!, Prec.Collate) + ' COLLATE ' + collation, Prec.Collate, required);
}
