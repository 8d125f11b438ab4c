/**
 * x::type and CAST(x AS type). Only casts onto SQLite's storage classes become SQLite CASTs
 * (integers → INTEGER, floating/numeric → REAL, text → TEXT, bytea → BLOB). Every other type
 * (date, timestamp, json, uuid, bool, arrays, user types …) keeps the value as it is: typing those
 * is the type layer's job, and a CAST to a SQLite affinity would change the value's representation.
 */
import type { TypeCast, TypeName } from 'libpg-query';
import { decodeText } from '../../protocol/types/decode-param.js';
import type { SqliteValue } from '../../protocol/types/storage.js';
import { inferExpressionType } from '../infer-output-types.js';
import type { AstNode } from '../parser.js';
import { declaredTypeOfTypeName } from '../types/declared-type.js';
import { enumNameOfTypeNames } from '../types/enum-declared-type.js';
import { enumCast } from './enum-types.js';
import { arrayLiteral } from './array-literals.js';
import { byteaLiteral } from './bytea-literals.js';
import { expression } from './expressions.js';
import { quoteString } from './identifiers.js';
import { integerCastOfColumn } from './numeric-column-forms.js';
import { regTypeCast } from './reg-casts.js';
import { bpcharCast } from './char-casts.js';
import { floatCast } from './float-casts.js';
import { asNode, stringsOf } from './parse-tree.js';
import type { TranslationState } from './translation-state.js';
import { positionOf } from './unsupported.js';
import { PgError } from '../../protocol/pg-error.js';
import { parseNumeric } from '../../protocol/types/numeric.js';
import { formatDecimal, numericWithTypmod, parseDecimal } from '../types/decimal.js';
import { SqlState } from '../../protocol/sqlstate.js';

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
  const regCast = regTypeCast(st, node);
  if (regCast !== undefined) return regCast;
  const typeName = node.typeName!;
  const enumName = enumNameOfTypeNames(stringsOf(typeName.names));
  if (enumName !== undefined && !typeName.arrayBounds?.length) return enumCast(enumName, expression(st, node.arg!));
  if (typeName.arrayBounds?.length) {
    const constant = asNode(node.arg, 'A_Const');
    if (constant?.sval !== undefined) {
      const literal = arrayLiteral(typeName, constant.sval.sval ?? '');
      if (literal !== undefined) return literal;
    }
  }
  const castClass = builtinCastClass(typeName);
  const base = stringsOf(typeName.names).pop()!;
  const modifiers = typeModifiers(typeName);
  const literal = asNode(node.arg, 'A_Const');
  if (literal?.sval !== undefined && modifiers.length === 0 && !typeName.arrayBounds?.length) {
    const folded = foldedLiteral(typeName, literal.sval.sval ?? '');
    if (folded !== undefined) return folded;
  }
  if (base === 'numeric' && castClass !== undefined) return numericCast(st, node, modifiers);
  const datetime = datetimeCastOid(typeName);
  if (datetime !== undefined) return 'pgsqlite_cast_datetime(' + expression(st, node.arg!) + ', ' + datetime + ')';
  if (castClass === undefined) return expression(st, node.arg!, required);
  const argType = inferExpressionType(node.arg as AstNode);
  const float = floatCast(st, node, base, modifiers);
  if (float !== undefined) return float;
  if (castClass === 'INTEGER') {
    const constant = integerConstant(node.arg, base);
    if (constant !== undefined) return constant;
    // numeric and float to integer round (half away from zero for numeric); SQLite's CAST truncates.
    if (argType === NUMERIC || argType === FLOAT8 || argType === FLOAT4) return 'CAST(round(' + expression(st, node.arg!) + ') AS INTEGER)';
    const columnCast = integerCastOfColumn(st, node.arg!, expression(st, node.arg!));
    if (columnCast !== undefined) return columnCast;
  }
  // A decimal constant keeps its digits as text (4.20::text is '4.20'; SQLite's REAL would print 4.2).
  const decimal = castClass === 'TEXT' && modifiers.length === 0 ? asNode(node.arg, 'A_Const')?.fval?.fval : undefined;
  if (decimal !== undefined) return quoteString(parseNumeric(decimal));
  // bool to text is 'true'/'false' in PostgreSQL; SQLite would print its 1/0.
  if (castClass === 'TEXT' && argType === BOOL) {
    const value = expression(st, node.arg!);
    return "CASE WHEN " + value + " THEN 'true' WHEN NOT " + value + " THEN 'false' END";
  }

  if (castClass === 'BLOB') {
    const literal = asNode(node.arg, 'A_Const');
    if (literal?.sval !== undefined) return byteaLiteral(literal.sval.sval ?? '', positionOf(st, literal.location));
  }
  if (base === 'bpchar') return bpcharCast(expression(st, node.arg!), modifiers[0]);
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

const BOOL = 16, FLOAT4 = 700, FLOAT8 = 701, NUMERIC = 1700;

/**
 * x::numeric and x::numeric(p, s). numeric is exact (TEXT storage, protocol/types/storage.ts): a
 * constant becomes its canonical text here (its input errors raised as PostgreSQL raises them),
 * anything else goes through the engine's pgsqlite_numeric (catalog/numeric-functions.ts).
 */
