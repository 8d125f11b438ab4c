/**
 * Casts to the OID alias types (regclass, regtype, regnamespace, regproc) and to oid, over the
 * per-database catalog views. PostgreSQL's reg* values are OIDs that print as names; a SQLite
 * value is one or the other, so:
 *   - a string literal cast to regclass/regtype/regnamespace ('books'::regclass) is the OID —
 *     what comparisons with oid columns need ('16397'::regclass is 16397);
 *   - any other value cast to one (conrelid::regclass) is the name, as it prints — an OID
 *     without an object prints as the number, as in PostgreSQL; for regclass a run-time name
 *     (pg_get_serial_sequence(…)::regclass, $1::regclass) is looked up and printed the same way;
 *   - `<reg cast>::oid` is the OID in both cases ('books'::regclass::oid).
 * A relation's OID is computed from its name (pgsqlite_oid, src/catalog/catalog-oids.ts); a name
 * that names no relation is 42P01, as in PostgreSQL.
 */
import { typeOidOfName } from '../../catalog/type-names.js';
import { enumRegtype } from './enum-types.js';
import type { TypeCast, TypeName } from 'libpg-query';
import { expression } from './expressions.js';
import { quoteString } from './identifiers.js';
import { asNode, stringsOf } from './parse-tree.js';
import { publicSchema, storageName, systemSchemas } from '../schema-names.js';
import { schemaOfRelation, type NamespaceContext } from '../search-path.js';
import { missingRelationMessage, parseRegclassName, systemCatalogOids } from '../regclass-names.js';

type RegType = 'regclass' | 'regtype' | 'regnamespace' | 'regproc' | 'regprocedure' | 'oid';

function regTypeOf(typeName: TypeName | undefined): RegType | undefined {
  if (!typeName || typeName.arrayBounds?.length) return undefined;
  const parts = stringsOf(typeName.names);
  if (parts.length > 2 || (parts.length === 2 && parts[0] !== 'pg_catalog')) return undefined;
  const name = parts[parts.length - 1];
  return name === 'regclass' || name === 'regtype' || name === 'regnamespace' || name === 'regproc' || name === 'regprocedure' || name === 'oid'
    ? name : undefined;
}

/** An object name as written in a reg* literal: "Quoted" keeps its case, bare folds to lower case, a schema is dropped. */
function objectName(text: string): string {
  const parts = text.match(/"(?:[^"]|"")*"|[^.]+/g) ?? [text];
  const last = parts[parts.length - 1]!.trim();
  return last.startsWith('"') ? last.slice(1, -1).replace(/""/g, '"') : last.toLowerCase();
}

/**
 * The SQLite name of the relation a regclass literal names ('sales.orders', 'orders'): qualified,
 * or found along the search path (src/sql/schema-names.ts).
 */
function relationStorageName(text: string, namespaces: NamespaceContext | undefined): string {
  const name = objectName(text);
  const parts = text.match(/"(?:[^"]|"")*"|[^.]+/g) ?? [text];
  if (parts.length === 2) {
    const first = parts[0]!.trim();
    const schema = first.startsWith('"') ? first.slice(1, -1).replace(/""/g, '"') : first.toLowerCase();
    return systemSchemas.has(schema) ? name : storageName(schema, name);
  }
  const schema = namespaces?.key ? schemaOfRelation(namespaces, name) : undefined;
  return storageName(schema ?? publicSchema, name);
}

/**
 * A regclass literal's OID: the relation's, or 42P01 when there is none. Names of system schemas
 * and unqualified pg_* names other than the catalogs above keep the computed OID (the catalog
 * relations have no pg_class rows here).
 */
function relationOid(text: string, namespaces: NamespaceContext | undefined): string {
  const computed = `pgsqlite_oid(${quoteString(relationStorageName(text, namespaces))})`;
  const { schema, name } = parseRegclassName(text);
  if (schema !== undefined ? systemSchemas.has(schema) : name.startsWith('pg_')) return computed;
  return `coalesce((SELECT oid FROM pg_class WHERE oid = ${computed}), pgsqlite_raise('42P01', ${quoteString(missingRelationMessage(text))}))`;
}

