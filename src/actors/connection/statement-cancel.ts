import { PgError, toPgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { allocateJobId } from '../../storage/engine-worker-client.js';
import type { DatabaseRuntime } from '../database/database-runtime.js';
import type { SessionSettings } from '../../session/session-settings.js';

type CancelReason = 'user' | 'timeout';

/** What cancelling needs of the session; read at the moment of use (startup sets db and settings late). */
export interface CancelTarget {
  readonly processId: number;
  readonly db: DatabaseRuntime;
  readonly settings: SessionSettings;
}

/**
 * A session's running statement as CancelRequest and statement_timeout see it: one job id at a
 * time, the handle both use to find and stop the work wherever it is (queued for the writer,
 * waiting for it, running on a worker or inline).
 */
export class StatementCancel {
  private current: { jobId: number; cancelReason?: CancelReason } | null = null;

  constructor(private readonly target: CancelTarget) {}

  /** Runs work that may be cancelled or time out; a cancel by timeout reports statement_timeout. */
  async run<T>(work: (jobId: number) => Promise<T>): Promise<T> {
    const jobId = allocateJobId();
    const job: { jobId: number; cancelReason?: CancelReason } = { jobId };
    this.current = job;
    const timeoutMs = this.target.settings.milliseconds('statement_timeout');
    const timer = timeoutMs > 0 ? setTimeout(() => this.cancel(job, 'timeout'), timeoutMs) : undefined;
    try {
      return await work(jobId);
    } catch (err) {
      const pg = toPgError(err);
      // A cancelled wait for the writer surfaces as 55P03 or 57014; either way it was the timeout.
      if ((pg.code === SqlState.queryCanceled || pg.code === SqlState.lockNotAvailable) && job.cancelReason === 'timeout') {
        throw new PgError({ code: SqlState.queryCanceled, message: 'canceling statement due to statement timeout' });
      }
      throw pg;
    } finally {
      if (timer) clearTimeout(timer);
      if (this.current === job) this.current = null;
    }
  }

  /** CancelRequest from another connection. */
  cancelCurrent(): void {
    if (this.current) this.cancel(this.current, 'user');
  }

  private cancel(job: { jobId: number; cancelReason?: CancelReason }, reason: CancelReason): void {
    job.cancelReason ??= reason;
    const { db, processId } = this.target;
    db.cancel(job.jobId);
    db.abandonAcquire(processId, new PgError({
      code: SqlState.queryCanceled,
      message: reason === 'timeout' ? 'canceling statement due to statement timeout' : 'canceling statement due to user request',
    }));
  }
}
