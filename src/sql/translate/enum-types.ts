/**
 * Enum types: CREATE TYPE … AS ENUM, ALTER TYPE … ADD VALUE / RENAME VALUE / RENAME TO, DROP TYPE.
 *
 * An enum is its rows of `pgsqlite_enums` (catalog/internal-tables.ts), one per label with a REAL
 * sort order (ADD VALUE BEFORE/AFTER puts a label halfway between two, as PostgreSQL does). The
 * checks run in SQLite, in the same unit as the change (`pgsqlite_raise` when a condition holds),
 * since only the database knows which types exist. Columns of an enum type are declared
 * `"enumtext:<name>"` (types/enum-declared-type.ts) and hold the label as TEXT.
 */
import type { AlterEnumStmt, CreateEnumStmt, DropStmt, RenameStmt, TypeName } from 'libpg-query';
import { commentsTableDdl, enumsTableDdl } from '../../catalog/internal-tables.js';
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { enumArrayTypeOid, enumDeclaredType, enumDisplayName, enumNameOfTypeNames, enumTypeOid } from '../types/enum-declared-type.js';
import { quoteString } from './identifiers.js';
import { schemaOperationSql } from '../schema-operations.js';
import { nodeBody, stringOf, stringsOf } from './parse-tree.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

export const enumsTable = 'pgsqlite_enums';
/** PostgreSQL's NAMEDATALEN - 1: the longest label. */
const MAX_LABEL_BYTES = 63;

const raise = (code: string, message: string, condition: string) => `SELECT pgsqlite_raise('${code}', ${quoteString(message)}) WHERE ${condition}`;
const typeExists = (name: string) => `EXISTS (SELECT 1 FROM ${enumsTable} WHERE type_name = ${quoteString(name)})`;
const labelExists = (name: string, label: string) => `EXISTS (SELECT 1 FROM ${enumsTable} WHERE type_name = ${quoteString(name)} AND label = ${quoteString(label)})`;
const sortOrderOf = (name: string, label: string) => `(SELECT sort_order FROM ${enumsTable} WHERE type_name = ${quoteString(name)} AND label = ${quoteString(label)})`;

/** Whether a table column of the database is declared with the enum (or an array of it), or only with its array type. */
export function enumInUse(name: string, only?: 'array'): string {
  const types = only === 'array' ? [enumDeclaredType(name, true)] : [enumDeclaredType(name), enumDeclaredType(name, true)];
  return `EXISTS (SELECT 1 FROM main.sqlite_schema s, pragma_table_xinfo(s.name, 'main') x WHERE s.type = 'table' `
    + `AND x.type IN (${types.map(quoteString).join(', ')}))`;
}

/** Raises 42704 unless the enum exists. */
export function requireEnum(name: string): string {
  return raise('42704', `type "${enumDisplayName(name)}" does not exist`, `NOT ${typeExists(name)}`);
}

function enumName(st: TranslationState, names: readonly string[], location?: number): string {
  const name = enumNameOfTypeNames(names);
  if (name === undefined) return unsupported(st, `an enum type named ${names.join('.')}`, location);
  return name;
}

function checkLabel(label: string): void {
  if (Buffer.byteLength(label) > MAX_LABEL_BYTES) {
    throw new PgError({ code: SqlState.invalidParameterValue, message: `invalid enum label "${label}"`, detail: `Labels must be ${MAX_LABEL_BYTES} bytes or less.` });
  }
}

export function createEnum(st: TranslationState, node: CreateEnumStmt): string[] {
  const name = enumName(st, stringsOf(node.typeName));
  const labels = (node.vals ?? []).map((v) => stringOf(v) ?? '');
  if (labels.length === 0) unsupported(st, 'an enum type without labels');
  const seen = new Set<string>();
  for (const label of labels) {
    checkLabel(label);
    if (seen.has(label)) throw new PgError({ code: SqlState.uniqueViolation, message: 'duplicate key value violates unique constraint "pg_enum_typid_label_index"' });
    seen.add(label);
  }
  // A table's or view's name is also its row type's in PostgreSQL.
  const taken = `${typeExists(name)} OR EXISTS (SELECT 1 FROM main.sqlite_schema WHERE type IN ('table', 'view') AND name = ${quoteString(name)})`;
  const rows = labels.map((label, i) => `(${quoteString(name)}, ${quoteString(label)}, ${i + 1})`).join(', ');
  return [
    enumsTableDdl,
    raise('42710', `type "${enumDisplayName(name)}" already exists`, taken),
    `INSERT INTO ${enumsTable} (type_name, label, sort_order) VALUES ${rows}`,
  ];
}

