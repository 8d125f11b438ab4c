import type { Logger } from 'pino';
import type { DatabaseRuntime } from '../database/database-runtime.js';
import type { NotificationHub } from './notification-hub.js';
import type { RoleStore } from '../../storage/meta/role-store.js';
import type { TransactionIds } from '../../storage/meta/transaction-ids.js';
import type { AuthMethod } from '../../config/config-schema.js';
import type { DatabaseManager } from '../../server/database-manager.js';

/** What a session needs from the server around it. */
export interface ServerServices {
  database(name: string): Promise<DatabaseRuntime>;
  hasDatabase(name: string): boolean;
  /** The registry and lifecycle of databases (CREATE/DROP/ALTER DATABASE, who is connected where). */
  databases: DatabaseManager;
  roles: RoleStore;
  transactionIds: TransactionIds;
  notifications: NotificationHub;
  authMethod: AuthMethod;
  logger: Logger;
  /** Sessions by process id, for CancelRequest. */
  registerSession(processId: number, secretKey: number, cancel: () => void): void;
  unregisterSession(processId: number): void;
  /** A client queued for the writer longer than this hears a NOTICE (0: never). */
  queueNoticeMs: number;
  /** Most bytes of a described portal's result kept before Execute (larger ones stream then). */
  portalBufferBytes: number;
  /** Bounded wait a closing server gives running statements. */
  shuttingDown(): boolean;
}
