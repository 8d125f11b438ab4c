import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SqliteValue } from '../protocol/types/storage.js';
import { ParamRowsBuilder, ParamRowsReader, type WireParamRows } from './param-rows-wire.js';

/** What the worker receives: a structured clone, as postMessage makes. */
function received(rows: WireParamRows): WireParamRows {
  return structuredClone(rows);
}

function readAll(rows: WireParamRows): SqliteValue[][] {
  const reader = new ParamRowsReader(rows);
  return Array.from({ length: rows.rowCount }, (_, r) => {
    const row: SqliteValue[] = new Array(rows.width);
    reader.read(1, row);
    return row;
  });
}

describe('COPY rows in wire form', () => {
  it('gives back every kind of stored value, row by row', () => {
    const input: SqliteValue[][] = [
      [null, 1.5, 'text'],
      [-0, 2n ** 62n, ''],
      [-(2n ** 63n), Buffer.from([1, 2, 3]), 'ü😀'],
    ];
    const builder = new ParamRowsBuilder(3, 1);
    for (const row of input) {
      for (const value of row) builder.add(value);
      builder.endRow();
    }
    const output = readAll(received(builder.take()));
    assert.deepEqual(output.map((row) => row.map((v) => (v instanceof Uint8Array ? [...v] : v))), [
      [null, 1.5, 'text'], [-0, 2n ** 62n, ''], [-(2n ** 63n), [1, 2, 3], 'ü😀'],
    ]);
    assert.ok(Object.is(output[1]![0], -0));
  });

  it('reads groups of rows, in order, into one flat list, and starts empty after take()', () => {
    const builder = new ParamRowsBuilder(2, 2);
    for (let i = 0; i < 10; i++) {
      builder.add(i);
      builder.add(`v${i}`);
      builder.endRow();
    }
    const rows = received(builder.take());
    assert.equal(rows.rowCount, 10);
    const reader = new ParamRowsReader(rows);
    const group: SqliteValue[] = new Array(6);
    reader.read(2, group);
    reader.read(3, group);
    assert.deepEqual(group, [2, 'v2', 3, 'v3', 4, 'v4']);
    assert.equal(builder.rowCount, 0);
    assert.equal(builder.take().rowCount, 0);
  });

  it('leaves out a row that was not finished', () => {
    const builder = new ParamRowsBuilder(2, 4);
    builder.add(1);
    builder.add('a');
    builder.endRow();
    builder.add(2);
    assert.deepEqual(readAll(received(builder.take())), [[1, 'a']]);
  });
});
