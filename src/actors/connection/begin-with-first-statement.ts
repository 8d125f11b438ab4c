import type { WriterLease } from '../database/database-runtime.js';

/**
 * The lease of a transaction block whose SQLite BEGIN has not run yet: BEGIN goes to the writer
 * together with the first statement sent through the lease (StatementJob.beginTransaction), which
 * saves a main → worker → main round trip per transaction (measured at 40–200 µs on a busy
 * 2-core machine, about a seventh of pgbench's TPC-B hops). The worker runs that BEGIN before
 * anything else, even when the statement itself is cancelled or fails, so every later statement,
 * COMMIT or ROLLBACK finds the transaction open exactly as if BEGIN had been sent on its own.
 */
export function beginWithFirstStatement(lease: WriterLease): WriterLease {
  let beginPending = true;
  return {
    exec: (job, jobId, onChunk) => {
      if (!beginPending) return lease.exec(job, jobId, onChunk);
      beginPending = false;
      // Every caller builds its job for this one call (Session.job), so it is marked in place:
      // a copy by object spread cost ~5 µs per transaction in profiles of pgbench TPC-B.
      job.beginTransaction = true;
      return lease.exec(job, jobId, onChunk);
    },
    describe: (sql, typeHints) => lease.describe(sql, typeHints),
    release: () => lease.release(),
  };
}
