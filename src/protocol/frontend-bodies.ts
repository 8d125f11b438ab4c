import type { FrontendMessage } from './frontend-messages.js';
import { FrontendCode, StartupCode } from './message-codes.js';
import type { MessageReader } from './message-reader.js';
import { protocolViolation } from './protocol-violation.js';

/**
 * Message bodies, once framing has isolated exactly one message. The reader is bounded by the
 * message, so a count or length that claims more than the message holds fails with 08P01 instead
 * of reading the next message. Error texts follow PostgreSQL's where it has one.
 */

/** Decodes a regular (typed) message body. `code` has already been checked by the framing layer. */
export function decodeFrontendBody(code: number, reader: MessageReader): FrontendMessage {
  switch (code) {
    case FrontendCode.query: {
      const sql = reader.cstring();
      reader.done();
      return { type: 'query', sql };
    }
    case FrontendCode.parse: {
      const name = reader.cstring();
      const sql = reader.cstring();
      const count = reader.uint16();
      // Checking the count against the bytes left before allocating keeps a lying count from sizing an array.
      if (reader.remaining < count * 4) throw protocolViolation('insufficient data left in message');
      const paramTypes = new Array<number>(count);
      for (let i = 0; i < count; i++) paramTypes[i] = reader.uint32();
      reader.done();
      return { type: 'parse', name, sql, paramTypes };
    }
    case FrontendCode.bind:
      return decodeBind(reader);
    case FrontendCode.describe: {
      const kind = decodeKind(reader, 'DESCRIBE');
      const name = reader.cstring();
      reader.done();
      return { type: 'describe', kind, name };
    }
    case FrontendCode.execute: {
      const portal = reader.cstring();
      const maxRows = reader.int32();
      reader.done();
      return { type: 'execute', portal, maxRows };
    }
    case FrontendCode.close: {
      const kind = decodeKind(reader, 'CLOSE');
      const name = reader.cstring();
      reader.done();
      return { type: 'close', kind, name };
    }
    case FrontendCode.sync:
      reader.done();
      return { type: 'sync' };
    case FrontendCode.flush:
      reader.done();
      return { type: 'flush' };
    case FrontendCode.terminate:
      reader.done();
      return { type: 'terminate' };
    case FrontendCode.copyData:
      return { type: 'copyData', data: reader.rest() };
    case FrontendCode.copyDone:
      reader.done();
      return { type: 'copyDone' };
    case FrontendCode.copyFail: {
      const message = reader.cstring();
      reader.done();
      return { type: 'copyFail', message };
    }
    case FrontendCode.password:
      return { type: 'password', data: reader.rest() };
    case FrontendCode.functionCall:
      return { type: 'functionCall', data: reader.rest() };
    default:
      throw protocolViolation(`invalid frontend message type ${code}`);
  }
}

function decodeBind(reader: MessageReader): FrontendMessage {
  const portal = reader.cstring();
  const statement = reader.cstring();
  const paramFormats = readInt16List(reader);
  const paramCount = reader.uint16();
  // Every parameter takes at least its 4-byte length word.
  if (reader.remaining < paramCount * 4) throw protocolViolation('insufficient data left in message');
  const params = new Array<Buffer | null>(paramCount);
  for (let i = 0; i < paramCount; i++) {
    const length = reader.int32();
    // -1 is NULL; any other negative length is rejected by bytes().
    params[i] = length === -1 ? null : reader.bytes(length);
  }
  const resultFormats = readInt16List(reader);
  reader.done();
  return { type: 'bind', portal, statement, paramFormats, params, resultFormats };
}

/** An Int16 count followed by that many Int16 values (format codes). */
function readInt16List(reader: MessageReader): number[] {
  const count = reader.uint16();
  if (reader.remaining < count * 2) throw protocolViolation('insufficient data left in message');
  const values = new Array<number>(count);
  for (let i = 0; i < count; i++) values[i] = reader.int16();
  return values;
}

function decodeKind(reader: MessageReader, command: 'DESCRIBE' | 'CLOSE'): 'S' | 'P' {
  const kind = reader.byte();
  if (kind === 0x53) return 'S';
  if (kind === 0x50) return 'P';
  throw protocolViolation(`invalid ${command} message subtype ${kind}`);
}

/**
 * Decodes a startup-phase packet: frame[start, end) is the whole packet, starting with its length word.
 * The framing layer has checked the length is within PostgreSQL's bounds (8..10004).
 */
export function decodeStartupPacket(frame: Buffer, start: number, end: number, reader: MessageReader): FrontendMessage {
  reader.reset(frame, start + 4, end);
  const code = reader.uint32();
  const length = end - start;
  switch (code) {
    case StartupCode.sslRequest:
      // Exactly 8 bytes: anything more would be unencrypted data smuggled ahead of the TLS handshake.
      if (length !== 8) throw protocolViolation('invalid length of startup packet');
      return { type: 'sslRequest' };
    case StartupCode.gssEncRequest:
      if (length !== 8) throw protocolViolation('invalid length of startup packet');
      return { type: 'gssEncRequest' };
    case StartupCode.cancelRequest: {
      if (length !== 16) throw protocolViolation('invalid length of cancel request packet');
      const processId = reader.int32();
      const secretKey = reader.int32();
      return { type: 'cancelRequest', processId, secretKey };
    }
  }
  // Any other code is a protocol version; the server decides what to do with versions it does not
  // speak. Only major version 3 has the name/value layout, so others come back without parameters.
  if (code >>> 16 !== 3) return { type: 'startup', protocolVersion: code, parameters: {} };
  return { type: 'startup', protocolVersion: code, parameters: decodeStartupParameters(frame, end, reader) };
}

/** Name/value C-string pairs ended by an empty name, which must be the packet's last byte. */
function decodeStartupParameters(frame: Buffer, end: number, reader: MessageReader): Record<string, string> {
  // At least the terminator must be there. With the last byte known to be NUL, every cstring()
  // below finds its terminator inside the packet.
  if (reader.remaining === 0 || frame[end - 1] !== 0) throw layoutError();
  const entries: [string, string][] = [];
  for (;;) {
    const name = reader.cstring();
    if (name === '') break;
    // The name's NUL was the last byte: a name without a value and no terminator.
    if (reader.remaining === 0) throw layoutError();
    entries.push([name, reader.cstring()]);
    if (reader.remaining === 0) throw layoutError();
  }
  if (reader.remaining !== 0) throw layoutError();
  // fromEntries defines own properties, so a parameter named "__proto__" is data, not a prototype change.
  // A repeated name keeps its last value, as in PostgreSQL.
  return Object.fromEntries(entries);
}

function layoutError() {
  return protocolViolation('invalid startup packet layout: expected terminator as last byte');
}
