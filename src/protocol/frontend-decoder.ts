import { decodeFrontendBody, decodeStartupPacket } from './frontend-bodies.js';
import type { FrontendMessage } from './frontend-messages.js';
import { FrontendCode } from './message-codes.js';
import { MessageReader } from './message-reader.js';
import { toPgError, type PgError } from './pg-error.js';
import { protocolViolation } from './protocol-violation.js';

export interface FrontendDecoderOptions {
  /**
   * Largest length word accepted for the big message types (Query, Parse, Bind, CopyData, FunctionCall).
   * Default 1 GiB - 1, PostgreSQL's limit. Other types have PostgreSQL's smaller fixed limits
   * (capped by this value too).
   */
  maxMessageLength?: number;
}

export type FrontendDecoderMode = 'startup' | 'regular';

/** PostgreSQL's MaxAllocSize: the biggest message it will buffer. */
const DEFAULT_MAX_MESSAGE_LENGTH = 0x3fffffff;
/** PQ_SMALL_MESSAGE_LIMIT: messages that only carry names and small numbers. */
const SMALL_MESSAGE_LIMIT = 10000;
/** PG_MAX_AUTH_TOKEN_LENGTH: password and SASL messages. */
const AUTH_MESSAGE_LIMIT = 65535;
/** MAX_STARTUP_PACKET_LENGTH applies to the packet after its length word, which is 4 more bytes. */
const MAX_STARTUP_PACKET = 10000 + 4;
/** Length word + request code / protocol version. */
const MIN_STARTUP_PACKET = 8;

const EMPTY = Buffer.alloc(0);
/** Smallest carry buffer: enough for most small messages split across chunks without regrowing. */
const MIN_CARRY = 256;

/**
 * Turns the byte stream from a client into messages. Pure and synchronous: feed it what the socket
 * delivers, get back every message completed so far.
 *
 * Startup mode reads packets without a type byte (StartupMessage, SSLRequest, GSSENCRequest,
 * CancelRequest); regular mode reads type byte + Int32 length frames. In startup mode one push
 * decodes at most one packet and keeps any bytes after it buffered, because their meaning depends on
 * the server's answer: after an SSLRequest answered 'S' they are the TLS handshake. A 3.x
 * StartupMessage is always followed by regular messages, so decoding one switches to regular mode by
 * itself and the rest of the chunk is decoded in that mode; startupDone() does the same switch by hand.
 *
 * Errors are PgError 08P01 with severity FATAL and are sticky: a client that sent bytes we cannot
 * decode cannot be resynchronised, so every later push rethrows the same error and the server should
 * report it and close. Messages decoded before the bad frame in the same push are dropped with it.
 *
 * Chunks are decoded in place: messages reference the pushed buffers (see FrontendMessage), so a
 * caller must not modify a chunk after pushing it (Node's socket chunks are never reused).
 */
export class FrontendDecoder {
  private currentMode: FrontendDecoderMode = 'startup';
  private readonly maxMessageLength: number;
  private readonly reader = new MessageReader();

  /**
   * The bytes of one frame split across chunks. It grows by doubling with the bytes actually
   * received (capped at the frame's size), never with what a length word claims. A fresh buffer per
   * split frame, never reused: the decoded message holds views into it.
   */
  private carry: Buffer = EMPTY;
  private carryLength = 0;
  /** Total size of the split frame, or -1 while its header is still incomplete. */
  private carryFrameSize = -1;

  /** Bytes after a startup-phase packet, not examined until the server has answered that packet. */
  private held: Buffer = EMPTY;

  private failure: PgError | null = null;

  constructor(options: FrontendDecoderOptions = {}) {
    const max = options.maxMessageLength ?? DEFAULT_MAX_MESSAGE_LENGTH;
    if (!Number.isInteger(max) || max < 4) throw new RangeError(`maxMessageLength must be an integer >= 4, got ${max}`);
    this.maxMessageLength = max;
  }

  get mode(): FrontendDecoderMode {
    return this.currentMode;
  }

  /**
   * Bytes received but not yet returned as messages. A server about to start TLS after answering 'S'
   * to an SSLRequest must see 0 here: anything else is plaintext the client sent before the
   * handshake, which PostgreSQL rejects (CVE-2021-23214) rather than treat as encrypted-channel data.
   */
  get bufferedLength(): number {
    return this.held.length + this.carryLength;
  }

  /**
   * Switches to regular messages. Bytes already buffered are decoded by the next push; call
   * push(Buffer.alloc(0)) to get them without waiting for more input.
   */
  startupDone(): void {
    this.enterRegularMode();
  }

  /** Decodes every complete message in the bytes received so far (see the class comment for startup mode). */
  push(chunk: Buffer): FrontendMessage[] {
    if (this.failure) throw this.failure;
    try {
      return this.decode(chunk);
    } catch (err) {
      const failure = toPgError(err);
      this.failure = failure;
      this.resetCarry();
      this.held = EMPTY;
      this.reader.release();
      throw failure;
    }
  }

