/** Schema operations of enum types (sql/translate/enum-types.ts) on the columns declared with them. */
import type Database from 'better-sqlite3';
import { joinTableDefinition, setColumnType, splitTableDefinition } from './table-definition-edits.js';
import { quote, requireTable, run, rewriteTable } from './schema-relations.js';

/** Redeclares the columns of a renamed enum and rewrites their tables' input-check triggers. */
export function renameEnum(db: Database.Database, from: string[], to: string[], replace: [string, string][]): number {
  const columns = db.prepare("SELECT s.name AS tbl, x.name AS col, x.type AS type FROM main.sqlite_schema s, pragma_table_xinfo(s.name, 'main') x "
    + `WHERE s.type = 'table' AND x.type IN (${from.map(() => '?').join(', ')})`).all(...from) as { tbl: string; col: string; type: string }[];
  for (const tbl of new Set(columns.map((c) => c.tbl))) {
    const table = requireTable(db, tbl);
    const definition = splitTableDefinition(table.sql);
    for (const column of columns.filter((c) => c.tbl === tbl)) {
      const declared = to[from.indexOf(column.type)]!;
      setColumnType(definition, column.col, '"' + declared.split('"').join('""') + '"');
    }
    rewriteTable(db, table, joinTableDefinition(definition));
    const triggers = db.prepare("SELECT name, sql FROM main.sqlite_schema WHERE type = 'trigger' AND tbl_name = ? AND name LIKE 'pgsqlite\\_input\\_%' ESCAPE '\\'")
      .all(tbl) as { name: string; sql: string }[];
    for (const trigger of triggers) {
      const sql = replace.reduce((text, [a, b]) => text.split(a).join(b), trigger.sql);
      if (sql === trigger.sql) continue;
      db.exec(`DROP TRIGGER main.${quote(trigger.name)}`);
      db.exec(sql);
    }
  }
  return 0;
}

/** Drops every column declared with a dropped enum, and the column's input-check triggers first (SQLite refuses while a trigger names it). */
export function dropEnumColumns(db: Database.Database, declared: string[]): number {
  const columns = db.prepare("SELECT s.name AS tbl, x.name AS col FROM main.sqlite_schema s, pragma_table_xinfo(s.name, 'main') x "
    + `WHERE s.type = 'table' AND x.type IN (${declared.map(() => '?').join(', ')})`).all(...declared) as { tbl: string; col: string }[];
  for (const { tbl, col } of columns) {
    for (const event of ['insert', 'update', 'insert_stored', 'update_stored']) db.exec(`DROP TRIGGER IF EXISTS main.${quote(`pgsqlite_input_${tbl}_${col}_${event}`)}`);
    db.exec(`ALTER TABLE main.${quote(tbl)} DROP COLUMN ${quote(col)}`);
  }
  return 0;
}

/** Rewrites a renamed enum label in every column of the database declared with the enum (sql/translate/enum-types.ts). */
export function renameEnumValue(db: Database.Database, declared: string, from: string, to: string): number {
  const columns = db.prepare("SELECT s.name AS tbl, x.name AS col FROM main.sqlite_schema s, pragma_table_xinfo(s.name, 'main') x "
    + "WHERE s.type = 'table' AND x.type = ?").all(declared) as { tbl: string; col: string }[];
  for (const { tbl, col } of columns) {
    db.prepare(`UPDATE main.${quote(tbl)} SET ${quote(col)} = ? WHERE ${quote(col)} = ?`).run(to, from);
  }
  return 0;
}
