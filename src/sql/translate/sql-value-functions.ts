/**
 * The keyword-spelled functions (CURRENT_DATE, CURRENT_USER, …). Session values come from
 * functions the engine registers per connection (see catalog/session-functions.ts).
 */
import type { SQLValueFunction } from 'libpg-query';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

/**
 * TODO(dialect): SQLite's CURRENT_* are UTC text at second precision, taken per statement;
 * PostgreSQL's are typed, microsecond, and fixed at transaction start (pgsqlite_transaction_start()
 * gives that instant). The precision argument of CURRENT_TIMESTAMP(n) is dropped until then.
 */
const sqliteSpellings: Record<string, string> = {
  SVFOP_CURRENT_DATE: 'CURRENT_DATE',
  SVFOP_CURRENT_TIME: 'CURRENT_TIME',
  SVFOP_CURRENT_TIME_N: 'CURRENT_TIME',
  SVFOP_CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP',
  SVFOP_CURRENT_TIMESTAMP_N: 'CURRENT_TIMESTAMP',
  SVFOP_LOCALTIME: 'CURRENT_TIME',
  SVFOP_LOCALTIME_N: 'CURRENT_TIME',
  SVFOP_LOCALTIMESTAMP: 'CURRENT_TIMESTAMP',
  SVFOP_LOCALTIMESTAMP_N: 'CURRENT_TIMESTAMP',
  // pgsqlite has no role switching: every user spelling is the session's user.
  SVFOP_CURRENT_ROLE: 'pgsqlite_current_user()',
  SVFOP_CURRENT_USER: 'pgsqlite_current_user()',
  SVFOP_USER: 'pgsqlite_current_user()',
  SVFOP_SESSION_USER: 'pgsqlite_current_user()',
  SVFOP_CURRENT_CATALOG: 'current_database()',
  SVFOP_CURRENT_SCHEMA: 'current_schema()',
};

export function sqlValueFunction(st: TranslationState, node: SQLValueFunction): string {
  const spelling = sqliteSpellings[node.op ?? ''];
  if (spelling === undefined) return unsupported(st, String(node.op), node.location);
  return spelling;
}
