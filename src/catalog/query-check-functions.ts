/** Run-time checks the translator writes into queries where SQLite would silently carry on. */
import type Database from 'better-sqlite3';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';

export function registerQueryCheckFunctions(db: Database.Database): void {
  // A scalar subquery that found a second row (sql/translate/sublinks.ts).
  db.function('pgsqlite_more_than_one_row', { deterministic: false }, () => {
    throw new PgError({ code: SqlState.cardinalityViolation, message: 'more than one row returned by a subquery used as an expression' });
  });
}
