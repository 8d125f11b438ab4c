import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeBinary, encodeText } from './encode-value.js';
import { TypeOid } from './oids.js';
import type { SqliteValue, TypeContext } from './storage.js';

const ctx: TypeContext = { timeZone: 'UTC' };

// [type, OID, storage value, text output, binary output (hex)] — outputs as PostgreSQL 15 prints them.
const perType: Array<[string, number, SqliteValue, string, string]> = [
  ['bool', TypeOid.bool, 1n, 't', '01'],
  ['bool false', TypeOid.bool, 0n, 'f', '00'],
  ['bytea', TypeOid.bytea, Buffer.from([0xde, 0xad]), '\\xdead', 'dead'],
  ['"char"', TypeOid.char, 'x', 'x', '78'],
  ['"char" high byte', TypeOid.char, '\\303', '\\303', 'c3'],
  ['name', TypeOid.name, 'users', 'users', '7573657273'],
  ['int8', TypeOid.int8, 9223372036854775807n, '9223372036854775807', '7fffffffffffffff'],
  ['int2', TypeOid.int2, -1n, '-1', 'ffff'],
  ['int4', TypeOid.int4, 42n, '42', '0000002a'],
  ['text', TypeOid.text, 'héllo', 'héllo', '68c3a96c6c6f'],
  ['oid', TypeOid.oid, 4294967295n, '4294967295', 'ffffffff'],
  ['json', TypeOid.json, '{"b":1, "a":2}', '{"b":1, "a":2}', '7b2262223a312c202261223a327d'],
  ['float4', TypeOid.float4, Math.fround(3.14), '3.14', '4048f5c3'],
  ['float8', TypeOid.float8, 0.1, '0.1', '3fb999999999999a'],
  ['float8 NaN', TypeOid.float8, 'NaN', 'NaN', '7ff8000000000000'],
  ['float8 -Infinity', TypeOid.float8, -Infinity, '-Infinity', 'fff0000000000000'],
  ['unknown', TypeOid.unknown, 'abc', 'abc', '616263'],
  ['bpchar', TypeOid.bpchar, 'ab  ', 'ab  ', '61622020'],
  ['varchar', TypeOid.varchar, 'x', 'x', '78'],
  ['date', TypeOid.date, '2024-02-29', '2024-02-29', '00002279'],
  ['date BC', TypeOid.date, '0044-03-15 BC', '0044-03-15 BC', 'fff49d7b'],
  ['time', TypeOid.time, '12:34:56.5', '12:34:56.5', '0000000a8be1bd20'],
  ['timestamp', TypeOid.timestamp, '2024-01-01 12:00:00.25', '2024-01-01 12:00:00.25', '0002b0dfe3d8c090'],
  ['timestamptz', TypeOid.timestamptz, '2024-01-01 12:00:00.25+00', '2024-01-01 12:00:00.25+00', '0002b0dfe3d8c090'],
  ['interval', TypeOid.interval, '-1 days +02:00:00', '-1 days +02:00:00', '00000001ad274800ffffffff00000000'],
  ['numeric', TypeOid.numeric, '0.0001', '0.0001', '0001ffff000000040001'],
  ['numeric zero', TypeOid.numeric, '0', '0', '0000000000000000'],
  ['numeric NaN', TypeOid.numeric, 'NaN', 'NaN', '00000000c0000000'],
  ['uuid', TypeOid.uuid, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'a0eebc999c0b4ef8bb6d6bb9bd380a11'],
  ['jsonb', TypeOid.jsonb, '{"a": 2}', '{"a": 2}', '017b2261223a20327d'],
  ['void', TypeOid.void, '', '', ''],
  ['bool[]', TypeOid._bool, '[true,null]', '{t,NULL}', '000000010000000100000010000000020000000100000001' + '01' + 'ffffffff'],
  ['text[]', TypeOid._text, '["", "a,b"]', '{"","a,b"}', '000000010000000000000019000000020000000100000000' + '00000003' + '612c62'],
];

describe('every type, text and binary output', () => {
  for (const [name, oid, value, txt, hex] of perType) {
    test(`${name} text`, () => assert.equal(encodeText(oid, value, ctx), txt));
    test(`${name} binary`, () => assert.equal(encodeBinary(oid, value, ctx)!.toString('hex'), hex));
  }
  test('NULL stays null', () => {
    assert.equal(encodeText(TypeOid.int4, null, ctx), null);
    assert.equal(encodeBinary(TypeOid.int4, null, ctx), null);
  });
  test('an integer beyond its type is 22003, as PostgreSQL raises for the overflowing arithmetic', () => {
    assert.throws(() => encodeText(TypeOid.int4, 2147483648n, ctx), { code: '22003', message: 'integer out of range' });
    assert.throws(() => encodeText(TypeOid.int2, -32769n, ctx), { code: '22003', message: 'smallint out of range' });
    // SQLite turns an int8 overflow into a REAL.
    assert.throws(() => encodeText(TypeOid.int8, 9223372036854775808, ctx), { code: '22003', message: 'bigint out of range' });
    assert.equal(encodeText(TypeOid.int4, -2147483648n, ctx), '-2147483648');
    assert.equal(encodeText(TypeOid.int8, 9223372036854775807n, ctx), '9223372036854775807');
  });
  test('numeric text is printed in numeric_out form', () => {
    assert.equal(encodeText(TypeOid.numeric, '1e3', ctx), '1000');
    assert.equal(encodeText(TypeOid.numeric, '10.10', ctx), '10.10');
  });
});

