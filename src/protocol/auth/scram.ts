/**
 * Server side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL runs it inside
 * AuthenticationSASL / SASLContinue / SASLFinal. Pure: the caller moves the bytes and decides
 * what to send on failure (28P01 'password authentication failed for user "x"').
 *
 * Only SCRAM-SHA-256 is advertised. SCRAM-SHA-256-PLUS (tls-server-end-point channel binding)
 * is not offered, so a client asking for binding ('p=') is refused. If PLUS is ever offered
 * over TLS, a 'y' flag must then be rejected too: it would mean someone stripped PLUS from the
 * mechanism list (RFC 5802 section 6).
 *
 * Like PostgreSQL, the user name in client-first-message is ignored (libpq sends 'n=*'): the
 * role is the one from the startup packet.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { PgError } from '../pg-error.js';
import { SqlState } from '../sqlstate.js';
import { decodeBase64, hmacSha256, parseScramVerifier, sha256 } from './scram-verifier.js';

export {
  SCRAM_SHA_256, DEFAULT_SCRAM_ITERATIONS, createScramVerifier, parseScramVerifier, isScramVerifier,
  mockScramVerifier, deriveScramKeys, type ScramSecret,
} from './scram-verifier.js';

/** PostgreSQL's SCRAM_RAW_NONCE_LEN. */
const SERVER_NONCE_BYTES = 18;

export interface ScramState {
  /** 'n,,' or 'y,,': client-final's c= must repeat it. */
  readonly gs2Header: string;
  /** Messages are kept as latin1 strings, one char per byte, so the AuthMessage is byte-exact. */
  readonly clientFirstBare: string;
  readonly serverFirst: string;
  /** Client nonce followed by server nonce. */
  readonly nonce: string;
  readonly storedKey: Buffer;
  readonly serverKey: Buffer;
}

export type ScramFinish = { ok: true; serverFinal: string } | { ok: false };

const malformed = (detail: string) =>
  new PgError({ code: SqlState.protocolViolation, message: 'malformed SCRAM message', detail });

/** Reads attributes `x=value` separated by ',' from a latin1 message, in order. */
class AttrReader {
  pos = 0;
  constructor(readonly text: string, readonly what: string) {}
  get done(): boolean { return this.pos >= this.text.length; }
  peek(): string | undefined { return this.text[this.pos]; }

  /** The next attribute, whatever its name; consumes the ',' after it. */
  next(): { name: string; value: string } {
    const name = this.text[this.pos];
    if (name === undefined || !/^[A-Za-z]$/.test(name) || this.text[this.pos + 1] !== '=') {
      throw malformed(`Attribute expected, but found end of string or invalid character in ${this.what}.`);
    }
    const end = this.text.indexOf(',', this.pos + 2);
    const value = this.text.slice(this.pos + 2, end < 0 ? undefined : end);
    this.pos = end < 0 ? this.text.length : end + 1;
    if (end >= 0 && this.pos >= this.text.length) throw malformed(`Trailing comma in ${this.what}.`);
    return { name, value };
  }

  expect(name: string): string {
    const attr = this.next();
    if (attr.name !== name) throw malformed(`Expected attribute "${name}" but found "${attr.name}" in ${this.what}.`);
    return attr.value;
  }
}

/** printable = %x21-2B / %x2D-7E (RFC 5802 section 7). */
const PRINTABLE_NONCE = /^[\x21-\x2b\x2d-\x7e]+$/;

function decodeMessage(bytes: Buffer, what: string): string {
  if (bytes.length === 0) throw malformed(`The ${what} is empty.`);
  // PostgreSQL handles SCRAM messages as C strings, so an embedded NUL can only be an attack.
  if (bytes.includes(0)) throw malformed(`The ${what} contains a NUL byte.`);
  return bytes.toString('latin1');
}

function parseGs2Header(msg: string): { gs2Header: string; bare: string } {
  const flag = msg[0];
  if (flag === 'p') {
    throw malformed('The client selected SCRAM-SHA-256 without channel binding, but the SCRAM message includes channel binding data.');
  }
  if ((flag !== 'n' && flag !== 'y') || msg[1] !== ',') {
    throw malformed(`Unexpected channel-binding flag "${flag ?? ''}".`);
  }
  if (msg[2] === 'a') {
    throw new PgError({ code: SqlState.featureNotSupported, message: 'client uses authorization identity, but it is not supported' });
  }
  if (msg[2] !== ',') throw malformed('Unexpected attribute in client-first-message.');
  return { gs2Header: msg.slice(0, 3), bare: msg.slice(3) };
}

