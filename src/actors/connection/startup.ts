import type tls from 'node:tls';
import { PgError, toPgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import type { FrontendMessage } from '../../protocol/frontend-messages.js';
import { upgradeToTls } from '../../net/tls-context.js';
import { SessionSettings } from '../../session/session-settings.js';
import { allSettings } from '../../session/setting-definitions.js';
import type { ClientConnection } from './client-connection.js';
import { authenticate, chooseMethod } from './authenticate.js';
import { readStartupParameters } from './startup-parameters.js';
import type { LoginThrottle } from '../server/login-throttle.js';

export interface StartupOptions {
  secureContext?: tls.SecureContext;
  maxMessageLength: number;
  authTimeoutMs: number;
  /** The connection came in over a unix socket or a loopback address. */
  local: boolean;
  /** Where a cancel request is routed: processId + secret → the session to cancel. */
  cancel(processId: number, secretKey: number): void;
  throttle: LoginThrottle;
  remoteAddress: string;
}

const SUPPORTED_MINOR = 0;

/**
 * Startup: SSL/GSS negotiation, cancel requests, the StartupMessage, authentication, then
 * AuthenticationOk, ParameterStatus, BackendKeyData and the first ReadyForQuery.
 * Resolves true when the session is ready, false when the connection should close.
 */
export async function runStartup(conn: ClientConnection, options: StartupOptions): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PgError({ severity: 'FATAL', code: SqlState.connectionFailure, message: 'canceling authentication due to timeout' })), options.authTimeoutMs);
  });
  try {
    return await Promise.race([negotiate(conn, options), timeout]);
  } catch (err) {
    const pg = toPgError(err);
    if (pg.code === SqlState.invalidPassword) await options.throttle.failed(options.remoteAddress);
    if (!conn.isClosed) {
      conn.output.writer.errorResponse({ ...pg.fields(), severity: 'FATAL' });
      await conn.output.flush();
    }
    if (!conn.session.actor.getSnapshot().matches('terminated')) conn.session.actor.send({ type: 'terminate' });
    return false;
  } finally {
    clearTimeout(timer);
  }
}

async function negotiate(conn: ClientConnection, options: StartupOptions): Promise<boolean> {
  let tlsDone = false;
  for (;;) {
    const message: FrontendMessage | null = await conn.nextStartupMessage();
    if (!message) return false;
    switch (message.type) {
      case 'sslRequest': {
        const accept = Boolean(options.secureContext) && !tlsDone;
        conn.output.writer.sslResponse(accept);
        await conn.output.flush();
        if (accept) {
          const raw = conn.rawSocket;
          raw.removeAllListeners('data');
          // Plaintext sent ahead of the handshake could be injected by a man in the middle (CVE-2021-23214).
          const secure = upgradeToTls(raw, options.secureContext!, { pending: Buffer.alloc(conn.undecodedBytes) });
          conn.replaceSocket(secure);
          tlsDone = true;
        } else {
          conn.decodeHeldBytes();
        }
        continue;
      }
      case 'gssEncRequest':
        conn.output.writer.sslResponse(false);
        await conn.output.flush();
        conn.decodeHeldBytes();
        continue;
      case 'cancelRequest':
        options.cancel(message.processId, message.secretKey);
        return false;
      case 'startup':
        return startSession(conn, options, message);
      default:
        throw new PgError({ severity: 'FATAL', code: SqlState.protocolViolation, message: 'expected startup message' });
    }
  }
}

async function startSession(conn: ClientConnection, options: StartupOptions, message: Extract<FrontendMessage, { type: 'startup' }>): Promise<boolean> {
  const major = message.protocolVersion >>> 16;
  const minor = message.protocolVersion & 0xffff;
  if (major !== 3) {
    throw new PgError({ severity: 'FATAL', code: SqlState.featureNotSupported, message: `unsupported frontend protocol ${major}.${minor}: server supports 3.0 to 3.0` });
  }
  const request = readStartupParameters(message.parameters);
  if (minor > SUPPORTED_MINOR || request.protocolOptions.length > 0) {
    conn.output.writer.negotiateProtocolVersion(SUPPORTED_MINOR, request.protocolOptions);
  }
  const session = conn.session;
  const services = conn.services;
  if (services.shuttingDown()) {
    throw new PgError({ severity: 'FATAL', code: SqlState.cannotConnectNow, message: 'the database system is shutting down' });
  }
  await options.throttle.wait(options.remoteAddress);
  const role = services.roles.get(request.user);
  const method = chooseMethod(services.authMethod, role);
  if (method === 'trust' && !options.local && services.authMethod !== 'trust') {
    throw new PgError({ severity: 'FATAL', code: SqlState.invalidPassword, message: `password authentication failed for user "${request.user}"`, hint: 'Roles without a password may only connect over loopback or a unix socket.' });
  }
  session.actor.send({ type: method === 'trust' ? 'startup.trusted' : 'startup.authRequired' });
  await authenticate(conn, request.user, role, method);
  options.throttle.succeeded(options.remoteAddress);
  if (role && !role.canLogin) {
    throw new PgError({ severity: 'FATAL', code: SqlState.invalidAuthorizationSpecification, message: `role "${request.user}" is not permitted to log in` });
  }
  // Joins the database: it exists, accepts connections, and has room under its connection limit.
  const entry = services.databases.attach(request.database, session.processId, (err) => conn.fatal(err), role?.superuser ?? false);

  session.user = request.user;
  session.databaseName = request.database;
  try {
    session.settings = new SessionSettings({
      // ALTER DATABASE … SET defaults, then ALTER ROLE … SET ones, then ALTER ROLE … IN DATABASE …
      // SET ones (each more specific), then the client's own.
      ...entry.settings,
      ...role?.settings,
      ...(role ? services.roles.databaseSettings(role.oid, entry.oid) : {}),
      ...request.settings,
      session_authorization: request.user,
      is_superuser: role?.superuser ? 'on' : 'off',
    });
  } catch (err) {
    throw new PgError({ ...toPgError(err).fields(), severity: 'FATAL' });
  }
  session.db = await services.database(request.database);
  if (session.actor.getSnapshot().matches('authenticating')) session.actor.send({ type: 'auth.succeeded' });

  const writer = conn.output.writer;
  writer.authenticationOk();
  for (const def of allSettings()) if (def.report) writer.parameterStatus(def.name, session.settings.get(def.name));
  writer.backendKeyData(session.processId, session.secretKey);
  services.registerSession(session.processId, session.secretKey, () => session.cancelCurrent());
  session.sendReadyForQuery();
  await conn.output.flush();
  return true;
}
