import type { Socket } from 'node:net';
import { FrontendDecoder } from '../../protocol/frontend-decoder.js';
import type { FrontendMessage } from '../../protocol/frontend-messages.js';
import { PgError, toPgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import type { ServerServices } from '../server/services.js';
import { CopyInSink } from './copy-in-sink.js';
import { handleExtendedMessage } from './extended-query.js';
import { Output } from './output.js';
import { Session } from './session.js';
import { handleSimpleQuery } from './simple-query.js';
import { runStartup, type StartupOptions } from './startup.js';

/**
 * One client connection: socket bytes → decoder → messages, handled strictly in order (the
 * protocol is a conversation; pipelined messages wait their turn), answers flushed to the socket
 * in one write per batch. COPY data bypasses the queue into the running COPY's sink.
 */
export class ClientConnection {
  private socket: Socket;
  private readonly decoder: FrontendDecoder;
  private readonly queue: FrontendMessage[] = [];
  private processing = false;
  private closed = false;
  readonly output: Output;
  readonly session: Session;
  /** Set while a COPY FROM STDIN is reading data. */
  copySink: CopyInSink | null = null;
  /** After an error in extended query mode, messages are skipped until Sync. */
  skipUntilSync = false;
  private startupQueue: FrontendMessage[] = [];
  private startupWaiter: ((m: FrontendMessage | null) => void) | null = null;
  private nextMessageWaiter: (() => void) | null = null;

  constructor(socket: Socket, readonly services: ServerServices, private readonly startupOptions: StartupOptions, processId: number, secretKey: number) {
    this.socket = socket;
    this.decoder = new FrontendDecoder({ maxMessageLength: startupOptions.maxMessageLength });
    this.output = new Output(() => this.socket);
    this.session = new Session(processId, secretKey, services, this.output, () => void this.output.flush());
    this.attach(socket);
  }

  private attach(socket: Socket): void {
    socket.setNoDelay(true);
    socket.on('data', this.onData);
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  /** TLS replaces the socket after SSLRequest; the decoder keeps its state. */
  replaceSocket(socket: Socket): void {
    this.socket.off('data', this.onData);
    this.socket = socket;
    this.attach(socket);
  }

  get rawSocket(): Socket {
    return this.socket;
  }

  begin(): void {
    runStartup(this, this.startupOptions).then((ok) => {
      if (!ok) {
        void this.finish();
        return;
      }
      // Anything the client pipelined behind its startup is handled now, in order.
      this.queue.push(...this.startupQueue.splice(0));
      void this.pump();
    }, (err) => this.fatal(err));
  }

  /** The next message during startup/authentication (null if the connection closed). */
  nextStartupMessage(): Promise<FrontendMessage | null> {
    const next = this.startupQueue.shift();
    if (next) return Promise.resolve(next);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => (this.startupWaiter = resolve));
  }

  /** Bytes the decoder holds undecoded (after an SSLRequest, these must not exist before TLS). */
  get undecodedBytes(): number {
    return this.decoder.bufferedLength;
  }

  /**
   * After SSLRequest/GSSENCRequest the decoder decodes one packet at a time (what follows may be
   * TLS); once the answer is 'N', this decodes whatever the client already sent behind it.
   */
  decodeHeldBytes(): void {
    this.onData(Buffer.alloc(0));
  }

  private readonly onData = (chunk: Buffer): void => {
    let messages: FrontendMessage[];
    try {
      messages = this.decoder.push(chunk);
    } catch (err) {
      this.fatal(err);
      return;
    }
    for (const message of messages) this.route(message);
    // All messages of the chunk are queued before any is handled: handlers that finish at once
    // would otherwise flush the answer of each pipelined message with a write of its own.
    if (!this.processing && this.queue.length > 0) void this.pump();
  };

  private route(message: FrontendMessage): void {
    if (!this.isReady()) {
      const waiter = this.startupWaiter;
      this.startupWaiter = null;
      if (waiter) waiter(message);
      else this.startupQueue.push(message);
      return;
    }
    if (this.copySink && !this.copySink.ended && this.takeForCopy(message)) return;
    this.queue.push(message);
    this.wakeNextMessageWaiter();
  }

  /**
   * While a COPY FROM STDIN reads data: COPY messages go to its sink, and Sync and Flush are
   * ignored (as PostgreSQL does in copy-in mode; a client running COPY through the extended
   * protocol may send its Sync before the data). Returns false for any other message.
   */
  private takeForCopy(message: FrontendMessage): boolean {
    if (message.type === 'sync' || message.type === 'flush') return true;
    if (message.type !== 'copyData' && message.type !== 'copyDone' && message.type !== 'copyFail') return false;
    this.copySink!.push(message);
    if (this.copySink!.shouldPause()) this.socket.pause();
    return true;
  }

  /**
   * COPY FROM STDIN starts reading: data the client sent right behind the COPY command (without
   * waiting for CopyInResponse) is already queued here, so it moves to the sink first.
   */
  startCopyIn(sink: CopyInSink): void {
    this.copySink = sink;
    while (this.queue.length > 0 && !sink.ended && this.takeForCopy(this.queue[0])) this.queue.shift();
  }

  /** The message handled after the current one, if it has arrived (a handler may plan for it). */
  nextMessage(): FrontendMessage | undefined {
    return this.queue[0];
  }

  /**
   * Resolves once a message follows the one being handled, or the connection closes; undefined
   * when one is already queued. A handler that need not answer before the client's Flush or Sync
   * (a Describe) may wait to see what comes next.
   */
  nextMessageArrived(): Promise<void> | undefined {
    if (this.queue.length > 0 || this.closed) return undefined;
    return new Promise((resolve) => {
      this.nextMessageWaiter = resolve;
    });
  }

  private wakeNextMessageWaiter(): void {
    const waiter = this.nextMessageWaiter;
    this.nextMessageWaiter = null;
    waiter?.();
  }

  private isReady(): boolean {
    return this.session.isReady();
  }

  resumeReading(): void {
    if (!this.closed) this.socket.resume();
  }

  private async pump(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    this.session.busy = true;
    try {
      while (this.queue.length > 0 && !this.closed) {
        const message = this.queue.shift()!;
        const pending = this.handle(message);
        if (pending !== undefined) await pending;
        if (this.output.buffered > 256 * 1024) await this.output.flush();
      }
    } catch (err) {
      this.fatal(err);
    } finally {
      this.processing = false;
      this.session.busy = false;
      await this.output.flush();
    }
  }

  /** Handles one message; a promise only when it has to wait (see handleExtendedMessage). */
  private handle(message: FrontendMessage): Promise<void> | undefined {
    if (message.type === 'terminate') return this.finish();
    if (this.skipUntilSync && message.type !== 'sync') return undefined;
    switch (message.type) {
      case 'query':
        return handleSimpleQuery(this, message.sql);
      case 'parse':
      case 'bind':
      case 'describe':
      case 'execute':
      case 'close':
      case 'sync':
      case 'flush':
        return handleExtendedMessage(this, message);
      case 'copyData':
      case 'copyDone':
      case 'copyFail':
        // COPY messages outside a COPY are ignored, as PostgreSQL does after a failed COPY.
        return undefined;
      case 'functionCall':
        this.session.sendError(new PgError({ code: SqlState.featureNotSupported, message: 'the fastpath function call protocol is not supported' }));
        this.session.sendReadyForQuery();
        return undefined;
      default:
        throw new PgError({ code: SqlState.protocolViolation, message: `unexpected message type "${message.type}" after startup` });
    }
  }

  /** A protocol error: report it as FATAL and close, as PostgreSQL does. */
  fatal(err: unknown): void {
    if (this.closed) return;
    const pg = toPgError(err);
    this.output.writer.errorResponse({ ...pg.fields(), severity: 'FATAL' });
    void this.finish();
  }

  async finish(): Promise<void> {
    if (this.closed) return;
    await this.output.flush();
    this.socket.end();
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.copySink?.abort(new PgError({ code: SqlState.connectionFailure, message: 'connection closed during COPY' }));
    this.startupWaiter?.(null);
    this.startupWaiter = null;
    this.wakeNextMessageWaiter();
    this.services.unregisterSession(this.session.processId);
    void this.session.close();
    if (!this.socket.destroyed) this.socket.destroy();
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
