import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import type { SessionContext } from '../storage/engine-messages.js';
import { registerArrayFunctions } from './array-functions.js';
import { registerDatetimeFunctions } from './datetime-functions.js';
import { registerJsonFunctions } from './json-functions.js';
import { registerDatetimePrecisionFunctions } from './datetime-precision.js';
import { registerInputFunctions } from './input-functions.js';
import { registerMathFunctions } from './math-functions.js';
import { registerNumericFunctions } from './numeric-functions.js';
import { registerSequenceFunctions } from './sequence-functions.js';
import { registerSetReturningFunctions } from './set-returning-functions.js';
import { registerTextFunctions } from './text-functions.js';
import { registerExtensionFunctions } from './extension-functions.js';
import { registerRegexFunctions } from './regex-functions.js';
import { splitByRegex } from './set-returning-functions.js';
import { registerQueryCheckFunctions } from './query-check-functions.js';
import { registerModifiedRowsFunctions } from './modified-rows-functions.js';
import { registerTypedOperatorFunctions } from './typed-operator-functions.js';

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
  /** Records a set_config() of the running statement (the session applies it afterwards). */
  setConfig(name: string, value: string, isLocal: boolean): void;
  /** The data directory, against which registry file paths are relative. */
  dataDir(): string;
  /** The running statement's transaction id (given by the session when the statement uses it). */
  transactionId(): bigint | undefined;
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
  // The translator passes the session's effective search path (src/sql/resolve-schema-names.ts)
  // when it is not just public; without it the path is public.
  db.function('current_schema', { deterministic: false, varargs: true }, (...args: unknown[]) => (args.length > 0 ? args[0] : 'public'));
  // The schemas on the search path, as a JSON array (this server's array storage).
  db.function('current_schemas', { deterministic: false, varargs: true }, (includeImplicit: unknown, path: unknown) => {
    const schemas = typeof path === 'string' ? (JSON.parse(path) as string[]) : ['public'];
    return JSON.stringify(includeImplicit === 1n || includeImplicit === 1 ? ['pg_catalog', ...schemas] : schemas);
  });
  db.function('pgsqlite_current_user', { deterministic: false }, () => host.context().user);
  db.function('pg_backend_pid', { deterministic: false }, () => host.context().processId);
  // Advisory locks are not built, so a session never holds one: releasing them all does nothing
  // (connection pools such as asyncpg's call it when a connection goes back to the pool).
  db.function('pg_advisory_unlock_all', { deterministic: false }, () => null);
  db.function('pgsqlite_transaction_start', { deterministic: false }, () => host.transactionStart());
  // now() and its synonyms: the transaction's start as timestamptz storage text (UTC, '+00').
  // Outside a transaction block every call would read the clock again; a statement runs
  // synchronously, so one value per synchronous run (reset by a microtask) keeps now() = now().
  let statementNow: string | undefined;
  const transactionNow = () => {
    if (statementNow === undefined) {
      statementNow = timestamptzStorage(host.transactionStart());
      queueMicrotask(() => {
        statementNow = undefined;
      });
    }
    return statementNow;
  };
  for (const name of ['now', 'transaction_timestamp', 'statement_timestamp']) db.function(name, { deterministic: false }, transactionNow);
  db.function('clock_timestamp', { deterministic: false }, () => timestamptzStorage(new Date().toISOString()));
  db.function('pg_notify', { deterministic: false }, (channel: unknown, payload: unknown) => {
    if (channel === null || channel === '') throw new PgError({ code: SqlState.invalidParameterValue, message: 'channel name cannot be empty' });
    const text = payload === null ? '' : String(payload);
    if (Buffer.byteLength(text) >= 8000) throw new PgError({ code: SqlState.invalidParameterValue, message: 'payload string too long' });
    host.notify(String(channel), text);
    return ''; // void's output
  });
  db.function('set_config', { deterministic: false }, (name: unknown, value: unknown, isLocal: unknown) => {
    const text = value === null ? '' : String(value);
    host.setConfig(String(name), text, isLocal === 1n || isLocal === 1);
    return text;
  });
  const transactionId = () => {
    const id = host.transactionId();
    if (id === undefined) throw new PgError({ code: SqlState.internalError, message: 'no transaction id was assigned to this statement' });
    return id;
  };
  db.function('txid_current', { deterministic: false }, transactionId);
  db.function('pg_current_xact_id', { deterministic: false }, transactionId);
  db.function('pg_size_pretty', { deterministic: true }, (bytes: unknown) => (bytes === null ? null : prettySize(Number(bytes))));
  // Size of a database file with its WAL, for pg_database_size() (a macro over the registry).
  db.function('pgsqlite_file_size', { deterministic: false }, (file: unknown) => {
    if (file === null) return null;
    const path = isAbsolute(String(file)) ? String(file) : join(host.dataDir(), String(file));
    let size = 0;
    for (const suffix of ['', '-wal']) {
      try {
        size += statSync(path + suffix).size;
      } catch {
        // No WAL file (or not yet a file): counts as zero.
      }
    }
    return BigInt(size);
  });
  db.function('pg_sleep', { deterministic: false }, (seconds: unknown) => {
    if (seconds === null) return null;
    sleepInterruptibly(Number(seconds) * 1000, host);
    return ''; // void's output (PostgreSQL prints an empty value, not NULL)
  });
  registerTextFunctions(db);
  registerExtensionFunctions(db);
  registerRegexFunctions(db, splitByRegex);
  registerSequenceFunctions(db, host);
  registerMathFunctions(db);
  registerNumericFunctions(db);
  registerTypedOperatorFunctions(db);
  registerQueryCheckFunctions(db);
  registerModifiedRowsFunctions(db);
  registerJsonFunctions(db);
  registerArrayFunctions(db);
  registerSetReturningFunctions(db, { timeZone: () => host.context().settings.timezone ?? 'UTC' });
  registerInputFunctions(db, { timeZone: () => host.context().settings.timezone ?? 'UTC' });
  registerDatetimePrecisionFunctions(db);
  registerDatetimeFunctions(db, {
    timeZone: () => host.context().settings.timezone ?? 'UTC',
    transactionStart: () => host.transactionStart(),
  });
}

