import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import type { StatementPlan, TransactionOptions } from '../../sql/classify.js';
import type { Session } from './session.js';
import { quoteIdentifier } from '../../sql/translate/identifiers.js';

type TransactionPlan = Extract<StatementPlan, { kind: 'transaction' }>;


const noTransaction = (what: string) =>
  new PgError({ code: SqlState.noActiveSqlTransaction, message: `${what} can only be used in transaction blocks` });

/**
 * BEGIN, COMMIT, ROLLBACK and savepoints with PostgreSQL's behaviour, including its warnings
 * (BEGIN inside a transaction, COMMIT outside one) and COMMIT of a failed transaction rolling back.
 * Returns the command tag.
 */
export async function runTransactionControl(session: Session, plan: TransactionPlan): Promise<string> {
  const status = session.status();
  switch (plan.action) {
    case 'begin':
      return runBegin(session, plan);
    case 'commit':
    case 'rollback': {
      if (!session.txn || session.txn.implicit) {
        session.output.writer.noticeResponse({ severity: 'WARNING', code: SqlState.noActiveSqlTransaction, message: 'there is no transaction in progress' });
      }
      // COMMIT of a failed transaction rolls back, and says so in its tag.
      const commit = plan.action === 'commit' && status !== 'E';
      if (session.txn) await session.endTransaction(commit);
      return commit ? 'COMMIT' : 'ROLLBACK';
    }
    case 'savepoint': {
      if (!session.txn || session.txn.implicit) throw noTransaction('SAVEPOINT');
      const lease = await session.cancellable(() => session.leaseForTransaction());
      await lease.exec(session.job(`SAVEPOINT ${quoteIdentifier(plan.savepoint!)}`, { params: [], resultFormats: [] }));
      return 'SAVEPOINT';
    }
    case 'release': {
      if (!session.txn || session.txn.implicit) throw noTransaction('RELEASE SAVEPOINT');
      await savepointCommand(session, `RELEASE ${quoteIdentifier(plan.savepoint!)}`, plan.savepoint!);
      return 'RELEASE';
    }
    case 'rollbackTo': {
      if (!session.txn || session.txn.implicit) throw noTransaction('ROLLBACK TO SAVEPOINT');
      await savepointCommand(session, `ROLLBACK TO ${quoteIdentifier(plan.savepoint!)}`, plan.savepoint!);
      if (status === 'E') session.actor.send({ type: 'tx.recover' });
      return 'ROLLBACK';
    }
  }
}

/** BEGIN (or START TRANSACTION): synchronous, so a simple-query BEGIN is answered without a promise. */
export function runBegin(session: Session, plan: TransactionPlan): string {
  if (session.txn && !session.txn.implicit) {
    session.output.writer.noticeResponse({ severity: 'WARNING', code: SqlState.activeSqlTransaction, message: 'there is already a transaction in progress' });
  } else if (session.txn?.implicit) {
    // BEGIN inside a multi-statement string: the implicit transaction becomes explicit.
    session.txn.implicit = false;
    applyTransactionOptions(session, plan.options);
    session.actor.send({ type: 'tx.begin' });
  } else {
    session.beginTransaction(false, plan.options);
  }
  return plan.tag;
}

/** BEGIN's or SET TRANSACTION's modes on the transaction running now. */
export function applyTransactionOptions(session: Session, options: TransactionOptions): void {
  if (!session.txn) return;
  if (options.isolationLevel !== undefined) session.txn.isolationLevel = options.isolationLevel;
  if (options.readOnly !== undefined) session.txn.readOnly = options.readOnly;
}

async function savepointCommand(session: Session, sql: string, name: string): Promise<void> {
  const lease = session.txn?.lease;
  if (!lease) throw new PgError({ code: SqlState.invalidSavepointSpecification, message: `savepoint "${name}" does not exist` });
  try {
    await lease.exec(session.job(sql, { params: [], resultFormats: [] }));
  } catch (err) {
    if (err instanceof PgError && err.message.startsWith('no such savepoint')) {
      throw new PgError({ code: SqlState.invalidSavepointSpecification, message: `savepoint "${name}" does not exist` });
    }
    throw err;
  }
}
