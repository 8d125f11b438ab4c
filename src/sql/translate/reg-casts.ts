/**
 * Casts to the OID alias types (regclass, regtype, regnamespace, regproc) and to oid, over the
 * per-database catalog views. PostgreSQL's reg* values are OIDs that print as names; a SQLite
 * value is one or the other, so:
 *   - a string literal cast to regclass/regtype/regnamespace ('books'::regclass) is the OID —
 *     what comparisons with oid columns need ('16397'::regclass is 16397);
 *   - any other value cast to one (conrelid::regclass) is the name, as it prints — an OID
 *     without an object prints as the number, as in PostgreSQL;
 *   - `<reg cast>::oid` is the OID in both cases ('books'::regclass::oid).
 * A relation's OID is computed from its name (pgsqlite_oid, src/catalog/catalog-oids.ts), so a
 * name that names no relation still gets one rather than raising 42P01.
 */
import type { TypeCast, TypeName } from 'libpg-query';
import { declaredTypeOfTypeName } from '../types/declared-type.js';
import { expression } from './expressions.js';
import { quoteString } from './identifiers.js';
import { asNode, stringsOf } from './parse-tree.js';

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

/** The OID a literal names, as SQL. */
function literalOid(type: RegType, text: string): string {
  if (/^\s*\d+\s*$/.test(text)) return String(Number(text));
  switch (type) {
    case 'regclass': return `pgsqlite_oid(${quoteString(objectName(text))})`;
    case 'regtype': {
      const oid = declaredTypeOfTypeName({ names: [{ String: { sval: text.trim().replace(/^pg_catalog\./, '') } }] })?.oid;
      return String(oid ?? 0);
    }
    case 'regnamespace': return `(SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ${quoteString(objectName(text))})`;
    default: return `(SELECT oid FROM pg_proc WHERE proname = ${quoteString(objectName(text.replace(/\(.*$/, '')))} LIMIT 1)`;
  }
}

/** The name an OID-valued expression prints as. */
function nameOf(type: RegType, value: string): string {
  switch (type) {
    case 'regclass': return `coalesce((SELECT relname FROM pg_class WHERE oid = ${value}), ${value})`;
    case 'regtype': return `CASE WHEN ${value} IS NOT NULL THEN format_type(${value}, NULL) END`;
    case 'regnamespace': return `coalesce((SELECT nspname FROM pg_catalog.pg_namespace WHERE oid = ${value}), ${value})`;
    default: return `coalesce((SELECT proname FROM pg_proc WHERE oid = ${value}), ${value})`;
  }
}

/** SQL for a cast to a reg* type or to oid, or undefined when the cast is not one of these. */
export function regTypeCast(st: Parameters<typeof expression>[0], node: TypeCast): string | undefined {
  const target = regTypeOf(node.typeName);
  if (target === undefined) return undefined;
  const inner = asNode(node.arg, 'TypeCast');
  const innerType = inner ? regTypeOf(inner.typeName) : undefined;
  const literal = asNode(node.arg, 'A_Const')?.sval?.sval;
  if (target === 'oid') {
    // 'books'::regclass::oid and x::regclass::oid are OIDs; a plain x::oid is an integer.
    if (inner && innerType && innerType !== 'oid') {
      const innerLiteral = asNode(inner.arg, 'A_Const')?.sval?.sval;
      return innerLiteral !== undefined ? literalOid(innerType, innerLiteral) : '(' + expression(st, inner.arg!) + ')';
    }
    return literal !== undefined && /^\s*\d+\s*$/.test(literal) ? String(Number(literal)) : undefined;
  }
  if (literal !== undefined) return literalOid(target, literal);
  return nameOf(target, '(' + expression(st, node.arg!) + ')');
}