function numericCast(st: TranslationState, node: TypeCast, modifiers: number[]): string {
  const precision = modifiers.length > 0 ? modifiers[0]! : -1;
  const scale = modifiers[1] ?? 0;
  const constant = asNode(node.arg, 'A_Const');
  const text = constant === undefined || constant.isnull || constant.boolval !== undefined ? undefined
    : constant.sval !== undefined ? constant.sval.sval ?? ''
      : constant.ival !== undefined ? String(constant.ival.ival ?? 0) : constant.fval?.fval;
  if (text !== undefined) {
    const exact = parseDecimal(parseNumeric(text));
    return quoteString(formatDecimal(precision < 0 ? exact : numericWithTypmod(exact, precision, scale)));
  }
  return 'pgsqlite_numeric(' + expression(st, node.arg!) + ', ' + precision + ', ' + scale + ')';
}

/**
 * Types whose text input is decided at translation: a literal cast to one of them ('42'::int,
 * '2024-01-02'::date, '{"b":1}'::jsonb) becomes its storage value, or the type's input error
 * (22P02 …) as PostgreSQL raises it. Left out: numeric (stored as REAL until exact numeric),
 * timestamptz (reads the session's TimeZone at run time) and time-relative words ('now', 'today').
 */
const foldedTypes = new Set([20, 21, 23, BOOL, FLOAT4, FLOAT8, 1082, 1083, 1114, 1186, 2950, 114, 3802]);
const dateTypes = new Set([1082, 1114]);

function foldedLiteral(typeName: TypeName, text: string): string | undefined {
  const parts = stringsOf(typeName.names);
  if (parts.length === 2 && parts[0] !== 'pg_catalog') return undefined;
  const oid = declaredTypeOfTypeName(typeName as Parameters<typeof declaredTypeOfTypeName>[0])?.oid;
  if (oid === undefined || !foldedTypes.has(oid)) return undefined;
  if (dateTypes.has(oid) && !/^\s*(\d{4}-\d\d-\d\d|[+-]?infinity\s*$|epoch\s*$)/i.test(text)) return undefined;
  if (/now|today|tomorrow|yesterday/i.test(text)) return undefined;
  return sqliteLiteral(decodeText(oid, text, { timeZone: 'UTC', dateStyle: 'ISO, MDY', intervalStyle: 'postgres' }));
}

function sqliteLiteral(value: SqliteValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return "'NaN'";
    if (!Number.isFinite(value)) return value > 0 ? '9e999' : '-9e999';
    // -0 keeps its sign ('-0'::float8 prints -0).
    const text = Object.is(value, -0) ? '-0' : String(value);
    return /[.e]/i.test(text) ? text : text + '.0';
  }
  if (typeof value === 'string') return quoteString(value);
  return "X'" + Buffer.from(value).toString('hex') + "'";
}

const integerRanges: Record<string, [bigint, bigint, string]> = {
  int2: [-32768n, 32767n, 'smallint'], int4: [-2147483648n, 2147483647n, 'integer'], int8: [-9223372036854775808n, 9223372036854775807n, 'bigint'],
};

/** A numeric constant cast to an integer type: rounded half away from zero, range-checked. */
function integerConstant(arg: TypeCast['arg'], base: string): string | undefined {
  const constant = asNode(arg, 'A_Const');
  if (constant === undefined || constant.sval !== undefined || constant.isnull || constant.boolval !== undefined) return undefined;
  const text = constant.ival !== undefined ? String(constant.ival.ival ?? 0) : constant.fval?.fval;
  if (text === undefined || !/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return undefined;
  const rounded = /^-?\d+$/.test(text) ? BigInt(text) : BigInt(Math.sign(Number(text)) * Math.round(Math.abs(Number(text))));
  const range = integerRanges[base];
  if (range === undefined) return undefined;
  if (rounded < range[0] || rounded > range[1]) {
    throw new PgError({ code: SqlState.numericValueOutOfRange, message: `${range[2]} out of range` });
  }
  return rounded.toString();
}

/**
 * Casts between date/time types change the stored form (a timestamp's date, a date's midnight, a
 * timestamptz's wall clock in the session's zone) and read text in any input form: the engine's
 * pgsqlite_cast_datetime does both (catalog/datetime-functions.ts). Literals were folded above.
 */
function datetimeCastOid(typeName: TypeName): number | undefined {
  if (typeName.arrayBounds?.length || builtinCastClassParts(typeName) === undefined) return undefined;
  const oid = declaredTypeOfTypeName(typeName as Parameters<typeof declaredTypeOfTypeName>[0])?.oid;
  return oid === 1082 || oid === 1083 || oid === 1114 || oid === 1184 || oid === 1186 ? oid : undefined;
}

function builtinCastClassParts(typeName: TypeName): string[] | undefined {
  const parts = stringsOf(typeName.names);
  if ((parts.length === 2 && parts[0] !== 'pg_catalog') || parts.length > 2) return undefined;
  return parts;
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