  private decode(chunk: Buffer): FrontendMessage[] {
    const out: FrontendMessage[] = [];
    let buf = chunk;
    if (this.held.length > 0) {
      // Only happens around the startup phase, so copying here costs nothing that matters.
      buf = chunk.length === 0 ? this.held : Buffer.concat([this.held, chunk]);
      this.held = EMPTY;
    }

    let offset = 0;
    if (this.carryLength > 0) {
      offset = this.continueSplitFrame(buf, out);
      if (this.carryLength > 0) {
        this.reader.release();
        return out;
      }
    }

    while (offset < buf.length) {
      if (this.currentMode === 'startup' && out.length > 0) {
        // The server must answer this packet before the bytes after it can be interpreted.
        this.held = buf.subarray(offset);
        break;
      }
      const remaining = buf.length - offset;
      if (remaining < this.headerSize()) {
        // Reject an unknown type as soon as its byte arrives, without waiting for a length.
        if (this.currentMode === 'regular') this.lengthLimit(buf[offset]!);
        this.startSplitFrame(buf.subarray(offset), -1);
        break;
      }
      const frameSize = this.frameSize(buf, offset);
      if (remaining < frameSize) {
        this.startSplitFrame(buf.subarray(offset), frameSize);
        break;
      }
      out.push(this.decodeFrame(buf, offset, offset + frameSize));
      offset += frameSize;
    }
    this.reader.release();
    return out;
  }

  /** Feeds the start of buf to the split frame; returns how many bytes of buf it took. */
  private continueSplitFrame(buf: Buffer, out: FrontendMessage[]): number {
    let offset = 0;
    if (this.carryFrameSize < 0) {
      const headerSize = this.headerSize();
      offset = Math.min(headerSize - this.carryLength, buf.length);
      this.appendToCarry(buf.subarray(0, offset));
      if (this.carryLength < headerSize) return offset;
      this.carryFrameSize = this.frameSize(this.carry, 0);
    }
    const take = Math.min(this.carryFrameSize - this.carryLength, buf.length - offset);
    if (take > 0) {
      this.appendToCarry(buf.subarray(offset, offset + take));
      offset += take;
    }
    if (this.carryLength < this.carryFrameSize) return offset;

    const frame = this.carry;
    const frameSize = this.carryFrameSize;
    this.resetCarry();
    out.push(this.decodeFrame(frame, 0, frameSize));
    return offset;
  }

  private startSplitFrame(bytes: Buffer, frameSize: number): void {
    this.resetCarry();
    this.carryFrameSize = frameSize;
    this.appendToCarry(bytes);
  }

  private appendToCarry(bytes: Buffer): void {
    const needed = this.carryLength + bytes.length;
    if (needed > this.carry.length) {
      let size = Math.max(this.carry.length * 2, needed, MIN_CARRY);
      // Never past the frame: appends stop at its end, so needed <= carryFrameSize.
      if (this.carryFrameSize >= 0) size = Math.min(size, this.carryFrameSize);
      const next = Buffer.allocUnsafe(size);
      this.carry.copy(next, 0, 0, this.carryLength);
      this.carry = next;
    }
    bytes.copy(this.carry, this.carryLength);
    this.carryLength = needed;
  }

  private resetCarry(): void {
    this.carry = EMPTY;
    this.carryLength = 0;
    this.carryFrameSize = -1;
  }

  private headerSize(): number {
    // Regular: type byte + length word. Startup: length word only.
    return this.currentMode === 'regular' ? 5 : 4;
  }

  /** Validates the header at buf[offset] and returns the frame's total size in bytes. */
  private frameSize(buf: Buffer, offset: number): number {
    if (this.currentMode === 'startup') {
      const length = buf.readInt32BE(offset);
      if (length < MIN_STARTUP_PACKET || length > MAX_STARTUP_PACKET) {
        throw protocolViolation('invalid length of startup packet');
      }
      return length;
    }
    const limit = this.lengthLimit(buf[offset]!);
    // Read signed: a length word with the top bit set is negative, hence < 4.
    const length = buf.readInt32BE(offset + 1);
    if (length < 4 || length > limit) throw protocolViolation('invalid message length');
    return length + 1;
  }

  /** The largest length word accepted for a message type; throws for a type that does not exist. */
  private lengthLimit(code: number): number {
    switch (code) {
      case FrontendCode.query:
      case FrontendCode.parse:
      case FrontendCode.bind:
      case FrontendCode.copyData:
      case FrontendCode.functionCall:
        return this.maxMessageLength;
      case FrontendCode.password:
        return Math.min(AUTH_MESSAGE_LIMIT, this.maxMessageLength);
      case FrontendCode.close:
      case FrontendCode.describe:
      case FrontendCode.execute:
      case FrontendCode.flush:
      case FrontendCode.sync:
      case FrontendCode.terminate:
      case FrontendCode.copyDone:
      case FrontendCode.copyFail:
        return Math.min(SMALL_MESSAGE_LIMIT, this.maxMessageLength);
      default:
        throw protocolViolation(`invalid frontend message type ${code}`);
    }
  }

  private decodeFrame(buf: Buffer, start: number, end: number): FrontendMessage {
    if (this.currentMode === 'regular') {
      return decodeFrontendBody(buf[start]!, this.reader.reset(buf, start + 5, end));
    }
    const message = decodeStartupPacket(buf, start, end, this.reader);
    if (message.type === 'startup' && message.protocolVersion >>> 16 === 3) this.enterRegularMode();
    return message;
  }

  private enterRegularMode(): void {
    if (this.currentMode === 'regular') return;
    this.currentMode = 'regular';
    // An incomplete startup-mode packet cannot be finished in regular mode; its bytes are examined
    // again as the start of a regular message.
    if (this.carryLength > 0) {
      this.held = this.carry.subarray(0, this.carryLength);
      this.resetCarry();
    }
  }
}
