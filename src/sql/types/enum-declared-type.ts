/**
 * How an enum column is declared in SQLite DDL, and enum type OIDs. A column of enum type `mood`
 * is declared `"enumtext:mood"` (`"enumtext:mood[]"` for an array): the name contains "text", so
 * SQLite gives it TEXT affinity and a label such as '1' stays text; the prefix tells the type
 * layer (declared-type.ts) and the catalog which enum it is without reading the database.
 * Enum OIDs are hashes of the type's name (catalog/catalog-oids.ts), so they need no lookup and
 * stay the same across restarts; a RENAME gives a new OID. They are even numbers of a range of
 * their own, each followed by its array type's (protocol/types/oids.ts), so the wire layer prints
 * an enum array as an array without knowing the enum.
 */
import { objectOid } from '../../catalog/catalog-oids.js';
import { USER_TYPE_OID_BASE } from '../../protocol/types/oids.js';
import { splitStorageName, storageName } from '../schema-names.js';

const prefix = 'enumtext:';

/** The declared type of a column of enum `name` (its SQLite storage name: `mood`, `s.mood`). */
export function enumDeclaredType(name: string, array = false): string {
  return prefix + name + (array ? '[]' : '');
}

/** The enum a declared type names, or undefined when it is not an enum column's. */
export function enumOfDeclaredType(declared: string): { name: string; array: boolean } | undefined {
  if (!declared.startsWith(prefix)) return undefined;
  const rest = declared.slice(prefix.length);
  return rest.endsWith('[]') ? { name: rest.slice(0, -2), array: true } : { name: rest, array: false };
}

const known = new Map<number, { name: string; array: boolean }>();

/** The OID of enum type `name` (its pg_type row): even, from USER_TYPE_OID_BASE; its array type's is the next. */
export function enumTypeOid(name: string): number {
  const oid = USER_TYPE_OID_BASE + (objectOid('pg_type', name) % (USER_TYPE_OID_BASE / 2)) * 2;
  if (!known.has(oid)) {
    known.set(oid, { name, array: false });
    known.set(oid + 1, { name, array: true });
  }
  return oid;
}

/** The OID of the array type `_name` of enum `name`. */
export function enumArrayTypeOid(name: string): number {
  return enumTypeOid(name) + 1;
}

/**
 * The enum an OID was computed for in this thread (by enumTypeOid / enumArrayTypeOid), or
 * undefined. Every path to an enum OID (a declared type, a cast, the catalog) computes it first.
 */
export function enumOfOid(oid: number): { name: string; array: boolean } | undefined {
  return known.get(oid);
}

/**
 * PostgreSQL 15's built-in type names (pg_catalog's base, pseudo, range and multirange types) and
 * the SQLite spellings pgsqlite reads back (declared-type.ts): a column or cast of any other
 * unqualified name names a user type, which here can only be an enum.
 */
const builtinTypeNames: ReadonlySet<string> = new Set((
  'aclitem any anyarray anycompatible anycompatiblearray anycompatiblemultirange anycompatiblenonarray anycompatiblerange '
  + 'anyelement anyenum anymultirange anynonarray anyrange bit bool box bpchar bytea char cid cidr circle cstring date '
  + 'datemultirange daterange event_trigger fdw_handler float4 float8 gtsvector index_am_handler inet int2 int2vector int4 '
  + 'int4multirange int4range int8 int8multirange int8range internal interval json jsonb jsonpath language_handler line lseg '
  + 'macaddr macaddr8 money name numeric nummultirange numrange oid oidvector path point polygon record refcursor regclass '
  + 'regcollation regconfig regdictionary regnamespace regoper regoperator regproc regprocedure regrole regtype '
  + 'table_am_handler text tid time timestamp timestamptz timetz trigger tsm_handler tsmultirange tsquery tsrange '
  + 'tstzmultirange tstzrange tsvector txid_snapshot unknown uuid varbit varchar void xid xid8 xml pg_lsn pg_snapshot '
  + 'pg_node_tree pg_ndistinct pg_dependencies pg_mcv_list pg_brin_bloom_summary pg_brin_minmax_multi_summary '
  // SQL spellings the grammar leaves unqualified, serials, and SQLite's own names.
  + 'integer int smallint bigint real boolean decimal character serial serial2 serial4 serial8 smallserial bigserial '
  + 'blob clob datetime nvarchar double float string numeric_text json_text jsonb_text'
).split(' '));

/**
 * The enum a parse-tree type name (`mood`, `public.mood`, `s.mood`) names, as its storage name
 * (`mood`, `s.mood`), or undefined for a built-in type (`pg_catalog.int4`, `text`, `uuid`, …).
 */
export function enumNameOfTypeNames(names: readonly string[]): string | undefined {
  if (names.length === 1) return builtinTypeNames.has(names[0]!) ? undefined : storageName('public', names[0]!);
  if (names.length !== 2 || names[0] === 'pg_catalog' || names[0] === 'information_schema') return undefined;
  return storageName(names[0]!, names[1]!);
}

/** The name PostgreSQL prints for an enum (format_type, error messages): qualified outside public, quoted when it must be. */
export function enumDisplayName(storage: string): string {
  const { schema, name } = splitStorageName(storage);
  const quote = (part: string) => (/^[a-z_][a-z0-9_$]*$/.test(part) ? part : '"' + part.split('"').join('""') + '"');
  return schema === 'public' ? quote(name) : quote(schema) + '.' + quote(name);
}
