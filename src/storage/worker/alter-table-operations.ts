/**
 * ALTER TABLE actions SQLite cannot do in place (schema-operations.ts explains the rewrite of the
 * CREATE TABLE text): column types and defaults, foreign keys and CHECKs added or dropped.
 */
import type Database from 'better-sqlite3';
import { parseDeclaredType } from '../../sql/types/declared-type.js';
import type { TableEdit } from '../../sql/schema-operations.js';
import { declaredTypeOf, elementColumn, findConstraint, joinTableDefinition, removeConstraint, setColumnDefault, setColumnType, splitTableDefinition } from './table-definition-edits.js';
import { fail, quote, type TableRow, findRelation, requireTable, run, rewriteTable, hasSequences } from './schema-relations.js';

const integerTypes = new Set([20, 21, 23]);
const numberTypes = new Set([20, 21, 23, 700, 701, 1700]);
const textTypes = new Set([25, 1042, 1043]);
const dateTimeAssignments: Record<number, number[]> = { 1082: [1114, 1184], 1114: [1082, 1083, 1184], 1184: [1082, 1083, 1114] };

/** Whether PostgreSQL has an assignment (or implicit) cast between the types (pg_cast castcontext a/i). */
function assignable(from: number, to: number): boolean {
  if (from === to) return true;
  if (textTypes.has(to)) return true;
  if (numberTypes.has(from) && numberTypes.has(to)) return true;
  if ((from === 114 && to === 3802) || (from === 3802 && to === 114)) return from === 114;
  return dateTimeAssignments[from]?.includes(to) ?? false;
}

function isRowidAlias(db: Database.Database, table: TableRow, column: string): boolean {
  const columns = db.prepare(`SELECT name, type, pk FROM ${table.schema}.pragma_table_info(?)`).all(table.name) as { name: string; type: string; pk: number }[];
  const keys = columns.filter((c) => c.pk > 0);
  return keys.length === 1 && keys[0]!.name.toLowerCase() === column.toLowerCase() && keys[0]!.type.toUpperCase() === 'INTEGER'
    && !/\bwithout\s+rowid\b/i.test(table.sql);
}

export function alterTable(db: Database.Database, name: string, edits: TableEdit[]): number {
  const table = requireTable(db, name);
  const definition = splitTableDefinition(table.sql);
  const conversions: string[] = [];
  const foreignKeys: Extract<TableEdit, { kind: 'addForeignKey' }>[] = [];
  const missingColumn = (column: string) => fail('42703', `column "${column}" of relation "${table.name}" does not exist`);
  for (const edit of edits) {
    switch (edit.kind) {
      case 'default':
        if (!setColumnDefault(definition, edit.column, edit.value)) missingColumn(edit.column);
        break;
      case 'type': {
        const element = definition.elements.find((e) => elementColumn(e)?.toLowerCase() === edit.column.toLowerCase());
        if (element === undefined) return missingColumn(edit.column);
        const from = parseDeclaredType(declaredTypeOf(element))?.oid ?? 25;
        const to = parseDeclaredType(edit.declared)?.oid ?? 25;
        if (!edit.usingGiven && !assignable(from, to)) {
          fail('42804', `column "${edit.column}" cannot be cast automatically to type ${edit.typeName}`,
            { hint: `You might need to specify "USING ${edit.column}::${edit.typeName}".` });
        }
        if (isRowidAlias(db, table, edit.column)) {
          // The key must stay declared INTEGER to remain SQLite's rowid; its sequence carries the type.
          if (!integerTypes.has(to)) fail('0A000', 'ALTER COLUMN … TYPE of a serial or integer primary key to a non-integer type is not supported yet');
          const sequenceType = to === 20 ? 'bigint' : to === 21 ? 'smallint' : 'integer';
          if (hasSequences(db)) {
            db.prepare('UPDATE pgsqlite_sequences SET data_type = ? WHERE owned_table = ? AND owned_column = ?').run(sequenceType, table.name, edit.column);
          }
          break;
        }
        setColumnType(definition, edit.column, edit.declared);
        if (edit.usingGiven || !(integerTypes.has(from) && integerTypes.has(to))) {
          conversions.push(`UPDATE ${table.schema}.${quote(table.name)} SET ${quote(edit.column)} = ${edit.convert}`);
        }
        break;
      }
      case 'addForeignKey':
        if (findConstraint(table.name, definition, edit.name) !== undefined) {
          fail('42710', `constraint "${edit.name}" for relation "${table.name}" already exists`);
        }
        if (findRelation(db, edit.refTable)?.type !== 'table') fail('42P01', `relation "${edit.refTable}" does not exist`);
        definition.elements.push(edit.text);
        foreignKeys.push(edit);
        break;
    }
  }
  rewriteTable(db, table, joinTableDefinition(definition));
  for (const sql of conversions) run(db, sql);
  for (const fk of foreignKeys) checkForeignKey(db, table, fk);
  return 0;
}

