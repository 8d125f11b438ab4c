import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import type { AstNode } from '../../sql/parser.js';
import { transactionOptions, type StatementPlan, type TransactionOptions } from '../../sql/classify.js';
import { applyTransactionOptions } from './transaction-control.js';
import { allSettings, findSetting } from '../../session/setting-definitions.js';
import type { OutputColumn } from '../../storage/engine-messages.js';
import { runRoleCommand } from './role-commands.js';
import { runDatabaseCommand } from './database-commands.js';
import { poolColumns } from '../../catalog/live-tables.js';
import type { Session } from './session.js';
import { closeAllCursors } from './cursors.js';

const textColumn = (name: string): OutputColumn => ({ name, typeOid: 25, typeSize: -1, typeModifier: -1, tableOid: 0, columnId: 0 });

/** A SET argument as the text PostgreSQL would store: strings as is, numbers as written, lists joined. */
export function settingValueText(values: AstNode[]): string {
  return values.map((node) => {
    const constant = node.A_Const ?? node.TypeCast?.arg?.A_Const;
    if (!constant) throw new PgError({ code: SqlState.featureNotSupported, message: 'SET with a non-constant value is not supported' });
    if (constant.sval) return constant.sval.sval ?? '';
    if (constant.ival) return String(constant.ival.ival ?? 0);
    if (constant.fval) return String(constant.fval.fval);
    if (constant.boolval) return constant.boolval.boolval ? 'on' : 'off';
    return '';
  }).join(', ');
}

export interface CommandResult {
  tag: string;
  columns?: OutputColumn[];
  rows?: (string | null)[][];
}

/** Columns a session command returns (for Describe), or null when it returns none. */
export function sessionCommandColumns(plan: StatementPlan): OutputColumn[] | null {
  if (plan.kind !== 'show') return null;
  if (plan.name === 'pools') return poolColumns.map((name) => textColumn(name));
  if (plan.name === 'all') return [textColumn('name'), textColumn('setting'), textColumn('description')];
  return [textColumn(findSetting(plan.name)?.name ?? plan.name)];
}

/**
 * SET TRANSACTION sets the modes of the transaction running now (PostgreSQL warns outside one);
 * SET SESSION CHARACTERISTICS sets the defaults of the transactions to come.
 */
function setTransactionModes(session: Session, target: string, options: TransactionOptions): void {
  if (target === 'transaction') {
    if (!session.inTransactionBlock()) {
      session.output.writer.noticeResponse({ severity: 'WARNING', code: SqlState.noActiveSqlTransaction, message: 'SET TRANSACTION can only be used in transaction blocks' });
    }
    applyTransactionOptions(session, options);
    return;
  }
  const inTransaction = session.txn !== null;
  if (options.isolationLevel !== undefined) session.settings.set('default_transaction_isolation', options.isolationLevel, { local: false, inTransaction });
  if (options.readOnly !== undefined) {
    session.settings.set('default_transaction_read_only', options.readOnly ? 'on' : 'off', { local: false, inTransaction });
    session.reportSetting('default_transaction_read_only');
  }
}

/** transaction_isolation and transaction_read_only: the running transaction's modes, else the defaults for the next. */
function transactionSetting(session: Session, name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower === 'transaction_isolation' || lower === 'transaction isolation level') {
    return session.txn?.isolationLevel ?? session.settings.get('default_transaction_isolation');
  }
  if (lower === 'transaction_read_only') return session.readOnlyTransaction() ? 'on' : 'off';
  return undefined;
}

