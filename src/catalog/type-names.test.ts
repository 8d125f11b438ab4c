import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { regtypeOid, typeOidOfName } from './type-names.js';

describe('type names as regtype', () => {
  const cases: Array<[string, number]> = [
    ['int4', 23], ['_int4', 1007], ['integer', 23], ['integer[]', 1007], ['character varying', 1043], ['character varying(20)', 1043],
    ['double precision', 701], ['pg_catalog.int8', 20], ['text[]', 1009], ['"char"', 18], ['timestamp with time zone', 1184], ['BOOLEAN', 16], ['"pg_catalog"."int4"', 23],
  ];
  for (const [name, oid] of cases) test(name, () => assert.equal(typeOidOfName(name), oid));
  test('an OID stays one', () => assert.equal(regtypeOid('1007'), 1007));
  test('an unknown name is 42704', () => assert.throws(() => regtypeOid('nosuch'), { code: '42704', message: 'type "nosuch" does not exist' }));
});
