/**
 * The catalog's view of schemas: a relation's SQLite name in main says its schema
 * (src/sql/schema-names.ts). Every catalog view splits names through these functions, so the
 * encoding is read in one place.
 */
import type Database from 'better-sqlite3';
import { splitStorageName } from '../sql/schema-names.js';
import { objectOid } from './catalog-oids.js';
import { missingRelationMessage, regclassCandidates, systemCatalogName } from '../sql/regclass-names.js';
import { quoteIdent } from './table-ddl.js';
import { PgError } from '../protocol/pg-error.js';

/** pg_namespace OIDs of the built-in schemas (the metadata file's pg_namespace rows). */
const builtinNamespaceOids: Record<string, number> = { pg_catalog: 11, public: 2200, information_schema: 13000 };

/** A schema's OID: the built-in ones are PostgreSQL's; a user schema's is a hash of its name. */
export function namespaceOid(schema: string): number {
  return builtinNamespaceOids[schema] ?? objectOid('namespace', schema);
}

export function registerNamespaceFunctions(db: Database.Database): void {
  const deterministic = { deterministic: true } as const;
  db.function('pgsqlite_nspname', deterministic, (stored: unknown) => (stored === null ? null : splitStorageName(String(stored)).schema));
  db.function('pgsqlite_relname', deterministic, (stored: unknown) => (stored === null ? null : splitStorageName(String(stored)).name));
  db.function('pgsqlite_nspoid', deterministic, (stored: unknown) => (stored === null ? null : namespaceOid(splitStorageName(String(stored)).schema)));
  db.function('pgsqlite_schema_oid', deterministic, (schema: unknown) => (schema === null ? null : namespaceOid(String(schema))));
  // regclass of a run-time name (src/sql/translate/reg-casts.ts): where to look, as a JSON array, and the error when nowhere.
  db.function('pgsqlite_regclass_candidates', deterministic, (text: unknown, searchPath: unknown) =>
    (text === null ? null : JSON.stringify(regclassCandidates(String(text), JSON.parse(String(searchPath)) as string[]))));
  db.function('pgsqlite_regclass_missing', { deterministic: false }, (text: unknown) => {
    throw new PgError({ code: '42P01', message: missingRelationMessage(String(text)) });
  });
  // How regclass prints a name (quoted when it must be: "MixedCase", "select"), and a system catalog's OID (1259 → pg_class).
  db.function('pgsqlite_quote_name', deterministic, (name: unknown) => (name === null ? null : quoteIdent(String(name))));
  db.function('pgsqlite_system_catalog_name', deterministic, (oid: unknown) => (oid === null ? null : systemCatalogName(Number(oid)) ?? null));
}

