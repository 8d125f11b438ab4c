import { allTypeInfos, type TypeInfo } from '../protocol/types/oids.js';

/**
 * Rows of pg_catalog.pg_type for the built-in types the server speaks, in PostgreSQL's column
 * order (the subset of columns drivers read at connect time: node-postgres, postgres.js, pgjdbc).
 * The catalog issue extends this into the full catalog.
 */
/** Column name and PostgreSQL type, in pg_type's order; the types become SQLite declared types. */
export const pgTypeColumns: ReadonlyArray<[name: string, type: string]> = [
  ['oid', 'oid'], ['typname', 'name'], ['typnamespace', 'oid'], ['typowner', 'oid'], ['typlen', 'int2'],
  ['typbyval', 'bool'], ['typtype', '"char"'], ['typcategory', '"char"'], ['typispreferred', 'bool'],
  ['typisdefined', 'bool'], ['typdelim', '"char"'], ['typrelid', 'oid'], ['typsubscript', 'regproc'],
  ['typelem', 'oid'], ['typarray', 'oid'], ['typinput', 'regproc'], ['typoutput', 'regproc'],
  ['typreceive', 'regproc'], ['typsend', 'regproc'], ['typmodin', 'regproc'], ['typmodout', 'regproc'],
  ['typanalyze', 'regproc'], ['typalign', '"char"'], ['typstorage', '"char"'], ['typnotnull', 'bool'],
  ['typbasetype', 'oid'], ['typtypmod', 'int4'], ['typndims', 'int4'], ['typcollation', 'oid'], ['typdefault', 'text'],
];

const PG_CATALOG_NAMESPACE = 11;
const BOOTSTRAP_SUPERUSER = 10;
const DEFAULT_COLLATION = 100;

const preferred = new Set(['bool', 'float8', 'text', 'timestamptz', 'interval', 'oid']);
const collatable = new Set(['text', 'varchar', 'bpchar', 'name', 'char']);

function byValue(info: TypeInfo): boolean {
  return info.len > 0 && info.len <= 8 && !['name', 'uuid', 'interval'].includes(info.name);
}

function alignment(info: TypeInfo): string {
  if (info.len === 8 || info.name.startsWith('_') || ['numeric', 'interval'].includes(info.name)) return 'd';
  if (info.len === 2) return 's';
  if (info.len === 1 || info.name === 'name' || info.name === 'uuid' || info.name === 'unknown') return 'c';
  return 'i';
}

export function pgTypeRows(): unknown[][] {
  return allTypeInfos().map((info) => {
    const isArray = info.category === 'A';
    const base = isArray ? 'array' : info.name;
    return [
      info.oid, info.name, PG_CATALOG_NAMESPACE, BOOTSTRAP_SUPERUSER, info.len, byValue(info) ? 1 : 0,
      info.category === 'P' ? 'p' : 'b', info.category, preferred.has(info.name) ? 1 : 0, 1, info.delimiter, 0,
      isArray ? 'array_subscript_handler' : '-', info.elementOid ?? 0, info.arrayOid ?? 0,
      `${base}_in`, `${base}_out`, `${base}_recv`, `${base}_send`, '-', '-', '-', alignment(info),
      info.len === -1 ? 'x' : 'p', 0, 0, -1, 0,
      collatable.has(isArray ? '' : info.name) ? DEFAULT_COLLATION : 0, null,
    ];
  });
}
