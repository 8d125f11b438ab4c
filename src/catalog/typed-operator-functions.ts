/**
 * pgsqlite_typed_op(op, type, a, b): an operator whose meaning the engine chose from the
 * operands' declared types when it prepared the statement (a typed slot, sql/types/type-terms.ts;
 * the translator writes it in sql/translate/operators.ts). `type` is the operator's result type.
 */
import type Database from 'better-sqlite3';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import {
  addDecimal, divideDecimal, formatDecimal, moduloDecimal, multiplyDecimal, subtractDecimal, toDecimal, type Decimal,
} from '../sql/types/decimal.js';
import { arrayElements, arrayJson, elementOf } from './array-functions.js';
import { jsonbConcat, jsonbDelete, jsonbDeletePath } from './json-functions.js';

const NUMERIC = 1700;
const JSONB = 3802;

const numericOps: Record<string, (a: Decimal, b: Decimal) => Decimal> = {
  '+': addDecimal, '-': subtractDecimal, '*': multiplyDecimal, '/': divideDecimal, '%': moduloDecimal,
};

const looksLikeArray = (v: unknown) => typeof v === 'string' && (v.charCodeAt(0) === 91 || v.charCodeAt(0) === 123); // '[' or '{'

function typedOperator(op: unknown, type: unknown, a: unknown, b: unknown): unknown {
  const oid = Number(type);
  if (oid === NUMERIC) {
    const x = toDecimal(a);
    const y = toDecimal(b);
    return x === undefined || y === undefined ? null : formatDecimal(numericOps[String(op)]!(x, y));
  }
  if (oid === JSONB) {
    if (a === null || b === null) return null;
    return op === '||' ? jsonbConcat(a, b) : op === '-' ? jsonbDelete(a, b) : jsonbDeletePath(a, b);
  }
  if (op === '||') {
    // An array type: array || array, array || element, element || array.
    if (a === null && b === null) return null;
    if (looksLikeArray(a) && (looksLikeArray(b) || b === null)) return arrayJson([...arrayElements(a), ...(b === null ? [] : arrayElements(b))]);
    if (looksLikeArray(b) && a === null) return arrayJson(arrayElements(b));
    if (looksLikeArray(a)) return arrayJson([...arrayElements(a), elementOf(b)]);
    if (looksLikeArray(b)) return arrayJson([elementOf(a), ...arrayElements(b)]);
  }
  throw new PgError({ code: SqlState.undefinedFunction, message: `operator does not exist for type ${oid}: ${String(op)}` });
}

export function registerTypedOperatorFunctions(db: Database.Database): void {
  db.function('pgsqlite_typed_op', { deterministic: true }, typedOperator);
}
