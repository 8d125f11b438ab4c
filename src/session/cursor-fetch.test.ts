import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BackendWriter } from '../protocol/backend-writer.js';
import { dataRowOffsets } from '../protocol/data-row-offsets.js';
import { MaterializedRows, type RowSource } from '../storage/row-source.js';
import type { CursorSlice } from '../storage/engine-messages.js';
import { FETCH_ALL, moveCursor, type FetchDirection } from './cursor-fetch.js';

/** Five DataRows holding "1".."5". */
function fiveRows(): MaterializedRows {
  const writer = new BackendWriter();
  for (let i = 1; i <= 5; i++) writer.dataRow([String(i)]);
  return new MaterializedRows([], new Uint8Array(writer.take()));
}

/** The same rows read in slices of two, with the row count unknown until a read reaches the end (as a streaming cursor). */
class SlicedRows implements RowSource {
  readonly columns = [];
  total: number | undefined;
  constructor(private readonly inner: MaterializedRows) {}
  async read(from: number, count: number, encode: boolean): Promise<CursorSlice> {
    const slice = await this.inner.read(from, Math.min(count, 2), encode);
    const end = slice.count < Math.min(count, 2);
    if (end) this.total = this.inner.total;
    return { ...slice, end };
  }
  close(): void {}
}

function values(bytes: Uint8Array[]): number[] {
  const out: number[] = [];
  for (const part of bytes) {
    const offsets = dataRowOffsets(part);
    // DataRow: type, length, field count (2), field length (4), then the text.
    for (let i = 0; i < offsets.length - 1; i++) out.push(Number(Buffer.from(part.subarray(offsets[i] + 11, offsets[i + 1])).toString()));
  }
  return out;
}

const cases: Array<[string, FetchDirection, number, number, number[], number]> = [
  ['NEXT from the start', 'FETCH_FORWARD', 1, 0, [1], 1],
  ['FORWARD 3 from row 1', 'FETCH_FORWARD', 3, 1, [2, 3, 4], 4],
  ['FORWARD to exactly the last row', 'FETCH_FORWARD', 2, 3, [4, 5], 5],
  ['FORWARD past the end', 'FETCH_FORWARD', 10, 3, [4, 5], 6],
  ['ALL from the start', 'FETCH_FORWARD', FETCH_ALL, 0, [1, 2, 3, 4, 5], 6],
  ['NEXT after the end', 'FETCH_FORWARD', 1, 6, [], 6],
  ['PRIOR after the end', 'FETCH_BACKWARD', 1, 6, [5], 5],
  ['BACKWARD 2 from row 4', 'FETCH_BACKWARD', 2, 4, [3, 2], 2],
  ['BACKWARD ALL from row 3', 'FETCH_BACKWARD', FETCH_ALL, 3, [2, 1], 0],
  ['FETCH -2 is BACKWARD 2', 'FETCH_FORWARD', -2, 4, [3, 2], 2],
  ['FETCH 0 re-reads the current row', 'FETCH_FORWARD', 0, 3, [3], 3],
  ['FIRST', 'FETCH_ABSOLUTE', 1, 4, [1], 1],
  ['LAST', 'FETCH_ABSOLUTE', -1, 0, [5], 5],
  ['ABSOLUTE -2', 'FETCH_ABSOLUTE', -2, 0, [4], 4],
  ['ABSOLUTE beyond the end', 'FETCH_ABSOLUTE', 9, 2, [], 6],
  ['ABSOLUTE beyond the start', 'FETCH_ABSOLUTE', -9, 2, [], 0],
  ['ABSOLUTE 0', 'FETCH_ABSOLUTE', 0, 3, [], 0],
  ['RELATIVE 2 from row 1', 'FETCH_RELATIVE', 2, 1, [3], 3],
  ['RELATIVE -1 from row 1', 'FETCH_RELATIVE', -1, 1, [], 0],
  ['RELATIVE 0 before the start', 'FETCH_RELATIVE', 0, 0, [], 0],
  ['RELATIVE 10 from row 2', 'FETCH_RELATIVE', 10, 2, [], 6],
];

for (const [label, source] of [['rows in memory', () => fiveRows()], ['rows in slices, count unknown', () => new SlicedRows(fiveRows())]] as const) {
  describe(`moveCursor over 5 ${label} (PostgreSQL portal positions)`, () => {
    for (const [name, direction, howMany, position, rows, next] of cases) {
      it(name, async () => {
        const sent: Uint8Array[] = [];
        const fetched = await moveCursor(source(), position, direction, howMany, (bytes) => {
          sent.push(bytes);
        });
        assert.deepEqual({ rows: values(sent), position: fetched.position, count: fetched.count }, { rows, position: next, count: rows.length });
        const moved = await moveCursor(source(), position, direction, howMany, null);
        assert.deepEqual(moved, { count: rows.length, position: next }, 'MOVE goes where FETCH goes');
      });
    }
  });
}
