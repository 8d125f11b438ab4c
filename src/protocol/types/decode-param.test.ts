import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeParam, decodeText } from './decode-param.js';
import { encodeBinary, encodeText } from './encode-value.js';
import { TypeOid } from './oids.js';
import type { SqliteValue, TypeContext } from './storage.js';

const ctx: TypeContext = { timeZone: 'UTC' };
const text = (oid: number, s: string, c: TypeContext = ctx): SqliteValue => decodeParam(oid, 0, Buffer.from(s, 'utf8'), c);
const binary = (oid: number, hex: string, c: TypeContext = ctx): SqliteValue => decodeParam(oid, 1, Buffer.from(hex, 'hex'), c);

// One row per type: [OID, text input, storage value, binary input (hex, PostgreSQL's send format)].
const perType: Array<[string, number, string, SqliteValue, string]> = [
  ['bool', TypeOid.bool, ' TRUE ', 1n, '01'],
  ['bytea', TypeOid.bytea, '\\x0aFF', Buffer.from([10, 255]), '0aff'],
  ['"char"', TypeOid.char, 'x', 'x', '78'],
  ['name', TypeOid.name, 'users', 'users', '7573657273'],
  ['int8', TypeOid.int8, '-9223372036854775808', -9223372036854775808n, '8000000000000000'],
  ['int2', TypeOid.int2, '-32768', -32768n, '8000'],
  ['int4', TypeOid.int4, '2147483647', 2147483647n, '7fffffff'],
  ['text', TypeOid.text, 'héllo', 'héllo', '68c3a96c6c6f'],
  ['oid', TypeOid.oid, '4294967295', 4294967295n, 'ffffffff'],
  ['json', TypeOid.json, '{"b":1, "a":2}', '{"b":1, "a":2}', '7b2262223a312c202261223a327d'],
  ['float4', TypeOid.float4, '1.5', 1.5, '3fc00000'],
  ['float8', TypeOid.float8, '-2.5e-3', -0.0025, 'bf647ae147ae147b'],
  ['unknown', TypeOid.unknown, 'abc', 'abc', '616263'],
  ['bpchar', TypeOid.bpchar, 'ab  ', 'ab  ', '61622020'],
  ['varchar', TypeOid.varchar, 'x y', 'x y', '782079'],
  ['date', TypeOid.date, '2024-02-29', '2024-02-29', '00002279'],
  ['time', TypeOid.time, '12:34:56.5', '12:34:56.5', '0000000a8be1bd20'],
  ['timestamp', TypeOid.timestamp, '2024-01-01 12:00:00.25', '2024-01-01 12:00:00.25', '0002b0dfe3d8c090'],
  ['timestamptz', TypeOid.timestamptz, '2024-01-01 14:00:00.25+02', '2024-01-01 12:00:00.25+00', '0002b0dfe3d8c090'],
  ['interval', TypeOid.interval, '1 year 2 mons 3 days 04:05:06.5', '1 year 2 mons 3 days 04:05:06.5', '000000036c9361a0000000030000000e'],
  ['numeric', TypeOid.numeric, '-12345.678', '-12345.678', '0003000140000003000109291a7c'],
  ['uuid', TypeOid.uuid, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'a0eebc999c0b4ef8bb6d6bb9bd380a11'],
  ['jsonb', TypeOid.jsonb, '{"b":1, "a":2}', '{"a": 2, "b": 1}', '017b2262223a312c202261223a327d'],
  ['int4[]', TypeOid._int4, '{1,NULL}', '[1,null]', '000000010000000100000017000000020000000100000004' + '00000001' + 'ffffffff'],
  ['text[]', TypeOid._text, '{"a b",NULL}', '["a b",null]', '000000010000000100000019000000020000000100000003' + '612062' + 'ffffffff'],
];

describe('every type, text and binary', () => {
  for (const [name, oid, input, stored, hex] of perType) {
    test(`${name} text`, () => assert.deepEqual(text(oid, input), stored));
    test(`${name} binary`, () => assert.deepEqual(binary(oid, hex), stored));
    test(`${name} binary round trip`, () => assert.equal(encodeBinary(oid, binary(oid, hex), ctx)!.toString('hex'), encodeBinary(oid, stored, ctx)!.toString('hex')));
    test(`${name} text round trip`, () => {
      const out = encodeText(oid, stored, ctx)!;
      assert.deepEqual(text(oid, out), stored);
    });
  }
});