/** ALTER TYPE … ADD VALUE [IF NOT EXISTS] 'x' [BEFORE | AFTER 'y'] and ALTER TYPE … RENAME VALUE 'a' TO 'b'. */
export function alterEnum(st: TranslationState, node: AlterEnumStmt): string[] {
  const name = enumName(st, stringsOf(node.typeName));
  const newLabel = node.newVal ?? '';
  checkLabel(newLabel);
  const out = [enumsTableDdl, requireEnum(name)];
  const notExisting = (label: string) => raise('22023', `"${label}" is not an existing enum label`, `NOT ${labelExists(name, label)}`);
  const duplicate = raise('42710', `enum label "${newLabel}" already exists`, labelExists(name, newLabel));
  if (node.oldVal !== undefined) {
    out.push(notExisting(node.oldVal));
    if (node.oldVal === newLabel) return out;
    out.push(
      duplicate,
      // Stored values are labels: the enum's columns are rewritten (after the label, which their input checks accept).
      raise('0A000', 'ALTER TYPE … RENAME VALUE of an enum that an array column uses is not supported yet', enumInUse(name, 'array')),
      `UPDATE ${enumsTable} SET label = ${quoteString(newLabel)} WHERE type_name = ${quoteString(name)} AND label = ${quoteString(node.oldVal)}`,
      schemaOperationSql({ op: 'renameEnumValue', declared: enumDeclaredType(name), from: node.oldVal, to: newLabel }),
    );
    return out;
  }
  if (!node.skipIfNewValExists) out.push(duplicate);
  let sortOrder = `(SELECT max(sort_order) + 1 FROM ${enumsTable} WHERE type_name = ${quoteString(name)})`;
  if (node.newValNeighbor !== undefined) {
    out.push(notExisting(node.newValNeighbor));
    const neighbour = sortOrderOf(name, node.newValNeighbor);
    // Halfway to the next label on that side, or one past the neighbour at either end (PostgreSQL's choice).
    // The parse tree leaves newValIsAfter out for BEFORE.
    const after = node.newValIsAfter === true;
    const next = !after
      ? `(SELECT max(sort_order) FROM ${enumsTable} WHERE type_name = ${quoteString(name)} AND sort_order < ${neighbour})`
      : `(SELECT min(sort_order) FROM ${enumsTable} WHERE type_name = ${quoteString(name)} AND sort_order > ${neighbour})`;
    sortOrder = `coalesce((${neighbour} + ${next}) / 2.0, ${neighbour} ${after ? '+' : '-'} 1)`;
  }
  out.push(`INSERT INTO ${enumsTable} (type_name, label, sort_order) SELECT ${quoteString(name)}, ${quoteString(newLabel)}, ${sortOrder} `
    + `WHERE NOT ${labelExists(name, newLabel)}`);
  return out;
}

/** ALTER TYPE mood RENAME TO m2. */
export function renameEnum(st: TranslationState, node: RenameStmt): string[] {
  const names = stringsOf(nodeBody(node.object!, 'List').items);
  const name = enumName(st, names);
  const schema = names.length === 2 ? names[0]! : 'public';
  const newName = enumName(st, [schema, node.newname ?? '']);
  return [
    enumsTableDdl,
    requireEnum(name),
    raise('42710', `type "${enumDisplayName(newName)}" already exists`, typeExists(newName)),
    `UPDATE ${enumsTable} SET type_name = ${quoteString(newName)} WHERE type_name = ${quoteString(name)}`,
    // Columns are declared with the type's name, and their input checks name it (enumInputTest).
    schemaOperationSql({
      op: 'renameEnum', from: [enumDeclaredType(name), enumDeclaredType(name, true)], to: [enumDeclaredType(newName), enumDeclaredType(newName, true)],
      replace: [
        [`type_name = ${quoteString(name)}`, `type_name = ${quoteString(newName)}`],
        [invalidInputPrefix(name), invalidInputPrefix(newName)],
      ],
    }),
    commentsTableDdl,
    `UPDATE pgsqlite_comments SET object = ${quoteString(newName)} WHERE kind = 'type' AND object = ${quoteString(name)}`,
  ];
}

