import Database from 'better-sqlite3';

/**
 * How the in-process better-sqlite3 floor opens its files: the journal and sync settings of
 * pgsqlite's default, so the floor is SQLite doing the same work minus the server around it.
 */
export const SQLITE_FLOOR_PRAGMAS = { journal_mode: 'WAL', synchronous: 'NORMAL' } as const;

export function openFloorDatabase(path: string): Database.Database {
  const db = new Database(path);
  for (const [name, value] of Object.entries(SQLITE_FLOOR_PRAGMAS)) db.pragma(`${name} = ${value}`);
  return db;
}
