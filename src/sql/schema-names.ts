/**
 * How a relation of a schema is stored. Every schema of a database lives in the database's one
 * SQLite file (one file keeps commits atomic across schemas), so a schema-qualified name becomes
 * part of the SQLite name: table `t` of schema `s` is the SQLite table `"s.t"` in main. Public
 * keeps plain names, so database files written before schemas existed read as they did.
 *
 * The encoding is unambiguous without a registry: the text before the first dot is the schema.
 * A public name that itself contains a dot (`CREATE TABLE "a.b"`) is stored as `public.a.b`, and
 * schema names may not contain a dot (refused with 0A000 at CREATE SCHEMA).
 *
 * A schema itself is an empty marker view `"pgsqlite_namespace.<schema>"` in main: it is created
 * and dropped transactionally with the tables, and the catalog views (which can only read tables
 * that always exist) list schemas from main.sqlite_schema. The view's one column is named after
 * the schema's owner (empty: the database's owner).
 */
export const publicSchema = 'public';

/** Schemas that are not stored in main (attached, TEMP or virtual). */
export const systemSchemas: ReadonlySet<string> = new Set(['pg_catalog', 'information_schema', 'pg_temp', 'pg_toast']);

export const schemaMarkerPrefix = 'pgsqlite_namespace.';

/** The SQLite name (unquoted) of relation `name` of `schema`. */
export function storageName(schema: string, name: string): string {
  if (schema === publicSchema) return name.includes('.') ? publicSchema + '.' + name : name;
  return schema + '.' + name;
}

/** The schema and name a SQLite name of main stands for. */
export function splitStorageName(stored: string): { schema: string; name: string } {
  const dot = stored.indexOf('.');
  if (dot < 0) return { schema: publicSchema, name: stored };
  return { schema: stored.slice(0, dot), name: stored.slice(dot + 1) };
}

/** The marker view's name for a schema. */
export function schemaMarkerName(schema: string): string {
  return schemaMarkerPrefix + schema;
}

/** A user schema's name as SQL would have to quote it in messages: PostgreSQL prints it bare. */
export function isUserSchema(schema: string | undefined): schema is string {
  return schema !== undefined && schema !== publicSchema && !systemSchemas.has(schema);
}
