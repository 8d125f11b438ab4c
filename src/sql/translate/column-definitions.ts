/** One column of CREATE TABLE or ALTER TABLE … ADD COLUMN. */
import type { ColumnDef, Constraint, TypeName } from 'libpg-query';
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { sqliteCollation } from './collations.js';
import { columnConstraints, hasConstraint } from './constraints.js';
import { quoteIdentifier, quoteString } from './identifiers.js';
import { makeObjectName } from './index-names.js';
import { stringsOf } from './parse-tree.js';
import { inputCheckTriggers, type CheckedTable } from './input-checks.js';
import type { TranslationState } from './translation-state.js';
import { declaredType, isSerialType, postgresTypeText } from './type-names.js';
import { enumColumnType } from './enum-types.js';
import { numericColumnDeclaration, storageTypeName } from '../types/declared-type.js';
import { unsupported } from './unsupported.js';
import { asNode, type Node } from './parse-tree.js';
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
  if (hasConstraint(column.constraints, 'CONSTR_PRIMARY')) {
    // An AUTOINCREMENT key (columnDefinition) is numbered after sqlite_sequence's value, which
    // follows the sequence: the first key is its START, and nextval / setval move the next one.
    const table_ = quoteString(table.name);
    out.push(
      `INSERT INTO sqlite_sequence (name, seq) SELECT ${table_}, ${sequence.start - sequence.increment} `
        + `WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ${table_})`,
      sequenceKeySyncTrigger,
    );
  }
  if (identity?.generated_when === 'a') {
    const message = `cannot insert a non-DEFAULT value into column "${name}"`;
    out.push(`${create}${quoteIdentifier(`pgsqlite_identity_${table.name}_${name}`)} BEFORE INSERT ON ${quoteIdentifier(table.name)} `
      + `WHEN ${key} <> -1 BEGIN SELECT pgsqlite_raise('428C9', ${quoteString(message)}); END`);
  }
  return out;
}

/** Keeps sqlite_sequence (the next AUTOINCREMENT key) with the sequences that own keys. */
const sequenceKeySyncTrigger = 'CREATE TRIGGER IF NOT EXISTS pgsqlite_sequences_key_sync AFTER UPDATE OF last_value, is_called ON pgsqlite_sequences '
  + 'WHEN NEW.owned_table IS NOT NULL BEGIN UPDATE sqlite_sequence SET seq = CASE WHEN NEW.is_called THEN NEW.last_value '
  + 'ELSE NEW.last_value - NEW.increment END WHERE name = NEW.owned_table; END';

/**
 * @param tablePrimaryKey the columns of a table-level PRIMARY KEY (…), when the table has one.
 *
 * Two PostgreSQL guarantees SQLite does not give on its own are written out here:
 * - a PRIMARY KEY column is NOT NULL (SQLite's rowid tables allow NULL keys), so NOT NULL is added;
 * - serial numbering. A serial column that is the table's whole primary key becomes SQLite's
 *   INTEGER PRIMARY KEY, the rowid alias that numbers new rows itself. The declared type must be
 *   exactly INTEGER for that, so the PostgreSQL type (serial/bigserial) is lost from the SQLite
 *   schema here; its sequence's type stands for it (storage/worker/serial-key-types.ts). With a
 *   column-level PRIMARY KEY the key is AUTOINCREMENT, so a deleted highest key is not reused and
 *   nextval/setval move the next key (columnSequence); a table-level PRIMARY KEY (id) cannot
 *   take AUTOINCREMENT in SQLite and keeps plain rowid numbering.
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
  let declared = rowidAlias ? 'INTEGER' : columnType(st, column.typeName!);
  // SQLite makes any single-column primary key declared "integer" its rowid alias, which turns a
  // NULL key into a new number; PostgreSQL refuses it (23502). The same type spelled int4 is not
  // a rowid alias, so NOT NULL holds.
  if (!rowidAlias && declared.toLowerCase() === 'integer' && (columnPrimaryKey || (tablePrimaryKey?.length === 1 && inTablePrimaryKey))) declared = 'int4';
  let text = quoteIdentifier(name) + ' ' + declared;
  text += columnConstraints(st, exactNumericDefault(typedDefaults(constraints, column.typeName), column.typeName!)?.filter((node) => asNode(node, 'Constraint')?.contype !== 'CONSTR_IDENTITY'),
    { autoincrement: rowidAlias && columnPrimaryKey });
  if (!rowidAlias && (columnPrimaryKey || inTablePrimaryKey) && !hasConstraint(constraints, 'CONSTR_NOTNULL')) {
    text += ' NOT NULL';
  }
  if (column.collClause !== undefined) {
    if (isNumericType(column.typeName!)) {
      throw new PgError({ code: SqlState.datatypeMismatch, message: 'collations are not supported by type numeric' });
    }
    const collation = sqliteCollation(st, column.collClause.collname, column.collClause.location);
    if (collation !== undefined) text += ' COLLATE ' + collation;
  }
  // COMPRESSION and STORAGE tune PostgreSQL's TOAST storage only; nothing to carry over.
  return text;
}

const dateTimeColumnTypes = new Set(['date', 'time', 'timestamp', 'timestamptz']);

/**
 * A computed DEFAULT of a date/time column (`DEFAULT now()`, `CURRENT_TIMESTAMP`) is cast to the
 * column's type, as PostgreSQL's assignment does: now() is a timestamptz, stored with '+00', which a
 * timestamp column must not keep.
 */
