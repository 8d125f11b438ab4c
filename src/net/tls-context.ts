/**
 * TLS for the SSLRequest flow: the client sends SSLRequest, the server answers 'S' (or 'N'),
 * and only then does the TLS handshake start on the same TCP connection. So there is no
 * tls.Server: plain sockets are upgraded in place once the 'S' has been written.
 */
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import tls from 'node:tls';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { generateSelfSigned, loadOrCreateSelfSigned } from './self-signed.js';

export interface TlsConfig {
  certFile?: string;
  keyFile?: string;
  caFile?: string;
  /** Used only when certFile/keyFile are not given. */
  selfSigned?: boolean;
  /** Where a self-signed pair is cached (<dataDir>/tls/); without it a new one is made per start. */
  dataDir?: string;
}

async function readPem(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new PgError(
      { code: SqlState.ioError, severity: 'FATAL', message: `could not load ${what} "${path}": ${(err as Error).message}` },
      { cause: err },
    );
  }
}

/**
 * Options for tls.createSecureContext, or undefined when TLS is off (SSLRequest then gets 'N').
 * Configured files win over selfSigned; the caller should create the context once at startup so
 * a bad certificate fails the start rather than the first client.
 */
export async function loadTlsOptions(config: TlsConfig): Promise<tls.SecureContextOptions | undefined> {
  const ca = config.caFile ? await readPem(config.caFile, 'root certificate file') : undefined;
  const withCa = (options: tls.SecureContextOptions) => (ca === undefined ? options : { ...options, ca });

  if (config.certFile || config.keyFile) {
    if (!config.certFile || !config.keyFile) {
      throw new PgError({
        code: SqlState.invalidParameterValue,
        severity: 'FATAL',
        message: 'TLS needs both a certificate file and a private key file',
      });
    }
    const [cert, key] = await Promise.all([
      readPem(config.certFile, 'server certificate file'),
      readPem(config.keyFile, 'private key file'),
    ]);
    return withCa({ cert, key });
  }
  if (config.selfSigned) {
    const pair = config.dataDir ? await loadOrCreateSelfSigned(config.dataDir) : await generateSelfSigned();
    return withCa(pair);
  }
  return undefined;
}

/**
 * Starts the server side of a TLS handshake on a socket that has just written the 'S' reply.
 *
 * Buffered data: a well-behaved client sends nothing after SSLRequest until it reads 'S', so
 * any bytes the caller has already read past the 8-byte SSLRequest were sent unencrypted
 * before the handshake. PostgreSQL refuses them (CVE-2021-23214: a man in the middle could
 * inject plaintext commands that would run as if they came over TLS), and so do we: pass them
 * as `pending` and a non-empty buffer throws 08P01. The caller must also stop consuming the
 * socket (remove its 'data' listeners) before upgrading, since the TLSSocket takes over reads;
 * bytes already pulled into the old stream's buffer would never reach it.
 */
export function upgradeToTls(
  socket: net.Socket,
  secureContext: tls.SecureContext,
  options: { pending?: Buffer } = {},
): tls.TLSSocket {
  if (options.pending && options.pending.length > 0) {
    throw new PgError({
      code: SqlState.protocolViolation,
      severity: 'FATAL',
      message: 'received unencrypted data after SSL request',
      detail: 'This could be either a client-software bug or evidence of an attempted man-in-the-middle attack.',
    });
  }
  return new tls.TLSSocket(socket, { isServer: true, secureContext });
}
