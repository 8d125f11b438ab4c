/**
 * Schema-qualified names. The database's schemas all live in SQLite's main schema: public's
 * relations under their own names, another schema's as "schema.name" (src/sql/schema-names.ts).
 * Statements reach the translator with their relation names already resolved to those SQLite
 * names (src/sql/resolve-schema-names.ts); what is left here are the system schemas: pg_catalog
 * and information_schema (attached or TEMP relations, whose qualifiers must stay) and pg_temp
 * (SQLite's temp).
 */
import type { RangeVar } from 'libpg-query';
import { quoteIdentifier } from './identifiers.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';
import { liveRelationNames } from '../live-relations.js';
import { catalogRelationName } from '../catalog-relations.js';
import { storageName, systemSchemas } from '../schema-names.js';

/**
 * The SQLite schema for a PostgreSQL schema name; undefined means main (public, and every user
 * schema, whose relations are main's "schema.name" tables).
 */
export function sqliteSchemaName(schema: string | undefined): string | undefined {
  if (schema === undefined || schema === '' || !systemSchemas.has(schema)) return undefined;
  // pg_temp is the session's temporary schema, SQLite's temp.
  if (schema === 'pg_temp') return 'temp';
  return schema;
}

/**
 * `[schema.]name` with both parts quoted as needed. A catalog relation is named as relationName
 * names it in FROM, so that a column qualified by it (SQLAlchemy's `pg_catalog.pg_class.relname`)
 * finds it.
 */
export function qualify(schema: string | undefined, name: string): string {
  if (schema === 'pg_catalog' && liveRelationNames.has(name)) return quoteIdentifier(name);
  const catalogRelation = schema === undefined ? undefined : catalogRelationName(schema, name);
  if (catalogRelation !== undefined) return catalogRelation;
  const sqliteSchema = sqliteSchemaName(schema);
  if (sqliteSchema !== undefined) return quoteIdentifier(sqliteSchema) + '.' + quoteIdentifier(name);
  return quoteIdentifier(schema === undefined ? name : storageName(schema, name));
}

/** A table/view/index named by a RangeVar (no alias). */
export function relationName(st: TranslationState, relation: RangeVar): string {
  if (relation.catalogname) unsupported(st, 'a cross-database reference', relation.location);
  // Live relations are virtual tables of the main-thread connection's main schema, whatever the qualifier.
  if (relation.schemaname === 'pg_catalog' && liveRelationNames.has(relation.relname ?? '')) return quoteIdentifier(relation.relname!);
  // Per-database catalog relations are TEMP views of each connection (src/sql/catalog-relations.ts).
  const catalogRelation = catalogRelationName(relation.schemaname, relation.relname ?? '');
  if (catalogRelation !== undefined) return catalogRelation;
  return qualify(relation.schemaname, relation.relname ?? '');
}

/** A name given as a list of parts (DROP objects, type names): name, schema.name, or catalog.schema.name. */
export function qualifiedNameFromParts(st: TranslationState, parts: string[], location?: number): string {
  if (parts.length === 1) return quoteIdentifier(parts[0]!);
  if (parts.length === 2) return qualify(parts[0], parts[1]!);
  return unsupported(st, 'a cross-database reference', location);
}

/**
 * A function name. SQLite functions are not schema-qualified: pg_catalog (where PostgreSQL's
 * built-ins live) and public are the search path anyway; other schemas cannot be honoured.
 */
export function functionName(st: TranslationState, parts: string[], location?: number): string {
  const name = parts[parts.length - 1] ?? '';
  if (parts.length > 2) unsupported(st, 'a cross-database reference', location);
  if (parts.length === 2 && parts[0] !== 'pg_catalog' && parts[0] !== 'public') {
    unsupported(st, `a function in schema "${parts[0]}"`, location);
  }
  return quoteIdentifier(name);
}
