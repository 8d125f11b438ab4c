/**
 * CREATE SCHEMA, DROP SCHEMA, ALTER SCHEMA … RENAME TO and ALTER TABLE … SET SCHEMA.
 *
 * A schema is a marker view `"pgsqlite_namespace.<name>"` in main and its relations are tables
 * named `"<name>.<relation>"` (src/sql/schema-names.ts). Checks PostgreSQL makes against the
 * catalog run as statements ahead of the change (`pgsqlite_raise` when a row says so), so they see
 * the schema as it is when the statement runs; DROP … CASCADE and RENAME need the list of a
 * schema's relations, which comes from the session's snapshot of sqlite_schema.
 */
import type { AlterObjectSchemaStmt, CreateSchemaStmt, DropStmt, RenameStmt } from 'libpg-query';
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { schemaMarkerName, splitStorageName, storageName, systemSchemas, publicSchema } from '../schema-names.js';
import { SnapshotNeeded, type NamespaceSnapshot } from '../search-path.js';
import { quoteIdentifier, quoteString } from './identifiers.js';
import { sequencesTable } from './sequences.js';
import { stringOf, type Node } from './parse-tree.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

type Code = ConstructorParameters<typeof PgError>[0]['code'];

const raise = (code: string, message: string) => `SELECT pgsqlite_raise('${code}', ${quoteString(message)})`;

const markerExists = (schema: string) => `EXISTS (SELECT 1 FROM main.sqlite_schema WHERE type = 'view' AND name = ${quoteString(schemaMarkerName(schema))})`;

/** Raises 3F000 unless the schema exists (public always does). */
export function requireSchema(schema: string): string[] {
  if (schema === publicSchema) return [];
  return [`${raise(SqlState.invalidSchemaName, `schema "${schema}" does not exist`)} WHERE NOT ${markerExists(schema)}`];
}

/** Statements ahead of a CREATE of relation `stored` (its SQLite name): its schema must exist. */
export function creationChecks(stored: string | undefined, temp: boolean): string[] {
  if (stored === undefined || temp) return [];
  return requireSchema(splitStorageName(stored).schema);
}

/** Refuses names PostgreSQL refuses, and names this storage cannot hold. */
function checkNewSchemaName(st: TranslationState, name: string): void {
  if (name.startsWith('pg_')) {
    throw new PgError({
      code: '42939' as Code, message: `unacceptable schema name "${name}"`, detail: 'The prefix "pg_" is reserved for system schemas.',
    });
  }
  if (name.includes('.')) unsupported(st, 'a schema name containing "."');
}

function markerView(schema: string, owner: string, ifNotExists = false): string {
  // The view's one column is named after the owner ('' stands for the database's owner).
  return `CREATE VIEW ${ifNotExists ? 'IF NOT EXISTS ' : ''}${quoteIdentifier(schemaMarkerName(schema))}(${quoteIdentifier(owner || '-')}) AS SELECT NULL`;
}

/** CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role] [elements…]; elements come translated. */
export function createSchema(st: TranslationState, node: CreateSchemaStmt, translateElement: (element: Node) => string[]): string[] {
  const role = node.authrole;
  if (role !== undefined && role.roletype !== 'ROLESPEC_CSTRING') unsupported(st, 'AUTHORIZATION with CURRENT_USER/SESSION_USER', role.location);
  const owner = role?.rolename ?? '';
  const name = node.schemaname ?? owner;
  const out: string[] = [];
  if (owner !== '') {
    out.push(`${raise(SqlState.undefinedObject, `role "${owner}" does not exist`)} WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_authid WHERE rolname = ${quoteString(owner)})`);
  }
  if (name === publicSchema || systemSchemas.has(name)) {
    if (node.if_not_exists) return ['SELECT 1 WHERE false'];
    throw new PgError({ code: '42P06' as Code, message: `schema "${name}" already exists` });
  }
  checkNewSchemaName(st, name);
  if (node.if_not_exists) {
    // PostgreSQL skips the elements too when the schema exists (and refuses elements with IF NOT EXISTS).
    if (node.schemaElts?.length) {
      throw new PgError({ code: SqlState.featureNotSupported, message: 'CREATE SCHEMA IF NOT EXISTS cannot include schema elements' });
    }
    return [...out, markerView(name, owner, true)];
  }
  out.push(`${raise('42P06', `schema "${name}" already exists`)} WHERE ${markerExists(name)}`, markerView(name, owner));
  for (const element of node.schemaElts ?? []) out.push(...translateElement(element));
  return out;
}

/** The relations, indexes and sequences of `schema` in the snapshot. */
function schemaObjects(snapshot: NamespaceSnapshot, schema: string): { tables: string[]; views: string[]; sequences: string[] } {
  const tables: string[] = [];
  const views: string[] = [];
  for (const [name, type] of snapshot.relations) {
    if (splitStorageName(name).schema !== schema || name.startsWith('pgsqlite_')) continue;
    (type === 'view' ? views : tables).push(name);
  }
  const sequences = [...snapshot.sequences ?? []].filter((name) => splitStorageName(name).schema === schema);
  return { tables, views, sequences };
}

function snapshotOf(st: TranslationState): NamespaceSnapshot {
  st.context.dependsOnSnapshot?.();
  const snapshot = st.context.namespaces?.snapshot;
  if (snapshot === undefined) return { id: -1, complete: true, schemas: new Map(), relations: new Map(), indexes: new Set(), sequences: undefined };
  if (!snapshot.complete) throw new SnapshotNeeded();
  return snapshot;
}

const prefixMatch = (column: string, schema: string) => `substr(${column}, 1, ${schema.length + 1}) = ${quoteString(schema + '.')}`;

