/**
 * PostgreSQL type names as written in DDL ("varchar(20)", "timestamp with time zone", "int[]")
 * → type OID and typmod. SQLite keeps a column's declared type text verbatim, so this also
 * types columns of tables created by pass-through DDL and of pre-existing SQLite files
 * (whose "INTEGER", "REAL", "BLOB" map to their nearest PostgreSQL types).
 */
export interface DeclaredType {
  oid: number;
  /** PostgreSQL typmod: -1 when none; varchar(n)/bpchar(n) n+4; numeric(p,s) ((p<<16)|s)+4; timestamp(p) p. */
  typmod: number;
}

import { enumArrayTypeOid, enumNameOfTypeNames, enumOfDeclaredType, enumTypeOid } from './enum-declared-type.js';

const VARHDRSZ = 4;

/** Base names (lower case, single spaces) → [oid, array oid]. */
const baseTypes: Record<string, [number, number]> = {
  bool: [16, 1000], boolean: [16, 1000],
  bytea: [17, 1001], blob: [17, 1001],
  char: [1042, 1014], character: [1042, 1014], bpchar: [1042, 1014],
  name: [19, 1003],
  // The catalog's one-byte "char" (quoted), unlike char(n) which is bpchar.
  '"char"': [18, 1002],
  regproc: [24, 1008],
  // The catalog's vectors (pg_index.indkey): text like '1 2', not integers by the affinity rule.
  int2vector: [22, 1006], oidvector: [30, 1013],
  int8: [20, 1016], bigint: [20, 1016], bigserial: [20, 1016], serial8: [20, 1016],
  int2: [21, 1005], smallint: [21, 1005], smallserial: [21, 1005], serial2: [21, 1005],
  int4: [23, 1007], int: [23, 1007], integer: [23, 1007], serial: [23, 1007], serial4: [23, 1007],
  text: [25, 1009], clob: [25, 1009],
  oid: [26, 1028],
  json: [114, 199],
  float4: [700, 1021], real: [700, 1021],
  float8: [701, 1022], 'double precision': [701, 1022], double: [701, 1022], float: [701, 1022],
  varchar: [1043, 1015], 'character varying': [1043, 1015], nvarchar: [1043, 1015],
  date: [1082, 1182],
  time: [1083, 1183], 'time without time zone': [1083, 1183],
  timestamp: [1114, 1115], 'timestamp without time zone': [1114, 1115], datetime: [1114, 1115],
  timestamptz: [1184, 1185], 'timestamp with time zone': [1184, 1185],
  interval: [1186, 1187],
  numeric: [1700, 1231], decimal: [1700, 1231],
  // How CREATE TABLE declares numeric: a name with TEXT affinity, so '10.10' stays exact text
  // (sql/translate/column-definitions.ts).
  numeric_text: [1700, 1231],
  uuid: [2950, 2951],
  jsonb: [3802, 3807],
  // How CREATE TABLE declares json and jsonb (storageTypeName).
  json_text: [114, 199],
  jsonb_text: [3802, 3807],
};

/**
 * Types whose columns SQLite must keep as text, declared under a name with TEXT affinity: with
 * their own names (NUMERIC affinity) a json/jsonb value that is a bare number became a number —
 * '1.50' read back as 1.5 and '12345678901234567890' as 12345678901234567000.
 */
const textAffinityNames: Record<string, string> = { json: 'json_text', jsonb: 'jsonb_text' };

/** The declared name a column of this PostgreSQL type gets in SQLite DDL, when not its own. */
export function storageTypeName(postgresType: string): string | undefined {
  return textAffinityNames[postgresType];
}

/**
 * How SQLite DDL declares a numeric column ('' or '(p,s)' modifiers): `numeric_text` has TEXT
 * affinity (NUMERIC affinity would turn '10.10' into the REAL 10.1) and the collation compares
 * the numeric text by value (native/numeric_collation.h). Used by CREATE TABLE and by every
 * engine-side table creation (CREATE TABLE AS, rebuilds).
 */
