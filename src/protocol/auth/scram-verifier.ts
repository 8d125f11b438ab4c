/**
 * SCRAM-SHA-256 secrets in PostgreSQL's stored format (pg_authid.rolpassword):
 *   SCRAM-SHA-256$<iterations>:<salt base64>$<StoredKey base64>:<ServerKey base64>
 * Key derivation follows RFC 5802 section 3 with SHA-256 (RFC 7677).
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { PgError } from '../pg-error.js';
import { SqlState } from '../sqlstate.js';
import { scramPasswordBytes } from './saslprep.js';

export const SCRAM_SHA_256 = 'SCRAM-SHA-256';
/** PostgreSQL's default (scram_iterations in 16+, fixed in 15). */
export const DEFAULT_SCRAM_ITERATIONS = 4096;
/** PostgreSQL's SCRAM_DEFAULT_SALT_LEN. */
export const SCRAM_SALT_LENGTH = 16;
const KEY_LENGTH = 32; // SHA-256 output

export interface ScramSecret {
  iterations: number;
  salt: Buffer;
  storedKey: Buffer;
  serverKey: Buffer;
}

export const hmacSha256 = (key: Buffer, data: string | Buffer): Buffer =>
  createHmac('sha256', key).update(data).digest();
export const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

/** StoredKey and ServerKey for a password; the password goes through SASLprep first. */
export function deriveScramKeys(password: string | Buffer, salt: Buffer, iterations: number): { storedKey: Buffer; serverKey: Buffer } {
  const saltedPassword = pbkdf2Sync(scramPasswordBytes(password), salt, iterations, KEY_LENGTH, 'sha256');
  return {
    storedKey: sha256(hmacSha256(saltedPassword, 'Client Key')),
    serverKey: hmacSha256(saltedPassword, 'Server Key'),
  };
}

export function formatScramVerifier(secret: ScramSecret): string {
  const b64 = (b: Buffer) => b.toString('base64');
  return `${SCRAM_SHA_256}$${secret.iterations}:${b64(secret.salt)}$${b64(secret.storedKey)}:${b64(secret.serverKey)}`;
}

const MAX_ITERATIONS = 0x7fffffff; // PostgreSQL stores the count in an int

export function createScramVerifier(
  password: string | Buffer,
  options: { iterations?: number; salt?: Buffer } = {},
): string {
  const iterations = options.iterations ?? DEFAULT_SCRAM_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new PgError({ code: SqlState.invalidParameterValue, message: `invalid SCRAM iteration count: ${iterations}` });
  }
  const salt = options.salt ?? randomBytes(SCRAM_SALT_LENGTH);
  if (salt.length === 0) {
    throw new PgError({ code: SqlState.invalidParameterValue, message: 'SCRAM salt must not be empty' });
  }
  return formatScramVerifier({ iterations, salt, ...deriveScramKeys(password, salt, iterations) });
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict base64 (Buffer.from silently skips junk, which would accept corrupt secrets and proofs). */
export function decodeBase64(s: string): Buffer | undefined {
  return BASE64.test(s) ? Buffer.from(s, 'base64') : undefined;
}

/** The parts of a stored SCRAM secret, or undefined if `s` is not one (e.g. an md5 hash). */
export function parseScramVerifier(s: string): ScramSecret | undefined {
  const m = /^SCRAM-SHA-256\$([0-9]+):([^$:]+)\$([^$:]+):([^$:]+)$/.exec(s);
  if (!m) return undefined;
  const iterations = Number(m[1]);
  const salt = decodeBase64(m[2]!);
  const storedKey = decodeBase64(m[3]!);
  const serverKey = decodeBase64(m[4]!);
  if (iterations < 1 || iterations > MAX_ITERATIONS || !salt || salt.length === 0) return undefined;
  if (storedKey?.length !== KEY_LENGTH || serverKey?.length !== KEY_LENGTH) return undefined;
  return { iterations, salt, storedKey, serverKey };
}

export function isScramVerifier(s: string): boolean {
  return parseScramVerifier(s) !== undefined;
}

/**
 * A stand-in secret for a role that does not exist (or has no usable SCRAM secret), so the
 * exchange runs to the end and fails like a wrong password: revealing at the server-first
 * message that a role is missing would let anyone enumerate roles. The salt is a keyed hash of
 * the user name, so repeated attempts see the same salt, exactly as for a real role; keep
 * serverSecret stable across restarts for the same reason (PostgreSQL uses a nonce stored in
 * pg_control). The keys are random-looking, so passing would need a SHA-256 preimage.
 */
export function mockScramVerifier(username: string, serverSecret: string | Buffer): string {
  const key = typeof serverSecret === 'string' ? Buffer.from(serverSecret, 'utf8') : serverSecret;
  const derive = (label: string) => hmacSha256(key, `pgsqlite scram mock ${label}\0${username}`);
  return formatScramVerifier({
    iterations: DEFAULT_SCRAM_ITERATIONS,
    salt: derive('salt').subarray(0, SCRAM_SALT_LENGTH),
    storedKey: derive('stored key'),
    serverKey: derive('server key'),
  });
}
