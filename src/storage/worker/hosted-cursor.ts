import type Database from 'better-sqlite3';
import { BackendWriter } from '../../protocol/backend-writer.js';
import type { SqliteValue } from '../../protocol/types/storage.js';
import type { CursorSlice, OutputColumn, StatementJob } from '../engine-messages.js';
import { resolveOutputColumns, statementTypeHints, typesKnownWithoutRows } from './column-types.js';
import { RowEncoder } from './row-encoder.js';
import { dataRowPlan, type NativeRowPlan } from './native-row-plan.js';
import { NativeRowStream } from './native-row-stream.js';
import { bindings } from './statement-runner.js';

type Row = SqliteValue[];

/**
 * One open cursor over a SQLite statement, read by row number. Rows come from a live iterator,
 * so memory stays at one row plus the slice being encoded whatever the result size. The
 * connection holds a read transaction for the cursor's life, so every pass over the statement
 * sees the same snapshot: a read before the iterator's place (a backward FETCH) starts the
 * statement again and skips forward, which yields the same rows.
 */
export class HostedCursor {
  readonly columns: OutputColumn[];
  private iterator: IterableIterator<Row> | null;
  /** Rows the current iterator has handed out. */
  private consumed = 0;
  /** The first row, pulled at open to learn the column types and not consumed yet. */
  private peeked: Row | undefined;
  /** Row count, once a pass reached the end. */
  private total: number | undefined;
  private readonly encoder: RowEncoder;
  private readonly writer = new BackendWriter({ initialSize: 64 * 1024 });
  /**
   * When the column types are known without a row and each has a C encoder: the rows are read and
   * encoded in C (native-row-stream.ts) by a statement of its own on this connection, and the
   * iterator is never used.
   */
  private readonly nativePlan: NativeRowPlan | undefined;
  private native: NativeRowStream | null = null;
  /** Row 1, encoded when the C statement ran to it at open, not handed out yet. */
  private nativeFirst: Uint8Array | null | undefined;

  constructor(private readonly stmt: Database.Statement, private readonly job: StatementJob) {
    stmt.raw(true);
    const typeHints = statementTypeHints(stmt, job.typeHints);
    const ctx = { timeZone: job.timeZone };
    const definitions = stmt.columns();
    const typing = { fixedTypes: job.fixedTypes, typeHints };
    const known = NativeRowStream.available() && typesKnownWithoutRows(definitions, typing) ? resolveOutputColumns(definitions, typing) : undefined;
    this.nativePlan = known && dataRowPlan(known, job.resultFormats, ctx);
    if (known && this.nativePlan) {
      this.columns = known;
      this.encoder = new RowEncoder(this.columns, job.resultFormats, ctx, this.writer);
      this.iterator = null;
      this.rewind();
      // Run to the first row now, as DECLARE does: it fixes the snapshot.
      const first = this.native!.read(1, Infinity, true);
      this.consumed = first.rows;
      if (first.done) this.finishNative();
      else this.nativeFirst = first.bytes;
      return;
    }
    this.iterator = stmt.iterate(...bindings(job.params)) as IterableIterator<Row>;
    const first = this.iterator.next();
    if (first.done) this.finish();
    else this.peeked = first.value;
    this.columns = resolveOutputColumns(definitions, { ...typing, firstRow: this.peeked });
    this.encoder = new RowEncoder(this.columns, job.resultFormats, ctx, this.writer);
  }

  /**
   * Rows from..from+count-1 (1-based), stopping early at maxBytes of encoded rows or at the end.
   * Without `encode` the rows are only counted (MOVE, finding the end).
   */
  read(from: number, count: number, maxBytes: number, encode: boolean): CursorSlice {
    if (this.writer.length > 0) this.writer.take();
    if (this.total !== undefined && from > this.total) return { rows: null, count: 0, end: true, total: this.total };
    if (this.nativePlan) return this.readNative(from, count, maxBytes, encode);
    if (this.iterator === null || this.consumed >= from) this.rewind();
    try {
      while (this.consumed < from - 1) {
        if (!this.pull()) return { rows: null, count: 0, end: true, total: this.total };
      }
      let got = 0;
      let end = false;
      while (got < count && this.writer.length < maxBytes) {
        const row = this.pull();
        if (!row) {
          end = true;
          break;
        }
        if (encode) this.encoder.add(row);
        got++;
      }
      const rows = encode && this.writer.length > 0 ? new Uint8Array(this.writer.take()) : null;
      return { rows, count: got, end, total: this.total };
    } catch (err) {
      // An error or interrupt leaves the iterator unusable; the next read starts a new pass.
      this.iterator = null;
      throw err;
    }
  }

  close(): void {
    this.iterator?.return?.();
    this.iterator = null;
    this.native?.close();
    this.native = null;
  }

  private readNative(from: number, count: number, maxBytes: number, encode: boolean): CursorSlice {
    // The number of the next row the C statement (or the held first row) hands out.
    let next = this.consumed + (this.nativeFirst !== undefined ? 0 : 1);
    if (this.native === null || from < next) {
      this.rewind();
      next = 1;
    }
    const native = this.native!;
    try {
      let got = 0;
      let head: Uint8Array | null = null;
      if (this.nativeFirst !== undefined) {
        if (from === next && count > 0) {
          head = encode ? this.nativeFirst : null;
          got = 1;
        }
        this.nativeFirst = undefined;
        next++;
      }
      if (next < from) {
        const skipped = native.read(from - next, Infinity, false);
        this.consumed += skipped.rows;
        if (skipped.done) {
          this.finishNative();
          return { rows: null, count: 0, end: true, total: this.total };
        }
      }
      const headBytes = head?.length ?? 0;
      const read = got < count && headBytes < maxBytes ? native.read(count - got, maxBytes - headBytes, encode) : { bytes: null, rows: 0, done: false };
      this.consumed += read.rows;
      if (read.done) this.finishNative();
      let rows = encode ? head ?? read.bytes : null;
      if (encode && head && read.bytes) {
        // A buffer of its own (not Node's shared pool): the worker transfers it.
        rows = new Uint8Array(head.length + read.bytes.length);
        rows.set(head);
        rows.set(read.bytes, head.length);
      }
      return { rows, count: got + read.rows, end: read.done, total: this.total };
    } catch (err) {
      // An error or interrupt leaves the statement unusable; the next read starts a new pass.
      this.native?.close();
      this.native = null;
      throw err;
    }
  }

  private finishNative(): void {
    this.total = this.consumed;
    this.native?.close();
    this.native = null;
  }

  private pull(): Row | undefined {
    if (this.peeked) {
      const row = this.peeked;
      this.peeked = undefined;
      this.consumed++;
      return row;
    }
    if (this.iterator === null) return undefined;
    const next = this.iterator.next();
    if (next.done) {
      this.finish();
      return undefined;
    }
    this.consumed++;
    return next.value;
  }

  private finish(): void {
    this.total = this.consumed;
    this.iterator = null;
  }

  private rewind(): void {
    this.iterator?.return?.();
    this.peeked = undefined;
    this.consumed = 0;
    this.nativeFirst = undefined;
    if (this.nativePlan) {
      this.iterator = null;
      this.native?.close();
      this.native = NativeRowStream.open(this.stmt.database, this.stmt.source, this.job.params, this.nativePlan, { kind: 'dataRow' },
        (row) => {
          this.encoder.add(row);
          return this.writer.take();
        }) ?? null;
      if (this.native) return;
      throw new Error('the native row encoder is not available');
    }
    this.iterator = this.stmt.iterate(...bindings(this.job.params)) as IterableIterator<Row>;
  }
}
