/**
 * Bind parameters from the wire to SQLite storage values (conventions in storage.ts).
 * Text-format values are checked as UTF-8 first, as PostgreSQL does before any type input
 * function runs; then each type's input rules apply. OID 0 (unspecified) and 705 (unknown)
 * keep text as a string; their binary values stay bytes (705 binary is text, as unknownrecv).
 */
import type { SqliteValue, TypeContext } from './storage.js';
import { arrayElementOid } from './oids.js';
import { utf8Text } from './text-bytes.js';
import { decodeScalarBinary, decodeScalarText } from './scalar-decode.js';
import { arrayBinaryToStorage, arrayTextToStorage } from './arrays.js';
import { plainIntegerBytes } from './integer-bytes.js';
import { INT2_MAX, INT2_MIN, INT4_MAX, INT4_MIN } from './integer.js';
import { TypeOid } from './oids.js';

export type { SqliteValue, TypeContext } from './storage.js';

/** Converts one Bind parameter (format 0 text, 1 binary) of type `oid` to its storage value. */
export function decodeParam(oid: number, format: 0 | 1, data: Buffer, ctx: TypeContext): SqliteValue {
  if (format === 0) {
    // Integers are the most common parameters; read plain ones without building a string.
    let quick: bigint | undefined;
    if (oid === TypeOid.int4) quick = plainIntegerBytes(data, INT4_MIN, INT4_MAX);
    else if (oid === TypeOid.int8) quick = plainIntegerBytes(data, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    else if (oid === TypeOid.int2) quick = plainIntegerBytes(data, INT2_MIN, INT2_MAX);
    if (quick !== undefined) return quick;
  }
  const element = arrayElementOid(oid);
  if (format === 0) {
    const text = utf8Text(data);
    return element === undefined ? decodeScalarText(oid, text, ctx) : arrayTextToStorage(element, text, ctx);
  }
  return element === undefined ? decodeScalarBinary(oid, data, ctx) : arrayBinaryToStorage(element, data, ctx);
}

/** Converts a parameter already decoded to text (e.g. from a simple-query literal) to storage. */
export function decodeText(oid: number, text: string, ctx: TypeContext): SqliteValue {
  const element = arrayElementOid(oid);
  return element === undefined ? decodeScalarText(oid, text, ctx) : arrayTextToStorage(element, text, ctx);
}

/**
 * The text input function of type `oid`, with the array-or-scalar choice made once: COPY FROM
 * converts a column's values in a loop, and looking the type up per value showed in its profile.
 */
export function textInputFor(oid: number): (text: string, ctx: TypeContext) => SqliteValue {
  const element = arrayElementOid(oid);
  if (element !== undefined) return (text, ctx) => arrayTextToStorage(element, text, ctx);
  return (text, ctx) => decodeScalarText(oid, text, ctx);
}
