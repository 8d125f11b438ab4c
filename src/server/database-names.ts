import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';

const MAX_NAME_BYTES = 63;
const SAFE_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * A database name must never reach the file system unchecked: names that could name a path
 * ('/', '\\', '..', NUL) are refused, and over-long ones too (PostgreSQL's NAMEDATALEN - 1).
 */
export function validateDatabaseName(name: string): void {
  if (name.length === 0) {
    throw new PgError({ code: SqlState.invalidName, message: 'zero-length delimited identifier' });
  }
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) {
    throw new PgError({ code: SqlState.nameTooLong, message: `database name "${name}" is too long`, detail: `Names are at most ${MAX_NAME_BYTES} bytes.` });
  }
  if (name.includes('/') || name.includes('\\') || name.includes('\0') || name === '.' || name === '..') {
    throw new PgError({ code: SqlState.invalidName, message: `invalid database name "${name}"`, hint: 'Database names cannot contain "/", "\\\\" or NUL, nor be "." or "..".' });
  }
}

/** The file a new database gets, relative to the data directory: its name when that is a safe file name, else its OID. */
export function databaseFileFor(name: string, oid: number): string {
  return SAFE_FILE_NAME.test(name) && !name.endsWith('.sqlite') ? `base/${name}.sqlite` : `base/db-${oid}.sqlite`;
}
