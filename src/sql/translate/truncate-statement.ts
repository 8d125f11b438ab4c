/** TRUNCATE [TABLE] a, b [RESTART IDENTITY | CONTINUE IDENTITY] [RESTRICT]. */
import type { TruncateStmt } from 'libpg-query';
import { nodeBody } from './parse-tree.js';
import { relationName } from './qualified-names.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

/**
 * SQLite's DELETE without WHERE is its truncate (it drops the pages wholesale). CASCADE would
 * also empty referencing tables, which SQLite cannot find for us: refused.
 * TODO(dialect): serial keys are rowid aliases, and an emptied table numbers from 1 again —
 * RESTART IDENTITY's behaviour, whereas PostgreSQL's default CONTINUE IDENTITY keeps counting.
 */
export function truncateStatement(st: TranslationState, node: TruncateStmt): string[] {
  if (node.behavior === 'DROP_CASCADE') unsupported(st, 'TRUNCATE … CASCADE');
  return (node.relations ?? []).map((relation) => 'DELETE FROM ' + relationName(st, nodeBody(relation, 'RangeVar')));
}
