/**
 * Array values: PostgreSQL's text and binary array formats to and from the JSON storage text
 * (storage.ts). Elements go through the scalar codecs of the element type, so an int4[]
 * element is checked exactly like an int4 parameter.
 */
import { PgError } from '../pg-error.js';
import { SqlState } from '../sqlstate.js';
import type { SqliteValue, TypeContext } from './storage.js';
import { typeInfo } from './oids.js';
import { MAX_ARRAY_DIMS, parseArrayLiteral, quoteArrayElement, type LiteralNode } from './array-literal.js';
import { elementKind, readStoredArray, storedArrayJson, type StoredNode } from './array-storage.js';
import { decodeScalarBinary, decodeScalarText } from './scalar-decode.js';
import { encodeScalarBinary, encodeScalarText, looseText } from './scalar-encode.js';
import { insufficientData, invalidBinary, notSupported } from './errors.js';

// ---------------------------------------------------------------------------------------------
// Wire to storage

function decodeLiteralNodes(elementOid: number, nodes: LiteralNode[], ctx: TypeContext): StoredNode[] {
  const out: StoredNode[] = new Array(nodes.length);
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k]!;
    out[k] = node === null ? null
      : Array.isArray(node) ? decodeLiteralNodes(elementOid, node, ctx)
        : decodeScalarText(elementOid, node, ctx);
  }
  return out;
}

/** array_in: '{1,2,NULL}' to storage JSON. */
export function arrayTextToStorage(elementOid: number, text: string, ctx: TypeContext): string {
  const nodes = parseArrayLiteral(text);
  return storedArrayJson(elementKind(elementOid), decodeLiteralNodes(elementOid, nodes, ctx));
}

/** Cursor over a binary array value. */
interface BinaryCursor { data: Buffer; pos: number }

function readInt32(c: BinaryCursor): number {
  if (c.pos + 4 > c.data.length) throw insufficientData();
  const v = c.data.readInt32BE(c.pos);
  c.pos += 4;
  return v;
}

function readElements(elementOid: number, c: BinaryCursor, dims: number[], level: number, ctx: TypeContext): StoredNode[] {
  const count = dims[level]!;
  const out: StoredNode[] = new Array(count);
  for (let k = 0; k < count; k++) {
    if (level + 1 < dims.length) {
      out[k] = readElements(elementOid, c, dims, level + 1, ctx);
      continue;
    }
    const len = readInt32(c);
    if (len === -1) { out[k] = null; continue; }
    if (len < -1 || c.pos + len > c.data.length) throw invalidBinary('insufficient data left in message');
    out[k] = decodeScalarBinary(elementOid, c.data.subarray(c.pos, c.pos + len), ctx);
    c.pos += len;
  }
  return out;
}

/** array_recv: ndim, flags, element OID, (size, lower bound) per dimension, then elements. */
export function arrayBinaryToStorage(elementOid: number, data: Buffer, ctx: TypeContext): string {
  const c: BinaryCursor = { data, pos: 0 };
  const ndim = readInt32(c);
  const flags = readInt32(c);
  const sentOid = readInt32(c) >>> 0;
  if (ndim < 0) throw invalidBinary(`invalid number of dimensions: ${ndim}`);
  if (ndim > MAX_ARRAY_DIMS) {
    throw new PgError({
      code: SqlState.programLimitExceeded,
      message: `number of array dimensions (${ndim}) exceeds the maximum allowed (${MAX_ARRAY_DIMS})`,
    });
  }
  if (flags !== 0 && flags !== 1) throw invalidBinary('invalid array flags');
  if (sentOid !== elementOid) {
    throw new PgError({
      code: SqlState.datatypeMismatch,
      message: `binary data has array element type ${sentOid} (${typeInfo(sentOid)?.name ?? '???'}) `
        + `instead of expected ${elementOid} (${typeInfo(elementOid)?.name ?? '???'})`,
    });
  }
  const dims: number[] = [];
  let empty = ndim === 0;
  for (let d = 0; d < ndim; d++) {
    const size = readInt32(c);
    const lower = readInt32(c);
    if (size < 0) throw invalidBinary('invalid array dimensions');
    if (size === 0) empty = true;
    if (lower !== 1 && size > 0) throw notSupported('array lower bounds other than 1 are not supported');
    dims.push(size);
  }
  const kind = elementKind(elementOid);
  if (empty) {
    if (c.pos !== data.length) throw invalidBinary();
    return '[]';
  }
  const items = readElements(elementOid, c, dims, 0, ctx);
  if (c.pos !== data.length) throw invalidBinary();
  return storedArrayJson(kind, items);
}

