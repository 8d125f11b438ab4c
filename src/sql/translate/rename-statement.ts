/** ALTER TABLE … RENAME TO / RENAME COLUMN … TO (the parser's RenameStmt). */
import type { RenameStmt } from 'libpg-query';
import { quoteIdentifier } from './identifiers.js';
import { dropInputCheckTriggers } from './input-checks.js';
import { objectTypeWords } from './object-types.js';
import { relationName } from './qualified-names.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

/**
 * SQLite renames tables and their columns only; indexes, views and the rest are refused. A renamed
 * column's input-check triggers (input-checks.ts) are dropped first: their names follow the old
 * column name, and DROP COLUMN looks for them under the current one (the renamed column keeps no
 * input check; the translator does not know its type).
 */
export function renameStatement(st: TranslationState, node: RenameStmt): string[] {
  const relation = node.relation;
  const location = relation?.location;
  if (node.renameType === 'OBJECT_TABLE' && relation !== undefined) {
    if (node.missing_ok) unsupported(st, 'ALTER TABLE IF EXISTS', location);
    return [`ALTER TABLE ${relationName(st, relation)} RENAME TO ${quoteIdentifier(node.newname ?? '')}`];
  }
  if (node.renameType === 'OBJECT_COLUMN' && node.relationType === 'OBJECT_TABLE' && relation !== undefined) {
    if (node.missing_ok) unsupported(st, 'ALTER TABLE IF EXISTS', location);
    const table = { name: relation.relname ?? '', schema: relation.schemaname, temp: relation.relpersistence === 't' };
    return [
      ...dropInputCheckTriggers(table, node.subname ?? ''),
      `ALTER TABLE ${relationName(st, relation)} RENAME COLUMN ${quoteIdentifier(node.subname ?? '')} TO ${quoteIdentifier(node.newname ?? '')}`,
    ];
  }
  if (node.renameType === 'OBJECT_COLUMN') return unsupported(st, `ALTER ${objectTypeWords(node.relationType)} … RENAME COLUMN`, location);
  return unsupported(st, `ALTER ${objectTypeWords(node.renameType)} … RENAME`, location);
}
