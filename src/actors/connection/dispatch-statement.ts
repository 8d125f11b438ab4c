import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import type { PreparedQuery } from '../../sql/query-cache.js';
import { commandTag } from '../../session/command-tag.js';
import type { OutputColumn, StatementOutcome } from '../../storage/engine-messages.js';
import type { ClientConnection } from './client-connection.js';
import { runCopy } from './copy.js';
import { runSessionCommand, type CommandResult } from './session-commands.js';
import type { RunOptions } from './session.js';
import { runBegin, runTransactionControl } from './transaction-control.js';
import { runCursorCommand } from './cursors.js';

export type Execution =
  /** `resultFormats` overrides the protocol's (a BINARY cursor's FETCH is binary in simple query too). */
  | { kind: 'rows'; outcome: StatementOutcome; tag: string; resultFormats?: number[] }
  | { kind: 'command'; result: CommandResult }
  /** COPY exchanged its own messages, ending with CommandComplete. */
  | { kind: 'copy' };

const abortedTransaction = () =>
  new PgError({ code: SqlState.inFailedSqlTransaction, message: 'current transaction is aborted, commands ignored until end of transaction block' });

/**
 * Runs one prepared statement of any kind; the caller writes the results in its protocol's shape.
 * A read answered on the main thread and a BEGIN come back without a promise (see
 * Session.runSingleStatement); may throw synchronously then.
 */
export function dispatchStatement(conn: ClientConnection, query: PreparedQuery, options: RunOptions): Execution | Promise<Execution> {
  const plan = query.plan;
  if ((plan.kind === 'engine' || plan.kind === 'transaction') && !query.error && conn.session.status() !== 'E') {
    if (plan.kind === 'transaction') {
      if (plan.action === 'begin') return { kind: 'command', result: { tag: runBegin(conn.session, plan) } };
    } else {
      const outcome = conn.session.runSingleStatement(query, options);
      if (outcome instanceof Promise) return outcome.then((slow): Execution => ({ kind: 'rows', outcome: slow, tag: commandTag(plan.tag, slow) }));
      if (outcome !== undefined) return { kind: 'rows', outcome, tag: commandTag(plan.tag, outcome) };
    }
  }
  return dispatchAnyStatement(conn, query, options);
}

async function dispatchAnyStatement(conn: ClientConnection, query: PreparedQuery, options: RunOptions): Promise<Execution> {
  const session = conn.session;
  if (query.error) throw query.error;
  const plan = query.plan;
  if (session.status() === 'E') {
    const allowed = plan.kind === 'transaction' && (plan.action === 'rollback' || plan.action === 'commit' || plan.action === 'rollbackTo');
    if (!allowed) throw abortedTransaction();
  }
  switch (plan.kind) {
    case 'engine': {
      const outcome = await session.runEngine(query, options);
      return { kind: 'rows', outcome, tag: commandTag(plan.tag, outcome) };
    }
    case 'transaction':
      return { kind: 'command', result: { tag: await runTransactionControl(session, plan) } };
    case 'copy':
      await runCopy(conn, plan.node);
      return { kind: 'copy' };
    case 'cursor': {
      const result = await runCursorCommand(session, plan.node, plan.type, query.raw.text, options.params, options.onRows);
      if (!result.rows) return { kind: 'command', result: { tag: result.tag } };
      const outcome: StatementOutcome = {
        columns: result.columns ?? [], rows: result.rows, rowCount: Number(result.tag.split(' ')[1]), changes: 0, lastInsertRowid: 0, suspended: false,
      };
      return { kind: 'rows', outcome, tag: result.tag, resultFormats: result.binary ? [1] : [0] };
    }
    default:
      return { kind: 'command', result: await runSessionCommand(session, plan) };
  }
}

/** Writes a session command's rows (always text columns) as DataRows. */
export function writeCommandRows(conn: ClientConnection, result: CommandResult): void {
  for (const row of result.rows ?? []) conn.output.writer.dataRow(row);
}

export function fieldsOf(columns: OutputColumn[], resultFormats: number[]) {
  return columns.map((column, i) => ({
    name: column.name, tableOid: column.tableOid, columnId: column.columnId, typeOid: column.typeOid,
    typeSize: column.typeSize, typeModifier: column.typeModifier,
    format: (resultFormats.length === 0 ? 0 : resultFormats.length === 1 ? resultFormats[0] : resultFormats[i] ?? 0) === 1 ? 1 as const : 0 as const,
  }));
}
