/**
 * Worker thread entry: owns one SQLite connection and runs what the main thread sends.
 * The main thread never waits on SQLite; it interrupts a running statement through the native
 * addon (cancel, statement_timeout) and this worker reports 57014 for it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import type { EngineRequest, EngineResponse, OutputColumn, SessionContext, StatementJob, StatementResult } from '../engine-messages.js';
import { openEngineConnection } from '../engine-connection.js';
import { sqliteErrorToPgError } from '../sqlite-error-map.js';
import { CancelSlots } from '../cancel-slots.js';
import { StatementCache } from './statement-cache.js';
import { isTransientSqliteError, retrySync } from '../retry.js';

const retrySleeper = new Int32Array(new SharedArrayBuffer(4));
import { describeStatement, runStatement } from './statement-runner.js';
import { decodeBatch, encodeResults } from '../batch-wire.js';

const port = parentPort!;
const cancel = new CancelSlots(workerData.cancelBuffer as SharedArrayBuffer);
let db: Database.Database | undefined;
let cache: StatementCache | undefined;
/** The group-commit statements, prepared once: a batch runs two of them per statement. */
let transactionStatements: Record<'begin' | 'savepoint' | 'release' | 'rollbackToSavepoint' | 'commit', Database.Statement> | undefined;
/** Session contexts by session id, as last sent; bounded because sessions end without telling us. */
const contexts = new Map<number, SessionContext>();
const MAX_CONTEXTS = 10_000;
let context: SessionContext | undefined;
let dataDir = '.';
let transactionStart: string | undefined;
/** When the running job started: now() outside a transaction block, fixed before any clock_timestamp() of the statement. */
let jobStartedMs = 0;
let transactionId: bigint | undefined;
/** pg_notify() calls of the job running now. */
let notifications: { channel: string; payload: string }[] = [];
/** set_config() calls of the job running now, applied to the session by the main thread. */
let settingChanges: { name: string; value: string; isLocal: boolean }[] = [];

function contextFor(job: StatementJob): SessionContext | undefined {
  if (job.context) {
    contexts.delete(job.sessionId);
    contexts.set(job.sessionId, job.context);
    if (contexts.size > MAX_CONTEXTS) contexts.delete(contexts.keys().next().value as number);
    return job.context;
  }
  return contexts.get(job.sessionId);
}

const cancelledError = () => new PgError({ code: SqlState.queryCanceled, message: 'canceling statement due to user request' });

function checkCancelled(): void {
  if (cancel.isCancelled(cancel.current)) throw cancelledError();
}

function serializeError(err: unknown) {
  const pg = sqliteErrorToPgError(err);
  const sqliteCode = (err as { code?: unknown })?.code;
  return { code: pg.code, message: pg.message, detail: pg.detail, hint: pg.hint, sqliteCode: typeof sqliteCode === 'string' ? sqliteCode : undefined };
}

function isInterrupt(err: unknown): boolean {
  return (err as { code?: unknown })?.code === 'SQLITE_INTERRUPT';
}

/** The result of a statement that was cancelled by interrupt (kept when a batch reruns). */
function isCancelledResult(result: StatementResult | undefined): boolean {
  return result !== undefined && !result.ok && result.error.sqliteCode === 'SQLITE_INTERRUPT';
}

/** Chunks a streamed result may have in flight before the worker waits for the client to read. */
const MAX_CHUNKS_IN_FLIGHT = 4;
/** Set when the running job has sent part of its result (it can then no longer be rerun). */
let streamedPart = false;

/**
 * Posts part of a streamed result, then waits while the client is behind: memory stays bounded
 * by a few chunks whatever the result size, and a cancel still gets through while waiting.
 */
function sendChunk(jobId: number, columns: OutputColumn[] | undefined, rows: Uint8Array): void {
  const response: EngineResponse = { type: 'chunk', id: jobId, columns, rows };
  port.postMessage(response, [rows.buffer as ArrayBuffer]);
  streamedPart = true;
  cancel.chunkSent();
  while (!cancel.waitForRoom(MAX_CHUNKS_IN_FLIGHT, 50)) checkCancelled();
}

/**
 * SQLite's BEGIN for a job that opens a transaction block (StatementJob.beginTransaction). It runs
 * before the job counts as running, so a cancel of the job cannot interrupt it (the job's own
 * cancel check comes next, with the transaction open); an interrupt meant for the previous job
 * can still land, and then BEGIN has done nothing and simply runs again.
 */
