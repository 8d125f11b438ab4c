import { MessageReader } from './message-reader.js';
import { protocolViolation } from './protocol-violation.js';

/**
 * Every message a client can send, as the decoder hands it to the server.
 *
 * Buffer fields are views into the bytes the decoder received (no copy); the decoder never writes
 * to them, so they stay valid for as long as they are referenced.
 */
export type FrontendMessage =
  // Startup phase: packets without a type byte.
  | { type: 'startup'; protocolVersion: number; parameters: Record<string, string> }
  | { type: 'sslRequest' }
  | { type: 'gssEncRequest' }
  | { type: 'cancelRequest'; processId: number; secretKey: number }
  // Simple query protocol.
  | { type: 'query'; sql: string }
  // Extended query protocol. Counts and format codes are passed through unchecked: a mismatch
  // (e.g. 3 parameter formats for 2 parameters) or a format code other than 0/1 is an ERROR the
  // server reports and recovers from, not a framing problem.
  | { type: 'parse'; name: string; sql: string; paramTypes: number[] }
  | {
      type: 'bind';
      portal: string;
      statement: string;
      paramFormats: number[];
      params: (Buffer | null)[];
      resultFormats: number[];
    }
  | { type: 'describe'; kind: 'S' | 'P'; name: string }
  /** maxRows <= 0 means "all rows". */
  | { type: 'execute'; portal: string; maxRows: number }
  | { type: 'close'; kind: 'S' | 'P'; name: string }
  | { type: 'sync' }
  | { type: 'flush' }
  | { type: 'terminate' }
  // COPY FROM STDIN.
  | { type: 'copyData'; data: Buffer }
  | { type: 'copyDone' }
  | { type: 'copyFail'; message: string }
  /** 'p': PasswordMessage / SASLInitialResponse / SASLResponse; meaning depends on auth state. */
  | { type: 'password'; data: Buffer }
  /** 'F': decoded no further (the server answers 0A000). */
  | { type: 'functionCall'; data: Buffer };

export type FrontendMessageType = FrontendMessage['type'];

/**
 * The password of a PasswordMessage (cleartext or "md5..." hash): one C string filling the message.
 * An empty password is returned as ''; rejecting it is the authenticator's call.
 */
export function decodePasswordMessage(data: Buffer): string {
  // PostgreSQL insists the string fills the packet exactly (auth.c, recv_password_packet).
  const nul = data.indexOf(0);
  if (data.length === 0 || nul !== data.length - 1) throw protocolViolation('invalid password packet size');
  return data.toString('utf8', 0, nul);
}

/** SASLInitialResponse: mechanism name, then Int32 length (-1: no initial response) and the bytes. */
export function decodeSaslInitialResponse(data: Buffer): { mechanism: string; initialResponse: Buffer | null } {
  const reader = new MessageReader().reset(data, 0, data.length);
  const mechanism = reader.cstring();
  const length = reader.int32();
  const initialResponse = length === -1 ? null : reader.bytes(length);
  reader.done();
  return { mechanism, initialResponse };
}

/**
 * SASLResponse: the whole body is mechanism data. It needs no decoding; the function exists so the
 * authenticator never has to know that, and to mirror the other 'p' variants.
 */
export function decodeSaslResponse(data: Buffer): Buffer {
  return data;
}
