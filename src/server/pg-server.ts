import net from 'node:net';
import tls from 'node:tls';
import { randomBytes } from 'node:crypto';
import { existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { ClientConnection } from '../actors/connection/client-connection.js';
import { NotificationHub } from '../actors/server/notification-hub.js';
import { LoginThrottle } from '../actors/server/login-throttle.js';
import type { ServerServices } from '../actors/server/services.js';
import { isLoopbackHost, parseServerConfig, type ServerConfig, type ServerConfigInput } from '../config/config-schema.js';
import { loadTlsOptions } from '../net/tls-context.js';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { createScramVerifier } from '../protocol/auth/scram-verifier.js';
import { initParser } from '../sql/parser.js';
import { ensureInterruptAddon } from '../storage/interrupt-addon.js';
import { openMetaStore } from '../storage/meta/meta-store.js';
import { DatabaseRegistry } from '../storage/meta/database-registry.js';
import { writeStaticCatalog } from '../catalog/install-catalog.js';
import { DatabaseManager } from './database-manager.js';
import { RoleStore } from '../storage/meta/role-store.js';
import { TransactionIds } from '../storage/meta/transaction-ids.js';
import { createLogger } from './logger.js';
import { Watchdog } from '../storage/inline/watchdog.js';
import { Instrumentation } from '../instrumentation/events.js';
import { openDataDirectory, type DataDirectory } from './data-directory.js';

export const DEFAULT_DATABASE = 'postgres';

export interface PgServer {
  /** Starts listening; resolves with the bound address. */
  listen(): Promise<net.AddressInfo>;
  address(): net.AddressInfo;
  /** Path of the unix socket, when one was configured. */
  socketPath(): string | undefined;
  /** Stops accepting, lets running statements finish (bounded), checkpoints, closes. */
  close(): Promise<void>;
  readonly config: ServerConfig;
  readonly dataDir: string;
  /** Typed events about commits, reads, … (for metrics and the console). */
  readonly instrumentation: Instrumentation;
}

/** A listener refused to start: the port is taken, the host is not allowed without a password, … */
export class ServerStartError extends Error {}

/**
 * The PostgreSQL server: listeners (TCP, unix socket), the databases of one data directory,
 * the role store, and one ClientConnection per client.
 */
export function createServer(input: ServerConfigInput = {}): PgServer {
  const config = parseServerConfig(input);
  const logger: Logger = createLogger(config.logLevel);
  let dataDir: DataDirectory | undefined;
  let roles: RoleStore | undefined;
  let transactionIds: TransactionIds | undefined;
  let metaDb: ReturnType<typeof openMetaStore> | undefined;
  let databases: DatabaseManager | undefined;
  const sessions = new Map<number, { secretKey: number; cancel: () => void }>();
  const connections = new Set<ClientConnection>();
  const notifications = new NotificationHub();
  const throttle = new LoginThrottle();
  let tcpServer: net.Server | undefined;
  let unixServer: net.Server | undefined;
  let unixPath: string | undefined;
  let secureContext: tls.SecureContext | undefined;
  let closing = false;
  let nextProcessId = 10_000 + Math.floor(Math.random() * 50_000);
  const watchdog = config.inlineBudgetMs > 0 ? new Watchdog(config.inlineBudgetMs) : undefined;
  const instrumentation = new Instrumentation();

  const services: ServerServices = {
    database(name) {
      return databases!.open(name);
    },
    hasDatabase(name) {
      return databases!.entry(name) !== undefined;
    },
    get databases() {
      return databases!;
    },
    get roles() {
      return roles!;
    },
    get transactionIds() {
      return transactionIds!;
    },
    notifications,
    authMethod: config.authMethod,
    queueNoticeMs: config.queueNoticeMs,
    portalBufferBytes: config.portalBufferBytes,
    logger,
    registerSession(processId, secretKey, cancel) {
      sessions.set(processId, { secretKey, cancel });
    },
    unregisterSession(processId) {
      sessions.delete(processId);
      databases?.detach(processId);
    },
    shuttingDown: () => closing,
  };

  function cancelRequest(processId: number, secretKey: number): void {
    const target = sessions.get(processId);
    // A wrong key is ignored silently, as PostgreSQL does: a cancel reveals nothing.
    if (target && target.secretKey === secretKey) target.cancel();
  }

  function accept(socket: net.Socket, local: boolean): void {
    if (closing) {
      socket.destroy();
      return;
    }
    const processId = nextProcessId++;
    const secretKey = randomBytes(4).readInt32BE(0);
    const connection = new ClientConnection(socket, services, {
      secureContext, maxMessageLength: config.maxMessageLength, authTimeoutMs: config.authTimeoutMs,
      local, cancel: cancelRequest, throttle, remoteAddress: socket.remoteAddress ?? 'local',
    }, processId, secretKey);
    if (connections.size >= config.maxConnections) {
      connection.fatal(new PgError({ code: SqlState.tooManyConnections, message: 'sorry, too many clients already' }));
      return;
    }
    connections.add(connection);
    socket.once('close', () => connections.delete(connection));
    connection.begin();
  }

  function bootstrap(): void {
    dataDir = openDataDirectory(config);
    metaDb = openMetaStore(dataDir.metaPath);
    writeStaticCatalog(metaDb);
    roles = new RoleStore(metaDb);
    transactionIds = new TransactionIds(metaDb);
    databases = new DatabaseManager(dataDir.root, new DatabaseRegistry(metaDb), {
      readers: config.readers, maxBatchSize: config.maxBatchSize, batchWindowMs: config.batchWindowMs, maxStreamingCursors: config.maxStreamingCursors,
      writeWeights: { 0: config.writeWeights.low, 1: config.writeWeights.normal, 2: config.writeWeights.high }, readerMaxWaitMs: config.readerMaxWaitMs,
      pragmas: { synchronous: config.synchronous, case_sensitive_like: 'ON' }, watchdog,
      catalog: { metaPath: dataDir.metaPath, dataDir: dataDir.root },
      instrumentation, livePools: () => databases?.poolRows() ?? [],
    }, logger, config.idleCloseMs);
    const existing = roles.get(config.user);
    const password = config.password ? createScramVerifier(config.password) : undefined;
    // The bootstrap superuser has PostgreSQL's fixed OID 10.
    if (!existing) roles.create(config.user, { superuser: true, canLogin: true, createDb: true, createRole: true, password: password ?? null }, roles.list().some((r) => r.oid === 10) ? undefined : 10);
    else if (password) roles.alter(config.user, { password });
    databases.recover(config.databases);
    databases.bootstrap(roles.get(config.user)!.oid);
  }

  function listenOn(server: net.Server, options: net.ListenOptions, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => {
        if (err.code === 'EADDRINUSE') {
          reject(new ServerStartError(`${what} is already in use; choose another with --port (or PGSQLITE_PORT)`));
        } else if (err.code === 'EACCES') {
          reject(new ServerStartError(`no permission to listen on ${what}`));
        } else {
          reject(err);
        }
      };
      server.once('error', onError);
      server.listen(options, () => {
        server.off('error', onError);
        server.on('error', (err) => logger.error({ err }, 'listener error'));
        resolve();
      });
    });
  }

  return {
    config,
    instrumentation,
    get dataDir() {
      return dataDir?.root ?? config.dataDir;
    },
    async listen() {
      if (!isLoopbackHost(config.host) && !config.password && (config.authMethod === 'auto' || config.authMethod === 'trust')) {
        throw new ServerStartError(`refusing to listen on ${config.host} without a password: set --password (PGSQLITE_PASSWORD) or listen on 127.0.0.1`);
      }
      ensureInterruptAddon();
      await initParser();
      bootstrap();
      const tlsOptions = await loadTlsOptions({
        certFile: config.tls.certFile, keyFile: config.tls.keyFile, caFile: config.tls.caFile,
        selfSigned: config.tls.mode === 'self-signed', dataDir: dataDir!.root,
      });
      if (tlsOptions) secureContext = tls.createSecureContext(tlsOptions);
      await services.database(DEFAULT_DATABASE);
      tcpServer = net.createServer({ noDelay: true }, (socket) => accept(socket, isLoopbackHost(socket.remoteAddress?.replace(/^::ffff:/, '') ?? '')));
      await listenOn(tcpServer, { host: config.host, port: config.port }, `port ${config.port} on ${config.host}`);
      const address = tcpServer.address() as net.AddressInfo;
      if (config.socketDir) {
        unixPath = join(config.socketDir, `.s.PGSQL.${address.port}`);
        if (existsSync(unixPath)) unlinkSync(unixPath);
        unixServer = net.createServer((socket) => accept(socket, true));
        await listenOn(unixServer, { path: unixPath }, `unix socket ${unixPath}`);
      }
      logger.info({ host: config.host, port: address.port, dataDir: dataDir!.root, socket: unixPath }, 'pgsqlite listening');
      return address;
    },
    address() {
      if (!tcpServer) throw new Error('server is not listening');
      return tcpServer.address() as net.AddressInfo;
    },
    socketPath: () => unixPath,
    async close() {
      if (closing) return;
      closing = true;
      tcpServer?.close();
      unixServer?.close();
      // Running statements get a bounded time to finish, then everyone is told and disconnected.
      const deadline = Date.now() + config.shutdownTimeoutMs;
      while ([...connections].some((c) => c.session.busy) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      for (const connection of connections) {
        connection.session.cancelCurrent();
        connection.fatal(new PgError({ code: SqlState.adminShutdown, message: 'terminating connection due to administrator command' }));
      }
      await databases?.closeAll();
      await watchdog?.close();
      metaDb?.close();
      if (unixPath && existsSync(unixPath)) unlinkSync(unixPath);
      dataDir?.dispose();
      logger.flush();
    },
  };
}
