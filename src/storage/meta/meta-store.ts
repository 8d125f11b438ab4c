import Database from 'better-sqlite3';

/**
 * The metadata SQLite file of a data directory (pgsqlite.meta.sqlite): roles now; the database
 * registry, shard maps and sink offsets later. It is small and touched rarely, so it lives on
 * the main thread.
 */
export function openMetaStore(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
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
      valid_until TEXT
    );
    CREATE TABLE IF NOT EXISTS meta_version (version INTEGER NOT NULL);
  `);
  return db;
}
