/**
 * Type OIDs and the pg_type facts the codecs and the catalog need. The numbers are
 * PostgreSQL's own (pg_type.dat), because clients hard-code them to pick parsers.
 */
export const TypeOid = {
  bool: 16,
  bytea: 17,
  char: 18,
  name: 19,
  int8: 20,
  int2: 21,
  int4: 23,
  text: 25,
  oid: 26,
  json: 114,
  float4: 700,
  float8: 701,
  unknown: 705,
  bpchar: 1042,
  varchar: 1043,
  date: 1082,
  time: 1083,
  timestamp: 1114,
  timestamptz: 1184,
  interval: 1186,
  numeric: 1700,
  uuid: 2950,
  jsonb: 3802,
  void: 2278,
  record: 2249,

  _bool: 1000,
  _bytea: 1001,
  _char: 1002,
  _name: 1003,
  _int8: 1016,
  _int2: 1005,
  _int4: 1007,
  _text: 1009,
  _oid: 1028,
  _json: 199,
  _float4: 1021,
  _float8: 1022,
  _bpchar: 1014,
  _varchar: 1015,
  _date: 1182,
  _time: 1183,
  _timestamp: 1115,
  _timestamptz: 1185,
  _interval: 1187,
  _numeric: 1231,
  _uuid: 2951,
  _jsonb: 3807,
  _record: 2287,
} as const;

export type TypeOidValue = (typeof TypeOid)[keyof typeof TypeOid];

/** The pg_type columns the server reports (typname, typlen, typelem, typarray, typcategory, typdelim). */
export interface TypeInfo {
  readonly oid: number;
  readonly name: string;
  /** typlen: bytes for fixed-size types, -1 for varlena, -2 for C strings (unknown). */
  readonly len: number;
  /** typelem: the element type of an array (and of name, which PostgreSQL subscripts as "char"). */
  readonly elementOid?: number;
  /** typarray: the array type whose elements are this type. */
  readonly arrayOid?: number;
  /** typcategory letter: B bool, N numeric, S string, D datetime, T timespan, U user, A array, P pseudo, X unknown, Z internal. */
  readonly category: string;
  readonly delimiter: string;
}

function scalar(oid: number, name: string, len: number, category: string, arrayOid?: number, elementOid?: number): TypeInfo {
  return { oid, name, len, category, delimiter: ',', arrayOid, elementOid };
}

function array(oid: number, name: string, elementOid: number, category = 'A'): TypeInfo {
  return { oid, name, len: -1, category, delimiter: ',', elementOid };
}

// Verified against a PostgreSQL 15 pg_type.
const infos: TypeInfo[] = [
  scalar(16, 'bool', 1, 'B', 1000),
  scalar(17, 'bytea', -1, 'U', 1001),
  scalar(18, 'char', 1, 'Z', 1002),
  scalar(19, 'name', 64, 'S', 1003, 18),
  scalar(20, 'int8', 8, 'N', 1016),
  scalar(21, 'int2', 2, 'N', 1005),
  scalar(23, 'int4', 4, 'N', 1007),
  scalar(25, 'text', -1, 'S', 1009),
  scalar(26, 'oid', 4, 'N', 1028),
  scalar(114, 'json', -1, 'U', 199),
  scalar(700, 'float4', 4, 'N', 1021),
  scalar(701, 'float8', 8, 'N', 1022),
  scalar(705, 'unknown', -2, 'X'),
  scalar(1042, 'bpchar', -1, 'S', 1014),
  scalar(1043, 'varchar', -1, 'S', 1015),
  scalar(1082, 'date', 4, 'D', 1182),
  scalar(1083, 'time', 8, 'D', 1183),
  scalar(1114, 'timestamp', 8, 'D', 1115),
  scalar(1184, 'timestamptz', 8, 'D', 1185),
  scalar(1186, 'interval', 16, 'T', 1187),
  scalar(1700, 'numeric', -1, 'N', 1231),
  scalar(2950, 'uuid', 16, 'U', 2951),
  scalar(3802, 'jsonb', -1, 'U', 3807),
  scalar(2278, 'void', 4, 'P'),
  scalar(2249, 'record', -1, 'P', 2287),

  array(1000, '_bool', 16),
  array(1001, '_bytea', 17),
  array(1002, '_char', 18),
  array(1003, '_name', 19),
  array(1016, '_int8', 20),
  array(1005, '_int2', 21),
  array(1007, '_int4', 23),
  array(1009, '_text', 25),
  array(1028, '_oid', 26),
  array(199, '_json', 114),
  array(1021, '_float4', 700),
  array(1022, '_float8', 701),
  array(1014, '_bpchar', 1042),
  array(1015, '_varchar', 1043),
  array(1182, '_date', 1082),
  array(1183, '_time', 1083),
  array(1115, '_timestamp', 1114),
  array(1185, '_timestamptz', 1184),
  array(1187, '_interval', 1186),
  array(1231, '_numeric', 1700),
  array(2951, '_uuid', 2950),
  array(3807, '_jsonb', 3802),
  array(2287, '_record', 2249, 'P'),
];

const byOid = new Map<number, TypeInfo>(infos.map((info) => [info.oid, info]));

/** pg_type facts for a known OID, or undefined. */
export function typeInfo(oid: number): TypeInfo | undefined {
  return byOid.get(oid);
}

/** Every known type, for catalog views. */
export function allTypeInfos(): readonly TypeInfo[] {
  return infos;
}

/**
 * The element OID if `oid` is a true array type, else undefined. Like PostgreSQL's
 * IsTrueArrayType (typelem set and typlen -1), which excludes name's "char" subscripting.
 */
export function arrayElementOid(oid: number): number | undefined {
  const info = byOid.get(oid);
  if (info === undefined) return oid >= USER_TYPE_OID_BASE && oid % 2 === 1 ? oid - 1 : undefined;
  return info.len === -1 ? info.elementOid : undefined;
}

/**
 * User types' OIDs (enums, sql/types/enum-declared-type.ts) are even numbers from here on, each
 * followed by its array type's, so any thread can tell an enum array from its OID alone.
 */
export const USER_TYPE_OID_BASE = 2 ** 30;

/** The display name PostgreSQL uses in input error messages ("invalid input syntax for type X"). */
export function sqlTypeName(oid: number): string {
  switch (oid) {
    case 16: return 'boolean';
    case 20: return 'bigint';
    case 21: return 'smallint';
    case 23: return 'integer';
    case 700: return 'real';
    case 701: return 'double precision';
    case 1184: return 'timestamp with time zone';
    default: return byOid.get(oid)?.name ?? String(oid);
  }
}
