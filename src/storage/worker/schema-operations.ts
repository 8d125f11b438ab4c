/**
 * Runs the schema operations of src/sql/schema-operations.ts on the writer's connection, inside
 * the statement's transaction (every DDL statement runs in one), so a failure leaves the schema
 * as it was.
 *
 * Table changes SQLite's ALTER TABLE cannot make (a DEFAULT, a declared type, a foreign key added
 * or removed, a CHECK removed) are written into the table's CREATE TABLE text in sqlite_schema,
 * SQLite's documented procedure for changes that leave the stored rows valid
 * (https://www.sqlite.org/lang_altertable.html#otheralter): writable_schema, the new text, the
 * schema version bumped, the schema reloaded. The 12-step copy is not usable here: it needs
 * foreign_keys off, which SQLite ignores inside a transaction, and dropping the old table would
 * then fire ON DELETE actions of tables that reference it. Since nothing is copied, indexes,
 * triggers and views stay as they are; values of a column whose type changed are converted
 * afterwards by an UPDATE (the translated cast or USING expression).
 */
import type Database from 'better-sqlite3';
import type { SchemaOperation } from '../../sql/schema-operations.js';
import { alterTable, dropConstraint, ifColumn } from './alter-table-operations.js';
import { createTableAs, createTableLike } from './create-table-operations.js';
import { dropRelations, truncate } from './drop-truncate-operations.js';
import { dropEnumColumns, renameEnum, renameEnumValue } from './enum-operations.js';

export function runSchemaOperation(db: Database.Database, operation: SchemaOperation): number {
  switch (operation.op) {
    case 'alterTable': return alterTable(db, operation.table, operation.edits);
    case 'ifColumn': return ifColumn(db, operation.table, operation.column, operation.whenExists, operation.statements);
    case 'dropConstraint': return dropConstraint(db, operation.table, operation.name, operation.missingOk);
    case 'drop': return dropRelations(db, operation.kind, operation.names, operation.missingOk, operation.cascade);
    case 'truncate': return truncate(db, operation.tables, operation.cascade, operation.restartIdentity);
    case 'createTableAs': return createTableAs(db, operation);
    case 'createTableLike': return createTableLike(db, operation);
    case 'renameEnumValue': return renameEnumValue(db, operation.declared, operation.from, operation.to);
    case 'dropEnumColumns': return dropEnumColumns(db, operation.declared);
    case 'renameEnum': return renameEnum(db, operation.from, operation.to, operation.replace);
  }
}
