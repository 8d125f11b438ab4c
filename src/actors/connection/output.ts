import type { Socket } from 'node:net';
import { BackendWriter } from '../../protocol/backend-writer.js';

/**
 * A connection's outgoing bytes: messages built with `writer` and row bytes already encoded by
 * an engine worker, kept in order and written to the socket together on flush() — one write
 * per batch of results instead of one per message (with Nagle off, that matters).
 */
/** Below this many bytes, pieces are copied into one buffer; above, written as they are. */
const GATHER_BELOW = 64 * 1024;
/** Encoded rows below this many bytes are copied into the writer's buffer rather than kept as a piece. */
const COPY_BELOW = 8 * 1024;

export class Output {
  readonly writer = new BackendWriter();
  private readonly chunks: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly socket: () => Socket) {}

  /** Appends bytes encoded elsewhere (DataRows from a worker) after what the writer holds. */
  appendEncoded(bytes: Uint8Array): void {
    if (bytes.length < COPY_BELOW) {
      // A small result joins the writer's buffer: the answer to a point query is then one piece,
      // written without allocating a buffer to concatenate its pieces into.
      this.writer.encodedMessages(bytes);
      return;
    }
    this.moveWriterBytes();
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buf.length > 0) {
      this.chunks.push(buf);
      this.pendingBytes += buf.length;
    }
  }

  private moveWriterBytes(): void {
    if (this.writer.length > 0) {
      const taken = this.writer.take();
      this.chunks.push(taken);
      this.pendingBytes += taken.length;
    }
  }

  get buffered(): number {
    return this.pendingBytes + this.writer.length;
  }

  /** Writes everything out; resolves once the socket has room again (backpressure). */
  flush(): Promise<void> | undefined {
    this.moveWriterBytes();
    if (this.chunks.length === 0) return undefined;
    const socket = this.socket();
    if (socket.destroyed) {
      this.chunks.length = 0;
      this.pendingBytes = 0;
      return undefined;
    }
    let room: boolean;
    if (this.chunks.length === 1 || this.pendingBytes < GATHER_BELOW) {
      // Small: one buffer, one write(2).
      room = socket.write(this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.pendingBytes));
    } else {
      // Large (row data from workers): one writev(2) of the pieces, without copying them together.
      socket.cork();
      for (const chunk of this.chunks) socket.write(chunk);
      socket.uncork();
      room = socket.writableLength < socket.writableHighWaterMark;
    }
    this.chunks.length = 0;
    this.pendingBytes = 0;
    if (room) return undefined;
    return new Promise((resolve) => {
      const done = () => {
        socket.off('drain', done);
        socket.off('close', done);
        resolve();
      };
      socket.once('drain', done);
      socket.once('close', done);
    });
  }
}