// ---------------------------------------------------------------------------------------------
// Storage to wire

/** The stored value as element nodes; non-JSON text (e.g. a '{1,2}' literal put there by SQL) is read as a literal. */
function storedNodes(elementOid: number, value: Exclude<SqliteValue, null>, ctx: TypeContext): StoredNode[] | undefined {
  const text = typeof value === 'string' ? value : looseText(value);
  const nodes = readStoredArray(elementKind(elementOid), text);
  if (nodes !== undefined) return nodes;
  try {
    return decodeLiteralNodes(elementOid, parseArrayLiteral(text), ctx);
  } catch {
    return undefined;
  }
}

function textOf(elementOid: number, nodes: StoredNode[], ctx: TypeContext): string {
  let out = '{';
  for (let k = 0; k < nodes.length; k++) {
    if (k > 0) out += ',';
    const node = nodes[k]!;
    if (node === null) out += 'NULL';
    else if (Array.isArray(node)) out += textOf(elementOid, node, ctx);
    else out += quoteArrayElement(encodeScalarText(elementOid, node, ctx));
  }
  return out + '}';
}

/** array_out from storage; text that is not a stored array is passed through unchanged. */
export function arrayStorageToText(elementOid: number, value: Exclude<SqliteValue, null>, ctx: TypeContext): string {
  const nodes = storedNodes(elementOid, value, ctx);
  return nodes === undefined ? looseText(value) : textOf(elementOid, nodes, ctx);
}

function shape(nodes: StoredNode[], dims: number[]): void {
  dims.push(nodes.length);
  const first = nodes[0];
  if (Array.isArray(first)) shape(first, dims);
}

function collect(elementOid: number, nodes: StoredNode[], parts: Buffer[], ctx: TypeContext): boolean {
  let hasNull = false;
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k]!;
    if (Array.isArray(node)) {
      if (collect(elementOid, node, parts, ctx)) hasNull = true;
    } else if (node === null) {
      parts.push(MINUS_ONE);
      hasNull = true;
    } else {
      const body = encodeScalarBinary(elementOid, node, ctx);
      const len = Buffer.allocUnsafe(4);
      len.writeInt32BE(body.length, 0);
      parts.push(len, body);
    }
  }
  return hasNull;
}

const MINUS_ONE = Buffer.from([0xff, 0xff, 0xff, 0xff]);

/** array_send from storage. */
export function arrayStorageToBinary(elementOid: number, value: Exclude<SqliteValue, null>, ctx: TypeContext): Buffer {
  const nodes = storedNodes(elementOid, value, ctx);
  if (nodes === undefined) {
    throw new PgError({
      code: SqlState.invalidTextRepresentation,
      message: `malformed array literal: "${looseText(value)}"`,
    });
  }
  const dims: number[] = [];
  if (nodes.length > 0) shape(nodes, dims);
  const parts: Buffer[] = [];
  const header = Buffer.allocUnsafe(12 + dims.length * 8);
  parts.push(header);
  const hasNull = collect(elementOid, nodes, parts, ctx);
  header.writeInt32BE(dims.length, 0);
  header.writeInt32BE(hasNull ? 1 : 0, 4);
  header.writeUInt32BE(elementOid, 8);
  for (let d = 0; d < dims.length; d++) {
    header.writeInt32BE(dims[d]!, 12 + d * 8);
    header.writeInt32BE(1, 16 + d * 8);
  }
  return Buffer.concat(parts);
}
