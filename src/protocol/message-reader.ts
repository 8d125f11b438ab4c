import { protocolViolation } from './protocol-violation.js';

const EMPTY = Buffer.alloc(0);

/**
 * A cursor over the body of one message, bounded by the message's end rather than the end of the
 * buffer: bodies are read straight out of received chunks that hold other messages after them, so
 * every read checks the frame bound and an overrun is a protocol violation, never a RangeError or a
 * read into the next message. Error texts are PostgreSQL's (pqformat.c).
 *
 * Buffers it returns are views (subarray) of the underlying bytes, not copies.
 */
export class MessageReader {
  private buf: Buffer = EMPTY;
  private pos = 0;
  private end = 0;

  /** Points the reader at buf[start, end). Reusing one reader avoids an object per message. */
  reset(buf: Buffer, start: number, end: number): this {
    this.buf = buf;
    this.pos = start;
    this.end = end;
    return this;
  }

  /** Drops the reference to the last buffer, so a long-lived reader does not keep it alive. */
  release(): void {
    this.buf = EMPTY;
    this.pos = 0;
    this.end = 0;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  byte(): number {
    this.need(1);
    return this.buf[this.pos++]!;
  }

  int16(): number {
    this.need(2);
    const value = this.buf.readInt16BE(this.pos);
    this.pos += 2;
    return value;
  }

  /** Counts are read unsigned, as PostgreSQL's pq_getmsgint(msg, 2) does: 0..65535. */
  uint16(): number {
    this.need(2);
    const value = this.buf.readUInt16BE(this.pos);
    this.pos += 2;
    return value;
  }

  int32(): number {
    this.need(4);
    const value = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return value;
  }

  /** OIDs are unsigned 32-bit. */
  uint32(): number {
    this.need(4);
    const value = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return value;
  }

  /** A NUL-terminated UTF-8 string that must end inside the message. */
  cstring(): string {
    const nul = this.buf.indexOf(0, this.pos);
    if (nul < 0 || nul >= this.end) throw protocolViolation('invalid string in message');
    const value = this.buf.toString('utf8', this.pos, nul);
    this.pos = nul + 1;
    return value;
  }

  /** The next n bytes, as a view. */
  bytes(n: number): Buffer {
    if (n < 0) throw protocolViolation('insufficient data left in message');
    this.need(n);
    const value = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return value;
  }

  /** Everything up to the end of the message, as a view. */
  rest(): Buffer {
    const value = this.buf.subarray(this.pos, this.end);
    this.pos = this.end;
    return value;
  }

  /** Asserts the message was consumed exactly; trailing bytes mean the client and we disagree on its layout. */
  done(): void {
    if (this.pos !== this.end) throw protocolViolation('invalid message format');
  }

  private need(n: number): void {
    if (this.end - this.pos < n) throw protocolViolation('insufficient data left in message');
  }
}