/** DROP SCHEMA [IF EXISTS] name, … [CASCADE | RESTRICT]. */
export function dropSchema(st: TranslationState, node: DropStmt): string[] {
  const out: string[] = [];
  const snapshot = snapshotOf(st);
  for (const object of node.objects ?? []) {
    const name = stringOf(object) ?? '';
    if (name === publicSchema) unsupported(st, 'DROP SCHEMA public');
    if (systemSchemas.has(name)) {
      throw new PgError({ code: '2BP01' as Code, message: `cannot drop schema ${name} because it is required by the database system` });
    }
    if (!node.missing_ok) out.push(...requireSchema(name));
    const objects = schemaObjects(snapshot, name);
    if (node.behavior === 'DROP_CASCADE') {
      // Tables of the schema may reference each other: foreign keys are checked at COMMIT instead.
      if (objects.tables.length > 1) out.push('PRAGMA defer_foreign_keys = ON');
      for (const view of objects.views) out.push(`DROP VIEW IF EXISTS ${quoteIdentifier(view)}`);
      for (const table of objects.tables) out.push(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
      if (snapshot.sequences !== undefined) out.push(`DELETE FROM ${sequencesTable} WHERE ${prefixMatch('name', name)}`);
      // Extensions created in the schema go with it (sql/translate/extension-statements.ts).
      out.push(`DELETE FROM main.pgsqlite_extensions WHERE schema = ${quoteString(name)}`);
    } else {
      let nonEmpty = `EXISTS (SELECT 1 FROM main.sqlite_schema WHERE ${prefixMatch('name', name)})`;
      if (snapshot.sequences !== undefined) nonEmpty += ` OR EXISTS (SELECT 1 FROM ${sequencesTable} WHERE ${prefixMatch('name', name)})`;
      nonEmpty += ` OR EXISTS (SELECT 1 FROM main.pgsqlite_extensions WHERE schema = ${quoteString(name)})`;
      out.push(`${raise('2BP01', `cannot drop schema ${name} because other objects depend on it`)} WHERE ${nonEmpty}`);
    }
    out.push(`DROP VIEW IF EXISTS ${quoteIdentifier(schemaMarkerName(name))}`);
  }
  return out;
}

/** ALTER SCHEMA name RENAME TO new: every table of the schema is renamed with it. */
export function renameSchema(st: TranslationState, node: RenameStmt): string[] {
  const from = node.subname ?? '';
  const to = node.newname ?? '';
  if (from === publicSchema || systemSchemas.has(from)) unsupported(st, `ALTER SCHEMA ${from} RENAME`);
  if (to === publicSchema || systemSchemas.has(to)) throw new PgError({ code: '42P06' as Code, message: `schema "${to}" already exists` });
  checkNewSchemaName(st, to);
  const snapshot = snapshotOf(st);
  const objects = schemaObjects(snapshot, from);
  // SQLite renames tables (and rewrites the views and triggers that name them) but not views.
  if (objects.views.length > 0) unsupported(st, 'ALTER SCHEMA … RENAME of a schema that has views');
  const out = [...requireSchema(from), `${raise('42P06', `schema "${to}" already exists`)} WHERE ${markerExists(to)}`];
  for (const table of objects.tables) {
    out.push(`ALTER TABLE ${quoteIdentifier(table)} RENAME TO ${quoteIdentifier(storageName(to, splitStorageName(table).name))}`);
  }
  if (snapshot.sequences !== undefined) {
    const renamed = (column: string) => `${quoteString(to + '.')} || substr(${column}, ${from.length + 2})`;
    out.push(`UPDATE ${sequencesTable} SET name = ${renamed('name')} WHERE ${prefixMatch('name', from)}`);
    out.push(`UPDATE ${sequencesTable} SET owned_table = ${renamed('owned_table')} WHERE ${prefixMatch('owned_table', from)}`);
  }
  out.push(`DROP VIEW ${quoteIdentifier(schemaMarkerName(from))}`, markerView(to, snapshot.schemas.get(from) ?? ''));
  return out;
}

/** ALTER TABLE name SET SCHEMA new (the relation's name is already its SQLite name). */
export function setSchema(st: TranslationState, node: AlterObjectSchemaStmt): string[] {
  const relation = node.relation;
  if (node.objectType !== 'OBJECT_TABLE' || relation === undefined) unsupported(st, 'ALTER … SET SCHEMA of anything but a table');
  if (node.missing_ok) unsupported(st, 'ALTER TABLE IF EXISTS … SET SCHEMA', relation!.location);
  if (relation!.schemaname !== undefined) unsupported(st, `ALTER TABLE … SET SCHEMA of a table in schema "${relation!.schemaname}"`, relation!.location);
  const stored = relation!.relname ?? '';
  const target = node.newschema ?? '';
  if (systemSchemas.has(target)) unsupported(st, `moving a table into schema ${target}`, relation!.location);
  const moved = storageName(target, splitStorageName(stored).name);
  const out = [...requireSchema(target), `ALTER TABLE ${quoteIdentifier(stored)} RENAME TO ${quoteIdentifier(moved)}`];
  const snapshot = snapshotOf(st);
  if (snapshot.sequences !== undefined) {
    // Sequences owned by the table (serial columns) move with it, as in PostgreSQL.
    const rest = "CASE WHEN instr(name, '.') > 0 THEN substr(name, instr(name, '.') + 1) ELSE name END";
    out.push(`UPDATE ${sequencesTable} SET name = ${quoteString(target === publicSchema ? '' : target + '.')} || ${rest}, `
      + `owned_table = ${quoteString(moved)} WHERE owned_table = ${quoteString(stored)}`);
  }
  return out;
}

/** Whether a DROP statement drops schemas (the translator hands those here). */
export function isDropSchema(node: DropStmt): boolean {
  return node.removeType === 'OBJECT_SCHEMA';
}
