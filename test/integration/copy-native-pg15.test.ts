import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import { startSideBySide, type SideBySide } from '../support/side-by-side.js';

// Rows of every type the C row encoder prints (native/row_stream.c), compared byte for byte with
// PostgreSQL 15: COPY TO in text and CSV format (tab and custom delimiters, NULL strings, quotes,
// FORCE_QUOTE) and the text DataRows of a streaming cursor (pg-query-stream).

const createTable = `CREATE TABLE all_types (i2 smallint, i4 integer, i8 bigint, b boolean, t text, v varchar(10), c char(5), n name,
  by bytea, num numeric, num2 numeric(10,2), d date, tm time, ts timestamp, tz timestamptz, u uuid, j json, jb jsonb)`;
// Inserted as parameters (text format), so both servers read every value through its type's input.
const rows: (string | null)[][] = [
  ['-32768', '-2147483648', '-9223372036854775808', 'true', 'tab\there\\back\nnl\rcr', 'ñ€', 'ab', 'pg_class',
    '\\x00ff5c', '1.50', '3.14159', '2024-02-29', '13:45:06.5', '2024-02-29 13:45:06.123456', '2024-02-29 13:45:06.5+02',
    'A0EEBC99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": [1, "x"]}', '{"bb": 1, "a": "ü"}'],
  ['32767', '2147483647', '9223372036854775807', 'false', '', '', 'é', 'x', '\\x', '-0.001', '-1.5', '0044-03-15 BC',
    '24:00:00', 'infinity', '-infinity', '00000000-0000-0000-0000-000000000000', '[]', '{}'],
  new Array(18).fill(null),
  ['0', '-1', '1', 'true', '\b\f\v 😀 a|b', 'x|y', 'abcde', 'n', '\\x7c', 'NaN', '7', '1999-12-31',
    '00:00:00', '1999-12-31 23:59:59.999999', '1999-12-31 23:59:59.999999+00', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '"s"', 'null'],
];
const insert = `INSERT INTO all_types VALUES (${rows[0].map((_, i) => `$${i + 1}`).join(', ')})`;

async function copyOut(client: pg.Client, sql: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(client.query(copyTo(sql)), new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  }));
  return Buffer.concat(chunks);
}

async function streamed(client: pg.Client, sql: string): Promise<unknown[]> {
  const rows: unknown[] = [];
  const stream = client.query(new QueryStream(sql, [], { batchSize: 2, rowMode: 'array', types: { getTypeParser: () => (value: unknown) => value } } as never));
  for await (const row of stream) rows.push(row);
  return rows;
}

describe('C row encoder output compared with PostgreSQL 15', () => {
  let pair: SideBySide;
  before(async () => {
    pair = await startSideBySide();
    for (const client of [pair.reference, pair.ours]) {
      await client.query("SET TimeZone = 'UTC'");
      await client.query(createTable);
      for (const row of rows) await client.query(insert, row);
    }
  });
  after(async () => pair.close());

  for (const sql of [
    'COPY all_types TO STDOUT',
    "COPY all_types TO STDOUT WITH (DELIMITER '|', NULL 'NULL')",
    'COPY (SELECT i4, t, c, num2, by FROM all_types ORDER BY i4) TO STDOUT (HEADER)',
    'COPY all_types TO STDOUT (FORMAT csv)',
    "COPY all_types TO STDOUT (FORMAT csv, HEADER, DELIMITER '|', NULL 'NULL', QUOTE '''', ESCAPE '\\', FORCE_QUOTE (t, i4))",
    'COPY (SELECT t FROM all_types) TO STDOUT (FORMAT csv, FORCE_QUOTE *)',
  ]) {
    it(sql, async () => {
      const expected = await copyOut(pair.reference, sql);
      const actual = await copyOut(pair.ours, sql);
      assert.equal(actual.toString('utf8'), expected.toString('utf8'));
      assert.ok(actual.equals(expected));
    });
  }

  it('a streaming cursor (pg-query-stream) of every type', async () => {
    const sql = 'SELECT * FROM all_types';
    assert.deepEqual(await streamed(pair.ours, sql), await streamed(pair.reference, sql));
  });
});
