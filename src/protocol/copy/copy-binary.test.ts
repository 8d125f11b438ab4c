import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BinaryCopyParser, encodeBinaryCopyHeader, encodeBinaryCopyRow, encodeBinaryCopyTrailer } from './copy-binary.js';

const int4 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

describe('binary COPY format', () => {
  const data = Buffer.concat([
    encodeBinaryCopyHeader(),
    encodeBinaryCopyRow([int4(1), Buffer.from('one')]),
    encodeBinaryCopyRow([int4(2), null]),
    encodeBinaryCopyTrailer(),
  ]);

  it('parses what it encodes, whatever the chunk boundaries', () => {
    for (const size of [1, 3, 7, 100]) {
      const parser = new BinaryCopyParser(2);
      const rows: (Buffer | null)[][] = [];
      for (let at = 0; at < data.length; at += size) rows.push(...parser.push(data.subarray(at, at + size)));
      parser.end();
      assert.deepEqual(rows.map((r) => [r[0]!.readInt32BE(), r[1]?.toString() ?? null]), [[1, 'one'], [2, null]], `chunks of ${size}`);
    }
  });

  it('refuses a bad signature, a wrong field count and data cut inside a row with 22P04', () => {
    assert.throws(() => new BinaryCopyParser(2).push(Buffer.from('PGCOPX\n\xff\r\n\0\0\0\0\0\0\0\0\0', 'latin1')), { code: '22P04' });
    assert.throws(() => new BinaryCopyParser(3).push(data), { code: '22P04', message: 'row field count is 2, expected 3' });
    const cut = new BinaryCopyParser(2);
    cut.push(data.subarray(0, data.length - 5));
    assert.throws(() => cut.end(), { code: '22P04' });
    assert.throws(() => new BinaryCopyParser(2).end(), { message: 'COPY file signature not recognized' });
  });
});
