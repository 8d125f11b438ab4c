import type { SqliteValue } from '../../protocol/types/storage.js';
import type { DescribeOutcome, StatementJob, StatementOutcome } from '../engine-messages.js';
import { ParamRowsReader, type WireParamRows } from '../param-rows-wire.js';
import type Database from 'better-sqlite3';
import { BackendWriter } from '../../protocol/backend-writer.js';
import type { OutputColumn } from '../engine-messages.js';
import { resolveOutputColumns, statementTypeHints, typesKnownWithoutRows } from './column-types.js';
import { RowEncoder } from './row-encoder.js';
import { CopyEncoder } from './copy-encoder.js';
import { runNativeRead } from './native-run.js';
import type { StatementCache } from './statement-cache.js';
import { schemaOperationOf } from '../../sql/schema-operations.js';
import { runSchemaOperation } from './schema-operations.js';

/**
 * The translator numbers parameters ?1..?n (PostgreSQL's $1..$n); better-sqlite3 binds numbered
 * parameters by name, from an object keyed by the number.
 */
export function bindings(params: SqliteValue[]): [Record<number, SqliteValue>] | [] {
  if (params.length === 0) return [];
  const named: Record<number, SqliteValue> = {};
  for (let i = 0; i < params.length; i++) named[i + 1] = params[i];
  return [named];
}

/** One writer per worker: results are encoded into it and handed out (see resultBytes). */
const writer = new BackendWriter({ initialSize: 64 * 1024 });
const SMALL_RESULT = 64 * 1024;

/**
 * The encoded rows as a standalone buffer the worker can transfer: a small result is copied
 * out (the writer's storage stays for the next statement); a large one is handed over whole.
 */
function resultBytes(): Uint8Array {
  const bytes = writer.take();
  return bytes.length <= SMALL_RESULT ? new Uint8Array(bytes) : bytes;
}

/** Column types per statement, when they do not depend on the rows (the common case). */
const columnCache = new WeakMap<Database.Statement, { key: string; columns: OutputColumn[] }>();

function columnsFor(stmt: Database.Statement, job: StatementJob, firstRow: SqliteValue[] | undefined): OutputColumn[] {
  const key = `${job.fixedTypes?.join(',') ?? ''}|${job.typeHints?.join(',') ?? ''}`;
  const cached = columnCache.get(stmt);
  if (cached && cached.key === key) return cached.columns;
  const definitions = stmt.columns();
  const columns = resolveOutputColumns(definitions, { fixedTypes: job.fixedTypes, typeHints: job.typeHints, firstRow });
  if (typesKnownWithoutRows(definitions, job)) columnCache.set(stmt, { key, columns });
  return columns;
}

/** Receives the rows of a streamed result as they are encoded. */
export type ChunkSink = (columns: OutputColumn[] | undefined, rows: Uint8Array) => void;

/** Size at which a streamed result hands over a chunk. */
const CHUNK_BYTES = 256 * 1024;

