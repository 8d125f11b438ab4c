import type Database from 'better-sqlite3';
import { BackendWriter } from '../../protocol/backend-writer.js';
import type { SqliteValue } from '../../protocol/types/storage.js';
import type { CursorSlice, OutputColumn, StatementJob } from '../engine-messages.js';
import { resolveOutputColumns, statementTypeHints } from './column-types.js';
import { RowEncoder } from './row-encoder.js';
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

  constructor(private readonly stmt: Database.Statement, private readonly job: StatementJob) {
    stmt.raw(true);
    const typeHints = statementTypeHints(stmt, job.typeHints);
    this.iterator = stmt.iterate(...bindings(job.params)) as IterableIterator<Row>;
    const first = this.iterator.next();
    if (first.done) this.finish();
    else this.peeked = first.value;
    this.columns = resolveOutputColumns(stmt.columns(), { fixedTypes: job.fixedTypes, typeHints, firstRow: this.peeked });
    this.encoder = new RowEncoder(this.columns, job.resultFormats, { timeZone: job.timeZone }, this.writer);
  }

  /**
   * Rows from..from+count-1 (1-based), stopping early at maxBytes of encoded rows or at the end.
   * Without `encode` the rows are only counted (MOVE, finding the end).
   */
  read(from: number, count: number, maxBytes: number, encode: boolean): CursorSlice {
    if (this.writer.length > 0) this.writer.take();
    if (this.total !== undefined && from > this.total) return { rows: null, count: 0, end: true, total: this.total };
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
    this.iterator = this.stmt.iterate(...bindings(this.job.params)) as IterableIterator<Row>;
  }
}