/** DROP TYPE [IF EXISTS] a, b [CASCADE | RESTRICT]. */
export function dropEnums(st: TranslationState, node: DropStmt): string[] {
  const names = (node.objects ?? []).map((object) => {
    const typeName = nodeBody(object, 'TypeName') as TypeName;
    return enumName(st, stringsOf(typeName.names), typeName.location);
  });
  // Every type must exist before any is checked for dependants (PostgreSQL's order of errors).
  const out = [enumsTableDdl, ...(node.missing_ok === true ? [] : names.map(requireEnum))];
  for (const name of names) {
    if (node.behavior === 'DROP_CASCADE') {
      out.push(schemaOperationSql({ op: 'dropEnumColumns', declared: [enumDeclaredType(name), enumDeclaredType(name, true)] }));
    } else {
      out.push(raise('2BP01', `cannot drop type ${enumDisplayName(name)} because other objects depend on it`, enumInUse(name)));
    }
    out.push(`DELETE FROM ${enumsTable} WHERE type_name = ${quoteString(name)}`);
  }
  return out;
}

/** The declared type of a column of an enum type (quoted: it holds a colon), or undefined for another type. */
export function enumColumnType(typeName: TypeName): string | undefined {
  const name = enumNameOfTypeNames(stringsOf(typeName.names));
  if (name === undefined) return undefined;
  return '"' + enumDeclaredType(name, (typeName.arrayBounds?.length ?? 0) > 0).split('"').join('""') + '"';
}

/** The start of the 22P02 message for a label the enum lacks, as a SQL string. */
function invalidInputPrefix(name: string): string {
  return quoteString(`invalid input value for enum ${enumDisplayName(name)}: "`);
}

/**
 * The input check of an enum column (input-checks.ts): valid when the label is one of the type's,
 * else 22P02. A TEMP table's trigger names the main database's table explicitly.
 */
export function enumInputTest(name: string, value: string, temp: boolean): { fast: string; slow: string } {
  const table = (temp ? 'main.' : '') + enumsTable;
  return {
    fast: `EXISTS (SELECT 1 FROM ${table} WHERE type_name = ${quoteString(name)} AND label = ${value})`,
    slow: `pgsqlite_raise('22P02', ${invalidInputPrefix(name)} || ${value} || '"')`,
  };
}

/**
 * `x::mood`: the label itself when it is one of the type's; NULL stays NULL; anything else is
 * 22P02 (42704 when the type does not exist). The value's text is repeated, evaluated again only on failure.
 */
export function enumCast(name: string, value: string): string {
  // Renamed columns: the value may name a table column called label.
  return `coalesce((SELECT pgsqlite_label FROM (SELECT label AS pgsqlite_label FROM main.${enumsTable} WHERE type_name = ${quoteString(name)}) WHERE pgsqlite_label = ${value}), `
    + `CASE WHEN ${value} IS NULL THEN NULL WHEN NOT ${typeExists(name).replace('FROM ', 'FROM main.')} `
    + `THEN pgsqlite_raise('42704', ${quoteString(`type "${enumDisplayName(name)}" does not exist`)}) `
    + `ELSE pgsqlite_raise('22P02', ${quoteString(`invalid input value for enum ${enumDisplayName(name)}: "`)} || ${value} || '"') END)`;
}

/**
 * `'mood'::regtype` (and 'mood[]', 'public.mood'): the enum's OID when the type exists, else
 * 42704; undefined when the text is not a plain (optionally qualified) name.
 */
export function enumRegtype(text: string): string | undefined {
  const match = /^\s*(?:(\w+)\.)?(\w+)\s*(\[\])?\s*$/.exec(text);
  if (match === null) return undefined;
  const names = match[1] !== undefined ? [match[1], match[2]!.toLowerCase()] : [match[2]!.toLowerCase()];
  const name = enumNameOfTypeNames(names);
  if (name === undefined) return undefined;
  const oid = match[3] !== undefined ? enumArrayTypeOid(name) : enumTypeOid(name);
  return `CASE WHEN ${typeExists(name).replace('FROM ', 'FROM main.')} THEN ${oid} `
    + `ELSE pgsqlite_raise('42704', ${quoteString(`type "${text.trim()}" does not exist`)}) END`;
}
