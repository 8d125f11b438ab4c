import type { PreparedQuery } from '../../sql/query-cache.js';
import type { SqliteValue } from '../../protocol/types/storage.js';
import type { OutputColumn, StatementOutcome } from '../../storage/engine-messages.js';
import type { WriterLease } from '../database/database-runtime.js';
import type { RowSource } from '../../storage/row-source.js';

/** A statement prepared with Parse (named, or the unnamed one). */
export interface PreparedStatement {
  name: string;
  sql: string;
  query: PreparedQuery | null; // null for an empty query string
  /** Parameter types: given by the client, or decided by the server (0 never leaves here). */
  paramTypes: number[];
  /** Which parameters the client left untyped (their values are read as PostgreSQL's unknown literals). */
  untypedParams: boolean[];
  /** Output columns promised by a Describe of the statement; portals encode rows with these. */
  describedColumns?: OutputColumn[] | null;
  /** The search path's key it was translated under (src/sql/search-path.ts); Bind translates again when it moved. */
  namespaceKey?: string;
}

/** A portal made by Bind: a statement with its parameters, possibly part-way through its rows. */
export interface Portal {
  name: string;
  statement: PreparedStatement;
  params: SqliteValue[];
  resultFormats: number[];
  /** Result already computed (by Describe portal, or an Execute that stopped at max rows). */
  outcome?: StatementOutcome;
  /** Rows already sent (the portal's position). */
  rowsSent: number;
  /** Where an Execute with a row limit reads: a streaming cursor, or `outcome`'s rows in memory. */
  source?: RowSource;
  /** Row types a Describe learned from a result too large to keep (Execute runs it again with these). */
  describedTypes?: number[];
  done: boolean;
  /** Rows were sent to the client while the statement ran (an Execute without a row limit). */
  streamed?: boolean;
  /** CommandComplete tag of the finished statement. */
  tag?: string;
  /** Result of a session-level command (SET, SHOW, …). */
  commandResult?: import('./session-commands.js').CommandResult;
}

/** What the session holds for the transaction it is in. */
export interface TransactionState {
  /** The writer, once the transaction has written (or took a savepoint). */
  lease: WriterLease | null;
  /** NOTIFYs wait for COMMIT, as in PostgreSQL. */
  pendingNotifications: { channel: string; payload: string }[];
  /** Transaction start (now() is stable within a transaction). */
  startedAt: string;
  /** Implicit transaction of a multi-statement simple query. */
  implicit: boolean;
  /** Isolation level as the client set it (SQLite gives every transaction serializable snapshots). */
  isolationLevel: string;
  /** READ ONLY: writes fail with 25006. */
  readOnly: boolean;
  /** Ran DDL: other connections' cached statements are dropped again when it ends. */
  changedSchema?: boolean;
  /** Assigned on first use (txid_current()), then stable for the transaction. */
  transactionId?: bigint;
}
