/**
 * Storage values to the wire, printed exactly as PostgreSQL 15 prints them (DateStyle ISO;
 * IntervalStyle from the context). NULL stays null (the caller sends length -1).
 */
import type { SqliteValue, TypeContext } from './storage.js';
import { arrayElementOid } from './oids.js';
import { encodeScalarBinary, encodeScalarText } from './scalar-encode.js';
import { arrayStorageToBinary, arrayStorageToText } from './arrays.js';

export type { SqliteValue, TypeContext } from './storage.js';

/** Text-format output of a storage value of type `oid`, or null for SQL NULL. */
export function encodeText(oid: number, value: SqliteValue, ctx: TypeContext): string | null {
  if (value === null) return null;
  const element = arrayElementOid(oid);
  return element === undefined ? encodeScalarText(oid, value, ctx) : arrayStorageToText(element, value, ctx);
}

/** Binary-format output of a storage value of type `oid`, or null for SQL NULL. */
export function encodeBinary(oid: number, value: SqliteValue, ctx: TypeContext): Buffer | null {
  if (value === null) return null;
  const element = arrayElementOid(oid);
  return element === undefined ? encodeScalarBinary(oid, value, ctx) : arrayStorageToBinary(element, value, ctx);
}
