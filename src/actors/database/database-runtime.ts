import { createActor, type ActorRefFrom } from 'xstate';
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { EngineWorkerClient, allocateJobId, resultToOutcome, type ChunkHandler } from '../../storage/engine-worker-client.js';
import type { CatalogLocation, DescribeOutcome, StatementJob, StatementOutcome } from '../../storage/engine-messages.js';
import { submitToWriter, writePriorities, writerMachine } from '../writer/writer.machine.js';
import { ReaderPool } from './reader-pool.js';
import { InlineEngine } from '../../storage/inline/inline-engine.js';
import type { Watchdog } from '../../storage/inline/watchdog.js';
import type { Instrumentation } from '../../instrumentation/events.js';
import type { PoolRow } from '../../catalog/live-tables.js';
import { PoolStats } from './pool-stats.js';
import { CursorHost } from '../../storage/cursor-host.js';
import { HostedRows, type RowSource } from '../../storage/row-source.js';

export interface DatabaseOptions {
  name: string;
  path: string;
  readers: number;
  maxBatchSize: number;
  /** Adaptive group-commit window (0: batches form only while a commit runs). */
  batchWindowMs?: number;
  pragmas: Record<string, string | number>;
  /** The shared catalog every connection attaches. */
  catalog: CatalogLocation;
  /** When given, reads try a main-thread connection first, bounded by this watchdog's budget. */
  watchdog?: Watchdog;
  /** Where commits and reads are reported. */
  instrumentation?: Instrumentation;
  /** The server's live pool rows, for the pgsqlite_stat_pools relation on the inline connection. */
  livePools?: () => PoolRow[];
  /** Cursors that may stream from a connection of their own at once (0: none; all are held in memory). */
  maxStreamingCursors?: number;
  /** Turns per round for each write priority under contention. */
  writeWeights?: Record<number, number>;
  /** Longest a read may wait for a free reader worker (0: no limit). */
  readerMaxWaitMs?: number;
}

/** A session's exclusive hold on the writer for an explicit transaction. */
export interface WriterLease {
  exec(job: StatementJob, jobId?: number, onChunk?: ChunkHandler): Promise<StatementOutcome>;
  /** Describes on the writer's connection, which sees the transaction's own uncommitted DDL. */
  describe(sql: string, typeHints?: (number | null)[]): Promise<DescribeOutcome>;
  release(): void;
}

/**
 * One database file: its writer (an xstate actor in front of the writer connection's worker)
 * and its reader pool. Sessions talk to this; it decides nothing about SQL.
 */
export class DatabaseRuntime {
  readonly name: string;
  readonly path: string;
  private readonly writerEngine: EngineWorkerClient;
  private readonly readers: ReaderPool;
  readonly writer: ActorRefFrom<typeof writerMachine>;
  private readonly writesInFlight = new Set<number>();
  private inline: InlineEngine | undefined;
  /** Started at the first streaming cursor: most databases never need the thread. */
  private cursorHost: Promise<CursorHost> | undefined;
  private cursorHostStarted: CursorHost | undefined;
  readonly stats = new PoolStats();
  /** Bumped after DDL; every connection's statement cache drops its statements when it moves. */
  private readonly schemaGeneration = new SharedArrayBuffer(4);

  constructor(private readonly options: DatabaseOptions) {
    this.name = options.name;
    this.path = options.path;
    this.writerEngine = new EngineWorkerClient(`${options.name}/writer`);
    this.readers = new ReaderPool(options.name, options.readers, options.readerMaxWaitMs ?? 0);
    const engine = this.writerEngine;
    const commit = async (jobs: StatementJob[], ids: number[]) => {
      const started = performance.now();
      const results = await engine.batch(jobs, ids);
      const durationMs = performance.now() - started;
      const failed = results.filter((r) => !r.ok).length;
      this.stats.recordBatch(jobs.length, failed, durationMs);
      options.instrumentation?.emit('writer.batch_committed', { database: options.name, statements: jobs.length, failed, durationMs });
      return results;
    };
    this.writer = createActor(
      writerMachine,
      { input: { maxBatchSize: options.maxBatchSize, batchWindowMs: options.batchWindowMs, weights: options.writeWeights, runBatch: commit }, id: `writer:${options.name}` },
    );
  }

