/**
 * A type name as text → its OID, as a run-time `::regtype` does (pgx sends
 * `select $1::text::regtype::oid` with '_int4'): pg_type names (int4, _int4, varchar), the SQL
 * spellings (integer, character varying(20), double precision), `[]` for the array type, an
 * optional pg_catalog. prefix, and a number as the OID itself. Unknown names are 42704.
 */
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { pgTypeColumns, pgTypeRows } from './pg-type-rows.js';

const spellings: Record<string, string> = {
  integer: 'int4', int: 'int4', smallint: 'int2', bigint: 'int8', real: 'float4', 'double precision': 'float8', float: 'float8',
  boolean: 'bool', 'character varying': 'varchar', character: 'bpchar', char: 'bpchar', decimal: 'numeric',
  'timestamp without time zone': 'timestamp', 'timestamp with time zone': 'timestamptz', 'time without time zone': 'time',
  'time with time zone': 'timetz', '"char"': 'char',
};

let byName: Map<string, { oid: number; array: number }> | undefined;

function typesByName(): Map<string, { oid: number; array: number }> {
  if (byName) return byName;
  const column = (name: string) => pgTypeColumns.findIndex(([c]) => c === name);
  const [oid, typname, typarray] = [column('oid'), column('typname'), column('typarray')];
  byName = new Map(pgTypeRows().map((row) => [String(row[typname]), { oid: Number(row[oid]), array: Number(row[typarray]) }]));
  return byName;
}

/** The OID a type name denotes, or undefined. */
export function typeOidOfName(text: string): number | undefined {
  let name = text.trim().replace(/\s+/g, ' ');
  let array = false;
  if (name.endsWith('[]')) {
    array = true;
    name = name.slice(0, -2).trim();
  }
  name = name.replace(/^(pg_catalog|"pg_catalog")\./, '').replace(/\s*\([^)]*\)/, '');
  const quoted = /^"(.*)"$/.exec(name);
  const key = quoted && name !== '"char"' ? quoted[1]! : spellings[name.toLowerCase()] ?? name.toLowerCase();
  const found = typesByName().get(key);
  if (found === undefined) return undefined;
  return array ? (found.array || undefined) : found.oid;
}

/** `value::regtype` at run time: an OID stays one; a name is looked up (42704 when unknown). */
export function regtypeOid(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'bigint') return Number(value);
  const text = String(value);
  if (/^\s*\d+\s*$/.test(text)) return Number(text);
  const oid = typeOidOfName(text);
  if (oid === undefined) throw new PgError({ code: SqlState.undefinedObject, message: `type "${text.trim()}" does not exist` });
  return oid;
}
