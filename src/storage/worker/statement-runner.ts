import type { SqliteValue } from '../../protocol/types/storage.js';
import type { DescribeOutcome, StatementJob, StatementOutcome } from '../engine-messages.js';
import { resolveOutputColumns } from './column-types.js';
import { RowEncoder } from './row-encoder.js';
import { CopyEncoder } from './copy-encoder.js';
import type { StatementCache } from './statement-cache.js';

/**
 * The translator numbers parameters ?1..?n (PostgreSQL's $1..$n); better-sqlite3 binds numbered
 * parameters by name, from an object keyed by the number.
 */
function bindings(params: SqliteValue[]): [Record<number, SqliteValue>] | [] {
  if (params.length === 0) return [];
  const named: Record<number, SqliteValue> = {};
  for (let i = 0; i < params.length; i++) named[i + 1] = params[i];
  return [named];
}

/** Runs one statement on this worker's connection and encodes its rows as DataRow messages. */
export function runStatement(cache: StatementCache, job: StatementJob): StatementOutcome {
  const stmt = cache.get(job.sql);
  if (job.paramRows) {
    let changes = 0;
    for (const params of job.paramRows) changes += stmt.run(...bindings(params)).changes;
    return { columns: null, rows: null, rowCount: 0, changes, lastInsertRowid: 0, suspended: false };
  }
  if (!stmt.reader) {
    const info = stmt.run(...bindings(job.params));
    return {
      columns: null, rows: null, rowCount: 0, changes: info.changes,
      lastInsertRowid: Number(info.lastInsertRowid), suspended: false,
    };
  }
  stmt.raw(true);
  const iterator = stmt.iterate(...bindings(job.params)) as IterableIterator<SqliteValue[]>;
  let first = iterator.next();
  const columns = resolveOutputColumns(stmt.columns(), {
    fixedTypes: job.fixedTypes, typeHints: job.typeHints, firstRow: first.done ? undefined : first.value,
  });
  const ctx = { timeZone: job.timeZone };
  const encoder = job.copyOut ? new CopyEncoder(columns, job.copyOut, ctx) : new RowEncoder(columns, job.resultFormats, ctx);
  const limit = job.maxRows && job.maxRows > 0 ? job.maxRows : Infinity;
  let suspended = false;
  try {
    while (!first.done) {
      if (encoder.rowCount >= limit) {
        suspended = true;
        break;
      }
      encoder.add(first.value);
      first = iterator.next();
    }
  } finally {
    // Ends the statement (and its read transaction) even when we stopped early or threw.
    iterator.return?.();
  }
  const rows = encoder.take();
  return {
    columns, rows, rowCount: encoder.rowCount, changes: 0,
    lastInsertRowid: 0, suspended,
  };
}

/** Output columns of a statement without running it (parameter types come from the translator). */
export function describeStatement(cache: StatementCache, sql: string, typeHints?: (number | null)[]): DescribeOutcome {
  const stmt = cache.get(sql);
  if (!stmt.reader) return { columns: null, readonly: stmt.readonly };
  return { columns: resolveOutputColumns(stmt.columns(), { typeHints }), readonly: stmt.readonly };
}
