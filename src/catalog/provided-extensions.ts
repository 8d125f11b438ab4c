/**
 * The extensions CREATE EXTENSION accepts (sql/translate/extension-statements.ts): those whose
 * functions this server provides (catalog/extension-functions.ts), with PostgreSQL 15's default
 * version, relocatability and description (the control file's comment, which psql's \dx shows
 * through pg_description). plpgsql is built in, as in every PostgreSQL database.
 */
export interface ProvidedExtension {
  version: string;
  relocatable: boolean;
  description: string;
}

export const providedExtensions: ReadonlyMap<string, ProvidedExtension> = new Map([
  ['uuid-ossp', { version: '1.1', relocatable: true, description: 'generate universally unique identifiers (UUIDs)' }],
  ['pgcrypto', { version: '1.3', relocatable: true, description: 'cryptographic functions' }],
]);

/** The built-in extension: its row of pg_extension is static (catalog/static-catalog.ts). */
export const builtinExtension = { name: 'plpgsql', oid: 13577, description: 'PL/pgSQL procedural language' } as const;

/**
 * Extensions PostgreSQL 15 ships (contrib) that this server does not provide: CREATE EXTENSION of
 * one says "not supported by pgsqlite" (0A000) rather than PostgreSQL's "is not available", which
 * stands for a name no installation has.
 */
export const unprovidedPostgresExtensions: ReadonlySet<string> = new Set([
  'adminpack', 'amcheck', 'autoinc', 'bloom', 'btree_gin', 'btree_gist', 'citext', 'cube', 'dblink', 'dict_int', 'dict_xsyn',
  'earthdistance', 'file_fdw', 'fuzzystrmatch', 'hstore', 'insert_username', 'intagg', 'intarray', 'isn', 'lo', 'ltree',
  'moddatetime', 'old_snapshot', 'pageinspect', 'pg_buffercache', 'pg_freespacemap', 'pg_prewarm', 'pg_stat_statements',
  'pg_surgery', 'pg_trgm', 'pg_visibility', 'pg_walinspect', 'pgrowlocks', 'pgstattuple', 'postgres_fdw', 'refint', 'seg',
  'sslinfo', 'tablefunc', 'tcn', 'tsm_system_rows', 'tsm_system_time', 'unaccent', 'xml2',
  // Widely used extensions outside contrib.
  'postgis', 'postgis_topology', 'postgis_raster', 'vector', 'timescaledb', 'pg_partman', 'pg_cron', 'pgaudit', 'plv8', 'plpython3u',
]);
