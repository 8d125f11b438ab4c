import { PgError } from './pg-error.js';
import { SqlState } from './sqlstate.js';

/**
 * The error for bytes that do not follow the protocol. Its severity is FATAL: once a client sends
 * something we cannot decode, nothing after it can be trusted, so the server reports this and closes
 * the connection, as PostgreSQL does for bad message types and lengths.
 */
export function protocolViolation(message: string): PgError {
  return new PgError({ severity: 'FATAL', code: SqlState.protocolViolation, message });
}