describe('unspecified and special types', () => {
  test('OID 0 keeps text', () => assert.equal(text(0, ' 42 '), ' 42 '));
  test('OID 0 binary keeps bytes', () => assert.deepEqual(binary(0, '0102'), Buffer.from([1, 2])));
  test('unknown binary is text', () => assert.equal(binary(TypeOid.unknown, '6869'), 'hi'));
  test('types without a codec keep their text', () => assert.equal(text(600, '(1,2)'), '(1,2)'));
  test('void is NULL', () => {
    assert.equal(text(TypeOid.void, ''), null);
    assert.equal(binary(TypeOid.void, ''), null);
  });
  test('record input is not implemented, as in PostgreSQL', () => {
    assert.throws(() => text(TypeOid.record, '(1,2)'), { code: '0A000', message: 'input of anonymous composite types is not implemented' });
  });
  test('float NaN is stored as TEXT', () => {
    assert.equal(text(TypeOid.float8, 'NaN'), 'NaN');
    assert.equal(binary(TypeOid.float8, '7ff8000000000000'), 'NaN');
    assert.equal(binary(TypeOid.float4, '7fc00000'), 'NaN');
  });
  test('infinities stay REAL', () => assert.equal(text(TypeOid.float8, '-Infinity'), -Infinity));
  test('integers are bigint (better-sqlite3 binds numbers as REAL)', () => {
    assert.equal(typeof text(TypeOid.int4, '5'), 'bigint');
    assert.equal(typeof text(TypeOid.int4, ' 5 '), 'bigint');
    assert.equal(typeof binary(TypeOid.int2, '0005'), 'bigint');
    assert.equal(typeof text(TypeOid.bool, 't'), 'bigint');
  });
  test('int8 beyond 2^53 stays exact', () => assert.equal(text(TypeOid.int8, '9007199254740993'), 9007199254740993n));
  test('bytea binary is copied (the wire buffer gets reused)', () => {
    const wire = Buffer.from([1, 2, 3]);
    const stored = decodeParam(TypeOid.bytea, 1, wire, ctx) as Buffer;
    wire[0] = 9;
    assert.equal(stored[0], 1);
  });
  test('name is truncated to 63 bytes', () => assert.equal(text(TypeOid.name, 'n'.repeat(70)), 'n'.repeat(63)));
  test('name binary over 63 bytes is an error', () => {
    assert.throws(() => binary(TypeOid.name, '61'.repeat(64)), { code: '42622', message: 'identifier too long' });
  });
  test('decodeText takes an already decoded string', () => {
    assert.equal(decodeText(TypeOid.int4, '12', ctx), 12n);
    assert.equal(decodeText(TypeOid._int4, '{1}', ctx), '[1]');
  });
  test('DateStyle order applies to ambiguous dates', () => {
    assert.equal(text(TypeOid.date, '1/8/1999', { timeZone: 'UTC', dateStyle: 'ISO, DMY' }), '1999-08-01');
    assert.equal(text(TypeOid.date, '1/8/1999', { timeZone: 'UTC', dateStyle: 'ISO, MDY' }), '1999-01-08');
  });
  test('timestamptz without an offset uses the session zone', () => {
    assert.equal(text(TypeOid.timestamptz, '2024-07-01 12:00', { timeZone: 'Europe/Berlin' }), '2024-07-01 10:00:00+00');
  });
  test('IntervalStyle sql_standard reads a leading minus for all fields', () => {
    assert.equal(text(TypeOid.interval, '-1 2:00:00', { timeZone: 'UTC', intervalStyle: 'sql_standard' }), '-1 days -02:00:00');
  });
});

describe('wire-level errors', () => {
  test('invalid UTF-8 in a text parameter', () => {
    assert.throws(() => decodeParam(TypeOid.text, 0, Buffer.from('c328', 'hex'), ctx), { code: '22021' });
  });
  test('zero byte in a text parameter', () => {
    assert.throws(() => decodeParam(TypeOid.text, 1, Buffer.from('6100', 'hex'), ctx), { code: '22021' });
  });
  const shortOrLong: Array<[string, number, string, string]> = [
    ['int4 short', TypeOid.int4, '000001', '08P01'], ['int4 long', TypeOid.int4, '0000000100', '22P03'],
    ['int2 short', TypeOid.int2, '01', '08P01'], ['int8 short', TypeOid.int8, '00000000', '08P01'],
    ['bool long', TypeOid.bool, '0100', '22P03'], ['float8 short', TypeOid.float8, '3ff0', '08P01'],
    ['date long', TypeOid.date, '0000000000', '22P03'], ['uuid short', TypeOid.uuid, '00', '08P01'],
    ['jsonb version', TypeOid.jsonb, '027b7d', '22P03'], ['void with data', TypeOid.void, '00', '22P03'],
  ];
  for (const [name, oid, hex, code] of shortOrLong) {
    test(name, () => assert.throws(() => binary(oid, hex), { code }));
  }
  test('text errors carry PostgreSQL wording', () => {
    assert.throws(() => text(TypeOid.int4, '2147483648'), { code: '22003', message: 'value "2147483648" is out of range for type integer' });
    assert.throws(() => text(TypeOid.int4, 'abc'), { code: '22P02', message: 'invalid input syntax for type integer: "abc"' });
    assert.throws(() => text(TypeOid.int2, '99999'), { message: 'value "99999" is out of range for type smallint' });
    assert.throws(() => text(TypeOid.int8, '99999999999999999999'), { message: 'value "99999999999999999999" is out of range for type bigint' });
    assert.throws(() => text(TypeOid.json, '{'), { code: '22P02', message: 'invalid input syntax for type json' });
  });
});