export function numericColumnDeclaration(modifiers: string): string {
  return 'numeric_text' + modifiers + ' COLLATE pgsqlite_numeric';
}

const unknownType: DeclaredType = { oid: 25, typmod: -1 };

/**
 * The type a parse-tree TypeName names (`$1::int4[]`, `CAST(x AS pg_catalog.varchar(10))`):
 * the built-in schema is dropped, array bounds become `[]`. `asArray` asks for its array type.
 */
export function declaredTypeOfTypeName(
  typeName: { names?: Array<{ String?: { sval?: string } }>; arrayBounds?: unknown[] } | undefined,
  asArray = false,
): DeclaredType | null {
  const names = (typeName?.names ?? []).map((n) => n.String?.sval ?? '');
  // A user type is an enum (enum-declared-type.ts).
  const enumName = enumNameOfTypeNames(names);
  if (enumName !== undefined) return { oid: asArray || typeName?.arrayBounds?.length ? enumArrayTypeOid(enumName) : enumTypeOid(enumName), typmod: -1 };
  const base = names.filter((n) => n && n !== 'pg_catalog').join(' ');
  return parseDeclaredType(base + (asArray || typeName?.arrayBounds?.length ? '[]' : ''));
}

/** Parses a declared type; null when there is none (an expression column). */
export function parseDeclaredType(declared: string | null | undefined): DeclaredType | null {
  if (!declared) return null;
  // An enum column (enum-declared-type.ts): its name keeps its case.
  const enumType = enumOfDeclaredType(declared);
  if (enumType !== undefined) return { oid: enumType.array ? enumArrayTypeOid(enumType.name) : enumTypeOid(enumType.name), typmod: -1 };
  let text = declared.trim().toLowerCase().replace(/\s+/g, ' ');
  let isArray = false;
  if (text.endsWith('[]')) {
    // int[][] is int[]: PostgreSQL arrays of any dimension share one type.
    isArray = true;
    while (text.endsWith('[]')) text = text.slice(0, -2).trim();
  } else if (text.endsWith(' array')) {
    isArray = true;
    text = text.slice(0, -6).trim();
  }
  let modifiers: number[] = [];
  const open = text.indexOf('(');
  if (open >= 0) {
    const close = text.indexOf(')', open);
    modifiers = text.slice(open + 1, close < 0 ? undefined : close).split(',').map((m) => Number.parseInt(m.trim(), 10));
    text = (text.slice(0, open) + (close < 0 ? '' : text.slice(close + 1))).trim().replace(/\s+/g, ' ');
  }
  const base = baseTypes[text] ?? sqliteAffinityType(text);
  if (!base) return unknownType;
  const [oid, arrayOid] = base;
  return { oid: isArray ? arrayOid : oid, typmod: typmodFor(oid, modifiers, text) };
}

function typmodFor(oid: number, modifiers: number[], name: string): number {
  const [first, second] = modifiers;
  if (oid === 1043 && first !== undefined && Number.isFinite(first)) return first + VARHDRSZ;
  if (oid === 1042) return (first !== undefined && Number.isFinite(first) ? first : name === 'bpchar' ? -1 : 1) + VARHDRSZ;
  if (oid === 1700 && first !== undefined && Number.isFinite(first)) return ((first << 16) | (second ?? 0)) + VARHDRSZ;
  // time(p), timestamp(p) and their zoned forms: the fraction digits kept (0–6).
  if ((oid === 1083 || oid === 1114 || oid === 1184 || oid === 1266) && first !== undefined && first >= 0 && first <= 6) return first;
  return -1;
}

/** SQLite's own affinity rules for names we do not know (https://www.sqlite.org/datatype3.html §3.1). */
function sqliteAffinityType(name: string): [number, number] | undefined {
  if (name.includes('int')) return baseTypes.int8;
  if (name.includes('char') || name.includes('clob') || name.includes('text')) return baseTypes.text;
  if (name.includes('blob')) return baseTypes.bytea;
  if (name.includes('real') || name.includes('floa') || name.includes('doub')) return baseTypes.float8;
  return undefined;
}
