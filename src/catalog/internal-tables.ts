/**
 * The `pgsqlite_` tables of a database file that the catalog views read: sequences
 * (sql/translate/sequences.ts), enum types (sql/translate/enum-types.ts), comments
 * (sql/translate/comment-statement.ts) and extensions (sql/translate/extension-statements.ts). A TEMP view that names a missing table fails when it is
 * read, so the writer connection — opened before any reader — creates them all up front; the
 * statements that write them still say CREATE TABLE IF NOT EXISTS, for files made elsewhere.
 * Like every `pgsqlite_` table they never appear in the catalog.
 */
import type Database from 'better-sqlite3';
import { sequencesTableDdl } from '../sql/translate/sequences.js';

/** One row per label of each enum type: `sort_order` orders the labels (ALTER TYPE … ADD VALUE BEFORE puts one between two). */
export const enumsTableDdl = 'CREATE TABLE IF NOT EXISTS pgsqlite_enums (type_name TEXT NOT NULL, label TEXT NOT NULL, '
  + 'sort_order REAL NOT NULL, PRIMARY KEY (type_name, label))';

/** COMMENT ON: kind is the object's pg_class/pg_type/pg_namespace-like kind, column 0 for the object itself. */
export const commentsTableDdl = 'CREATE TABLE IF NOT EXISTS pgsqlite_comments (kind TEXT NOT NULL, object TEXT NOT NULL, '
  + "sub TEXT NOT NULL DEFAULT '', description TEXT NOT NULL, PRIMARY KEY (kind, object, sub))";

/** CREATE EXTENSION (sql/translate/extension-statements.ts): the extensions created in this database, beyond the built-in plpgsql. */
export const extensionsTableDdl = 'CREATE TABLE IF NOT EXISTS pgsqlite_extensions (name TEXT PRIMARY KEY, schema TEXT NOT NULL, version TEXT NOT NULL)';

export const internalTablesDdl: readonly string[] = [sequencesTableDdl, enumsTableDdl, commentsTableDdl, extensionsTableDdl];

/** Creates the internal tables the catalog views read (on the writer connection only). */
export function ensureInternalTables(db: Database.Database): void {
  const missing = internalTablesDdl.filter((ddl) => {
    const name = /EXISTS (\w+)/.exec(ddl)![1]!;
    return db.prepare("SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND name = ?").get(name) === undefined;
  });
  if (missing.length > 0) db.exec(missing.join(';\n'));
}
