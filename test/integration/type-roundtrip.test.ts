import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { startSideBySide, type SideBySide } from '../support/side-by-side.js';

/**
 * Values of every core type go in as parameters and come back in text and in binary; the bytes
 * must be what PostgreSQL 15 itself returns for the same statements.
 */
const columns: Array<[name: string, type: string, values: (string | null)[]]> = [
  ['b', 'boolean', ['t', 'false', null]],
  ['i2', 'smallint', ['-32768', '42', null]],
  ['i4', 'integer', ['2147483647', '-7', '0']],
  ['i8', 'bigint', ['9223372036854775807', '-1', null]],
  ['f4', 'real', ['3.14', '-0.5', 'Infinity']],
  ['f8', 'double precision', ['0.1', '1e+20', 'NaN']],
  ['num', 'numeric', ['12345.6789', '-0.001', '100']],
  ['txt', 'text', ['hello', 'tab\there', '']],
  ['vc', 'varchar(20)', ['abc', 'ünïcödé', null]],
  ['ch', 'char(5)', ['ab', 'abcde', null]],
  ['nm', 'name', ['pg_class', 'x', null]],
  ['by', 'bytea', ['\\x00ff10', '\\x', null]],
  ['d', 'date', ['2024-02-29', '1999-12-31', '0044-03-15 BC']],
  ['tm', 'time', ['13:45:06.123456', '00:00:00', '23:59:59']],
  ['ts', 'timestamp', ['2024-01-02 03:04:05.678', '1970-01-01 00:00:00', '2000-06-30 12:00:00']],
  ['tz', 'timestamptz', ['2024-01-02 03:04:05+02', '1970-01-01 00:00:00Z', '2023-07-01 12:00:00.5-07']],
  ['iv', 'interval', ['1 year 2 mons 3 days 04:05:06', '-00:00:01', '45 minutes']],
  ['u', 'uuid', ['A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', '00000000-0000-0000-0000-000000000000', null]],
  ['js', 'json', ['{"b": 1, "a": [1, 2]}', '[]', null]],
  ['jb', 'jsonb', ['{"b": 1, "a": [1, 2], "a": 3}', '"x"', null]],
  ['o', 'oid', ['26', '4294967295', null]],
  ['ai', 'integer[]', ['{1,2,NULL}', '{}', null]],
  ['at', 'text[]', ['{"a b","c\\"d",e}', '{""}', null]],
];

const raw = { getTypeParser: () => (value: unknown) => value };

async function fetchAll(client: pg.Client, binary: boolean): Promise<unknown[][]> {
  const result = await client.query({
    text: `SELECT ${columns.map(([name]) => name).join(', ')} FROM all_types ORDER BY id`,
    rowMode: 'array', types: raw, binary,
  } as pg.QueryConfig);
  return result.rows.map((row: unknown[]) => row.map((v) => (Buffer.isBuffer(v) ? `\\x${v.toString('hex')}` : v)));
}

async function load(client: pg.Client): Promise<void> {
  await client.query(`CREATE TABLE all_types (id integer PRIMARY KEY, ${columns.map(([name, type]) => `${name} ${type}`).join(', ')})`);
  await client.query("SET TimeZone = 'UTC'");
  for (let row = 0; row < 3; row++) {
    const names = columns.map(([name]) => name);
    const params = columns.map(([, , values]) => values[row]);
    await client.query(
      `INSERT INTO all_types (id, ${names.join(', ')}) VALUES ($1, ${names.map((_, i) => `$${i + 2}`).join(', ')})`,
      [row + 1, ...params],
    );
  }
}

describe('type round trip against PostgreSQL 15', () => {
  let pair: SideBySide;
  let reference: pg.Client;
  let ours: pg.Client;
  before(async () => {
    pair = await startSideBySide();
    ({ reference, ours } = pair);
    await load(reference);
    await load(ours);
  });
  after(async () => pair?.close());

  for (const binary of [false, true]) {
    it(`returns the same ${binary ? 'binary' : 'text'} values and type OIDs`, async () => {
      const expected = await fetchAll(reference, binary);
      const actual = await fetchAll(ours, binary);
      for (let c = 0; c < columns.length; c++) {
        const [name, type] = columns[c];
        assert.deepEqual(actual.map((r) => r[c]), expected.map((r) => r[c]), `column ${name} ${type}`);
      }
      const oidsOf = async (client: pg.Client) => (await client.query({ text: 'SELECT * FROM all_types LIMIT 1', types: raw } as pg.QueryConfig)).fields.map((f) => [f.name, f.dataTypeID]);
      assert.deepEqual(await oidsOf(ours), await oidsOf(reference));
    });
  }

  it('shows timestamptz in the session time zone', async () => {
    for (const client of [reference, ours]) await client.query("SET TimeZone = 'America/New_York'");
    const query = { text: 'SELECT tz FROM all_types ORDER BY id', rowMode: 'array', types: raw } as pg.QueryConfig;
    const [expected, actual] = await Promise.all([reference.query(query), ours.query(query)]);
    assert.deepEqual(actual.rows, expected.rows);
  });
});
