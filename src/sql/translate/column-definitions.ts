/** One column of CREATE TABLE or ALTER TABLE … ADD COLUMN. */
import type { ColumnDef, Constraint } from 'libpg-query';
import { sqliteCollation } from './collations.js';
import { columnConstraints, hasConstraint } from './constraints.js';
import { quoteIdentifier, quoteString } from './identifiers.js';
import { makeObjectName } from './index-names.js';
import { stringsOf } from './parse-tree.js';
import { inputCheckTriggers, type CheckedTable } from './input-checks.js';
import type { TranslationState } from './translation-state.js';
import { declaredType, isSerialType } from './type-names.js';
import { unsupported } from './unsupported.js';
import { asNode } from './parse-tree.js';
import { insertSequence, sequenceDefinition, sequencesTableDdl, type SequenceType } from './sequences.js';

/** The GENERATED … AS IDENTITY constraint of a column, if it has one. */
export function identityOf(column: ColumnDef): Constraint | undefined {
  for (const node of column.constraints ?? []) {
    const constraint = asNode(node, 'Constraint');
    if (constraint?.contype === 'CONSTR_IDENTITY') return constraint;
  }
  return undefined;
}

const serialSequenceTypes: Record<string, SequenceType> = {
  smallserial: 'smallint', serial2: 'smallint', serial: 'integer', serial4: 'integer', bigserial: 'bigint', serial8: 'bigint',
};
const identityTypes: Record<string, SequenceType> = { int2: 'smallint', int4: 'integer', int8: 'bigint' };

/**
 * The sequence of a serial or identity column (`table_column_seq`, owned by the column) and the
 * triggers that keep it in step with the rowid SQLite numbers the column with: after each insert
 * the sequence is moved up to the new key (and the session's currval set, as nextval would).
 * GENERATED ALWAYS refuses a key given by the INSERT (428C9); SQLite shows an omitted rowid
 * alias as -1 to a BEFORE trigger. Temporary tables get no sequence.
 */
export function columnSequence(st: TranslationState, table: CheckedTable, column: ColumnDef, ifNotExists: boolean): string[] {
  const identity = identityOf(column);
  const typeName = stringsOf(column.typeName?.names).at(-1) ?? '';
  const type = identity !== undefined ? identityTypes[typeName] : serialSequenceTypes[typeName];
  if (type === undefined) {
    if (identity !== undefined) unsupported(st, 'an identity column of a type other than smallint, integer or bigint', column.location);
    return [];
  }
  if (table.temp) return [];
  const name = column.colname ?? '';
  const sequenceName = makeObjectName(table.name, name, 'seq');
  const sequence = sequenceDefinition(st, sequenceName, identity?.options, { type, ownedBy: [table.name, name] });
  const seq = quoteString(sequenceName);
  const key = 'NEW.' + quoteIdentifier(name);
  const create = `CREATE TRIGGER ${ifNotExists ? 'IF NOT EXISTS ' : ''}`;
  const out = [
    sequencesTableDdl,
    insertSequence(sequence, ifNotExists ? 'OR IGNORE ' : 'OR REPLACE '),
    `${create}${quoteIdentifier(`pgsqlite_serial_${table.name}_${name}`)} AFTER INSERT ON ${quoteIdentifier(table.name)} BEGIN `
      + `UPDATE pgsqlite_sequences SET last_value = pgsqlite_sequence_used(name, ${key}, 1), is_called = 1 `
      + `WHERE name = ${seq} AND (is_called = 0 OR last_value < ${key}); END`,
  ];
  if (identity?.generated_when === 'a') {
    const message = `cannot insert a non-DEFAULT value into column "${name}"`;
    out.push(`${create}${quoteIdentifier(`pgsqlite_identity_${table.name}_${name}`)} BEFORE INSERT ON ${quoteIdentifier(table.name)} `
      + `WHEN ${key} <> -1 BEGIN SELECT pgsqlite_raise('428C9', ${quoteString(message)}); END`);
  }
  return out;
}

/**
 * @param tablePrimaryKey the columns of a table-level PRIMARY KEY (…), when the table has one.
 *
 * Two PostgreSQL guarantees SQLite does not give on its own are written out here:
 * - a PRIMARY KEY column is NOT NULL (SQLite's rowid tables allow NULL keys), so NOT NULL is added;
 * - serial numbering. A serial column that is the table's whole primary key becomes SQLite's
 *   INTEGER PRIMARY KEY, the rowid alias that numbers new rows itself. The declared type must be
 *   exactly INTEGER for that, so the PostgreSQL type (serial/bigserial) is lost from the SQLite
 *   schema here; the dialect issue keeps it in metadata. Other serial columns need sequences.
 *   TODO(dialect): SQLite reuses the highest key after it is deleted (and after TRUNCATE), where a
 *   sequence never goes back; AUTOINCREMENT would match, at the cost of sqlite_sequence.
 */
export function columnDefinition(st: TranslationState, column: ColumnDef, tablePrimaryKey: string[] | undefined): string {
  const name = column.colname ?? '';
  const constraints = column.constraints;
  const columnPrimaryKey = hasConstraint(constraints, 'CONSTR_PRIMARY');
  const inTablePrimaryKey = tablePrimaryKey !== undefined && tablePrimaryKey.includes(name);
  const numbered = isSerialType(column.typeName) || identityOf(column) !== undefined;
  const rowidAlias = numbered && (columnPrimaryKey || (tablePrimaryKey?.length === 1 && inTablePrimaryKey));
  if (numbered && !rowidAlias) {
    unsupported(st, `${isSerialType(column.typeName) ? 'a serial' : 'an identity'} column that is not the whole primary key`, column.location);
  }
  let text = quoteIdentifier(name) + ' ' + (rowidAlias ? 'INTEGER' : declaredType(st, column.typeName!));
  text += columnConstraints(st, constraints?.filter((node) => asNode(node, 'Constraint')?.contype !== 'CONSTR_IDENTITY'));
  if (!rowidAlias && (columnPrimaryKey || inTablePrimaryKey) && !hasConstraint(constraints, 'CONSTR_NOTNULL')) {
    text += ' NOT NULL';
  }
  if (column.collClause !== undefined) {
    const collation = sqliteCollation(st, column.collClause.collname, column.collClause.location);
    if (collation !== undefined) text += ' COLLATE ' + collation;
  }
  // COMPRESSION and STORAGE tune PostgreSQL's TOAST storage only; nothing to carry over.
  return text;
}

/** The input-check triggers of a column (input-checks.ts); none for a serial column SQLite numbers itself. */
export function columnChecks(st: TranslationState, table: CheckedTable, column: ColumnDef, ifNotExists = false): string[] {
  // A generated column is computed by SQLite; a serial key is numbered by it.
  if (isSerialType(column.typeName) || identityOf(column) !== undefined || hasConstraint(column.constraints, 'CONSTR_GENERATED')) return [];
  return inputCheckTriggers(st, table, column.colname ?? '', column.typeName!, ifNotExists);
}