function typedDefaults(constraints: ColumnDef['constraints'], typeName: TypeName | undefined): ColumnDef['constraints'] {
  const type = typeName !== undefined ? stringsOf(typeName.names).at(-1) : undefined;
  if (type === undefined || !dateTimeColumnTypes.has(type) || typeName!.arrayBounds?.length) return constraints;
  return constraints?.map((node) => {
    const constraint = asNode(node, 'Constraint');
    if (constraint?.contype !== 'CONSTR_DEFAULT' || constraint.raw_expr === undefined || asNode(constraint.raw_expr, 'A_Const') !== undefined) return node;
    return { Constraint: { ...constraint, raw_expr: { TypeCast: { arg: constraint.raw_expr, typeName } } } };
  });
}

/**
 * A decimal constant DEFAULT of a numeric column (`DEFAULT 1.50`) is written as the string '1.50':
 * SQLite would read the number as the REAL 1.5. The catalog prints it back unquoted.
 */
function exactNumericDefault(constraints: ColumnDef['constraints'], typeName: TypeName): ColumnDef['constraints'] {
  if (!isNumericType(typeName)) return constraints;
  return constraints?.map((node) => {
    const constraint = asNode(node, 'Constraint');
    const decimal = constraint?.contype === 'CONSTR_DEFAULT' ? asNode(constraint.raw_expr, 'A_Const')?.fval?.fval : undefined;
    if (decimal === undefined || !/^-?[0-9.]/.test(decimal)) return node;
    return { Constraint: { ...constraint, raw_expr: { A_Const: { sval: { sval: decimal } } } } } as Node;
  });
}

/** numeric or decimal (not an array of them): the parser names both pg_catalog.numeric. */
function isNumericType(typeName: TypeName): boolean {
  const names = stringsOf(typeName.names);
  return names.length === 2 && names[0] === 'pg_catalog' && names[1] === 'numeric' && !typeName.arrayBounds?.length;
}

/**
 * A column's type as SQLite DDL declares it (what CREATE TABLE, ADD COLUMN and table rebuilds
 * write). numeric(p, s) is declared `numeric_text(p,s) COLLATE pgsqlite_numeric`: a name with
 * TEXT affinity (SQLite's NUMERIC affinity would turn '10.10' into the REAL 10.1), read back as
 * numeric by sql/types/declared-type.ts, and a collation that compares the numeric text by value
 * (native/numeric_collation.h), so comparisons, ORDER BY, indexes, UNIQUE, min and max are
 * numeric ones. json and jsonb are declared `json_text` / `jsonb_text` (TEXT affinity, see
 * storageTypeName). Other types keep their PostgreSQL spelling.
 */
export function columnType(st: TranslationState, typeName: TypeName): string {
  const enumType = enumColumnType(typeName);
  if (enumType !== undefined) return enumType;
  if (!isNumericType(typeName)) return storageTypeName(postgresTypeText(st, typeName)) ?? declaredType(st, typeName);
  const modifiers = postgresTypeText(st, typeName).slice('numeric'.length);
  return numericColumnDeclaration(modifiers);
}

/** The input-check triggers of a column (input-checks.ts); none for a serial column SQLite numbers itself. */
export function columnChecks(st: TranslationState, table: CheckedTable, column: ColumnDef, ifNotExists = false): string[] {
  // A generated column is computed by SQLite; a serial key is numbered by it.
  if (isSerialType(column.typeName) || identityOf(column) !== undefined || hasConstraint(column.constraints, 'CONSTR_GENERATED')) return [];
  return inputCheckTriggers(st, table, column.colname ?? '', column.typeName!, ifNotExists);
}
