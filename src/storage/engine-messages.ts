import type { SqliteValue } from '../protocol/types/storage.js';
import type { CopyFormatOptions } from '../protocol/copy/copy-options.js';
import type { CursorRow } from '../catalog/live-tables.js';
import type { WireBatch, WireResults } from './batch-wire.js';
import type { WireParamRows } from './param-rows-wire.js';

/**
 * Messages between the main thread and an engine worker (one SQLite connection per worker).
 * Plain data only: they cross threads by structured clone; row bytes travel as transferred
 * ArrayBuffers so a large result is never copied twice.
 */

/**
 * What a SQL function inside SQLite may ask about the session running the statement. Workers
 * keep the last one they saw per session, so a job carries it only when it changed (version).
 */
export interface SessionContext {
  user: string;
  database: string;
  processId: number;
  /** Session settings (GUCs) by lower-case name. */
  settings: Record<string, string>;
}

/** Where the shared catalog (the metadata file) and the data directory are, for engine connections. */
export interface CatalogLocation {
  metaPath: string;
  dataDir: string;
}

export interface OutputColumn {
  name: string;
  typeOid: number;
  typeSize: number;
  typeModifier: number;
  tableOid: number;
  columnId: number;
}

export interface StatementJob {
  /** SQLite SQL, already translated. */
  sql: string;
  params: SqliteValue[];
  /** Result formats as Bind gave them: [] all text, [f] all f, or one per column. */
  resultFormats: number[];
  /** Output type per column when the translator knows it (null = not known). */
  typeHints?: (number | null)[];
  /** Types already promised to the client by a Describe: rows must be encoded with these. */
  fixedTypes?: number[];
  /** Stop after this many rows (0 = all). */
  maxRows?: number;
  /** Stop once the encoded rows pass this many bytes (suspended; 0/undefined = no limit). */
  maxBytes?: number;
  /** Send rows in chunks while the statement runs (large results, COPY TO) instead of all at the end. */
  stream?: boolean;
  /**
   * Run once per parameter list (COPY FROM batches); the outcome counts all changes. In a compact
   * form whose buffer is transferred to the worker (param-rows-wire.ts).
   */
  paramRows?: WireParamRows;
  /**
   * The same statement for `rows` parameter lists at once (a multi-row INSERT with plain `?`
   * placeholders): paramRows go through it in groups, the remainder through `sql`.
   */
  multiRow?: { sql: string; rows: number };
  /** Encode the rows as COPY data (CopyData messages) instead of DataRows. */
  copyOut?: CopyFormatOptions;
  /** The time zone values are printed in. */
  timeZone: string;
  /** The session and the version of its context this job runs under. */
  sessionId: number;
  contextVersion: number;
  /** Present only when this worker may not have seen contextVersion yet. */
  context?: SessionContext;
  /** Time of the transaction's start (ISO, UTC): now() and CURRENT_TIMESTAMP are stable within it. */
  transactionStart?: string;
  /** The transaction's id, when the statement asks for it (txid_current()). */
  transactionId?: bigint;
  /**
   * Run SQLite's BEGIN first (the first statement of a transaction block, writer only): it runs
   * even when the statement is cancelled before it starts or fails, and a failing BEGIN is the
   * statement's error.
   */
  beginTransaction?: boolean;
  /** The session's open cursors, for a statement over pg_cursors (main-thread connection only). */
  liveCursors?: CursorRow[];
}

export interface StatementOutcome {
  /** Output columns when the statement returns rows; null for statements without a result set. */
  columns: OutputColumn[] | null;
  /** DataRow messages, already encoded. */
  rows: Uint8Array | null;
  rowCount: number;
  changes: number;
  lastInsertRowid: number;
  /** True when maxRows stopped the statement before its last row. */
  suspended: boolean;
  /** pg_notify() calls the statement made; delivered when its transaction commits. */
  notifications?: { channel: string; payload: string }[];
  /** set_config() calls the statement made; the session applies them. */
  settingChanges?: { name: string; value: string; isLocal: boolean }[];
}

export interface DescribeOutcome {
  columns: OutputColumn[] | null;
  readonly: boolean;
}

export type SerializedError = {
  code: string;
  message: string;
  detail?: string;
  hint?: string;
  sqliteCode?: string;
};

export type StatementResult = { ok: true; outcome: StatementOutcome } | { ok: false; error: SerializedError };

export type EngineRequest =
  | { type: 'open'; id: number; path: string; readonly: boolean; pragmas: Record<string, string | number>; catalog: CatalogLocation; schemaGeneration?: SharedArrayBuffer }
  | { type: 'exec'; id: number; job: StatementJob }
  /**
   * Many autocommit statements in one transaction, each in its own savepoint (group commit);
   * jobs and results in the compact form of batch-wire.ts.
   */
  | { type: 'batch'; id: number; batch: WireBatch }
  | { type: 'describe'; id: number; sql: string; typeHints?: (number | null)[] }
  | { type: 'close'; id: number };

export type EngineResponse =
  | { type: 'opened'; id: number; interruptHandle: number }
  /** Part of a streamed result; the first chunk of a statement carries its columns. */
  | { type: 'chunk'; id: number; columns?: OutputColumn[]; rows: Uint8Array }
  | { type: 'result'; id: number; result: StatementResult }
  | { type: 'batchResult'; id: number; results: WireResults }
  | { type: 'described'; id: number; result: { ok: true; outcome: DescribeOutcome } | { ok: false; error: SerializedError } }
  | { type: 'closed'; id: number }
  | { type: 'fatal'; id: number; error: SerializedError };

/** Part of an open cursor's rows (see HostedCursor.read). */
export interface CursorSlice {
  /** DataRow messages, or null when nothing was encoded (no rows, or counting only). */
  rows: Uint8Array | null;
  count: number;
  /** The read stopped at the end of the result. */
  end: boolean;
  /** The result's row count, once known. */
  total?: number;
}

/** Messages to a cursor worker: it hosts open cursors, each on a connection of its own. */
export type CursorRequest =
  | { type: 'open'; id: number; path: string; pragmas: Record<string, string | number>; catalog: CatalogLocation; schemaGeneration?: SharedArrayBuffer }
  | { type: 'declare'; id: number; cursorId: number; job: StatementJob }
  | { type: 'read'; id: number; cursorId: number; from: number; count: number; maxBytes: number; encode: boolean }
  | { type: 'close'; id: number; cursorId: number }
  | { type: 'shutdown'; id: number };

export type CursorResponse =
  | { type: 'ready'; id: number }
  | { type: 'declared'; id: number; columns: OutputColumn[]; interruptHandle: number }
  | { type: 'slice'; id: number; slice: CursorSlice }
  | { type: 'closed'; id: number }
  | { type: 'error'; id: number; error: SerializedError };
