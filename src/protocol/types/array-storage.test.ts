import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { elementJson, elementKind, readStoredArray, storedArrayJson, type StoredNode } from './array-storage.js';
import { TypeOid } from './oids.js';

describe('element kinds', () => {
  const cases: Array<[number, string]> = [
    [TypeOid.bool, 'bool'], [TypeOid.int2, 'int'], [TypeOid.int4, 'int'], [TypeOid.int8, 'int'], [TypeOid.oid, 'int'],
    [TypeOid.float4, 'float'], [TypeOid.float8, 'float'], [TypeOid.bytea, 'bytea'], [TypeOid.text, 'other'], [TypeOid.numeric, 'other'],
  ];
  for (const [oid, kind] of cases) test(String(oid), () => assert.equal(elementKind(oid), kind));
});

describe('stored array JSON', () => {
  // [kind, storage values, JSON text]
  const cases: Array<[ReturnType<typeof elementKind>, StoredNode[], string]> = [
    ['int', [1n, 2n, null], '[1,2,null]'],
    ['int', [9223372036854775807n, -9223372036854775808n], '[9223372036854775807,-9223372036854775808]'],
    ['bool', [1n, 0n, null], '[true,false,null]'],
    ['float', [1.5, 'NaN', Infinity, -Infinity, 1e300], '[1.5,"NaN","Infinity","-Infinity",1e+300]'],
    ['other', ['a', 'b "q"', 'back\\slash', '', null], '["a","b \\"q\\"","back\\\\slash","",null]'],
    ['other', ['1.50', 'NaN'], '["1.50","NaN"]'],
    ['bytea', [Buffer.from([1, 2]), null], '["\\\\x0102",null]'],
    ['int', [[1n, 2n], [3n, 4n]], '[[1,2],[3,4]]'],
    ['other', [], '[]'],
    ['other', ['{"a": 1}', 'null'], '["{\\"a\\": 1}","null"]'],
  ];
  for (const [kind, values, json] of cases) {
    test(json, () => {
      assert.equal(storedArrayJson(kind, values), json);
      assert.deepEqual(readStoredArray(kind, json), values);
    });
  }
  test('-0 keeps its sign', () => assert.equal(elementJson('float', -0), '-0'));
  test('whitespace is tolerated when reading', () => assert.deepEqual(readStoredArray('int', ' [ 1 , [2] ] '), [1n, [2n]]));
  test('integers written as REALs are rounded', () => assert.deepEqual(readStoredArray('int', '[2.5,3.0]'), [2n, 3n]));
  test('unicode escapes', () => assert.deepEqual(readStoredArray('other', '["\\u00e9\\n"]'), ['é\n']));
  for (const bad of ['', '{1,2}', '[1,2', '[1 2]', '"x"', '[1]x', '[tru]', '["a]']) {
    test(`not stored JSON: ${JSON.stringify(bad)}`, () => assert.equal(readStoredArray('int', bad), undefined));
  }
});