  async open(): Promise<void> {
    // The writer opens first: it creates the file and switches it to WAL before readers attach.
    const { pragmas, catalog } = this.options;
    const schemaGeneration = this.schemaGeneration;
    await this.writerEngine.open(this.path, { readonly: false, pragmas, catalog, schemaGeneration });
    await this.readers.open(this.path, pragmas, catalog, schemaGeneration);
    if (this.options.watchdog) {
      this.inline = new InlineEngine(this.path, pragmas, catalog, this.options.watchdog, this.options.livePools, new Int32Array(schemaGeneration));
    }
    this.writer.start();
  }

  /** A read: inline when it is quick (the usual case), else on a reader worker. */
  read(job: StatementJob, jobId = allocateJobId(), onChunk?: ChunkHandler): Promise<StatementOutcome> {
    let outcome: StatementOutcome | undefined;
    try {
      outcome = this.readNow(job);
    } catch (err) {
      return Promise.reject(err);
    }
    if (outcome) return Promise.resolve(outcome);
    return this.readOnWorker(job, jobId, onChunk);
  }

  /** A read on a reader worker (after the inline connection declined it). */
  readOnWorker(job: StatementJob, jobId: number, onChunk?: ChunkHandler): Promise<StatementOutcome> {
    this.countRead('worker');
    return this.readers.exec(job, jobId, onChunk);
  }

  /**
   * The read's outcome if the inline connection answered it within its budget; undefined when it
   * must go to a reader worker (no inline connection, or too slow). SQL errors are thrown.
   */
  readNow(job: StatementJob): StatementOutcome | undefined {
    const outcome = this.inline?.tryExec(job);
    if (outcome) this.countRead('inline');
    return outcome;
  }

  private countRead(where: 'inline' | 'worker'): void {
    if (where === 'inline') this.stats.readsInline++;
    else this.stats.readsWorker++;
    this.options.instrumentation?.emit('reader.statement', { database: this.name, where });
  }

  /**
   * Opens a cursor that streams from its own connection (its snapshot is taken now), or returns
   * null when the database already has as many as it allows: the caller then holds the rows.
   */
  async declareCursor(job: StatementJob, jobId = allocateJobId()): Promise<RowSource | null> {
    const limit = this.options.maxStreamingCursors ?? 0;
    if (limit <= 0) return null;
    const host = await this.startCursorHost();
    if (host.open >= limit) return null;
    const { cursorId, columns } = await host.declare(job, jobId);
    return new HostedRows(host, cursorId, columns);
  }

  private startCursorHost(): Promise<CursorHost> {
    this.cursorHost ??= (async () => {
      const host = new CursorHost(`${this.name}/cursors`);
      await host.start(this.path, this.options.pragmas, this.options.catalog, this.schemaGeneration);
      this.cursorHostStarted = host;
      return host;
    })();
    return this.cursorHost;
  }

  /** DDL ran (or a transaction that ran DDL ended): cached statements everywhere are prepared again. */
  schemaChanged(): void {
    Atomics.add(new Int32Array(this.schemaGeneration), 0, 1);
  }

  /** The schema generation now: it moves after every DDL (the translator's view of schemas is cached by it). */
  schemaGenerationNow(): number {
    return Atomics.load(new Int32Array(this.schemaGeneration), 0);
  }

  /** A statement over live relations (pgsqlite_stat_pools): only the main-thread connection has them. */
  readLive(job: StatementJob): Promise<StatementOutcome> {
    if (!this.inline) {
      return Promise.reject(new PgError({ code: SqlState.featureNotSupported, message: 'live statistics need inline reads (inlineBudgetMs > 0)' }));
    }
    const inline = this.inline;
    return settled(() => inline.execHere(job));
  }

  /** This database's row of pgsqlite_stat_pools. */
  poolRow(): PoolRow {
    const writer = this.writer.getSnapshot();
    const queue = writer.context.queue;
    const stats = this.stats;
    // Counts of commits are the writer actor's own; durations and failures are measured here.
    const { batches, statements, largestBatch } = writer.context.stats;
    return {
      database: this.name,
      writer_state: String(writer.value),
      queue_depth: queue.size,
      waiting_transactions: queue.countWhere((r) => r.kind === 'acquire'),
      batches,
      statements,
      failed_statements: stats.failedStatements,
      largest_batch: largestBatch,
      batch_sizes: stats.batchSizeHistogram(),
      commit_ms_avg: stats.commitsTimed ? Math.round((stats.commitMsTotal / stats.commitsTimed) * 1000) / 1000 : 0,
      commit_ms_max: Math.round(stats.commitMsMax * 1000) / 1000,
      readers: this.readers.size,
      readers_busy: this.readers.busy(),
      reads_inline: stats.readsInline,
      reads_worker: stats.readsWorker,
      streaming_cursors: this.cursorHostStarted?.open ?? 0,
    };
  }

