/** One column of CREATE TABLE or ALTER TABLE … ADD COLUMN. */
import type { ColumnDef } from 'libpg-query';
import { sqliteCollation } from './collations.js';
import { columnConstraints, hasConstraint } from './constraints.js';
import { quoteIdentifier } from './identifiers.js';
import { inputCheckTriggers, type CheckedTable } from './input-checks.js';
import type { TranslationState } from './translation-state.js';
import { declaredType, isSerialType } from './type-names.js';
import { unsupported } from './unsupported.js';

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
  const rowidAlias = isSerialType(column.typeName)
    && (columnPrimaryKey || (tablePrimaryKey?.length === 1 && inTablePrimaryKey));
  if (isSerialType(column.typeName) && !rowidAlias) {
    unsupported(st, 'a serial column that is not the whole primary key', column.location);
  }
  let text = quoteIdentifier(name) + ' ' + (rowidAlias ? 'INTEGER' : declaredType(st, column.typeName!));
  text += columnConstraints(st, constraints);
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
  if (isSerialType(column.typeName) || hasConstraint(column.constraints, 'CONSTR_GENERATED')) return [];
  return inputCheckTriggers(st, table, column.colname ?? '', column.typeName!, ifNotExists);
}
