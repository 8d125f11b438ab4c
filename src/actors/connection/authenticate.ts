import { randomBytes } from 'node:crypto';
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { decodePasswordMessage, decodeSaslInitialResponse, decodeSaslResponse } from '../../protocol/frontend-messages.js';
import { finishScram, startScram } from '../../protocol/auth/scram.js';
import { isScramVerifier, mockScramVerifier } from '../../protocol/auth/scram-verifier.js';
import { isMd5Hash, randomSalt, verifyMd5Response } from '../../protocol/auth/md5.js';
import { verifyCleartextPassword } from '../../protocol/auth/verify-cleartext.js';
import type { AuthMethod } from '../../config/config-schema.js';
import type { Role } from '../../storage/meta/role-store.js';
import type { ClientConnection } from './client-connection.js';

/** A per-server secret so mock SCRAM salts for unknown roles are stable but unguessable. */
const mockSecret = randomBytes(32);

const authFailed = (user: string) =>
  new PgError({ severity: 'FATAL', code: SqlState.invalidPassword, message: `password authentication failed for user "${user}"` });

/** Which exchange a role gets. `auto` is SCRAM for a role with a password and trust without one. */
export function chooseMethod(configured: AuthMethod, role: Role | undefined): 'trust' | 'password' | 'md5' | 'scram-sha-256' {
  if (configured === 'trust') return 'trust';
  if (configured === 'auto') return role && !role.password ? 'trust' : 'scram-sha-256';
  // As PostgreSQL: md5 with a SCRAM secret stored does SCRAM instead.
  if (configured === 'md5' && role?.password && isScramVerifier(role.password)) return 'scram-sha-256';
  return configured;
}

async function expectPassword(conn: ClientConnection): Promise<Buffer> {
  const message = await conn.nextStartupMessage();
  if (!message) throw new PgError({ severity: 'FATAL', code: SqlState.connectionFailure, message: 'connection closed during authentication' });
  if (message.type !== 'password') {
    throw new PgError({ severity: 'FATAL', code: SqlState.protocolViolation, message: `expected password response, got message type ${message.type}` });
  }
  return message.data;
}

/**
 * Runs the authentication exchange; resolves when the client is authenticated, throws a FATAL
 * 28P01 otherwise. Unknown roles go through the same exchange (a mock SCRAM secret) so that the
 * answer does not reveal which roles exist.
 */
export async function authenticate(conn: ClientConnection, user: string, role: Role | undefined, method: ReturnType<typeof chooseMethod>): Promise<void> {
  const writer = conn.output.writer;
  switch (method) {
    case 'trust':
      if (!role) throw new PgError({ severity: 'FATAL', code: SqlState.invalidAuthorizationSpecification, message: `role "${user}" does not exist` });
      return;
    case 'password': {
      writer.authenticationCleartextPassword();
      await conn.output.flush();
      const password = decodePasswordMessage(await expectPassword(conn));
      if (!role?.password || !verifyCleartextPassword(role.password, password, user)) throw authFailed(user);
      return;
    }
    case 'md5': {
      const salt = randomSalt();
      writer.authenticationMD5Password(salt);
      await conn.output.flush();
      const response = decodePasswordMessage(await expectPassword(conn));
      if (!role?.password || !isMd5Hash(role.password) || !verifyMd5Response({ storedMd5Hash: role.password, salt, response })) throw authFailed(user);
      return;
    }
    case 'scram-sha-256': {
      writer.authenticationSASL(['SCRAM-SHA-256']);
      await conn.output.flush();
      const initial = decodeSaslInitialResponse(await expectPassword(conn));
      if (initial.mechanism !== 'SCRAM-SHA-256' || !initial.initialResponse) {
        throw new PgError({ severity: 'FATAL', code: SqlState.protocolViolation, message: 'client selected an invalid SASL authentication mechanism' });
      }
      const verifier = role?.password && isScramVerifier(role.password) ? role.password : mockScramVerifier(user, mockSecret);
      const { serverFirst, state } = startScram(verifier, initial.initialResponse);
      writer.authenticationSASLContinue(serverFirst);
      await conn.output.flush();
      const finish = finishScram(state, decodeSaslResponse(await expectPassword(conn)));
      if (!finish.ok || !role || verifier !== role.password) throw authFailed(user);
      writer.authenticationSASLFinal(finish.serverFinal);
      return;
    }
  }
}
