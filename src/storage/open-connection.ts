import Database from 'better-sqlite3';
import { interruptExtensionEntryPoint, interruptExtensionPath } from './interrupt-addon.js';

export interface ConnectionOptions {
  /** PRAGMA name → value, applied in order after the defaults. */
  pragmas: Record<string, string | number>;
}

/**
 * Opens one SQLite connection the way every engine connection is set up: WAL (readers beside
 * the writer), a busy timeout for the rare lock wait, foreign keys on, and the interrupt extension.
 */
export function openConnection(path: string, options: ConnectionOptions): Database.Database {
  const db = new Database(path, { readonly: false, fileMustExist: false });
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  for (const [name, value] of Object.entries(options.pragmas)) db.pragma(`${name} = ${value}`);
  // better-sqlite3 takes the entry point as a second argument; its type definitions omit it.
  (db.loadExtension as (path: string, entryPoint: string) => void)(interruptExtensionPath, interruptExtensionEntryPoint);
  return db;
}
