/**
 * The keyword-spelled functions (CURRENT_DATE, CURRENT_USER, …). Session values come from
 * functions the engine registers per connection (see catalog/session-functions.ts).
 */
import type { SQLValueFunction } from 'libpg-query';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

/**
 * The date/time keywords are the transaction's start, like now() (catalog/session-functions.ts),
 * cast to their types in the session's time zone. The precision argument (CURRENT_TIMESTAMP(0))
 * is dropped: values keep now()'s precision. CURRENT_TIME (time with time zone) is still
 * SQLite's UTC clock text.
 */
const sqliteSpellings: Record<string, string> = {
  SVFOP_CURRENT_DATE: 'pgsqlite_cast_datetime(now(), 1082)',
  SVFOP_CURRENT_TIME: 'CURRENT_TIME',
  SVFOP_CURRENT_TIME_N: 'CURRENT_TIME',
  SVFOP_CURRENT_TIMESTAMP: 'now()',
  SVFOP_CURRENT_TIMESTAMP_N: 'now()',
  SVFOP_LOCALTIME: 'pgsqlite_cast_datetime(now(), 1083)',
  SVFOP_LOCALTIME_N: 'pgsqlite_cast_datetime(now(), 1083)',
  SVFOP_LOCALTIMESTAMP: 'pgsqlite_cast_datetime(now(), 1114)',
  SVFOP_LOCALTIMESTAMP_N: 'pgsqlite_cast_datetime(now(), 1114)',
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
