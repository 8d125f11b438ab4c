/** CREATE TABLE AS / SELECT INTO (columns typed from the query) and CREATE TABLE (LIKE …). */
import type Database from 'better-sqlite3';
import { parseTableDdl, tokenize } from '../../catalog/table-ddl.js';
import { formatType } from '../../catalog/format-type.js';
import { numericColumnDeclaration, storageTypeName } from '../../sql/types/declared-type.js';
import type { SchemaOperation } from '../../sql/schema-operations.js';
import { resolveOutputColumns, resolveStatementSql, statementTypeHints } from './column-types.js';
import { collateClauseOf, declaredTypeOf, defaultOf, elementColumn, splitTableDefinition } from './table-definition-edits.js';
import { fail, quote, type TableRow, findRelation, run, relationExists } from './schema-relations.js';

/** A PostgreSQL type name as SQLite's declared type: bare when SQLite reads it as one, else quoted. */
function declaredTypeText(name: string): string {
  return /^[a-z][a-z ]*(\(\d+(,\d+)?\))?$/.test(name) ? name : quote(name);
}

/** A new column's SQLite type for a PostgreSQL type name; numeric, json and jsonb as CREATE TABLE declares them. */
function columnDeclaration(typeName: string): string {
  const numeric = /^numeric(\(\d+,\d+\))?$/.exec(typeName);
  return numeric ? numericColumnDeclaration(numeric[1] ?? '') : storageTypeName(typeName) ?? declaredTypeText(typeName);
}

export function createTableAs(db: Database.Database, operation: Extract<SchemaOperation, { op: 'createTableAs' }>): number {
  if (relationExists(db, operation.table)) {
    if (operation.ifNotExists) return 0;
    fail('42P07', `relation "${operation.table}" already exists`);
  }
  const stmt = db.prepare(resolveStatementSql(db, operation.query));
  if (!stmt.reader) fail('42601', 'CREATE TABLE AS needs a query that returns rows');
  const definitions = stmt.columns();
  const columns = resolveOutputColumns(definitions, { typeHints: statementTypeHints(stmt, operation.typeHints) });
  const used = new Set<string>();
  const elements = columns.map((column) => {
    if (used.has(column.name)) fail('42701', `column "${column.name}" specified more than once`);
    used.add(column.name);
    return `${quote(column.name)} ${columnDeclaration(formatType(column.typeOid, column.typeModifier))}`;
  });
  run(db, `CREATE ${operation.temp ? 'TEMP ' : ''}TABLE ${quote(operation.table)} (${elements.join(', ')})`);
  if (operation.noData) return 0;
  return run(db, `INSERT INTO ${operation.temp ? 'temp.' : 'main.'}${quote(operation.table)} SELECT * FROM (${operation.query})`);
}

export function createTableLike(db: Database.Database, operation: Extract<SchemaOperation, { op: 'createTableLike' }>): number {
  if (relationExists(db, operation.table)) {
    if (operation.ifNotExists) return 0;
    fail('42P07', `relation "${operation.table}" already exists`);
  }
  const source = findRelation(db, operation.source);
  if (source === undefined) fail('42P01', `relation "${operation.source}" does not exist`);
  const elements: string[] = [];
  const notNull = new Set((db.prepare(`SELECT name FROM ${source.schema}.pragma_table_info(?) WHERE "notnull" OR pk > 0`).all(source.name) as { name: string }[]).map((r) => r.name));
  if (source.type !== 'table') fail('0A000', 'CREATE TABLE … (LIKE a view) is not supported yet');
  for (const element of splitTableDefinition(source.sql).elements) {
    const column = elementColumn(element);
    if (column === undefined) continue;
    // A rowid key declared INTEGER is an integer column of its own in the copy; NOT NULL is always copied.
    let text = `${quote(column)} ${declaredTypeOf(element)} ${collateClauseOf(element)}`.trim();
    if (notNull.has(column)) text += ' NOT NULL';
    const value = defaultOf(element);
    if (operation.defaults && value !== undefined) text += ` DEFAULT ${value}`;
    elements.push(text);
  }
  if (source.type === 'table') {
    const constraints = parseTableDdl(source.name, source.sql).constraints;
    for (const constraint of constraints) {
      const list = `(${constraint.columns.map(quote).join(', ')})`;
      if (constraint.type === 'c' && operation.constraints) elements.push(`CONSTRAINT ${quote(constraint.name)} CHECK (${constraint.expression})`);
      if (operation.indexes && constraint.type === 'p') elements.push(`PRIMARY KEY ${list}`);
      if (operation.indexes && constraint.type === 'u') elements.push(`UNIQUE ${list}`);
    }
    if (operation.indexes) {
      const other = db.prepare(`SELECT 1 FROM ${source.schema}.sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).get(source.name);
      if (other !== undefined) fail('0A000', 'CREATE TABLE … (LIKE … INCLUDING INDEXES) of a table with CREATE INDEX indexes is not supported yet');
    }
  }
  run(db, `CREATE ${operation.temp ? 'TEMP ' : ''}TABLE ${quote(operation.table)} (${elements.join(', ')})`);
  copyInputChecks(db, source, operation.table, operation.temp);
  return 0;
}

/**
 * The source's input-check triggers (src/sql/translate/input-checks.ts), renamed for the copy:
 * they read only NEW's columns, so the name and the ON clause are all that change.
 */
function copyInputChecks(db: Database.Database, source: TableRow, table: string, temp: boolean): void {
  const prefix = `pgsqlite_input_${source.name}_`;
  const triggers = db.prepare(`SELECT name, sql FROM ${source.schema}.sqlite_schema WHERE type = 'trigger' AND tbl_name = ? AND substr(name, 1, ?) = ?`)
    .all(source.name, prefix.length, prefix) as { name: string; sql: string }[];
  for (const trigger of triggers) {
    const tokens = tokenize(trigger.sql);
    const nameToken = tokens.findIndex((token) => token.ident === trigger.name);
    const on = tokens.findIndex((token, i) => i > nameToken && token.word === 'on');
    const tableToken = tokens[on + 1];
    if (nameToken < 0 || on < 0 || tableToken === undefined) continue;
    const newName = `pgsqlite_input_${table}_${trigger.name.slice(prefix.length)}`;
    const sql = trigger.sql.slice(0, tokens[nameToken]!.start).replace(/^CREATE\s+(TEMP\s+)?TRIGGER\s+/i, `CREATE ${temp ? 'TEMP ' : ''}TRIGGER `)
      + quote(newName) + trigger.sql.slice(tokens[nameToken]!.end, tableToken.start) + quote(table) + trigger.sql.slice(tableToken.end);
    run(db, sql);
  }
}
