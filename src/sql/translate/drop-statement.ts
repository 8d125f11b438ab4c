/** DROP TABLE / VIEW / INDEX [IF EXISTS] a, b [RESTRICT]. */
import type { DropStmt } from 'libpg-query';
import { nodeBody, stringsOf } from './parse-tree.js';
import { qualifiedNameFromParts } from './qualified-names.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';
import { objectTypeWords } from './object-types.js';
import { dropSequences } from './sequences.js';

const droppable: Record<string, string> = {
  OBJECT_TABLE: 'TABLE',
  OBJECT_VIEW: 'VIEW',
  OBJECT_INDEX: 'INDEX',
};

/**
 * SQLite drops one object per statement, so `DROP TABLE a, b` becomes two statements; the server
 * runs a multi-statement translation as one unit, keeping PostgreSQL's all-or-nothing.
 * CASCADE would also drop dependent objects (views, foreign keys) that SQLite cannot list for
 * us, so it is refused rather than ignored. CONCURRENTLY only avoids blocking; it is dropped.
 */
export function dropStatement(st: TranslationState, node: DropStmt): string[] {
  if (node.removeType === 'OBJECT_SEQUENCE') return dropSequences(st, node.objects ?? [], node.missing_ok === true);
  const keyword = droppable[node.removeType ?? ''];
  if (keyword === undefined) return unsupported(st, `DROP ${objectTypeWords(node.removeType)}`);
  if (node.behavior === 'DROP_CASCADE') unsupported(st, `DROP ${keyword} … CASCADE`);
  const prefix = 'DROP ' + keyword + (node.missing_ok ? ' IF EXISTS ' : ' ');
  return (node.objects ?? []).map((object) => prefix + qualifiedNameFromParts(st, stringsOf(nodeBody(object, 'List').items)));
}