function beginTransaction(): StatementResult | undefined {
  for (let attempt = 1; ; attempt++) {
    try {
      transactionStatements!.begin.run();
      return undefined;
    } catch (err) {
      if (isInterrupt(err) && !db!.inTransaction && attempt < 3) continue;
      return { ok: false, error: serializeError(err) };
    }
  }
}

/** Runs a job under its id; an interrupt meant for another job (a race with cancel) reruns it. */
function execJob(jobId: number, job: StatementJob, inBatch = false): StatementResult {
  if (job.beginTransaction) {
    const failed = beginTransaction();
    if (failed) return failed;
  }
  cancel.begin(jobId);
  context = contextFor(job);
  transactionStart = job.transactionStart;
  jobStartedMs = Date.now();
  transactionId = job.transactionId;
  // Inside a transaction block (not a group-commit batch, which handles its own failures).
  const inBlock = !inBatch && db!.inTransaction;
  try {
    const result = runJob(jobId, job, inBatch, inBlock);
    if (!result.ok && inBlock && job.sql === 'COMMIT') rollbackAfterFailedCommit();
    else if (!result.ok && inBlock && !db!.inTransaction) reopenAfterAbort();
    return result;
  } finally {
    cancel.end();
  }
}

/**
 * After a statement inside a transaction block failed in a way that made SQLite roll back the
 * whole transaction (an interrupt — cancel, statement_timeout — or SQLITE_FULL/IOERR/BUSY), the
 * session still sees a failed block that ends with ROLLBACK (or ROLLBACK TO a savepoint, which
 * then reports the savepoint gone). A fresh, empty SQLite transaction keeps the two in step, as
 * PostgreSQL's ROLLBACK after a cancelled statement succeeds; found by a test of a block whose
 * statement hit statement_timeout ("cannot rollback - no transaction is active").
 */
function reopenAfterAbort(): void {
  try {
    transactionStatements!.begin.run();
  } catch {
    // The session's ROLLBACK will report the state; nothing better to do here.
  }
}

/**
 * A COMMIT that failed (a deferred constraint, SQLITE_BUSY/FULL/IOERR) can leave SQLite's
 * transaction open. PostgreSQL ends the transaction either way, and the session may already have
 * handed the writer to the next holder, whose jobs queue behind this one: the transaction is
 * rolled back here, before them.
 */
function rollbackAfterFailedCommit(): void {
  if (!db!.inTransaction) return;
  try {
    db!.exec('ROLLBACK');
  } catch {
    // Nothing was left to roll back.
  }
}

/** The statement itself, rerun after an interrupt that was meant for the previous job (when safe). */
function runJob(jobId: number, job: StatementJob, inBatch: boolean, inBlock: boolean): StatementResult {
  for (;;) {
    if (cancel.isCancelled(jobId)) return { ok: false, error: serializeError(cancelledError()) };
    try {
      notifications = [];
      settingChanges = [];
      streamedPart = false;
      cancel.resetChunks();
      const run = () => runStatement(cache!, job, job.stream ? (columns, rows) => sendChunk(jobId, columns, rows) : undefined, checkCancelled);
      // Outside a transaction a statement that met a lock (past busy_timeout) can simply run again.
      const outcome = inBatch || db!.inTransaction ? run() : retrySync(run, {
        retries: 5, initialDelayMs: 10, maxDelayMs: 500,
        retriable: (err) => !streamedPart && isTransientSqliteError(err),
        sleep: (ms) => Atomics.wait(retrySleeper, 0, 0, ms),
      });
      if (notifications.length) outcome.notifications = notifications;
      if (settingChanges.length) outcome.settingChanges = settingChanges;
      return { ok: true, outcome };
    } catch (err) {
      if (isInterrupt(err) && !cancel.isCancelled(jobId)) {
        // Meant for a job that had just finished; a statement outside a transaction is safe to
        // rerun (inside a block, SQLite has just rolled back the block's earlier work).
        if (!inBatch && !inBlock && !db!.inTransaction && !streamedPart) continue;
        return { ok: false, error: serializeError(err) };
      }
      if (isInterrupt(err)) return { ok: false, error: { ...serializeError(cancelledError()), sqliteCode: 'SQLITE_INTERRUPT' } };
      return { ok: false, error: serializeError(err) };
    }
  }
}

/**
 * Group commit: many sessions' autocommit statements in one SQLite transaction, each inside its
 * own savepoint so that one failure rolls back alone. Acknowledged only when COMMIT returns.
 * An interrupt rolls back the whole transaction in SQLite, so the batch reruns without the
 * cancelled statements.
 */