/**
 * The OID a run-time regclass value `v` stands for (a column of a one-row subquery, evaluated
 * once): an OID (a number, or digits) as it is; a name looked up as regclassin does — a system
 * catalog's fixed OID, then each schema of the search path (src/sql/regclass-names.ts) — and
 * 42P01 when no relation has it.
 */
function runtimeRegclassOid(v: string, namespaces: NamespaceContext | undefined): string {
  const path = quoteString(JSON.stringify(namespaces?.searchPath ?? [publicSchema]));
  return `CASE WHEN ${v} IS NULL THEN NULL WHEN typeof(${v}) IN ('integer', 'real') OR (${v} <> '' AND ${v} NOT GLOB '*[^0-9]*') THEN CAST(${v} AS INTEGER) `
    + `ELSE coalesce((SELECT CASE WHEN typeof(j.value) = 'integer' THEN j.value ELSE c.oid END FROM json_each(pgsqlite_regclass_candidates(${v}, ${path})) j `
    + `LEFT JOIN pg_class c ON typeof(j.value) = 'text' AND c.oid = pgsqlite_oid(j.value) WHERE typeof(j.value) = 'integer' OR c.oid IS NOT NULL `
    + `ORDER BY j.key LIMIT 1), pgsqlite_regclass_missing(${v})) END`;
}

/** `value` (an expression) in a one-row subquery as `x.v`, so the SQL built over it evaluates it once. */
const overValue = (value: string, select: (v: string) => string) => `(SELECT ${select('x.v')} FROM (SELECT ${value} AS v) x)`;

/** The OID a literal names, as SQL. */
function literalOid(type: RegType, text: string, namespaces?: NamespaceContext): string {
  if (/^\s*\d+\s*$/.test(text)) return String(Number(text));
  const catalogOid = type === 'regclass' && /^\s*(pg_catalog\.)?\w+\s*$/.test(text) ? systemCatalogOids[objectName(text)] : undefined;
  if (catalogOid !== undefined) return String(catalogOid);
  switch (type) {
    case 'regclass': return relationOid(text, namespaces);
    // pg_type names and SQL spellings ('_int4', 'character varying'); an unknown name is 42704 (catalog/type-names.ts).
    case 'regtype': return typeOidOfName(text) === undefined ? (enumRegtype(text) ?? `pgsqlite_regtype_oid(${quoteString(text)})`) : `pgsqlite_regtype_oid(${quoteString(text)})`;
    case 'regnamespace': return `(SELECT oid FROM pg_namespace WHERE nspname = ${quoteString(objectName(text))})`;
    default: return `(SELECT oid FROM pg_proc WHERE proname = ${quoteString(objectName(text.replace(/\(.*$/, '')))} LIMIT 1)`;
  }
}

