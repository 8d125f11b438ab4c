/**
 * PostgreSQL catalog functions that read catalog relations: written as SQL over the attached
 * pg_catalog schema (a SQL function cannot run a query on the connection that is calling it).
 * Each takes its translated arguments and returns SQLite SQL; the catalog issue adds the rest.
 */
import { catalogViewMacros } from './catalog-macros.js';

type Macro = (args: string[]) => string;

const macros: Record<string, Macro> = {
  pg_get_userbyid: ([oid]) =>
    `coalesce((SELECT rolname FROM pg_catalog.pg_authid WHERE oid = (${oid})), CASE (${oid}) WHEN 6171 THEN 'pg_database_owner' END, 'unknown (OID=' || (${oid}) || ')')`,
  pg_encoding_to_char: ([encoding]) => `CASE (${encoding}) WHEN 6 THEN 'UTF8' WHEN 0 THEN 'SQL_ASCII' ELSE '' END`,
  // Every role may connect to every database (privileges are not enforced; see docs).
  has_database_privilege: () => '1',
  pg_database_size: ([database]) =>
    `(SELECT pgsqlite_file_size(f.file) FROM pg_catalog.pg_database d JOIN pg_catalog.pgsqlite_database_files f ON f.oid = d.oid WHERE d.datname = (${database}) OR d.oid = (${database}))`,
  shobj_description: ([oid]) =>
    `(SELECT description FROM pg_catalog.pg_shdescription WHERE objoid = (${oid}) AND classoid = 1262)`,
  // The OID, or NULL when nothing has the name (a schema qualifier and double quotes are dropped).
  to_regtype: ([name]) => `(SELECT oid FROM pg_catalog.pg_type WHERE typname = ${bareName(name!)} LIMIT 1)`,
  to_regclass: ([name]) => `(SELECT oid FROM pg_class WHERE relname = ${bareName(name!)} LIMIT 1)`,
  to_regnamespace: ([name]) => `(SELECT oid FROM pg_namespace WHERE nspname = ${bareName(name!)})`,
  // The sequence a serial/identity column owns (catalog/catalog-views.ts pgsqlite_columns), schema-qualified as PostgreSQL prints it.
  pg_get_serial_sequence: ([table, column]) =>
    `(SELECT 'public.' || quote_ident(x.seq) FROM pgsqlite_columns x WHERE x.rel = ${bareName(table!)} AND x.name = (${column}) AND x.seq IS NOT NULL)`,
  ...catalogViewMacros,
};

/** An object name given as text, without its schema and quotes: 'public."Books"' → Books, 'pg_catalog.int4' → int4. */
function bareName(text: string): string {
  const last = `ltrim(substr(${text}, instr(${text}, '.') + 1))`;
  return `(CASE WHEN ${last} LIKE '"%' THEN replace(trim(${last}, '"'), '""', '"') ELSE lower(${last}) END)`;
}

/** The SQL for a catalog function call, or undefined when the name is not one of these. */
export function catalogFunction(name: string, args: string[]): string | undefined {
  const macro = macros[name];
  return macro ? macro(args) : undefined;
}