/**
 * Handles SASLInitialResponse data (client-first-message); returns the server-first-message
 * for AuthenticationSASLContinue. A verifier that does not parse is a server-side problem: the
 * caller should have substituted mockScramVerifier() for roles without a SCRAM secret.
 */
export function startScram(
  verifier: string,
  clientFirstMessage: Buffer,
  options: { nonceBytes?: Buffer } = {},
): { serverFirst: string; state: ScramState } {
  const secret = parseScramVerifier(verifier);
  if (!secret) throw new PgError({ code: SqlState.internalError, message: 'invalid SCRAM secret' });

  const { gs2Header, bare } = parseGs2Header(decodeMessage(clientFirstMessage, 'client-first-message'));
  const reader = new AttrReader(bare, 'client-first-message');
  if (reader.peek() === 'm') {
    throw new PgError({ code: SqlState.featureNotSupported, message: 'client requires an unsupported SCRAM extension' });
  }
  reader.expect('n'); // user name: ignored, the startup packet's user is authoritative
  const clientNonce = reader.expect('r');
  if (!PRINTABLE_NONCE.test(clientNonce)) throw malformed('Invalid nonce in client-first-message.');
  while (!reader.done) reader.next(); // optional extensions are allowed and ignored

  const serverNonce = (options.nonceBytes ?? randomBytes(SERVER_NONCE_BYTES)).toString('base64');
  const nonce = clientNonce + serverNonce;
  const serverFirst = `r=${nonce},s=${secret.salt.toString('base64')},i=${secret.iterations}`;
  const state: ScramState = Object.freeze({
    gs2Header, clientFirstBare: bare, serverFirst, nonce,
    storedKey: secret.storedKey, serverKey: secret.serverKey,
  });
  return { serverFirst, state };
}

/**
 * Handles SASLResponse data (client-final-message). A wrong proof is { ok: false }; a message
 * that breaks the protocol throws 08P01. On success, serverFinal goes in AuthenticationSASLFinal.
 */
export function finishScram(state: ScramState, clientFinalMessage: Buffer): ScramFinish {
  const msg = decodeMessage(clientFinalMessage, 'client-final-message');
  const reader = new AttrReader(msg, 'client-final-message');

  const binding = decodeBase64(reader.expect('c'));
  if (!binding || binding.toString('latin1') !== state.gs2Header) {
    throw new PgError({
      code: SqlState.protocolViolation,
      message: 'unexpected SCRAM channel-binding attribute in client-final-message',
    });
  }
  if (reader.expect('r') !== state.nonce) {
    throw new PgError({ code: SqlState.protocolViolation, message: 'invalid SCRAM response', detail: 'Nonce does not match.' });
  }

  // Extensions may sit between r= and p=; the proof must be the last attribute.
  let proofStart: number;
  let attr: { name: string; value: string };
  do {
    proofStart = reader.pos;
    if (reader.done) throw malformed('Could not find proof in client-final-message.');
    attr = reader.next();
  } while (attr.name !== 'p');
  const proof = decodeBase64(attr.value);
  if (!proof || proof.length !== state.storedKey.length) throw malformed('Malformed proof in client-final-message.');
  if (!reader.done) throw malformed('Garbage found at the end of client-final-message.');

  const withoutProof = msg.slice(0, proofStart - 1); // drop the ',' before p=
  const authMessage = Buffer.from(`${state.clientFirstBare},${state.serverFirst},${withoutProof}`, 'latin1');

  // ClientKey = ClientProof XOR HMAC(StoredKey, AuthMessage); the client knows the password
  // iff H(ClientKey) = StoredKey. Compared in constant time so timing leaks nothing about it.
  const clientSignature = hmacSha256(state.storedKey, authMessage);
  const clientKey = Buffer.alloc(proof.length);
  for (let i = 0; i < proof.length; i++) clientKey[i] = proof[i]! ^ clientSignature[i]!;
  if (!timingSafeEqual(sha256(clientKey), state.storedKey)) return { ok: false };

  return { ok: true, serverFinal: `v=${hmacSha256(state.serverKey, authMessage).toString('base64')}` };
}