/** The name an OID-valued expression prints as: a relation off the search path with its schema. */
function nameOf(type: RegType, value: string, namespaces?: NamespaceContext): string {
  switch (type) {
    case 'regclass': {
      // As regclassout prints it: '-' for 0, the name (quoted when it must be) with its schema when that is off
      // the search path, a system catalog's name, else the number.
      const visible = ['pg_catalog', ...(namespaces?.searchPath ?? [publicSchema])].map((schema) => `pgsqlite_schema_oid(${quoteString(schema)})`).join(', ');
      const oid = `(${runtimeRegclassOid('x.v', namespaces)})`;
      return `(SELECT CASE WHEN r.oid IS NULL THEN NULL WHEN r.oid = 0 THEN '-' ELSE coalesce((SELECT CASE WHEN c.relnamespace IN (${visible}) THEN '' `
        + `ELSE pgsqlite_quote_name((SELECT nspname FROM pg_namespace WHERE oid = c.relnamespace)) || '.' END || pgsqlite_quote_name(c.relname) `
        + `FROM pg_class c WHERE c.oid = r.oid), pgsqlite_system_catalog_name(r.oid), CAST(r.oid AS TEXT)) END `
        + `FROM (SELECT ${oid} AS oid FROM (SELECT ${value} AS v) x) r)`;
    }
    // The value may be an OID or a type name (TypeORM: ('"' || udt_schema || '"."' || udt_name || '"')::regtype).
    case 'regtype': return `CASE WHEN ${value} IS NOT NULL THEN format_type(pgsqlite_regtype_oid(${value}), NULL) END`;
    case 'regnamespace': return `coalesce((SELECT nspname FROM pg_namespace WHERE oid = ${value}), ${value})`;
    default: return `coalesce((SELECT proname FROM pg_proc WHERE oid = ${value}), ${value})`;
  }
}

/** SQL for a cast to a reg* type or to oid, or undefined when the cast is not one of these. */
export function regTypeCast(st: Parameters<typeof expression>[0], node: TypeCast): string | undefined {
  const array = regArrayLiteral(node);
  if (array !== undefined) return array;
  const target = regTypeOf(node.typeName);
  if (target === undefined) return undefined;
  const inner = asNode(node.arg, 'TypeCast');
  const innerType = inner ? regTypeOf(inner.typeName) : undefined;
  const literal = asNode(node.arg, 'A_Const')?.sval?.sval;
  if (target === 'oid') {
    // 'books'::regclass::oid and x::regclass::oid are OIDs; a plain x::oid is an integer.
    if (inner && innerType && innerType !== 'oid') {
      const innerLiteral = asNode(inner.arg, 'A_Const')?.sval?.sval;
      if (innerLiteral !== undefined) return literalOid(innerType, innerLiteral, st.context.namespaces);
      // A run-time value (pgx: `$1::text::regtype::oid` with '_int4'): a type name is looked up, an OID kept.
      if (innerType === 'regtype') return 'pgsqlite_regtype_oid(' + expression(st, inner.arg!) + ')';
      // A name for regclass ($1::regclass::oid, pg_get_serial_sequence(…)::regclass::oid) is looked up; an OID kept.
      if (innerType === 'regclass') return overValue('(' + expression(st, inner.arg!) + ')', (v) => runtimeRegclassOid(v, st.context.namespaces));
      return '(' + expression(st, inner.arg!) + ')';
    }
    return literal !== undefined && /^\s*\d+\s*$/.test(literal) ? String(Number(literal)) : undefined;
  }
  if (literal !== undefined) return literalOid(target, literal, st.context.namespaces);
  return nameOf(target, '(' + expression(st, node.arg!) + ')', st.context.namespaces);
}

/**
 * `'{int,int8,int2}'::regtype[]` (drizzle-kit's introspection): a JSON array of the OIDs, the
 * storage form of arrays, so `atttypid = ANY (…)` finds them.
 */
function regArrayLiteral(node: TypeCast): string | undefined {
  const typeName = node.typeName;
  if (typeName?.arrayBounds?.length !== 1) return undefined;
  const type = regTypeOf({ ...typeName, arrayBounds: undefined });
  const text = asNode(node.arg, 'A_Const')?.sval?.sval;
  if (type === undefined || type === 'oid' || text === undefined) return undefined;
  const body = text.trim();
  if (!body.startsWith('{') || !body.endsWith('}')) return undefined;
  const items = body.slice(1, -1).match(/"(?:[^"\\]|\\.)*"|[^,]+/g) ?? [];
  const oids = items.map((item) => {
    const trimmed = item.trim();
    return literalOid(type, trimmed.startsWith('"') ? trimmed.slice(1, -1).replace(/\\(.)/g, '$1') : trimmed);
  });
  return 'json_array(' + oids.join(', ') + ')';
}
