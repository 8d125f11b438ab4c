import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { arrayBinaryToStorage, arrayStorageToBinary, arrayStorageToText, arrayTextToStorage } from './arrays.js';
import { TypeOid } from './oids.js';
import type { TypeContext } from './storage.js';

const utc: TypeContext = { timeZone: 'UTC' };
const kolkata: TypeContext = { timeZone: 'Asia/Kolkata' };

// [element OID, literal in, storage JSON, literal out (PostgreSQL 15's array_out)]
const cases: Array<[number, string, string, string]> = [
  [TypeOid.int4, '{1,2,NULL}', '[1,2,null]', '{1,2,NULL}'],
  [TypeOid.int4, '{}', '[]', '{}'],
  [TypeOid.int4, '{{1,2},{3,4}}', '[[1,2],[3,4]]', '{{1,2},{3,4}}'],
  [TypeOid.int8, '{9223372036854775807,-9223372036854775808}', '[9223372036854775807,-9223372036854775808]', '{9223372036854775807,-9223372036854775808}'],
  [TypeOid.int2, '{ 1 , -2 }', '[1,-2]', '{1,-2}'],
  [TypeOid.text, '{"a b","c\\"d"}', '["a b","c\\"d"]', '{"a b","c\\"d"}'],
  [TypeOid.text, '{"","NULL",null,"a\\\\b",plain}', '["","NULL",null,"a\\\\b","plain"]', '{"","NULL",NULL,"a\\\\b",plain}'],
  [TypeOid.bool, '{t,f,NULL,yes}', '[true,false,null,true]', '{t,f,NULL,t}'],
  [TypeOid.float8, '{1.5,NaN,Infinity,-0}', '[1.5,"NaN","Infinity",-0]', '{1.5,NaN,Infinity,-0}'],
  [TypeOid.float4, '{3.14}', '[3.140000104904175]', '{3.14}'],
  [TypeOid.numeric, '{1.50,-0.00,NaN,1e3}', '["1.50","0.00","NaN","1000"]', '{1.50,0.00,NaN,1000}'],
  [TypeOid.bytea, '{"\\\\x01",NULL}', '["\\\\x01",null]', '{"\\\\x01",NULL}'],
  [TypeOid.date, '{2024-01-01,"0044-03-15 BC",infinity}', '["2024-01-01","0044-03-15 BC","infinity"]', '{2024-01-01,"0044-03-15 BC",infinity}'],
  [TypeOid.timestamptz, '{"2024-01-01 12:00+00"}', '["2024-01-01 12:00:00+00"]', '{"2024-01-01 12:00:00+00"}'],
  [TypeOid.interval, '{"1 day","-1 day 2 hours"}', '["1 day","-1 days +02:00:00"]', '{"1 day","-1 days +02:00:00"}'],
  [TypeOid.jsonb, '{"{\\"b\\":1,\\"a\\":2}"}', '["{\\"a\\": 2, \\"b\\": 1}"]', '{"{\\"a\\": 2, \\"b\\": 1}"}'],
  [TypeOid.uuid, '{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}', '["a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"]', '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'],
  [TypeOid.char, '{a}', '["a"]', '{a}'],
  [TypeOid.name, '{a}', '["a"]', '{a}'],
  [TypeOid.oid, '{-1}', '[4294967295]', '{4294967295}'],
  [TypeOid.time, '{12:00}', '["12:00:00"]', '{12:00:00}'],
];

describe('array text input and output', () => {
  for (const [oid, input, stored, output] of cases) {
    test(`${oid} ${input}`, () => {
      assert.equal(arrayTextToStorage(oid, input, utc), stored);
      assert.equal(arrayStorageToText(oid, stored, utc), output);
    });
  }
  test('elements go through the element type input', () => {
    assert.throws(() => arrayTextToStorage(TypeOid.int4, '{1,x}', utc), { code: '22P02', message: 'invalid input syntax for type integer: "x"' });
    assert.throws(() => arrayTextToStorage(TypeOid.int4, '{1 2}', utc), { message: 'invalid input syntax for type integer: "1 2"' });
  });
  test('timestamptz elements are shown in the session zone', () => {
    assert.equal(arrayStorageToText(TypeOid.timestamptz, '["2024-01-01 12:00:00+00"]', kolkata), '{"2024-01-01 17:30:00+05:30"}');
  });
  test('a PostgreSQL literal found in storage is still printed', () => {
    assert.equal(arrayStorageToText(TypeOid.int4, '{1,2}', utc), '{1,2}');
    assert.equal(arrayStorageToText(TypeOid.int4, 'not an array', utc), 'not an array');
  });
});

describe('array binary', () => {
  test('int4[] with a NULL, as PostgreSQL sends it', () => {
    const hex = '00000001' + '00000001' + '00000017' + '00000003' + '00000001'
      + '00000004' + '00000001' + '00000004' + '00000002' + 'ffffffff';
    assert.equal(arrayStorageToBinary(TypeOid.int4, '[1,2,null]', utc).toString('hex'), hex);
    assert.equal(arrayBinaryToStorage(TypeOid.int4, Buffer.from(hex, 'hex'), utc), '[1,2,null]');
  });
  test('empty array', () => {
    const hex = '000000000000000000000017';
    assert.equal(arrayStorageToBinary(TypeOid.int4, '[]', utc).toString('hex'), hex);
    assert.equal(arrayBinaryToStorage(TypeOid.int4, Buffer.from(hex, 'hex'), utc), '[]');
  });
  test('two dimensions', () => {
    const b = arrayStorageToBinary(TypeOid.int4, '[[1,2],[3,4]]', utc);
    assert.equal(b.readInt32BE(0), 2);
    assert.equal(b.readInt32BE(12), 2);
    assert.equal(b.readInt32BE(20), 2);
    assert.equal(arrayBinaryToStorage(TypeOid.int4, b, utc), '[[1,2],[3,4]]');
  });
  for (const [oid, , stored] of cases) {
    test(`round trip ${oid} ${stored}`, () => {
      assert.equal(arrayBinaryToStorage(oid, arrayStorageToBinary(oid, stored, utc), utc), stored);
    });
  }
  test('wrong element type', () => {
    const hex = '00000001000000000000001900000001000000010000000161';
    assert.throws(() => arrayBinaryToStorage(TypeOid.int4, Buffer.from(hex, 'hex'), utc), {
      code: '42804', message: 'binary data has array element type 25 (text) instead of expected 23 (int4)',
    });
  });
  test('bad flags, dimensions, lengths', () => {
    assert.throws(() => arrayBinaryToStorage(TypeOid.int4, Buffer.from('000000010000000200000017', 'hex'), utc), { message: 'invalid array flags' });
    assert.throws(() => arrayBinaryToStorage(TypeOid.int4, Buffer.from('000000070000000000000017', 'hex'), utc), { code: '54000' });
    assert.throws(() => arrayBinaryToStorage(TypeOid.int4, Buffer.from('00000001000000000000001700000002000000010000000400000001', 'hex'), utc), { code: '08P01' });
    assert.throws(() => arrayBinaryToStorage(TypeOid.int4, Buffer.from('0000000100000000000000170000000100000000000000040000000100', 'hex'), utc), { code: '0A000' });
  });
});
