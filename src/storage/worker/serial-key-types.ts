/**
 * The PostgreSQL type of serial / identity keys. Such a key is SQLite's rowid alias, which must be
 * declared exactly `INTEGER` (src/sql/translate/column-definitions.ts), so its declared type says
 * int4 even for bigserial; the sequence the column owns (pgsqlite_sequences.data_type) knows
 * better. Read once per prepared statement (the caller caches), and only for result columns
 * declared `INTEGER` in that spelling, which the translator writes for rowid keys alone.
 */
import type Database from 'better-sqlite3';

const sequenceTypes: Record<string, number> = { bigint: 20, smallint: 21, integer: 23 };

/** One type per result column (null where the declared type stands); undefined when none applies. */
export function serialKeyHints(stmt: Database.Statement): (number | null)[] | undefined {
  if (!stmt.reader) return undefined;
  const columns = stmt.columns();
  if (!columns.some((column) => column.type === 'INTEGER' && column.table !== null)) return undefined;
  let lookup: Database.Statement;
  try {
    lookup = stmt.database.prepare('SELECT data_type FROM main.pgsqlite_sequences WHERE owned_table = ? AND owned_column = ?').pluck();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_INTERRUPT') throw error;
    // No sequences in this database.
    return undefined;
  }
  let any = false;
  const hints = columns.map((column) => {
    if (column.type !== 'INTEGER' || column.table === null || column.column === null) return null;
    const type = lookup.get(column.table, column.column) as string | undefined;
    const oid = type === undefined ? null : sequenceTypes[type] ?? null;
    if (oid !== null && oid !== 23) any = true;
    return oid === 23 ? null : oid;
  });
  return any ? hints : undefined;
}