/** An ISO instant ('2024-01-02T03:04:05.678Z') as timestamptz storage ('2024-01-02 03:04:05.678+00'). */
export function timestamptzStorage(iso: string): string {
  const [date, time = '00:00:00Z'] = iso.split('T');
  const clock = time.replace(/Z$/, '').replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return `${date} ${clock}+00`;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** pg_size_pretty as PostgreSQL 15 computes it: bytes below 10 kB, then halves rounded per unit. */
export function prettySize(bytes: number): string {
  const units = [
    { name: 'bytes', limit: 10 * 1024, round: false, bits: 0 },
    { name: 'kB', limit: 20 * 1024 - 1, round: true, bits: 10 },
    { name: 'MB', limit: 20 * 1024 - 1, round: true, bits: 20 },
    { name: 'GB', limit: 20 * 1024 - 1, round: true, bits: 30 },
    { name: 'TB', limit: 20 * 1024 - 1, round: true, bits: 40 },
    { name: 'PB', limit: 20 * 1024 - 1, round: true, bits: 50 },
  ];
  let size = bytes;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    const next = units[i + 1];
    if (!next || Math.abs(size) < unit.limit) {
      if (unit.round) size = Math.trunc((size + (size < 0 ? -1 : 1)) / 2);
      return `${size} ${unit.name}`;
    }
    const bits = next.bits - unit.bits - (next.round ? 1 : 0) + (unit.round ? 1 : 0);
    size = Math.trunc(size / 2 ** bits);
  }
  return `${size} PB`;
}

/** Sleeps in short slices, checking for a cancel between them: SQLite cannot interrupt JS code. */
function sleepInterruptibly(ms: number, host: FunctionHost): void {
  const end = Date.now() + Math.max(0, ms);
  for (let left = end - Date.now(); left > 0; left = end - Date.now()) {
    host.checkCancelled();
    Atomics.wait(sleeper, 0, 0, Math.min(left, 5));
  }
  host.checkCancelled();
}
