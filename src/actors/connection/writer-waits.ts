/**
 * A session's waits for the database's writer: an autocommit write queued for group commit, or a
 * transaction block taking the writer. Both are bounded by lock_timeout (55P03, as PostgreSQL
 * reports a lock wait), and a client waiting longer than the server's queueNoticeMs hears a NOTICE,
 * as PgBouncer's query_wait_notify does.
 */
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import type { StatementJob, StatementOutcome } from '../../storage/engine-messages.js';
import type { DatabaseRuntime, WriterLease } from '../database/database-runtime.js';
import { writePriorities } from '../writer/writer.machine.js';
import type { SessionSettings } from '../../session/session-settings.js';
import type { ServerServices } from '../server/services.js';
import type { Output } from './output.js';

/** What the waits need of a session. */
export interface WaitingSession {
  readonly db: DatabaseRuntime;
  readonly settings: SessionSettings;
  readonly services: ServerServices;
  readonly output: Output;
  readonly databaseName: string;
  readonly processId: number;
  readonly isClosed: boolean;
  sendNotice(message: string): void;
}

const lockTimeoutError = () => new PgError({ code: SqlState.lockNotAvailable, message: 'canceling statement due to lock timeout' });

/** The session's place in the write queue (`SET pgsqlite.write_priority = low | normal | high`). */
export function writePriority(session: WaitingSession): number {
  return writePriorities[session.settings.get('pgsqlite.write_priority') as keyof typeof writePriorities];
}

/** An autocommit write through the queue; lock_timeout withdraws it from the queue. */
export async function queuedWrite(session: WaitingSession, job: StatementJob, jobId: number): Promise<StatementOutcome> {
  const lockTimeout = session.settings.milliseconds('lock_timeout');
  const lockTimer = lockTimeout > 0 ? setTimeout(() => session.db.withdrawWrite(jobId, lockTimeoutError()), lockTimeout) : undefined;
  const stopNotice = noticeWhileQueued(session);
  try {
    return await session.db.write(job, jobId, writePriority(session));
  } finally {
    clearTimeout(lockTimer);
    stopNotice();
  }
}

/**
 * Exclusive use of the writer (a transaction block, COPY, a multi-statement write): at once when
 * it was free, else after a wait bounded by lock_timeout, with the queue NOTICE. A lone client's transaction
 * always finds it free, and then needs no lock_timeout timer, no queue-notice timer and no
 * promises (TPC-B takes the writer once per transaction).
 */
export function takeWriter(session: WaitingSession): WriterLease | Promise<WriterLease> {
  const granted = session.db.acquireWriter(session.processId, writePriority(session));
  if (granted instanceof Promise) return waitForWriter(session, granted).then((lease) => unlessClosed(session, lease));
  return unlessClosed(session, granted);
}

function unlessClosed(session: WaitingSession, lease: WriterLease): WriterLease {
  if (session.isClosed) {
    // Granted just as the client left: give it straight back.
    lease.release();
    throw new PgError({ code: SqlState.connectionFailure, message: 'the client disconnected' });
  }
  return lease;
}

async function waitForWriter(session: WaitingSession, acquiring: Promise<WriterLease>): Promise<WriterLease> {
  const lockTimeout = session.settings.milliseconds('lock_timeout');
  const stopNotice = noticeWhileQueued(session);
  void acquiring.finally(stopNotice).catch(() => undefined);
  if (lockTimeout <= 0) return acquiring;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = lockTimeoutError();
      session.db.abandonAcquire(session.processId, err);
      reject(err);
    }, lockTimeout);
  });
  try {
    return await Promise.race([acquiring, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** After queueNoticeMs in the writer's queue the client hears a NOTICE; returns the cancel. */
function noticeWhileQueued(session: WaitingSession): () => void {
  if (session.services.queueNoticeMs <= 0) return () => undefined;
  const timer = setTimeout(() => {
    session.sendNotice(`waiting for the writer of database "${session.databaseName}": ${session.db.queueDepth()} requests queued`);
    void session.output.flush();
  }, session.services.queueNoticeMs);
  return () => clearTimeout(timer);
}
