import { dataRowOffsets } from '../protocol/data-row-offsets.js';
import type { CursorHost } from './cursor-host.js';
import { allocateJobId } from './engine-worker-client.js';
import { SqlState } from '../protocol/sqlstate.js';
import type { CursorSlice, OutputColumn } from './engine-messages.js';

/**
 * The rows of a cursor or portal, read by row number (1-based). A read may return fewer rows
 * than asked without being at the end (a slice); `end` says the result ran out.
 */
export interface RowSource {
  readonly columns: OutputColumn[];
  /** The row count, once known. */
  readonly total: number | undefined;
  /** Without `encode` the rows are only counted (MOVE, finding the end). */
  read(from: number, count: number, encode: boolean, jobId?: number): Promise<CursorSlice>;
  close(): void;
}

/** Rows already computed and encoded, held in memory (small results; cursors that must see a transaction's own writes). */
export class MaterializedRows implements RowSource {
  private readonly offsets: number[];
  readonly total: number;

  constructor(readonly columns: OutputColumn[], private readonly rows: Uint8Array) {
    this.offsets = dataRowOffsets(rows);
    this.total = this.offsets.length - 1;
  }

  read(from: number, count: number, encode: boolean): Promise<CursorSlice> {
    const start = Math.min(Math.max(from, 1), this.total + 1) - 1;
    const got = Math.max(0, Math.min(count, this.total - start));
    const rows = encode && got > 0 ? this.rows.subarray(this.offsets[start], this.offsets[start + got]) : null;
    return Promise.resolve({ rows, count: got, end: got < count, total: this.total });
  }

  close(): void {}
}

/** Bytes of rows one request to the cursor worker returns at most. */
const SLICE_BYTES = 256 * 1024;
/** Rows read ahead after a forward read, so the next one is answered without a worker hop. */
const READ_AHEAD_ROWS = 1000;

/**
 * A cursor open in a cursor worker (HostedCursor there): rows stream from SQLite in slices.
 * After each forward read the next slice is requested at once, so a client fetching in steps
 * (pg-cursor's Execute with a row limit) finds it ready; memory stays at about two slices.
 */
export class HostedRows implements RowSource {
  total: number | undefined;
  /** Rows read ahead: slice.count rows from row `from`, starting at offsets[first] in slice.rows. */
  private ahead: { from: number; slice: CursorSlice; offsets: number[]; first: number } | null = null;
  private prefetch: { jobId: number; settled: Promise<void>; error?: unknown } | null = null;
  private closed = false;

  constructor(private readonly host: CursorHost, private readonly cursorId: number, readonly columns: OutputColumn[]) {}

  async read(from: number, count: number, encode: boolean, jobId?: number): Promise<CursorSlice> {
    if (this.prefetch) await this.awaitPrefetch(this.prefetch, jobId);
    if (!encode) {
      this.ahead = null;
      return this.note(await this.host.read(this.cursorId, from, count, Number.MAX_SAFE_INTEGER, false, jobId));
    }
    const slice = this.takeAhead(from, count) ?? this.note(await this.host.read(this.cursorId, from, count, SLICE_BYTES, true, jobId));
    // The next slice is asked for once the read-ahead is used up, from where the worker's
    // iterator stands (asking for rows behind it would make the worker start the query again).
    if (!slice.end && slice.count > 0 && this.ahead === null) this.readAhead(from + slice.count, Math.max(count - slice.count, READ_AHEAD_ROWS));
    return slice;
  }

  /**
   * Waits for the read-ahead (the worker answers in order anyway). Meanwhile a cancel of this
   * read (CancelRequest, statement_timeout) stops the read-ahead, and the read fails with it.
   */
  private async awaitPrefetch(prefetch: NonNullable<HostedRows['prefetch']>, jobId: number | undefined): Promise<void> {
    if (jobId === undefined) return prefetch.settled;
    this.host.standIn(jobId, prefetch.jobId);
    try {
      await prefetch.settled;
    } finally {
      this.host.release(jobId);
    }
    if ((prefetch.error as { code?: string } | undefined)?.code === SqlState.queryCanceled) throw prefetch.error;
  }

  /** Up to `count` rows from the read-ahead slice when it starts at `from`. */
  private takeAhead(from: number, count: number): CursorSlice | undefined {
    const ahead = this.ahead;
    this.ahead = null;
    if (!ahead || ahead.from !== from) return undefined;
    const available = ahead.slice.count;
    // All of it; `end` only when more was asked for than the result has (as every read reports it).
    if (count >= available) {
      const rows = ahead.slice.rows!.subarray(ahead.offsets[ahead.first]);
      return { ...ahead.slice, rows, end: ahead.slice.end && count > available };
    }
    // Part of it: the rest stays ahead for the next read.
    const rows = ahead.slice.rows!;
    const start = ahead.offsets[ahead.first];
    const cut = ahead.offsets[ahead.first + count];
    this.ahead = { ...ahead, from: from + count, first: ahead.first + count, slice: { ...ahead.slice, count: available - count } };
    return { rows: rows.subarray(start, cut), count, end: false, total: ahead.slice.total };
  }

  private readAhead(from: number, count: number): void {
    if (this.closed) return;
    const jobId = allocateJobId();
    const prefetch: NonNullable<HostedRows['prefetch']> = {
      jobId,
      settled: this.host.read(this.cursorId, from, count, SLICE_BYTES, true, jobId).then(
        (slice) => {
          this.note(slice);
          if (slice.rows) this.ahead = { from, slice, offsets: dataRowOffsets(slice.rows), first: 0 };
        },
        // Any other failure is met again, and reported, by the read that needs these rows.
        (err: unknown) => {
          prefetch.error = err;
        },
      ).finally(() => {
        if (this.prefetch === prefetch) this.prefetch = null;
      }),
    };
    this.prefetch = prefetch;
  }

  private note(slice: CursorSlice): CursorSlice {
    if (slice.total !== undefined) this.total = slice.total;
    return slice;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ahead = null;
    // A read-ahead nobody will use may be scanning a long way: stop it.
    if (this.prefetch) this.host.cancel(this.prefetch.jobId);
    this.host.close(this.cursorId);
  }
}
