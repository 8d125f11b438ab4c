/**
 * Checks a cleartext password (the `password` method, AuthenticationCleartextPassword) against
 * whatever pg_authid-style secret is stored, as PostgreSQL's plain_crypt_verify does: recompute
 * the secret in the stored format and compare. Anything that is neither a SCRAM secret nor an
 * md5 hash never matches: PostgreSQL stopped storing plaintext passwords in version 10.
 */
import { timingSafeEqual } from 'node:crypto';
import { deriveScramKeys, parseScramVerifier } from './scram-verifier.js';
import { isMd5Hash, md5PasswordHash } from './md5.js';

export function verifyCleartextPassword(stored: string, password: string | Buffer, user: string): boolean {
  const scram = parseScramVerifier(stored);
  if (scram) {
    const { storedKey, serverKey } = deriveScramKeys(password, scram.salt, scram.iterations);
    // Both keys in one constant-time comparison (PostgreSQL checks ServerKey only; StoredKey too costs nothing).
    return timingSafeEqual(Buffer.concat([storedKey, serverKey]), Buffer.concat([scram.storedKey, scram.serverKey]));
  }
  if (isMd5Hash(stored)) {
    return timingSafeEqual(Buffer.from(md5PasswordHash(password, user), 'latin1'), Buffer.from(stored, 'latin1'));
  }
  return false;
}
