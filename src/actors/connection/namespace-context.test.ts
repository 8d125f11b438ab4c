import { test } from 'node:test';
import assert from 'node:assert/strict';
import { textRows } from './namespace-context.js';

/** One text-format DataRow message. */
function dataRow(values: (string | null)[]): Buffer {
  const parts = values.map((value) => {
    if (value === null) return Buffer.from([0xff, 0xff, 0xff, 0xff]);
    const bytes = Buffer.from(value, 'utf8');
    const length = Buffer.alloc(4);
    length.writeInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  });
  const body = Buffer.concat([Buffer.from([0, values.length]), ...parts]);
  const header = Buffer.alloc(5);
  header.write('D', 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

test('text DataRows decode to strings and nulls', () => {
  const bytes = Buffer.concat([dataRow(['table', 'sales.orders', null]), dataRow(['view', 'pgsqlite_namespace.sales', 'ann'])]);
  assert.deepEqual(textRows(new Uint8Array(bytes)), [['table', 'sales.orders', null], ['view', 'pgsqlite_namespace.sales', 'ann']]);
  assert.deepEqual(textRows(null), []);
});
