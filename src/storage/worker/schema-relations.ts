/**
 * The relations schema operations work on (schema-operations.ts): finding a table or view as
 * SQLite matches names, running translated SQL, and rewriting a table's CREATE TABLE text.
 */
import type Database from 'better-sqlite3';
import { PgError } from '../../protocol/pg-error.js';
import { catalogRelationName } from '../../sql/catalog-relations.js';
import { resolveStatementSql } from './column-types.js';

type Code = ConstructorParameters<typeof PgError>[0]['code'];
export function fail(code: string, message: string, extra: { detail?: string; hint?: string } = {}): never {
  throw new PgError({ code: code as Code, message, ...extra });
}

export const quote = (name: string) => '"' + name.replace(/"/g, '""') + '"';
export const literal = (text: string) => "'" + text.replace(/'/g, "''") + "'";

export type SchemaName = 'main' | 'temp';

export interface TableRow { schema: SchemaName; name: string; type: string; sql: string }

/**
 * A table or view by name (temp first, as PostgreSQL's search path has pg_temp first), as SQLite
 * matches names: without regard to case. The catalog's TEMP views are not the user's relations.
 */
export function findRelation(db: Database.Database, name: string): TableRow | undefined {
  for (const schema of ['temp', 'main'] as const) {
    if (schema === 'temp' && catalogRelationName(undefined, name) !== undefined) continue;
    const row = db.prepare(`SELECT name, type, sql FROM ${schema}.sqlite_schema WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE`)
      .get(name) as Omit<TableRow, 'schema'> | undefined;
    if (row) return { ...row, schema };
  }
  return undefined;
}

export function requireTable(db: Database.Database, name: string): TableRow {
  const row = findRelation(db, name);
  if (row === undefined || row.type !== 'table') fail('42P01', `relation "${name}" does not exist`);
  return row;
}

export function run(db: Database.Database, sql: string): number {
  return db.prepare(resolveStatementSql(db, sql)).run().changes;
}

/** Writes a table's new CREATE TABLE text and makes every connection read the schema again. */
export function rewriteTable(db: Database.Database, table: TableRow, sql: string): void {
  const version = db.pragma(`${table.schema}.schema_version`, { simple: true }) as number;
  // Defensive mode (better-sqlite3's default) forbids writing sqlite_schema; lifted for this only.
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    db.prepare(`UPDATE ${table.schema}.sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?`).run(sql, table.name);
    db.pragma(`${table.schema}.schema_version = ${version + 1}`);
  } finally {
    db.pragma('writable_schema = RESET');
    db.unsafeMode(false);
  }
}

export function relationExists(db: Database.Database, name: string): boolean {
  return findRelation(db, name) !== undefined;
}

/** Whether the database has its sequences table yet (created by the first statement that needs it). */
export function hasSequences(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND name = 'pgsqlite_sequences'").get() !== undefined;
}