function runBatch(jobs: StatementJob[], jobIds: number[]): StatementResult[] {
  const results: (StatementResult | undefined)[] = new Array(jobs.length);
  for (;;) {
    // Statements that failed on their own keep their error; the rest (run again after an interrupt) go.
    const pending = jobs.map((_, i) => i).filter((i) => results[i] === undefined);
    let interrupted = false;
    const tx = transactionStatements!;
    tx.begin.run();
    for (const i of pending) {
      if (cancel.isCancelled(jobIds[i])) {
        results[i] = { ok: false, error: serializeError(cancelledError()) };
        continue;
      }
      tx.savepoint.run();
      const result = execJob(jobIds[i], jobs[i], true);
      if (!result.ok && result.error.sqliteCode === 'SQLITE_INTERRUPT' && db!.inTransaction === false) {
        results[i] = cancel.isCancelled(jobIds[i]) ? result : undefined;
        interrupted = true;
        break;
      }
      if (!result.ok) tx.rollbackToSavepoint.run();
      tx.release.run();
      results[i] = result;
    }
    if (interrupted) {
      // The transaction is gone; forget the successes (never acknowledged) and run them again.
      for (const i of pending) if (!isCancelledResult(results[i])) results[i] = undefined;
      continue;
    }
    try {
      tx.commit.run();
    } catch (err) {
      if (db!.inTransaction) db!.exec('ROLLBACK');
      const error = serializeError(err);
      return jobs.map(() => ({ ok: false, error }));
    }
    return results as StatementResult[];
  }
}

function handle(request: EngineRequest): EngineResponse {
  switch (request.type) {
    case 'open': {
      dataDir = request.catalog.dataDir;
      const connection = openEngineConnection(request.path, {
        pragmas: request.pragmas, catalog: request.catalog, readonly: request.readonly,
        functions: {
          context: () => context!,
          transactionStart: () => transactionStart ?? new Date(jobStartedMs).toISOString(),
          checkCancelled,
          notify: (channel, payload) => notifications.push({ channel, payload }),
          setConfig: (name, value, isLocal) => settingChanges.push({ name, value, isLocal }),
          dataDir: () => dataDir,
          transactionId: () => transactionId,
        },
      });
      db = connection.db;
      cache = new StatementCache(db, 500, request.schemaGeneration ? new Int32Array(request.schemaGeneration) : undefined);
      const interruptHandle = connection.interruptHandle;
      transactionStatements = {
        // Deferred, not IMMEDIATE: IMMEDIATE would also write-lock the attached catalog (the shared
        // metadata file) for every database's writer. The writer actor already serialises writers.
        begin: db.prepare('BEGIN'),
        savepoint: db.prepare('SAVEPOINT pgsqlite_stmt'),
        release: db.prepare('RELEASE pgsqlite_stmt'),
        rollbackToSavepoint: db.prepare('ROLLBACK TO pgsqlite_stmt'),
        commit: db.prepare('COMMIT'),
      };
      return { type: 'opened', id: request.id, interruptHandle };
    }
    case 'exec':
      return { type: 'result', id: request.id, result: execJob(request.id, request.job) };
    case 'batch': {
      const { jobs, jobIds } = decodeBatch(request.batch);
      return { type: 'batchResult', id: request.id, results: encodeResults(runBatch(jobs, jobIds)) };
    }
    case 'describe':
      try {
        return { type: 'described', id: request.id, result: { ok: true, outcome: describeStatement(cache!, request.sql, request.typeHints) } };
      } catch (err) {
        return { type: 'described', id: request.id, result: { ok: false, error: serializeError(err) } };
      }
    case 'close':
      cache?.clear();
      db?.close();
      db = undefined;
      return { type: 'closed', id: request.id };
  }
}

port.on('message', (request: EngineRequest) => {
  let response: EngineResponse;
  try {
    response = handle(request);
  } catch (err) {
    response = { type: 'fatal', id: request.id, error: serializeError(err) };
  }
  const transfer: ArrayBuffer[] = [];
  if (response.type === 'result' && response.result.ok && response.result.outcome.rows) {
    transfer.push(response.result.outcome.rows.buffer as ArrayBuffer);
  }
  if (response.type === 'batchResult') transfer.push(response.results.numbers.buffer as ArrayBuffer);
  port.postMessage(response, transfer);
  if (response.type === 'closed') port.close();
});