  describe(sql: string, typeHints?: (number | null)[]): Promise<DescribeOutcome> {
    if (this.inline) {
      const inline = this.inline;
      return settled(() => inline.describe(sql, typeHints));
    }
    return this.readers.describe(sql, typeHints);
  }

  /** An autocommit write: queued, committed with whatever else is queued, acknowledged after COMMIT. */
  write(job: StatementJob, jobId = allocateJobId(), priority: number = writePriorities.normal): Promise<StatementOutcome> {
    this.writesInFlight.add(jobId);
    return new Promise<StatementOutcome>((resolve, reject) => {
      submitToWriter(this.writer, {
        kind: 'autocommit', priority, jobId, job,
        resolve: (result) => {
          this.writesInFlight.delete(jobId);
          try {
            resolve(resultToOutcome(result));
          } catch (err) {
            reject(err);
          }
        },
      });
    });
  }

  /**
   * Waits for the writer, FIFO with other writers, and holds it until release(). The lease itself
   * when the writer granted it at once (it was idle with an empty queue: the writer actor grants
   * within the event's macrostep), so that the caller need not arm its lock_timeout and
   * queue-notice timers for a wait that never happens.
   */
  acquireWriter(sessionId: number, priority: number = writePriorities.normal): WriterLease | Promise<WriterLease> {
    let granted: WriterLease | undefined;
    let refused: Error | undefined;
    let waiting: { resolve: (lease: WriterLease) => void; reject: (err: Error) => void } | undefined;
    submitToWriter(this.writer, {
      kind: 'acquire', priority, sessionId,
      reject: (err) => {
        if (waiting) waiting.reject(err);
        else refused = err;
      },
      resolve: () => {
        const lease = this.lease(sessionId);
        if (waiting) waiting.resolve(lease);
        else granted = lease;
      },
    });
    if (granted !== undefined) return granted;
    if (refused !== undefined) return Promise.reject(refused);
    return new Promise((resolve, reject) => {
      waiting = { resolve, reject };
    });
  }

  /** A session's hold on the writer, granted by the writer actor. */
  private lease(sessionId: number): WriterLease {
    let released = false;
    return {
      exec: (job, jobId = allocateJobId(), onChunk) => {
        if (released) return Promise.reject(new PgError({ code: SqlState.internalError, message: 'writer lease used after release' }));
        this.writesInFlight.add(jobId);
        // then(ok, fail) rather than finally(): one promise less per statement of a transaction block.
        return this.writerEngine.exec(job, jobId, onChunk).then(
          (outcome) => { this.writesInFlight.delete(jobId); return outcome; },
          (err: unknown) => { this.writesInFlight.delete(jobId); throw err; },
        );
      },
      describe: (sql, typeHints) => this.writerEngine.describe(sql, typeHints),
      release: () => {
        if (released) return;
        released = true;
        this.writer.send({ type: 'release', sessionId });
      },
    };
  }

  /** Stops a job wherever it is: still queued for the writer, running on the writer, or on a reader. */
  cancel(jobId: number): void {
    const error = new PgError({ code: SqlState.queryCanceled, message: 'canceling statement due to user request' });
    this.writer.send({ type: 'cancel', jobId, sessionId: undefined, error });
    if (this.writesInFlight.has(jobId)) this.writerEngine.cancel(jobId);
    this.readers.cancel(jobId);
    void this.cursorHost?.then((host) => host.cancel(jobId));
  }

  /** Withdraws an autocommit write that is still queued (lock_timeout); a running one is unaffected. */
  withdrawWrite(jobId: number, error: PgError): void {
    this.writer.send({ type: 'cancel', jobId, error });
  }

  /** Requests waiting for the writer now (for the queue notice). */
  queueDepth(): number {
    return this.writer.getSnapshot().context.queue.size;
  }

  /** Withdraws a session's waiting request for exclusive use (lock_timeout, disconnect). */
  abandonAcquire(sessionId: number, error: Error): void {
    this.writer.send({ type: 'cancel', sessionId, error });
  }

  async close(): Promise<void> {
    this.writer.stop();
    this.inline?.close();
    if (this.cursorHost) await (await this.cursorHost.catch(() => undefined))?.shutdown();
    await this.readers.close();
    // A clean close of the last connection checkpoints the WAL into the database file.
    await this.writerEngine.close();
  }
}

/** The result of a synchronous call on the main thread as a promise (a throw becomes a rejection). */
function settled<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (err) {
    return Promise.reject(err);
  }
}