/** Runs one statement on this worker's connection and encodes its rows as DataRow messages. */
export function runStatement(cache: StatementCache, job: StatementJob, sink?: ChunkSink, afterPrepare?: () => void): StatementOutcome {
  // Rows of a statement that failed or was interrupted part-way must not leak into this one.
  if (writer.length > 0) writer.take();
  const operation = schemaOperationOf(job.sql);
  if (operation !== undefined) {
    const changes = runSchemaOperation(cache.database, operation);
    return { columns: null, rows: null, rowCount: 0, changes, lastInsertRowid: 0, suspended: false };
  }
  const stmt = cache.get(job.sql);
  // A cancel whose interrupt landed while the statement was prepared (between SQLite statements,
  // where SQLite forgets it) is honoured here, before the statement starts.
  afterPrepare?.();
  if (job.paramRows) {
    const changes = runParamRows(cache, stmt, job.paramRows, job.multiRow);
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
  const typeHints = statementTypeHints(stmt, job.typeHints);
  const native = nativeRead(cache, stmt, typeHints === job.typeHints ? job : { ...job, typeHints }, sink, afterPrepare);
  if (native) return native;
  const iterator = stmt.iterate(...bindings(job.params)) as IterableIterator<SqliteValue[]>;
  let first = iterator.next();
  const columns = columnsFor(stmt, typeHints === job.typeHints ? job : { ...job, typeHints }, first.done ? undefined : first.value);
  const ctx = { timeZone: job.timeZone };
  const encoder = job.copyOut ? new CopyEncoder(columns, job.copyOut, ctx, writer) : new RowEncoder(columns, job.resultFormats, ctx, writer);
  const limit = job.maxRows && job.maxRows > 0 ? job.maxRows : Infinity;
  const byteLimit = job.maxBytes && job.maxBytes > 0 ? job.maxBytes : Infinity;
  let suspended = false;
  const streaming = sink && job.stream && limit === Infinity;
  let columnsSent = false;
  try {
    while (!first.done) {
      if (encoder.rowCount >= limit || writer.length >= byteLimit) {
        suspended = true;
        break;
      }
      encoder.add(first.value);
      if (streaming && writer.length >= CHUNK_BYTES) {
        sink(columnsSent ? undefined : columns, writer.take());
        columnsSent = true;
      }
      first = iterator.next();
    }
  } finally {
    // Ends the statement (and its read transaction) even when we stopped early or threw.
    iterator.return?.();
  }
  if (encoder instanceof CopyEncoder) encoder.finish();
  const rows = resultBytes();
  return {
    columns, rows, rowCount: encoder.rowCount, changes: 0,
    lastInsertRowid: 0, suspended,
  };
}

/**
 * A large read (streamed rows, COPY TO) through the C encoder when its column types are known
 * before the first row and each has a C encoder (native-run.ts); undefined otherwise. Small
 * results stay on the JavaScript path: preparing the statement a second time would cost them more
 * than the encoder saves.
 */
function nativeRead(cache: StatementCache, stmt: Database.Statement, job: StatementJob, sink: ChunkSink | undefined, afterPrepare: (() => void) | undefined): StatementOutcome | undefined {
  const unlimited = !(job.maxRows && job.maxRows > 0) && !(job.maxBytes && job.maxBytes > 0);
  const streaming = sink !== undefined && job.stream === true;
  if (!unlimited || !(streaming || job.copyOut)) return undefined;
  if (!typesKnownWithoutRows(stmt.columns(), job)) return undefined;
  return runNativeRead(cache.database, stmt, job, columnsFor(stmt, job, undefined), CHUNK_BYTES, streaming ? sink : undefined, afterPrepare);
}

/**
 * Runs a statement once per parameter list. Groups of lists go through the multi-row form when
 * there is one: one call into SQLite per group instead of per row (measured: 3.6× faster for
 * COPY FROM's inserts). A group's values are bound as one array (better-sqlite3 takes an array
 * for anonymous parameters), read straight out of the wire form into it.
 */
function runParamRows(cache: StatementCache, stmt: Database.Statement, rows: WireParamRows, multiRow: StatementJob['multiRow']): number {
  const reader = new ParamRowsReader(rows);
  let changes = 0;
  let next = 0;
  if (multiRow && rows.rowCount >= multiRow.rows) {
    const multi = cache.get(multiRow.sql);
    const group: SqliteValue[] = new Array(multiRow.rows * rows.width);
    for (; next + multiRow.rows <= rows.rowCount; next += multiRow.rows) {
      reader.read(multiRow.rows, group);
      changes += multi.run(group).changes;
    }
  }
  const row: SqliteValue[] = new Array(rows.width);
  for (; next < rows.rowCount; next++) {
    reader.read(1, row);
    changes += stmt.run(...bindings(row)).changes;
  }
  return changes;
}

/** Output columns of a statement without running it (parameter types come from the translator). */
export function describeStatement(cache: StatementCache, sql: string, typeHints?: (number | null)[]): DescribeOutcome {
  const stmt = cache.get(sql);
  if (!stmt.reader) return { columns: null, readonly: stmt.readonly };
  return { columns: resolveOutputColumns(stmt.columns(), { typeHints: statementTypeHints(stmt, typeHints) }), readonly: stmt.readonly };
}