describe('session settings', () => {
  test('timestamptz in the session zone', () => {
    const v = '2024-07-01 10:00:00+00';
    assert.equal(encodeText(TypeOid.timestamptz, v, { timeZone: 'Europe/Berlin' }), '2024-07-01 12:00:00+02');
    assert.equal(encodeText(TypeOid.timestamptz, v, { timeZone: 'Asia/Kolkata' }), '2024-07-01 15:30:00+05:30');
    assert.equal(encodeText(TypeOid.timestamptz, v, { timeZone: 'America/Sao_Paulo' }), '2024-07-01 07:00:00-03');
    // Binary is always UTC microseconds, whatever the zone.
    assert.equal(encodeBinary(TypeOid.timestamptz, v, { timeZone: 'Europe/Berlin' })!.toString('hex'),
      encodeBinary(TypeOid.timestamptz, v, ctx)!.toString('hex'));
  });
  test('IntervalStyle', () => {
    const v = '1 year 2 mons 3 days 04:05:06.5';
    assert.equal(encodeText(TypeOid.interval, v, { timeZone: 'UTC', intervalStyle: 'iso_8601' }), 'P1Y2M3DT4H5M6.5S');
    assert.equal(encodeText(TypeOid.interval, v, { timeZone: 'UTC', intervalStyle: 'sql_standard' }), '+1-2 +3 +4:05:06.5');
    assert.equal(encodeText(TypeOid.interval, v, { timeZone: 'UTC', intervalStyle: 'postgres_verbose' }),
      '@ 1 year 2 mons 3 days 4 hours 5 mins 6.5 secs');
  });
});

describe('neighbouring storage classes are converted', () => {
  const cases: Array<[string, number, SqliteValue, string]> = [
    ['REAL in an int column', TypeOid.int4, 2.5, '2'],
    ['number in an int column', TypeOid.int8, 7, '7'],
    ['TEXT digits in an int column', TypeOid.int4, '12', '12'],
    ['INTEGER 1 as bool', TypeOid.bool, 1, 't'],
    ['INTEGER 5 as bool', TypeOid.bool, 5n, 't'],
    ["TEXT 'true' as bool", TypeOid.bool, 'true', 't'],
    ['INTEGER in a float column', TypeOid.float8, 3n, '3'],
    ['TEXT in a float column', TypeOid.float8, '1e20', '1e+20'],
    ['INTEGER in a numeric column', TypeOid.numeric, 12n, '12'],
    ['REAL in a numeric column', TypeOid.numeric, 0.1, '0.1'],
    ['INTEGER in a text column', TypeOid.text, 5n, '5'],
    ['REAL in a text column', TypeOid.text, 1.5, '1.5'],
    ['BLOB in a text column', TypeOid.text, Buffer.from('hi'), 'hi'],
    ['TEXT in a bytea column', TypeOid.bytea, 'hi', '\\x6869'],
    ['INTEGER in a bytea column', TypeOid.bytea, 1n, '\\x31'],
    ['Unix seconds in a timestamptz column', TypeOid.timestamptz, 0n, '1970-01-01 00:00:00+00'],
    ['SQLite datetime() text in a timestamptz column', TypeOid.timestamptz, '2024-01-01 12:00:00', '2024-01-01 12:00:00+00'],
    ['seconds in an interval column', TypeOid.interval, 90, '00:01:30'],
    ['interval text stored as written', TypeOid.interval, '2 hours 30 minutes', '02:30:00'],
    ['interval text with months to fold', TypeOid.interval, '-1 year 2 mons', '-10 mons'],
    ['unparseable TEXT in an interval column passes through', TypeOid.interval, 'soon', 'soon'],
    ['16-byte BLOB in a uuid column', TypeOid.uuid, Buffer.from('a0eebc999c0b4ef8bb6d6bb9bd380a11', 'hex'), 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'],
    ['unparseable TEXT in an int column passes through', TypeOid.int4, 'abc', 'abc'],
    ['NaN TEXT in a float4 column', TypeOid.float4, 'NaN', 'NaN'],
    ['number in a json column', TypeOid.json, 5n, '5'],
  ];
  for (const [name, oid, value, want] of cases) test(name, () => assert.equal(encodeText(oid, value, ctx), want));

  const binaryCases: Array<[string, number, SqliteValue, string]> = [
    ['REAL in an int4 column', TypeOid.int4, 3.0, '00000003'],
    ['TEXT in an int8 column', TypeOid.int8, '-1', 'ffffffffffffffff'],
    ['INTEGER in a float8 column', TypeOid.float8, 1n, '3ff0000000000000'],
    ['TEXT in a numeric column', TypeOid.numeric, '007.50', '000200000000000200071388'],
    ['INTEGER in a numeric column', TypeOid.numeric, 1000n, '000100000000000003e8'],
    ['INTEGER in a bool column', TypeOid.bool, 0n, '00'],
    ['TEXT in a bytea column', TypeOid.bytea, 'hi', '6869'],
  ];
  for (const [name, oid, value, hex] of binaryCases) {
    test(`${name} (binary)`, () => assert.equal(encodeBinary(oid, value, ctx)!.toString('hex'), hex));
  }

  test('binary output that cannot be converted raises a PostgreSQL error', () => {
    assert.throws(() => encodeBinary(TypeOid.int4, 'abc', ctx), { code: '22P02', message: 'invalid input syntax for type integer: "abc"' });
    assert.throws(() => encodeBinary(TypeOid.int4, 2n ** 40n, ctx), { code: '22003', message: 'integer out of range' });
    assert.throws(() => encodeBinary(TypeOid.int2, 40000n, ctx), { code: '22003', message: 'smallint out of range' });
    assert.throws(() => encodeBinary(TypeOid.record, '(1,2)', ctx), { code: '0A000' });
  });
});