/** SET, RESET, SHOW, DISCARD, LISTEN, UNLISTEN, NOTIFY and role statements: handled without SQLite. */
export async function runSessionCommand(session: Session, plan: StatementPlan): Promise<CommandResult> {
  switch (plan.kind) {
    case 'set': {
      if (plan.name === 'transaction' || plan.name === 'session characteristics') {
        setTransactionModes(session, plan.name, transactionOptions(plan.values ?? []));
        return { tag: 'SET' };
      }
      const inTransaction = session.txn !== null;
      if (plan.isReset && plan.name === 'all') {
        for (const name of session.settings.resetAll()) session.reportSetting(name);
        return { tag: 'RESET' };
      }
      const value = plan.values === null ? null : settingValueText(plan.values);
      const def = session.settings.set(plan.name, value, { local: plan.local, inTransaction });
      if (plan.local && !session.inTransactionBlock()) {
        session.output.writer.noticeResponse({ severity: 'WARNING', code: SqlState.noActiveSqlTransaction, message: 'SET LOCAL can only be used in transaction blocks' });
      }
      if (def?.report) session.reportSetting(def.name.toLowerCase());
      return { tag: plan.tag };
    }
    case 'show': {
      if (plan.name === 'pools') {
        // PgBouncer-style SHOW POOLS: the same rows as the pgsqlite_stat_pools relation.
        const rows = session.services.databases.poolRows().map((row) => poolColumns.map((column) => String(row[column])));
        return { tag: 'SHOW', columns: sessionCommandColumns(plan)!, rows };
      }
      if (plan.name === 'all') {
        const rows = allSettings().map((def) => [def.name, session.settings.get(def.name), def.description]);
        return { tag: 'SHOW', columns: sessionCommandColumns(plan)!, rows };
      }
      const value = transactionSetting(session, plan.name) ?? session.settings.get(plan.name);
      const def = findSetting(plan.name)!;
      const shown = def.unit === 'ms' ? formatMilliseconds(Number(value)) : value;
      return { tag: 'SHOW', columns: sessionCommandColumns(plan)!, rows: [[shown]] };
    }
    case 'discard':
      if (plan.target === 'ALL' && session.inTransactionBlock()) {
        throw new PgError({ code: SqlState.activeSqlTransaction, message: 'DISCARD ALL cannot run inside a transaction block' });
      }
      // PLANS, SEQUENCES, TEMP: nothing is cached or kept per session for them here.
      if (plan.target === 'ALL') {
        session.prepared.clear();
        session.closeAllPortals();
        closeAllCursors(session.cursors);
        for (const name of session.settings.resetAll()) session.reportSetting(name);
        session.services.notifications.unlisten(session.databaseName, null, session);
      }
      return { tag: `DISCARD ${plan.target}` };
    case 'deallocate':
      if (plan.name === null) {
        session.prepared.clear();
        return { tag: 'DEALLOCATE ALL' };
      }
      if (!session.prepared.delete(plan.name)) {
        throw new PgError({ code: SqlState.invalidSqlStatementName, message: `prepared statement "${plan.name}" does not exist` });
      }
      return { tag: 'DEALLOCATE' };
    case 'listen':
      session.services.notifications.listen(session.databaseName, plan.channel, session);
      return { tag: 'LISTEN' };
    case 'unlisten':
      session.services.notifications.unlisten(session.databaseName, plan.channel, session);
      return { tag: 'UNLISTEN' };
    case 'notify':
      if (plan.payload.length >= 8000) throw new PgError({ code: SqlState.invalidParameterValue, message: 'payload string too long' });
      if (session.txn) session.txn.pendingNotifications.push({ channel: plan.channel, payload: plan.payload });
      else session.services.notifications.notify(session.databaseName, plan.channel, plan.payload, session.processId);
      return { tag: 'NOTIFY' };
    case 'role':
      return { tag: runRoleCommand(session, plan.node, plan.type) };
    case 'database':
      return { tag: await runDatabaseCommand(session, plan.node, plan.type, plan.tag) };
    default:
      throw new Error(`not a session command: ${plan.kind}`);
  }
}

/** SHOW prints time settings with a unit as PostgreSQL does ('0', '5s', '100ms', '2min'). */
function formatMilliseconds(ms: number): string {
  if (ms === 0) return '0';
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}min`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
