import { createActor, type ActorRefFrom } from 'xstate';
import { PgError, toPgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import type { SqliteValue } from '../../protocol/types/storage.js';
import { SessionSettings } from '../../session/session-settings.js';
import type { PreparedQuery } from '../../sql/query-cache.js';
import type { TransactionOptions } from '../../sql/classify.js';
import type { ChunkHandler } from '../../storage/engine-worker-client.js';
import type { DescribeOutcome, OutputColumn, SessionContext, StatementJob, StatementOutcome } from '../../storage/engine-messages.js';
import type { DatabaseRuntime, WriterLease } from '../database/database-runtime.js';
import type { Listener } from '../server/notification-hub.js';
import type { ServerServices } from '../server/services.js';
import { connectionMachine, type TransactionStatus } from './connection.machine.js';
import type { Output } from './output.js';
import type { Portal, PreparedStatement, TransactionState } from './session-state.js';
import { closeAllCursors, closeCursorsAtTransactionEnd, type SqlCursor } from './cursors.js';
import type { RowSource } from '../../storage/row-source.js';
import type { CursorRow } from '../../catalog/live-tables.js';
import { beginWithFirstStatement } from './begin-with-first-statement.js';
import { queuedWrite, takeWriter } from './writer-waits.js';
import { StatementCancel } from './statement-cancel.js';
import { runSequence } from './statement-sequence.js';

export interface RunOptions {
  params: SqliteValue[];
  resultFormats: number[];
  fixedTypes?: number[];
  maxRows?: number;
  /** Stop once the encoded rows pass this many bytes (a Describe's preview of a read; 0/undefined: no limit). */
  maxBytes?: number;
  /** Streams a large result: called with rows while the statement runs (columns on the first call). */
  onRows?: ChunkHandler;
}

/**
 * The state of one client session after startup: who it is, which database, its settings,
 * prepared statements and portals, and its transaction. The lifecycle lives in the connection
 * machine (this.actor); this class runs statements against the database for the handlers.
 */
export class Session implements Listener {
  readonly actor: ActorRefFrom<typeof connectionMachine>;
  settings = new SessionSettings();
  user = '';
  databaseName = '';
  db!: DatabaseRuntime;
  readonly prepared = new Map<string, PreparedStatement>();
  readonly portals = new Map<string, Portal>();
  readonly cursors = new Map<string, SqlCursor>();
  txn: TransactionState | null = null;
  /** The statement running now, as cancel and statement_timeout find it. */
  private readonly running = new StatementCancel(this);
  private pendingNotifications: { channel: string; payload: string; sender: number }[] = [];
  /** True while messages are being processed; notifications wait for ReadyForQuery. */
  busy = false;
  /** Set when the connection is gone: nothing may be held for it any more. */
  private closed = false;

  constructor(
    readonly processId: number,
    readonly secretKey: number,
    readonly services: ServerServices,
    readonly output: Output,
    private readonly flushNow: () => void,
  ) {
    this.actor = createActor(connectionMachine, { id: `connection:${processId}` });
    this.actor.start();
  }

  // ---- Lifecycle and status ----

  status(): TransactionStatus {
    // Read straight off the state value: snapshot.matches() resolves a state path on every call,
    // and this runs several times per statement (a profile showed it at ~3 % of the main thread).
    const value = this.actor.getSnapshot().value;
    if (typeof value !== 'object' || !('ready' in value)) return 'I';
    const transaction = value.ready.transaction;
    return transaction === 'inTransaction' ? 'T' : transaction === 'failedTransaction' ? 'E' : 'I';
  }

  /** Past startup and authentication, not terminated: messages go to the protocol handlers. */
  isReady(): boolean {
    const value = this.actor.getSnapshot().value;
    return typeof value === 'object' && 'ready' in value;
  }

  inTransactionBlock(): boolean {
    return this.status() !== 'I';
  }

  sendReadyForQuery(): void {
    const status = this.status();
    this.deliverPendingNotifications(status);
    this.output.writer.readyForQuery(status);
  }

  /** Positions in errors are already relative to the whole query string (the parse tree's). */
  sendError(err: unknown): void {
    const pg = toPgError(err);
    if (pg.code === SqlState.internalError) this.services.logger.error({ err, processId: this.processId }, 'internal error');
    this.output.writer.errorResponse(pg.fields());
  }

  sendNotice(message: string, code = SqlState.successfulCompletion as string): void {
    this.output.writer.noticeResponse({ severity: 'NOTICE', code: code as never, message });
  }

  // ---- Notifications ----

  deliver(channel: string, payload: string, senderProcessId: number): void {
    this.pendingNotifications.push({ channel, payload, sender: senderProcessId });
    if (!this.busy && this.status() === 'I') {
      this.deliverPendingNotifications('I');
      this.flushNow();
    }
  }

  private deliverPendingNotifications(status: TransactionStatus): void {
    if (status === 'T' || this.pendingNotifications.length === 0) return;
    for (const n of this.pendingNotifications) this.output.writer.notificationResponse(n.sender, n.channel, n.payload);
    this.pendingNotifications.length = 0;
  }

  // ---- Statement execution ----

  /** The context workers see for this session; rebuilt only when settings changed. */
  private contextCache: { version: number; context: SessionContext } | null = null;

  context(): { version: number; context: SessionContext } {
    const version = this.settings.version;
    if (this.contextCache?.version !== version) {
      this.contextCache = {
        version,
        context: { user: this.user, database: this.databaseName, processId: this.processId, settings: this.settings.snapshot() },
      };
    }
    return this.contextCache;
  }

  job(sql: string, options: RunOptions, query?: PreparedQuery): StatementJob {
    const { version, context } = this.context();
    const job: StatementJob = {
      sql,
      params: options.params,
      resultFormats: options.resultFormats,
      stream: options.onRows !== undefined,
      timeZone: this.settings.get('TimeZone'),
      sessionId: this.processId,
      contextVersion: version,
      context,
    };
    // Only the fields this statement uses: a job reaches a worker by structured clone, which
    // writes every key, undefined or not (a group-commit batch of 31 INSERTs took ~40 % longer
    // to post with the six unused ones).
    if (query?.typeHints !== undefined) job.typeHints = query.typeHints;
    if (options.fixedTypes !== undefined) job.fixedTypes = options.fixedTypes;
    if (options.maxRows !== undefined) job.maxRows = options.maxRows;
    if (options.maxBytes !== undefined) job.maxBytes = options.maxBytes;
    if (this.txn) job.transactionStart = this.txn.startedAt;
    if (query?.usesTransactionId) job.transactionId = this.transactionId();
    return job;
  }

  /**
   * Runs work that may be cancelled (CancelRequest) or time out (statement_timeout).
   * The job id is the handle both use to find and stop it.
   */
  cancellable<T>(work: (jobId: number) => Promise<T>): Promise<T> {
    return this.running.run(work);
  }

  /** CancelRequest from another connection. */
  cancelCurrent(): void {
    this.running.cancelCurrent();
  }

  /** The writer, held for the rest of the transaction (taken at the first write). */
  async leaseForTransaction(): Promise<WriterLease> {
    const txn = this.txn!;
    if (txn.lease) return txn.lease;
    return this.holdForTransaction(txn, await takeWriter(this));
  }

  /** Whether the statement running now is in a READ ONLY transaction (its own, outside a block). */
  readOnlyTransaction(): boolean {
    return this.txn ? this.txn.readOnly : this.settings.get('default_transaction_read_only') === 'on';
  }

  /** The transaction's id: one per transaction block, a new one per statement outside one. */
  private transactionId(): bigint {
    if (!this.txn) return this.services.transactionIds.allocate();
    this.txn.transactionId ??= this.services.transactionIds.allocate();
    return this.txn.transactionId;
  }

  /** Waits for the writer, bounded by lock_timeout (writer-waits.ts). */
  async acquireWriter(): Promise<WriterLease> {
    return takeWriter(this);
  }

  /** Whether the connection is gone (nothing may be held for it any more). */
  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Runs one engine statement where it belongs: inside the transaction's writer lease, on a
   * reader, or through the write queue (group commit) for an autocommit write.
   */
  async runEngine(query: PreparedQuery, options: RunOptions): Promise<StatementOutcome> {
    const changesSchema = query.plan.kind === 'engine' && query.plan.access === 'write' && !dataStatementWords.has(query.plan.tag.word);
    let outcome: StatementOutcome;
    try {
      outcome = await this.runEngineStatement(query, options);
    } finally {
      if (changesSchema) {
        // Seen at once by the writer's connection (inside a transaction too), and again when the
        // transaction ends, since other connections prepare against the committed schema.
        this.db.schemaChanged();
        if (this.txn) this.txn.changedSchema = true;
      }
    }
    this.applyStatementEffects(outcome);
    return outcome;
  }

  /**
   * runEngine for the statements of pgbench and most OLTP clients, with fewer promises: one
   * SQLite statement that is a read outside a transaction that wrote, or an autocommit write of
   * rows. A read the inline connection answers comes back without a promise (a prepared
   * pgbench -S read went through eight async frames for a result SQLite had produced
   * synchronously); when inline declines it (too slow) it continues on a reader worker. An
   * autocommit write waits out its group commit in three async frames instead of eight (the
   * frames of 64 waiting writers were most of what each scavenge had to copy). Undefined for any
   * other statement: the caller then uses runEngine. Cancel and statement_timeout cannot reach a
   * statement running synchronously; the watchdog bounds it, as on the asynchronous path.
   */
  runSingleStatement(query: PreparedQuery, options: RunOptions): StatementOutcome | Promise<StatementOutcome> | undefined {
    const plan = query.plan;
    if (plan.kind !== 'engine' || plan.vacuum || query.usesLiveTables) return undefined;
    const statements = query.translated!.sql;
    if (statements.length !== 1) return undefined;
    const txn = this.txn;
    if (txn !== null && (txn.lease !== null || plan.access === 'write')) {
      // DDL (the schema generation moves) and writes in a READ ONLY transaction (25006) take runEngine.
      if (plan.access === 'write' && (!dataStatementWords.has(plan.tag.word) || txn.readOnly)) return undefined;
      return this.afterStatement(this.cancellable((jobId) => this.runOnTransactionWriter(txn, statements[0]!, query, options, jobId)));
    }
    if (plan.access === 'write') {
      if (txn !== null || !dataStatementWords.has(plan.tag.word) || this.readOnlyTransaction()) return undefined;
      return this.autocommitWrite(this.job(statements[0]!, options, query));
    }
    const job = this.job(statements[0]!, options, query);
    const outcome = this.db.readNow(job);
    if (outcome === undefined) return this.afterStatement(this.cancellable((jobId) => this.db.readOnWorker(job, jobId, options.onRows)));
    this.applyStatementEffects(outcome);
    return outcome;
  }

  /**
   * A statement of a transaction block that runs on the writer: what runEngine does for it, with
   * the two async frames of runSingleStatement instead of seven (TPC-B sends five such statements
   * per transaction, and at 8 clients the writer's holder waits for the main thread on each).
   */
  private runOnTransactionWriter(txn: TransactionState, sql: string, query: PreparedQuery, options: RunOptions, jobId: number): Promise<StatementOutcome> {
    const run = (lease: WriterLease) => lease.exec(this.job(sql, options, query), jobId, options.onRows);
    if (txn.lease !== null) return run(txn.lease);
    // A throw (the client left as the writer was granted) reaches cancellable() like a rejection.
    const taken = takeWriter(this);
    return taken instanceof Promise ? taken.then((later) => run(this.holdForTransaction(txn, later))) : run(this.holdForTransaction(txn, taken));
  }

  /**
   * The transaction keeps the writer until it ends. SQLite's BEGIN goes to the writer with the
   * first statement, not in a round trip of its own.
   */
  private holdForTransaction(txn: TransactionState, lease: WriterLease): WriterLease {
    txn.lease = beginWithFirstStatement(lease);
    return txn.lease;
  }

  private autocommitWrite(job: StatementJob): Promise<StatementOutcome> {
    return this.afterStatement(this.cancellable((jobId) => queuedWrite(this, job, jobId)));
  }

  private async afterStatement(running: Promise<StatementOutcome>): Promise<StatementOutcome> {
    const outcome = await running;
    this.applyStatementEffects(outcome);
    return outcome;
  }

  /** What a statement did besides its rows: set_config() changes and NOTIFYs. */
  private applyStatementEffects(outcome: StatementOutcome): void {
    for (const change of outcome.settingChanges ?? []) {
      // set_config(): the same rules as SET / SET LOCAL.
      const def = this.settings.set(change.name, change.value, { local: change.isLocal, inTransaction: this.txn !== null });
      if (def?.report) this.reportSetting(def.name.toLowerCase());
    }
    for (const n of outcome.notifications ?? []) {
      if (this.txn) this.txn.pendingNotifications.push(n);
      else this.services.notifications.notify(this.databaseName, n.channel, n.payload, this.processId);
    }
  }

  private async runEngineStatement(query: PreparedQuery, options: RunOptions): Promise<StatementOutcome> {
    const plan = query.plan;
    if (plan.kind !== 'engine') throw new Error('runEngine takes engine statements');
    const statements = query.translated!.sql;
    if (plan.access === 'write' && this.readOnlyTransaction()) {
      throw new PgError({ code: SqlState.readOnlySqlTransaction, message: `cannot execute ${plan.tag.word} in a read-only transaction` });
    }
    if (query.usesLiveTables) return this.db.readLive({ ...this.job(statements[statements.length - 1], options, query), liveCursors: this.cursorRows() });
    return this.cancellable(async (jobId) => {
      if (this.txn) {
        if (this.txn.lease || plan.access === 'write') {
          const lease = await this.leaseForTransaction();
          // Rows stream only when one statement is the result (several are merged at the end).
          const onRows = (query.translated!.resultStatements ?? 1) > 1 ? undefined : options.onRows;
          return runSequence(statements, (sql) => lease.exec(this.job(sql, options, query), jobId, onRows), query.translated!.resultStatements);
        }
        return this.db.read(this.job(statements[0], options, query), jobId, options.onRows);
      }
      if (plan.vacuum || statements.length > 1) {
        // VACUUM cannot run inside a transaction; several SQLite statements must commit together.
        const lease = await this.acquireWriter();
        try {
          if (plan.vacuum) return await lease.exec(this.job(statements[0], options, query), jobId);
          await lease.exec(this.job('BEGIN', { params: [], resultFormats: [] }), jobId);
          try {
            const outcome = await runSequence(statements, (sql) => lease.exec(this.job(sql, options, query), jobId), query.translated!.resultStatements);
            await lease.exec(this.job('COMMIT', { params: [], resultFormats: [] }), jobId);
            return outcome;
          } catch (err) {
            await lease.exec(this.job('ROLLBACK', { params: [], resultFormats: [] })).catch(() => undefined);
            throw err;
          }
        } finally {
          lease.release();
        }
      }
      if (plan.access === 'read') return this.db.read(this.job(statements[0], options, query), jobId, options.onRows);
      return queuedWrite(this, this.job(statements[0], options, query), jobId);
    });
  }

  /**
   * A cursor over the query's rows that streams from a connection of its own (bounded memory),
   * when the query can run there: a single read, in no transaction or one that has not written
   * (a transaction's own writes are visible only on the writer's connection). Null otherwise,
   * or when the database has no streaming cursor left; the caller then holds the rows.
   */
  async openStreamingCursor(query: PreparedQuery, options: RunOptions): Promise<RowSource | null> {
    const plan = query.plan;
    if (plan.kind !== 'engine' || plan.access !== 'read' || query.usesLiveTables) return null;
    if (this.txn?.lease || query.translated!.sql.length !== 1) return null;
    return this.cancellable((jobId) => this.db.declareCursor(this.job(query.translated!.sql[0], options, query), jobId));
  }

  /** The session's SQL cursors as pg_cursors shows them. */
  cursorRows(): CursorRow[] {
    return [...this.cursors.values()].map((cursor) => ({
      name: cursor.name, statement: cursor.statement, is_holdable: cursor.holdable, is_binary: cursor.binary,
      // PostgreSQL reports a cursor declared without SCROLL or NO SCROLL as scrollable when its plan allows it.
      is_scrollable: cursor.scroll !== 'no',
      creation_time: cursor.createdAt.toISOString().replace('T', ' ').replace('Z', '+00'),
    }));
  }

  /** Closes a protocol portal (its streaming cursor, if it has one). */
  closePortal(name: string): boolean {
    const portal = this.portals.get(name);
    if (!portal) return false;
    portal.source?.close();
    this.portals.delete(name);
    return true;
  }

  closeAllPortals(): void {
    // Runs at every Sync: no copy of the names, and nothing to do when no portal is open.
    if (this.portals.size === 0) return;
    for (const portal of this.portals.values()) portal.source?.close();
    this.portals.clear();
  }

  /**
   * Describes SQLite SQL without running it, on the connection that would run it: inside a
   * transaction that wrote, the writer's (it sees the transaction's own DDL).
   */
  describeSql(sql: string, typeHints?: (number | null)[]): Promise<DescribeOutcome> {
    return this.txn?.lease ? this.txn.lease.describe(sql, typeHints) : this.db.describe(sql, typeHints);
  }

  /** Describes the output of a statement without running it. */
  async describeColumns(query: PreparedQuery): Promise<OutputColumn[] | null> {
    if (query.plan.kind !== 'engine') return query.plan.kind === 'show' ? [] : null;
    // DDL returns no rows, and its SQLite statements may name objects that exist only once it ran.
    if (query.plan.access === 'write' && !dataStatementWords.has(query.plan.tag.word)) return null;
    return (await this.describeSql(query.translated!.sql.at(-1)!, query.typeHints)).columns;
  }

  // ---- Transactions ----

  beginTransaction(implicit: boolean, options: TransactionOptions = {}): void {
    this.txn = {
      lease: null, pendingNotifications: [], startedAt: new Date().toISOString(), implicit,
      isolationLevel: options.isolationLevel ?? this.settings.get('default_transaction_isolation'),
      readOnly: options.readOnly ?? this.settings.get('default_transaction_read_only') === 'on',
    };
    if (!implicit) this.actor.send({ type: 'tx.begin' });
  }

  /** Ends the transaction (COMMIT or ROLLBACK in SQLite if it wrote), releases the writer, applies settings. */
  async endTransaction(commit: boolean): Promise<void> {
    const txn = this.txn;
    if (!txn) return;
    let failure: unknown;
    if (txn.lease) {
      const lease = txn.lease;
      const ending = lease.exec(this.job(commit ? 'COMMIT' : 'ROLLBACK', { params: [], resultFormats: [] }));
      // The writer runs jobs in order and itself rolls back a COMMIT that fails, so the next
      // holder's statements may queue behind this one at once: the writer does not sit idle for
      // the round trip of the answer (TPC-B at 8 clients). After DDL it waits for the answer, so
      // that the schema generation moves before anyone else prepares against the new schema.
      if (!txn.changedSchema) lease.release();
      // The block ends whatever the answer (a COMMIT that fails rolls back), so the connection
      // actor hears it now, while the worker runs the COMMIT, instead of after the round trip.
      if (!txn.implicit) this.actor.send({ type: 'tx.end' });
      try {
        await ending;
      } catch (err) {
        failure = err;
      }
      lease.release();
    }
    const committed = commit && failure === undefined;
    if (txn.changedSchema) this.db.schemaChanged();
    closeCursorsAtTransactionEnd(this.cursors, committed);
    for (const name of this.settings.endTransaction(committed)) this.reportSetting(name);
    if (committed) {
      for (const n of txn.pendingNotifications) this.services.notifications.notify(this.databaseName, n.channel, n.payload, this.processId);
    }
    this.txn = null;
    if (!txn.implicit && !txn.lease) this.actor.send({ type: 'tx.end' });
    if (failure) throw failure;
  }

  /** An error inside a transaction block: everything until ROLLBACK gets 25P02. */
  failTransaction(): void {
    if (this.txn && !this.txn.implicit) this.actor.send({ type: 'tx.fail' });
  }

  reportSetting(lowerName: string): void {
    const def = this.settings.definition(lowerName);
    if (def?.report) this.output.writer.parameterStatus(def.name, this.settings.get(def.name));
  }

  /** Ends everything a closing connection holds. */
  async close(): Promise<void> {
    this.closed = true;
    this.services.notifications.unlisten(this.databaseName, null, this);
    // A request for the writer still in the queue would otherwise be granted to nobody.
    this.db?.abandonAcquire(this.processId, new PgError({ code: SqlState.connectionFailure, message: 'the client disconnected' }));
    if (this.txn) await this.endTransaction(false).catch(() => undefined);
    this.closeAllPortals();
    closeAllCursors(this.cursors);
    this.actor.send({ type: 'terminate' });
    this.actor.stop();
  }
}

/** Statements that change rows, not the schema. */
const dataStatementWords: ReadonlySet<string> = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'COPY']);