/** PostgreSQL validates a foreign key added to a table with rows: 23503 for the first row without a match. */
function checkForeignKey(db: Database.Database, table: TableRow, fk: Extract<TableEdit, { kind: 'addForeignKey' }>): void {
  const violations = db.prepare(`SELECT rowid, parent FROM ${table.schema}.pragma_foreign_key_check(?)`).all(table.name) as { rowid: bigint | number; parent: string }[];
  const found = violations.find((v) => v.parent.toLowerCase() === fk.refTable.toLowerCase());
  if (found === undefined) return;
  const values = db.prepare(`SELECT ${fk.columns.map(quote).join(', ')} FROM ${table.schema}.${quote(table.name)} WHERE rowid = ?`)
    .raw(true).get(found.rowid) as unknown[];
  fail('23503', `insert or update on table "${table.name}" violates foreign key constraint "${fk.name}"`, {
    detail: `Key (${fk.columns.join(', ')})=(${values.map(String).join(', ')}) is not present in table "${fk.refTable}".`,
  });
}

export function ifColumn(db: Database.Database, name: string, column: string, whenExists: boolean, statements: string[]): number {
  const table = requireTable(db, name);
  const exists = db.prepare(`SELECT 1 FROM ${table.schema}.pragma_table_xinfo(?) WHERE name = ? COLLATE NOCASE`).get(table.name, column) !== undefined;
  if (exists !== whenExists) return 0;
  for (const sql of statements) run(db, sql);
  return 0;
}

export function dropConstraint(db: Database.Database, name: string, constraint: string, missingOk: boolean): number {
  const table = requireTable(db, name);
  const object = (type: string, objectName: string) => db.prepare(`SELECT 1 FROM ${table.schema}.sqlite_schema WHERE type = ? AND name = ?`).get(type, objectName) !== undefined;
  const checkTrigger = `pgsqlite_check_${table.name}_${constraint}`;
  if (object('trigger', checkTrigger + '_insert')) {
    run(db, `DROP TRIGGER ${table.schema}.${quote(checkTrigger + '_insert')}`);
    run(db, `DROP TRIGGER IF EXISTS ${table.schema}.${quote(checkTrigger + '_update')}`);
    return 0;
  }
  const index = db.prepare(`SELECT 1 FROM ${table.schema}.sqlite_schema WHERE type = 'index' AND name = ? AND tbl_name = ? AND sql IS NOT NULL`).get(constraint, table.name);
  if (index !== undefined) {
    run(db, `DROP INDEX ${table.schema}.${quote(constraint)}`);
    return 0;
  }
  const definition = splitTableDefinition(table.sql);
  const found = findConstraint(table.name, definition, constraint);
  if (found === undefined) {
    if (missingOk) return 0;
    fail('42704', `constraint "${constraint}" of relation "${table.name}" does not exist`);
  }
  if (found.type === 'p' || found.type === 'u') {
    fail('0A000', 'ALTER TABLE … DROP CONSTRAINT of a PRIMARY KEY or UNIQUE constraint declared in CREATE TABLE is not supported yet');
  }
  removeConstraint(table.name, definition, constraint);
  rewriteTable(db, table, joinTableDefinition(definition));
  return 0;
}
