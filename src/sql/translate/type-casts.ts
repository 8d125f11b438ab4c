/**
 * x::type and CAST(x AS type). Only casts onto SQLite's storage classes become SQLite CASTs
 * (integers → INTEGER, floating/numeric → REAL, text → TEXT, bytea → BLOB). Every other type
 * (date, timestamp, json, uuid, bool, arrays, user types …) keeps the value as it is: typing those
 * is the type layer's job, and a CAST to a SQLite affinity would change the value's representation.
 */
import type { TypeCast, TypeName } from 'libpg-query';
import { arrayLiteral } from './array-literals.js';
import { byteaLiteral } from './bytea-literals.js';
import { expression } from './expressions.js';
import { asNode, stringsOf } from './parse-tree.js';
import type { TranslationState } from './translation-state.js';
import { positionOf, unsupported } from './unsupported.js';

type CastClass = 'INTEGER' | 'REAL' | 'TEXT' | 'BLOB';

/** Built-in type names (as the parser normalises them) that map onto a SQLite storage class. */
const castClasses: Record<string, CastClass> = {
  int2: 'INTEGER', int4: 'INTEGER', int8: 'INTEGER',
  // TODO(dialect): numeric is exact in PostgreSQL; REAL until the dialect issue brings exact numeric.
  float4: 'REAL', float8: 'REAL', numeric: 'REAL',
  text: 'TEXT', varchar: 'TEXT', bpchar: 'TEXT',
  bytea: 'BLOB',
};

export function typeCast(st: TranslationState, node: TypeCast, required: number): string {
  const typeName = node.typeName!;
  if (typeName.arrayBounds?.length) {
    const constant = asNode(node.arg, 'A_Const');
    if (constant?.sval !== undefined) {
      const literal = arrayLiteral(typeName, constant.sval.sval ?? '');
      if (literal !== undefined) return literal;
    }
  }
  const castClass = builtinCastClass(typeName);
  if (castClass === undefined) return expression(st, node.arg!, required);
  const base = stringsOf(typeName.names).pop()!;
  const modifiers = typeModifiers(typeName);

  if (castClass === 'BLOB') {
    const literal = asNode(node.arg, 'A_Const');
    if (literal?.sval !== undefined) return byteaLiteral(literal.sval.sval ?? '', positionOf(st, literal.location));
  }
  if (base === 'bpchar' && modifiers.length > 0) {
    // char(n) pads with spaces on output and truncates; neither has a faithful SQLite form yet.
    return unsupported(st, 'a cast to character(n)', node.location);
  }
  // TODO(dialect): PostgreSQL rounds fractional values cast to integers (and rejects non-numeric
  // text); SQLite's CAST truncates (and reads a numeric prefix). The type layer, knowing the
  // source type, picks the faithful form.
  const cast = 'CAST(' + expression(st, node.arg!) + ' AS ' + castClass + ')';
  // An explicit cast to varchar(n) truncates to n characters in PostgreSQL.
  if (base === 'varchar' && modifiers.length > 0) return 'substr(' + cast + ', 1, ' + modifiers[0] + ')';
  // numeric(p, s) rounds to s decimal places (s defaults to 0 when only p is given).
  if (base === 'numeric' && modifiers.length > 0) return 'round(' + cast + ', ' + (modifiers[1] ?? 0) + ')';
  return cast;
}

/** The SQLite class for a built-in scalar type; undefined for arrays, user types and the rest. */
function builtinCastClass(typeName: TypeName): CastClass | undefined {
  if (typeName.arrayBounds?.length || typeName.setof || typeName.pct_type) return undefined;
  const parts = stringsOf(typeName.names);
  // A user type may share a built-in's name in another schema; only pg_catalog's are ours.
  if (parts.length === 2 && parts[0] !== 'pg_catalog') return undefined;
  if (parts.length > 2) return undefined;
  // The parser spells the internal one-byte "char" type as an unqualified `char`; it is not bpchar.
  return castClasses[parts[parts.length - 1] ?? ''];
}

/** Integer type modifiers: varchar(20) → [20], numeric(10, 2) → [10, 2]. */
export function typeModifiers(typeName: TypeName): number[] {
  const out: number[] = [];
  for (const mod of typeName.typmods ?? []) {
    const value = asNode(mod, 'A_Const')?.ival;
    out.push(value?.ival ?? 0);
  }
  return out;
}
