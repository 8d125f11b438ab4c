import type Database from 'better-sqlite3';
import { registerLiveTables, type CursorRow, type PoolRow } from '../../catalog/live-tables.js';
import type { CatalogLocation, DescribeOutcome, SessionContext, StatementJob, StatementOutcome } from '../engine-messages.js';
import { openEngineConnection } from '../engine-connection.js';
import { sqliteErrorToPgError } from '../sqlite-error-map.js';
import { StatementCache } from '../worker/statement-cache.js';
import { describeStatement, runStatement } from '../worker/statement-runner.js';
import { schemaOperationOf } from '../../sql/schema-operations.js';
import { HeavyStatements } from './heavy-statements.js';
import type { Watchdog } from './watchdog.js';

/** Thrown by a JavaScript SQL function (pg_sleep) when the watchdog wants the statement gone. */
class OverBudget extends Error {}

/** Retries of unarmed work that caught a late watchdog interrupt (one is the usual case). */
const MAX_STRAY_INTERRUPTS = 5;

/**
 * A reader connection on the main thread for statements that finish quickly — most reads do,
 * and the hop to a worker thread costs more than the query. A watchdog interrupts any statement
 * that runs past the budget; it then reruns in a worker, and its next executions go to a worker
 * directly (heavy-statements.ts: a backoff, so one overrun on a busy machine does not exile a
 * point query for good). Nothing here can block the event loop for longer than the budget.
 */
export class InlineEngine {
  private readonly db: Database.Database;
  private readonly cache: StatementCache;
  private readonly interruptHandle: number;
  private readonly heavy = new HeavyStatements();
  private context: SessionContext | undefined;
  private transactionStart: string | undefined;
  /** When the running job started: now() outside a transaction block (one instant per statement, like clock_timestamp() can compare against). */
  private jobStartedMs = 0;
  private transactionId: bigint | undefined;
  /** The cursors of the session whose statement runs now (pg_cursors). */
  private liveCursors: CursorRow[] | undefined;
  private generation = -1;
  private interruptClearer: Database.Statement | undefined;
  private notifications: { channel: string; payload: string }[] = [];
  private settingChanges: { name: string; value: string; isLocal: boolean }[] = [];

  constructor(
    path: string, pragmas: Record<string, string | number>, catalog: CatalogLocation, private readonly watchdog: Watchdog,
    livePools?: () => PoolRow[],
    schemaGeneration?: Int32Array,
  ) {
    const connection = openEngineConnection(path, {
      pragmas, catalog, readonly: true,
      functions: {
        context: () => this.context!,
        transactionStart: () => this.transactionStart ?? new Date(this.jobStartedMs).toISOString(),
        checkCancelled: () => {
          if (this.watchdog.fired(this.generation)) throw new OverBudget('over the inline budget');
        },
        notify: (channel, payload) => this.notifications.push({ channel, payload }),
        setConfig: (name, value, isLocal) => this.settingChanges.push({ name, value, isLocal }),
        dataDir: () => catalog.dataDir,
        transactionId: () => this.transactionId,
      },
      beforeReadonly: (db) => {
        if (livePools) registerLiveTables(db, { pools: livePools, cursors: () => this.liveCursors ?? [] });
      },
    });
    this.db = connection.db;
    this.interruptHandle = connection.interruptHandle;
    this.cache = new StatementCache(this.db, 500, schemaGeneration);
  }

  /** Runs the job here, or returns undefined when it belongs in a worker (known heavy, or over budget). */
  tryExec(job: StatementJob): StatementOutcome | undefined {
    if (!job.context || this.heavy.skip(job.sql)) return undefined;
    this.enter(job);
    // Prepared before the watchdog is armed: an interrupt inside a prepare (while SQLite builds a
    // view's columns) can leave a half-built schema object behind that fails later statements;
    // preparing is bounded by the statement's text, only running it is bounded by the data.
    if (schemaOperationOf(job.sql) === undefined) this.unarmed(() => this.cache.get(job.sql));
    this.generation = this.watchdog.arm(this.interruptHandle);
    try {
      this.notifications = [];
      this.settingChanges = [];
      const outcome = runStatement(this.cache, job);
      if (this.notifications.length) outcome.notifications = this.notifications;
      if (this.settingChanges.length) outcome.settingChanges = this.settingChanges;
      this.heavy.fitted(job.sql);
      return outcome;
    } catch (err) {
      // Only the watchdog interrupts this connection (a cancel cannot arrive while the event loop
      // is here). Once it fired, whatever error SQLite reports may be the interrupt's doing (it
      // does not always say SQLITE_INTERRUPT): the worker's rerun gives the real answer.
      const fired = this.watchdog.fired(this.generation);
      if (err instanceof OverBudget || fired || (err as { code?: string }).code === 'SQLITE_INTERRUPT') {
        if (fired) this.heavy.overran(job.sql);
        return undefined;
      }
      throw sqliteErrorToPgError(err);
    } finally {
      this.watchdog.disarm();
      // An interrupt that landed after the statement ended stays pending in SQLite and would stop
      // the next prepare; stepping any statement with none active clears it.
      if (this.watchdog.fired(this.generation)) this.clearPendingInterrupt();
    }
  }

  private clearPendingInterrupt(): void {
    this.interruptClearer ??= this.db.prepare('SELECT 1');
    this.interruptClearer.get();
  }

  /** Runs a statement over live relations: always here (they exist nowhere else), never moved. */
  execHere(job: StatementJob): StatementOutcome {
    this.enter(job);
    return this.unarmed(() => runStatement(this.cache, job));
  }

  /** What the session functions (current_setting, now, txid_current) read while the job runs. */
  private enter(job: StatementJob): void {
    this.context = job.context;
    this.transactionStart = job.transactionStart;
    this.jobStartedMs = Date.now();
    this.transactionId = job.transactionId;
    this.liveCursors = job.liveCursors;
  }

  describe(sql: string, typeHints?: (number | null)[]): DescribeOutcome {
    return this.unarmed(() => describeStatement(this.cache, sql, typeHints));
  }

  /**
   * Work done without arming the watchdog. An interrupt here can only be a late one aimed at the
   * previous armed statement (the watchdog thread read the arming just before the disarm, and a
   * busy machine delayed its sqlite3_interrupt): it means nothing for this work, so try again.
   */
  private unarmed<T>(work: () => T): T {
    for (let attempt = 1; ; attempt++) {
      try {
        return work();
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_INTERRUPT' && attempt < MAX_STRAY_INTERRUPTS) continue;
        throw sqliteErrorToPgError(err);
      }
    }
  }

  close(): void {
    this.cache.clear();
    this.db.close();
  }
}
