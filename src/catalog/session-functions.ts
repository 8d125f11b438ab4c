import type Database from 'better-sqlite3';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import type { SessionContext } from '../storage/engine-messages.js';

export const serverVersion = '15.8';
export const serverVersionNum = '150008';

export function versionString(): string {
  return `PostgreSQL ${serverVersion} (pgsqlite ${process.env.npm_package_version ?? '0.1.0'}, SQLite) on ${process.arch}-pc-linux-gnu, compiled by TypeScript, 64-bit`;
}

export interface FunctionHost {
  /** The session whose statement is running now. */
  context(): SessionContext;
  /** Start of the running statement's transaction (ISO, UTC). */
  transactionStart(): string;
  /** Throws 57014 if the running statement was cancelled (lets slow JS functions stop early). */
  checkCancelled(): void;
  /** Records a pg_notify() of the running statement. */
  notify(channel: string, payload: string): void;
}

/**
 * PostgreSQL functions that need the session (settings, user, clock) and so are registered on each
 * engine connection in JavaScript. The dialect issue adds the full function library beside these.
 */
export function registerSessionFunctions(db: Database.Database, host: FunctionHost): void {
  db.function('version', { deterministic: false }, () => versionString());
  db.function('current_setting', { varargs: true, deterministic: false }, (name: unknown, missingOk: unknown) => {
    const key = String(name).toLowerCase();
    const value = host.context().settings[key];
    if (value === undefined) {
      if (missingOk === 1n || missingOk === 1 || missingOk === true) return null;
      throw new PgError({ code: SqlState.undefinedObject, message: `unrecognized configuration parameter "${String(name)}"` });
    }
    return value;
  });
  db.function('current_database', { deterministic: false }, () => host.context().database);
  db.function('current_schema', { deterministic: false }, () => 'public');
  // The schemas on the search path, as a JSON array (this server's array storage).
  db.function('current_schemas', { deterministic: false }, (includeImplicit: unknown) =>
    JSON.stringify(includeImplicit === 1n || includeImplicit === 1 ? ['pg_catalog', 'public'] : ['public']));
  db.function('pgsqlite_current_user', { deterministic: false }, () => host.context().user);
  db.function('pg_backend_pid', { deterministic: false }, () => host.context().processId);
  db.function('pgsqlite_transaction_start', { deterministic: false }, () => host.transactionStart());
  db.function('pg_notify', { deterministic: false }, (channel: unknown, payload: unknown) => {
    if (channel === null || channel === '') throw new PgError({ code: SqlState.invalidParameterValue, message: 'channel name cannot be empty' });
    const text = payload === null ? '' : String(payload);
    if (Buffer.byteLength(text) >= 8000) throw new PgError({ code: SqlState.invalidParameterValue, message: 'payload string too long' });
    host.notify(String(channel), text);
    return null;
  });
  db.function('pg_sleep', { deterministic: false }, (seconds: unknown) => {
    sleepInterruptibly(Number(seconds) * 1000, host);
    return null;
  });
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Sleeps in short slices, checking for a cancel between them: SQLite cannot interrupt JS code. */
function sleepInterruptibly(ms: number, host: FunctionHost): void {
  const end = Date.now() + Math.max(0, ms);
  for (let left = end - Date.now(); left > 0; left = end - Date.now()) {
    host.checkCancelled();
    Atomics.wait(sleeper, 0, 0, Math.min(left, 5));
  }
  host.checkCancelled();
}
