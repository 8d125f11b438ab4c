import type Database from 'better-sqlite3';
import { BackendWriter } from '../../protocol/backend-writer.js';
import type { OutputColumn, StatementJob, StatementOutcome } from '../engine-messages.js';
import { CopyEncoder } from './copy-encoder.js';
import { copyPlan, dataRowPlan } from './native-row-plan.js';
import { concat, NativeRowStream } from './native-row-stream.js';
import { RowEncoder } from './row-encoder.js';

/** Encodes the rows the C encoders decline (row_stream.c's fallback), one at a time. */
const fallbackWriter = new BackendWriter({ initialSize: 4 * 1024 });

/**
 * Runs a read through the C encoder (native-row-stream.ts) when every column has one: COPY TO in
 * text or CSV format, or a text-format result without a row or byte limit. `header` holds bytes already
 * encoded ahead of the rows (COPY's HEADER line). Returns undefined when the JavaScript path must
 * serve the statement; then nothing has run.
 */
export function runNativeRead(
  db: Database.Database, stmt: Database.Statement, job: StatementJob, columns: OutputColumn[],
  chunkBytes: number, sink: ((columns: OutputColumn[] | undefined, rows: Uint8Array) => void) | undefined,
  betweenChunks: (() => void) | undefined,
): StatementOutcome | undefined {
  const ctx = { timeZone: job.timeZone };
  const plan = job.copyOut ? copyPlan(columns, job.copyOut, ctx) : dataRowPlan(columns, job.resultFormats, ctx);
  if (!plan || !NativeRowStream.available()) return undefined;
  if (fallbackWriter.length > 0) fallbackWriter.take();
  // The JavaScript encoder, for declined rows; COPY's encoder writes the HEADER line when made.
  const encoder = job.copyOut ? new CopyEncoder(columns, job.copyOut, ctx, fallbackWriter) : new RowEncoder(columns, job.resultFormats, ctx, fallbackWriter);
  const header = fallbackWriter.length > 0 ? new Uint8Array(fallbackWriter.take()) : null;
  const stream = NativeRowStream.open(db, stmt.source, job.params, plan,
    job.copyOut ? NativeRowStream.copyMode(job.copyOut) : { kind: 'dataRow' },
    (row) => {
      encoder.add(row);
      return fallbackWriter.take();
    });
  if (!stream) return undefined;
  let rowCount = 0;
  const pieces: Uint8Array[] = header ? [header] : [];
  let columnsSent = false;
  try {
    for (;;) {
      const read = stream.read(Infinity, chunkBytes);
      rowCount += read.rows;
      if (read.bytes) pieces.push(read.bytes);
      if (read.done) break;
      if (sink) {
        sink(columnsSent ? undefined : columns, concat(pieces));
        columnsSent = true;
        pieces.length = 0;
      }
      // A cancel whose interrupt fell between two reads (SQLite forgets it there) stops here.
      betweenChunks?.();
    }
  } finally {
    stream.close();
  }
  return { columns, rows: pieces.length ? concat(pieces) : new Uint8Array(0), rowCount, changes: 0, lastInsertRowid: 0, suspended: false };
}
