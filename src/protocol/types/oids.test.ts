import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allTypeInfos, arrayElementOid, sqlTypeName, TypeOid, typeInfo } from './oids.js';

// pg_type rows of PostgreSQL 15: [oid, typname, typlen, typelem, typarray, typcategory]
const pgType: Array<[number, string, number, number, number, string]> = [
  [16, 'bool', 1, 0, 1000, 'B'], [17, 'bytea', -1, 0, 1001, 'U'], [18, 'char', 1, 0, 1002, 'Z'], [19, 'name', 64, 18, 1003, 'S'],
  [20, 'int8', 8, 0, 1016, 'N'], [21, 'int2', 2, 0, 1005, 'N'], [23, 'int4', 4, 0, 1007, 'N'], [25, 'text', -1, 0, 1009, 'S'],
  [26, 'oid', 4, 0, 1028, 'N'], [114, 'json', -1, 0, 199, 'U'], [199, '_json', -1, 114, 0, 'A'], [700, 'float4', 4, 0, 1021, 'N'],
  [701, 'float8', 8, 0, 1022, 'N'], [705, 'unknown', -2, 0, 0, 'X'], [1000, '_bool', -1, 16, 0, 'A'], [1001, '_bytea', -1, 17, 0, 'A'],
  [1002, '_char', -1, 18, 0, 'A'], [1003, '_name', -1, 19, 0, 'A'], [1005, '_int2', -1, 21, 0, 'A'], [1007, '_int4', -1, 23, 0, 'A'],
  [1009, '_text', -1, 25, 0, 'A'], [1014, '_bpchar', -1, 1042, 0, 'A'], [1015, '_varchar', -1, 1043, 0, 'A'],
  [1016, '_int8', -1, 20, 0, 'A'], [1021, '_float4', -1, 700, 0, 'A'], [1022, '_float8', -1, 701, 0, 'A'], [1028, '_oid', -1, 26, 0, 'A'],
  [1042, 'bpchar', -1, 0, 1014, 'S'], [1043, 'varchar', -1, 0, 1015, 'S'], [1082, 'date', 4, 0, 1182, 'D'], [1083, 'time', 8, 0, 1183, 'D'],
  [1114, 'timestamp', 8, 0, 1115, 'D'], [1115, '_timestamp', -1, 1114, 0, 'A'], [1182, '_date', -1, 1082, 0, 'A'],
  [1183, '_time', -1, 1083, 0, 'A'], [1184, 'timestamptz', 8, 0, 1185, 'D'], [1185, '_timestamptz', -1, 1184, 0, 'A'],
  [1186, 'interval', 16, 0, 1187, 'T'], [1187, '_interval', -1, 1186, 0, 'A'], [1231, '_numeric', -1, 1700, 0, 'A'],
  [1700, 'numeric', -1, 0, 1231, 'N'], [2249, 'record', -1, 0, 2287, 'P'], [2278, 'void', 4, 0, 0, 'P'], [2287, '_record', -1, 2249, 0, 'P'],
  [2950, 'uuid', 16, 0, 2951, 'U'], [2951, '_uuid', -1, 2950, 0, 'A'], [3802, 'jsonb', -1, 0, 3807, 'U'], [3807, '_jsonb', -1, 3802, 0, 'A'],
];

describe('pg_type facts', () => {
  for (const [oid, name, len, elem, arr, category] of pgType) {
    test(name, () => {
      const info = typeInfo(oid)!;
      assert.equal(info.name, name);
      assert.equal(info.len, len);
      assert.equal(info.elementOid ?? 0, elem);
      assert.equal(info.arrayOid ?? 0, arr);
      assert.equal(info.category, category);
      assert.equal(info.delimiter, ',');
    });
  }
  test('the table covers exactly these types', () => assert.equal(allTypeInfos().length, pgType.length));
  test('TypeOid names agree with typeInfo', () => {
    for (const [key, oid] of Object.entries(TypeOid)) assert.equal(typeInfo(oid)?.name, key, key);
  });
  test('unknown OID', () => assert.equal(typeInfo(123456), undefined));
});

describe('array element types', () => {
  test('true arrays', () => {
    assert.equal(arrayElementOid(TypeOid._int4), TypeOid.int4);
    assert.equal(arrayElementOid(TypeOid._json), TypeOid.json);
    assert.equal(arrayElementOid(TypeOid._record), TypeOid.record);
  });
  test('name subscripts as "char" but is not an array', () => assert.equal(arrayElementOid(TypeOid.name), undefined));
  test('scalars', () => assert.equal(arrayElementOid(TypeOid.text), undefined));
});

describe('type names in error messages', () => {
  const cases: Array<[number, string]> = [
    [16, 'boolean'], [20, 'bigint'], [21, 'smallint'], [23, 'integer'], [700, 'real'], [701, 'double precision'],
    [1184, 'timestamp with time zone'], [1114, 'timestamp'], [1082, 'date'], [1700, 'numeric'], [2950, 'uuid'],
  ];
  for (const [oid, name] of cases) test(name, () => assert.equal(sqlTypeName(oid), name));
});
