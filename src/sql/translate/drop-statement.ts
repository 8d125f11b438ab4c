/** DROP TABLE / VIEW / INDEX [IF EXISTS] a, b [RESTRICT]. */
import type { DropStmt } from 'libpg-query';
import { nodeBody, stringsOf } from './parse-tree.js';
import { qualifiedNameFromParts } from './qualified-names.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';
import { objectTypeWords } from './object-types.js';
import { dropSequences } from './sequences.js';
import { schemaOperationSql } from '../schema-operations.js';

const droppable: Record<string, string> = {
  OBJECT_TABLE: 'TABLE',
  OBJECT_VIEW: 'VIEW',
  OBJECT_INDEX: 'INDEX',
};

/**
 * Tables and views of the database's own schema are dropped by the drop schema operation
 * (src/storage/worker/schema-operations.ts), which finds their dependants as PostgreSQL does:
 * views that read them and other tables' foreign keys to them are dropped with CASCADE, or make
 * the DROP fail with 2BP01 without it. Elsewhere (another schema) SQLite drops one object per
 * statement, so `DROP TABLE a, b` becomes two statements; the server runs a multi-statement
 * translation as one unit, keeping PostgreSQL's all-or-nothing. CONCURRENTLY only avoids
 * blocking; it is dropped.
 */
export function dropStatement(st: TranslationState, node: DropStmt): string[] {
  if (node.removeType === 'OBJECT_SEQUENCE') return dropSequences(st, node.objects ?? [], node.missing_ok === true);
  const keyword = droppable[node.removeType ?? ''];
  if (keyword === undefined) return unsupported(st, `DROP ${objectTypeWords(node.removeType)}`);
  const names = (node.objects ?? []).map((object) => stringsOf(nodeBody(object, 'List').items));
  if ((keyword === 'TABLE' || keyword === 'VIEW') && names.every((parts) => parts.length === 1 || (parts.length === 2 && parts[0] === 'public'))) {
    return [schemaOperationSql({
      op: 'drop', kind: keyword, names: names.map((parts) => parts.at(-1)!), missingOk: node.missing_ok === true, cascade: node.behavior === 'DROP_CASCADE',
    })];
  }
  if (node.behavior === 'DROP_CASCADE') unsupported(st, `DROP ${keyword} … CASCADE`);
  const prefix = 'DROP ' + keyword + (node.missing_ok ? ' IF EXISTS ' : ' ');
  return (node.objects ?? []).map((object) => prefix + qualifiedNameFromParts(st, stringsOf(nodeBody(object, 'List').items)));
}
