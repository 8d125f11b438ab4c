import type { FrontendMessage } from '../../protocol/frontend-messages.js';

type CopyMessage = Extract<FrontendMessage, { type: 'copyData' | 'copyDone' | 'copyFail' }>;

/**
 * Where CopyData messages go while a COPY FROM STDIN runs: the socket handler pushes, the COPY
 * pulls. The socket pauses when too much is waiting, so a fast client cannot make the server
 * buffer the whole file.
 */
export class CopyInSink {
  /** A queue read from `head` (Array.shift is O(n), and pgbench sends one CopyData per row). */
  private queue: CopyMessage[] = [];
  private head = 0;
  private queuedBytes = 0;
  private waiter: ((m: CopyMessage | Error) => void) | null = null;
  private failure: Error | null = null;
  /** CopyDone or CopyFail arrived: what follows is no longer COPY data. */
  ended = false;

  constructor(private readonly highWaterMark: number, private readonly onDrained: () => void) {}

  push(message: CopyMessage): void {
    if (message.type !== 'copyData') this.ended = true;
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = null;
      waiter(message);
      return;
    }
    this.queue.push(message);
    if (message.type === 'copyData') this.queuedBytes += message.data.length;
  }

  shouldPause(): boolean {
    return this.queuedBytes > this.highWaterMark;
  }

  abort(error: Error): void {
    this.failure = error;
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = null;
      waiter(error);
    }
  }

  /** The next COPY message; rejects if the connection went away. */
  next(): Promise<CopyMessage> {
    const message = this.head < this.queue.length ? this.queue[this.head++] : undefined;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    if (message) {
      if (message.type === 'copyData') {
        const wasPaused = this.shouldPause();
        this.queuedBytes -= message.data.length;
        if (wasPaused && !this.shouldPause()) this.onDrained();
      }
      return Promise.resolve(message);
    }
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiter = (m) => (m instanceof Error ? reject(m) : resolve(m));
    });
  }
}
