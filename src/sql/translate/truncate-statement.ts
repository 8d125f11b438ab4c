/** TRUNCATE [TABLE] a, b [RESTART IDENTITY | CONTINUE IDENTITY] [RESTRICT]. */
import type { TruncateStmt } from 'libpg-query';
import { quoteString } from './identifiers.js';
import { nodeBody } from './parse-tree.js';
import { sequencesTableDdl } from './sequences.js';
import { relationName, sqliteSchemaName } from './qualified-names.js';
import { schemaOperationSql } from '../schema-operations.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

/**
 * SQLite's DELETE without WHERE is its truncate (it drops the pages wholesale). Tables of the
 * database's own schema go through the truncate schema operation, which finds the tables that
 * reference them: emptied too with CASCADE, 0A000 without (as PostgreSQL).
 * TODO(dialect): serial keys are rowid aliases, and an emptied table numbers from 1 again —
 * RESTART IDENTITY's behaviour, whereas PostgreSQL's default CONTINUE IDENTITY keeps counting.
 */
export function truncateStatement(st: TranslationState, node: TruncateStmt): string[] {
  const relations = (node.relations ?? []).map((relation) => nodeBody(relation, 'RangeVar'));
  if (relations.every((relation) => sqliteSchemaName(relation.schemaname) === undefined && relation.catalogname === undefined)) {
    return [schemaOperationSql({
      op: 'truncate', tables: relations.map((relation) => relation.relname ?? ''), cascade: node.behavior === 'DROP_CASCADE', restartIdentity: node.restart_seqs === true,
    })];
  }
  if (node.behavior === 'DROP_CASCADE') unsupported(st, 'TRUNCATE … CASCADE');
  const out = relations.map((relation) => 'DELETE FROM ' + relationName(st, relation));
  // RESTART IDENTITY: the sequences the tables' serial/identity columns own start over.
  if (node.restart_seqs) {
    const names = relations.map((relation) => quoteString(relation.relname ?? '')).join(', ');
    out.push(sequencesTableDdl, `UPDATE pgsqlite_sequences SET last_value = start_value, is_called = 0 WHERE owned_table IN (${names})`);
  }
  return out;
}
