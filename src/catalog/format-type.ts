/**
 * format_type(oid, typmod) as PostgreSQL 15 prints it (format_type_extended in
 * src/backend/utils/adt/format_type.c), for the types this server knows.
 */

import { enumDisplayName, enumOfOid } from '../sql/types/enum-declared-type.js';

/** SQL-standard spellings; types not listed print their pg_type name. */
const displayNames: Record<number, string> = {
  16: 'boolean', 17: 'bytea', 18: '"char"', 19: 'name', 20: 'bigint', 21: 'smallint', 22: 'int2vector', 23: 'integer',
  24: 'regproc', 25: 'text', 26: 'oid', 28: 'xid', 30: 'oidvector', 114: 'json', 142: 'xml', 194: 'pg_node_tree',
  650: 'cidr', 700: 'real', 701: 'double precision', 705: 'unknown', 790: 'money', 829: 'macaddr', 869: 'inet',
  1042: 'character', 1043: 'character varying', 1082: 'date', 1083: 'time without time zone',
  1114: 'timestamp without time zone', 1184: 'timestamp with time zone', 1186: 'interval', 1266: 'time with time zone',
  1560: 'bit', 1562: 'bit varying', 1700: 'numeric', 2205: 'regclass', 2206: 'regtype', 2249: 'record', 2278: 'void',
  2950: 'uuid', 3614: 'tsvector', 3802: 'jsonb', 4089: 'regnamespace', 5069: 'xid8',
};

/** Array type → element type. */
const arrayElements: Record<number, number> = {
  1000: 16, 1001: 17, 1002: 18, 1003: 19, 1016: 20, 1005: 21, 1006: 22, 1007: 23, 1009: 25, 1028: 26, 199: 114, 1021: 700,
  1022: 701, 1014: 1042, 1015: 1043, 1182: 1082, 1183: 1083, 1115: 1114, 1185: 1184, 1187: 1186, 1270: 1266, 1231: 1700,
  2951: 2950, 3807: 3802, 2287: 2249, 1008: 24, 2210: 2205, 2211: 2206,
};

const VARHDRSZ = 4;
const timeTypes = new Set([1083, 1114, 1184, 1266]);

/** format_type(oid, typmod); `typmod` undefined is format_type(oid, NULL). */
export function formatType(oid: number, typmod: number | undefined): string {
  const enumType = enumOfOid(oid);
  if (enumType !== undefined) return enumDisplayName(enumType.name) + (enumType.array ? '[]' : '');
  const element = arrayElements[oid];
  if (element !== undefined) return formatType(element, typmod) + '[]';
  const given = typmod !== undefined;
  const mod = typmod ?? -1;
  switch (oid) {
    case 1042:
      if (mod >= VARHDRSZ) return `character(${mod - VARHDRSZ})`;
      return given ? 'character' : 'bpchar';
    case 1043:
      return mod >= VARHDRSZ ? `character varying(${mod - VARHDRSZ})` : 'character varying';
    case 1700:
      if (mod >= VARHDRSZ) {
        const value = mod - VARHDRSZ;
        return `numeric(${(value >> 16) & 0xffff},${value & 0xffff})`;
      }
      return 'numeric';
  }
  if (timeTypes.has(oid) && mod >= 0) {
    const [base, zone] = displayNames[oid]!.split(/ (?=with)/);
    return `${base}(${mod}) ${zone}`;
  }
  return displayNames[oid] ?? '???';
}
