/**
 * Worker thread entry that hosts open cursors of one database. Each cursor has a SQLite
 * connection of its own holding a read transaction (its snapshot) until the cursor closes;
 * requests read slices of rows, so cursors on this thread take turns and none holds it for
 * longer than one slice.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { CancelSlots } from '../cancel-slots.js';
import { openEngineConnection, type EngineConnection } from '../engine-connection.js';
import type { CatalogLocation, CursorRequest, CursorResponse, SerializedError, StatementJob } from '../engine-messages.js';
import { sqliteErrorToPgError } from '../sqlite-error-map.js';
import { HostedCursor } from './hosted-cursor.js';
import { StatementCache } from './statement-cache.js';

interface PooledConnection extends EngineConnection {
  cache: StatementCache;
}

const port = parentPort!;
const cancel = new CancelSlots(workerData.cancelBuffer as SharedArrayBuffer);
/** Connections kept open for the next cursor: opening one costs more than a slice read. */
const MAX_IDLE_CONNECTIONS = 2;
const idle: PooledConnection[] = [];
const cursors = new Map<number, { connection: PooledConnection; cursor: HostedCursor; job: StatementJob }>();
let location: { path: string; pragmas: Record<string, string | number>; catalog: CatalogLocation; schemaGeneration?: Int32Array } | undefined;
/** The job whose rows are being read now: what session functions see. */
let running: StatementJob | undefined;

const cancelledError = () => new PgError({ code: SqlState.queryCanceled, message: 'canceling statement due to user request' });
const unsupportedInCursor = (what: string) => () => {
  throw new PgError({ code: SqlState.featureNotSupported, message: `${what} is not supported in a cursor's query` });
};

function connect(): PooledConnection {
  const reused = idle.pop();
  if (reused) return reused;
  const { path, pragmas, catalog } = location!;
  const connection = openEngineConnection(path, {
    pragmas, catalog, readonly: true,
    functions: {
      context: () => running!.context!,
      transactionStart: () => running?.transactionStart ?? new Date().toISOString(),
      checkCancelled: () => {
        if (cancel.isCancelled(cancel.current)) throw cancelledError();
      },
      notify: unsupportedInCursor('pg_notify()'),
      setConfig: unsupportedInCursor('set_config()'),
      dataDir: () => catalog.dataDir,
      transactionId: () => running?.transactionId,
    },
  });
  return { ...connection, cache: new StatementCache(connection.db, 50, location!.schemaGeneration) };
}

function release(connection: PooledConnection): void {
  // Ends the read transaction, so the connection no longer holds back WAL checkpoints.
  if (connection.db.inTransaction) connection.db.exec('COMMIT');
  if (idle.length < MAX_IDLE_CONNECTIONS) idle.push(connection);
  else {
    connection.cache.clear();
    connection.db.close();
  }
}

function serializeError(err: unknown, jobId: number): SerializedError {
  const interrupted = (err as { code?: unknown })?.code === 'SQLITE_INTERRUPT';
  const pg = interrupted && cancel.isCancelled(jobId) ? cancelledError() : sqliteErrorToPgError(err);
  return { code: pg.code, message: pg.message, detail: pg.detail, hint: pg.hint };
}

function declare(id: number, cursorId: number, job: StatementJob): CursorResponse {
  const connection = connect();
  try {
    running = job;
    cancel.useConnection(connection.interruptHandle);
    // Deferred: the snapshot starts with the first row read below, i.e. at DECLARE.
    connection.db.exec('BEGIN');
    const stmt = connection.cache.get(job.sql);
    if (cancel.isCancelled(id)) throw cancelledError();
    if (!stmt.reader) throw new PgError({ code: SqlState.featureNotSupported, message: 'a cursor needs a query that returns rows' });
    const cursor = new HostedCursor(stmt, job);
    cursors.set(cursorId, { connection, cursor, job });
    return { type: 'declared', id, columns: cursor.columns, interruptHandle: connection.interruptHandle };
  } catch (err) {
    release(connection);
    throw err;
  }
}

function handle(request: CursorRequest): CursorResponse {
  switch (request.type) {
    case 'open':
      location = {
        path: request.path, pragmas: request.pragmas, catalog: request.catalog,
        schemaGeneration: request.schemaGeneration ? new Int32Array(request.schemaGeneration) : undefined,
      };
      return { type: 'ready', id: request.id };
    case 'declare':
      return declare(request.id, request.cursorId, request.job);
    case 'read': {
      const open = cursors.get(request.cursorId);
      if (!open) throw new PgError({ code: SqlState.invalidCursorName, message: 'cursor is not open' });
      if (cancel.isCancelled(request.id)) throw cancelledError();
      running = open.job;
      cancel.useConnection(open.connection.interruptHandle);
      const read = () => open.cursor.read(request.from, request.count, request.maxBytes, request.encode);
      try {
        return { type: 'slice', id: request.id, slice: read() };
      } catch (err) {
        // An interrupt meant for the request before this one (a cancel that raced its end): read again.
        if ((err as { code?: unknown })?.code !== 'SQLITE_INTERRUPT' || cancel.isCancelled(request.id)) throw err;
        return { type: 'slice', id: request.id, slice: read() };
      }
    }
    case 'close': {
      const open = cursors.get(request.cursorId);
      if (open) {
        cursors.delete(request.cursorId);
        open.cursor.close();
        release(open.connection);
      }
      return { type: 'closed', id: request.id };
    }
    case 'shutdown':
      for (const open of cursors.values()) {
        // A statement still open in C would keep the connection from closing.
        open.cursor.close();
        open.connection.db.close();
      }
      for (const connection of idle) connection.db.close();
      cursors.clear();
      idle.length = 0;
      return { type: 'closed', id: request.id };
  }
}

port.on('message', (request: CursorRequest) => {
  let response: CursorResponse;
  cancel.begin(request.id);
  try {
    response = handle(request);
  } catch (err) {
    response = { type: 'error', id: request.id, error: serializeError(err, request.id) };
  } finally {
    cancel.end();
    running = undefined;
  }
  const transfer = response.type === 'slice' && response.slice.rows ? [response.slice.rows.buffer as ArrayBuffer] : [];
  port.postMessage(response, transfer);
  if (request.type === 'shutdown') port.close();
});
