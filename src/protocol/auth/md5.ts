/**
 * PostgreSQL's md5 password scheme. Stored form: 'md5' + md5hex(password + user); the user name
 * acts as a (weak) salt. On the wire (AuthenticationMD5Password) the client proves knowledge of
 * that hash with 'md5' + md5hex(md5hex(password + user) + salt) for a 4-byte random salt.
 * md5 is deprecated in PostgreSQL; it is here for old clients and pg_authid rows copied over.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const MD5_HASH = /^md5[0-9a-f]{32}$/;

const md5Hex = (data: Buffer): string => createHash('md5').update(data).digest('hex');

/** Whether `s` has PostgreSQL's stored md5 shape ('md5' + 32 lowercase hex digits). */
export function isMd5Hash(s: string): boolean {
  return MD5_HASH.test(s);
}

/** The stored md5 hash of a password; both strings are hashed as UTF-8 bytes. */
export function md5PasswordHash(password: string | Buffer, user: string): string {
  const pw = typeof password === 'string' ? Buffer.from(password, 'utf8') : password;
  return 'md5' + md5Hex(Buffer.concat([pw, Buffer.from(user, 'utf8')]));
}

/** The 4-byte salt sent in AuthenticationMD5Password; fresh for every attempt so responses cannot be replayed. */
export function randomSalt(): Buffer {
  return randomBytes(4);
}

/** Checks a PasswordMessage sent in answer to AuthenticationMD5Password against the stored hash. */
export function verifyMd5Response(args: { storedMd5Hash: string; salt: Buffer; response: string }): boolean {
  const { storedMd5Hash, salt, response } = args;
  if (!isMd5Hash(storedMd5Hash)) return false;
  const expected = Buffer.from('md5' + md5Hex(Buffer.concat([Buffer.from(storedMd5Hash.slice(3), 'latin1'), salt])), 'latin1');
  const actual = Buffer.from(response, 'utf8');
  // timingSafeEqual needs equal lengths; a length mismatch reveals nothing about the hash.
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
