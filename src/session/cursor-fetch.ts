import { dataRowOffsets } from '../protocol/data-row-offsets.js';
import type { RowSource } from '../storage/row-source.js';

/**
 * FETCH and MOVE as PostgreSQL moves a portal: the position is 0 before the first row, k on
 * row k (1-based), n+1 after the last. The rows come from a RowSource, which may not know its
 * row count until a read reaches the end, so only FETCH LAST / ABSOLUTE -n count the rows first.
 */
export type FetchDirection = 'FETCH_FORWARD' | 'FETCH_BACKWARD' | 'FETCH_ABSOLUTE' | 'FETCH_RELATIVE';

/** libpg-query writes FETCH ALL as INT_MAX (PostgreSQL's FETCH_ALL is LONG_MAX). */
export const FETCH_ALL = 2147483647;

/** Receives encoded rows in the order they go to the client; may return a promise (backpressure). */
export type RowSink = (rows: Uint8Array) => Promise<void> | void;

export interface MoveResult {
  /** Rows fetched (or passed over, for MOVE). */
  count: number;
  position: number;
}

/** Rows read per step of a backward fetch (each step is read forward, then reversed). */
const BACKWARD_STEP = 10_000;

/** Moves the cursor; with a sink the rows are fetched, without one only counted (MOVE). */
export async function moveCursor(
  source: RowSource, position: number, direction: FetchDirection, howMany: number, sink: RowSink | null, jobId?: number,
): Promise<MoveResult> {
  const count = howMany === FETCH_ALL ? Infinity : howMany;
  switch (direction) {
    case 'FETCH_FORWARD':
    case 'FETCH_BACKWARD': {
      // A negative count reverses the direction; a zero count re-reads the current row.
      const signed = direction === 'FETCH_FORWARD' ? count : -count;
      if (signed === 0) return relative(source, position, 0, sink, jobId);
      return signed > 0 ? forward(source, position, signed, sink, jobId) : backward(source, position, -signed, sink, jobId);
    }
    case 'FETCH_ABSOLUTE':
      return absolute(source, position, count, sink, jobId);
    case 'FETCH_RELATIVE':
      return relative(source, position, count, sink, jobId);
  }
}

/** Whether a fetch needs to move backwards (refused on NO SCROLL cursors). */
export function movesBackward(direction: FetchDirection, howMany: number, position: number): boolean {
  switch (direction) {
    case 'FETCH_FORWARD': return howMany < 0;
    case 'FETCH_BACKWARD': return howMany > 0;
    case 'FETCH_ABSOLUTE': return howMany <= position || howMany < 0;
    case 'FETCH_RELATIVE': return howMany < 0;
  }
}

/** Reads rows from..from+count-1 in order, slice by slice; `end` when the result ran out first. */
export async function readRange(source: RowSource, from: number, count: number, sink: RowSink | null, jobId?: number): Promise<{ count: number; end: boolean }> {
  let got = 0;
  while (got < count) {
    const slice = await source.read(from + got, count - got, sink !== null, jobId);
    got += slice.count;
    if (sink && slice.rows && slice.count > 0) await sink(slice.rows);
    if (slice.end || slice.count === 0) return { count: got, end: true };
  }
  return { count: got, end: false };
}

async function forward(source: RowSource, position: number, count: number, sink: RowSink | null, jobId?: number): Promise<MoveResult> {
  if (source.total !== undefined && position > source.total) return { count: 0, position: source.total + 1 };
  const read = await readRange(source, position + 1, count, sink, jobId);
  // Ran out: the position is after the last row.
  return { count: read.count, position: read.end ? (source.total ?? position + read.count) + 1 : position + read.count };
}

async function backward(source: RowSource, position: number, count: number, sink: RowSink | null, jobId?: number): Promise<MoveResult> {
  // Every row before the position exists (positions only ever land on rows seen, or just after the last).
  const last = position - 1;
  const first = Math.max(1, position - count);
  const rows = Math.max(0, last - first + 1);
  const next = Math.max(position - count, 0);
  if (!sink || rows === 0) return { count: rows, position: next };
  for (let top = last; top >= first; top -= BACKWARD_STEP) {
    const bottom = Math.max(first, top - BACKWARD_STEP + 1);
    const parts: Uint8Array[] = [];
    await readRange(source, bottom, top - bottom + 1, (bytes) => {
      parts.push(bytes);
    }, jobId);
    await sink(reversedRows(parts));
  }
  return { count: rows, position: next };
}

async function absolute(source: RowSource, position: number, target: number, sink: RowSink | null, jobId?: number): Promise<MoveResult> {
  if (target === 0) return { count: 0, position: 0 };
  if (target < 0) {
    const total = await countRows(source, position, jobId);
    target = total + 1 + target;
    if (target < 1) return { count: 0, position: 0 };
  }
  if (source.total !== undefined && target > source.total) return { count: 0, position: source.total + 1 };
  const read = await readRange(source, target, 1, sink, jobId);
  return read.count === 1 ? { count: 1, position: target } : { count: 0, position: source.total! + 1 };
}

async function relative(source: RowSource, position: number, offset: number, sink: RowSink | null, jobId?: number): Promise<MoveResult> {
  if (offset === 0) {
    const onRow = position >= 1 && (source.total === undefined || position <= source.total);
    if (!onRow) return { count: 0, position };
    const read = await readRange(source, position, 1, sink, jobId);
    return { count: read.count, position };
  }
  const target = position + offset;
  if (target <= 0) return { count: 0, position: 0 };
  return absolute(source, position, target, sink, jobId);
}

/** The row count, reading to the end (without encoding) if no read has reached it yet. */
async function countRows(source: RowSource, position: number, jobId?: number): Promise<number> {
  if (source.total !== undefined) return source.total;
  const from = Math.max(position, 0) + 1;
  const read = await readRange(source, from, Infinity, null, jobId);
  return source.total ?? from - 1 + read.count;
}

/** DataRow messages from consecutive byte runs, last row first. */
function reversedRows(parts: Uint8Array[]): Uint8Array {
  const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  const offsets = dataRowOffsets(bytes);
  const out = new Uint8Array(bytes.length);
  let at = 0;
  for (let i = offsets.length - 2; i >= 0; i--) {
    out.set(bytes.subarray(offsets[i], offsets[i + 1]), at);
    at += offsets[i + 1] - offsets[i];
  }
  return out;
}
