/** ALTER TABLE … RENAME TO / RENAME COLUMN … TO (the parser's RenameStmt). */
import type { RenameStmt } from 'libpg-query';
import { quoteIdentifier } from './identifiers.js';
import { objectTypeWords } from './object-types.js';
import { relationName } from './qualified-names.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

/** SQLite renames tables and their columns only; indexes, views and the rest are refused. */
export function renameStatement(st: TranslationState, node: RenameStmt): string {
  const relation = node.relation;
  const location = relation?.location;
  if (node.renameType === 'OBJECT_TABLE' && relation !== undefined) {
    if (node.missing_ok) unsupported(st, 'ALTER TABLE IF EXISTS', location);
    return `ALTER TABLE ${relationName(st, relation)} RENAME TO ${quoteIdentifier(node.newname ?? '')}`;
  }
  if (node.renameType === 'OBJECT_COLUMN' && node.relationType === 'OBJECT_TABLE' && relation !== undefined) {
    if (node.missing_ok) unsupported(st, 'ALTER TABLE IF EXISTS', location);
    return `ALTER TABLE ${relationName(st, relation)} RENAME COLUMN ${quoteIdentifier(node.subname ?? '')} TO ${quoteIdentifier(node.newname ?? '')}`;
  }
  if (node.renameType === 'OBJECT_COLUMN') return unsupported(st, `ALTER ${objectTypeWords(node.relationType)} … RENAME COLUMN`, location);
  return unsupported(st, `ALTER ${objectTypeWords(node.renameType)} … RENAME`, location);
}
