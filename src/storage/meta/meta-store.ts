import Database from 'better-sqlite3';

/**
 * The metadata SQLite file of a data directory (pgsqlite.meta.sqlite). It holds what is shared by
 * every database of the server — roles, the database registry, the static type catalog — and
 * every engine connection attaches it as the schema `pg_catalog`, so shared catalog relations
 * (pg_database, pg_authid, pg_type, …) are real tables that joins and WHERE work on. Only the main
 * thread writes it.
 */
export function openMetaStore(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS roles (
      oid INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      password TEXT,
      superuser INTEGER NOT NULL DEFAULT 0,
      can_login INTEGER NOT NULL DEFAULT 0,
      create_db INTEGER NOT NULL DEFAULT 0,
      create_role INTEGER NOT NULL DEFAULT 0,
      connection_limit INTEGER NOT NULL DEFAULT -1,
      valid_until TEXT,
      settings TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE IF NOT EXISTS meta_version (version INTEGER NOT NULL);

    -- PostgreSQL's pg_database, with its column types as declared types.
    CREATE TABLE IF NOT EXISTS pg_database (
      oid oid PRIMARY KEY, datname name NOT NULL UNIQUE, datdba oid NOT NULL, encoding int4 NOT NULL,
      datlocprovider "char" NOT NULL, datistemplate bool NOT NULL, datallowconn bool NOT NULL,
      datconnlimit int4 NOT NULL, datfrozenxid xid NOT NULL, datminmxid xid NOT NULL,
      dattablespace oid NOT NULL, datcollate text NOT NULL, datctype text NOT NULL,
      daticulocale text, datcollversion text, datacl text[]
    );
    -- Where each database lives and where a CREATE/DROP stands (for crash recovery).
    CREATE TABLE IF NOT EXISTS pgsqlite_database_files (
      oid INTEGER PRIMARY KEY,
      file TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('creating', 'ready', 'dropping')),
      settings TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE IF NOT EXISTS pg_tablespace (oid oid PRIMARY KEY, spcname name, spcowner oid, spcacl text[], spcoptions text[]);
    INSERT OR IGNORE INTO pg_tablespace VALUES (1663, 'pg_default', 10, NULL, NULL), (1664, 'pg_global', 10, NULL, NULL);
    -- ALTER ROLE … IN DATABASE … SET: defaults for one role in one database (PostgreSQL's pg_db_role_setting).
    CREATE TABLE IF NOT EXISTS pgsqlite_role_database_settings (
      role_oid INTEGER NOT NULL, database_oid INTEGER NOT NULL, settings TEXT NOT NULL DEFAULT '{}',
      PRIMARY KEY (role_oid, database_oid)
    );
    CREATE TABLE IF NOT EXISTS pg_shdescription (objoid oid, classoid oid, description text, PRIMARY KEY (objoid, classoid));

    -- Roles as PostgreSQL shows them.
    CREATE VIEW IF NOT EXISTS pg_authid AS
      SELECT oid AS oid, name AS rolname, superuser AS rolsuper, 1 AS rolinherit, create_role AS rolcreaterole,
             create_db AS rolcreatedb, can_login AS rolcanlogin, 0 AS rolreplication, superuser AS rolbypassrls,
             connection_limit AS rolconnlimit, password AS rolpassword, valid_until AS rolvaliduntil
      FROM roles;
  `);
  // Files made before role settings existed get the column.
  const roleColumns = (db.prepare('PRAGMA table_info(roles)').all() as { name: string }[]).map((c) => c.name);
  if (!roleColumns.includes('settings')) db.exec("ALTER TABLE roles ADD COLUMN settings TEXT NOT NULL DEFAULT '{}'");
  return db;
}
