/**
 * Shared between the main thread and one engine worker: which job the worker runs now and
 * which job was cancelled. The main thread interrupts SQLite only when the job it cancels is
 * the one running, and the worker checks before each job, so a cancel never hits a neighbour.
 */
const CURRENT = 0;
const CANCELLED = 1;
/** Result chunks posted by the worker and not yet written to the client's socket. */
const CHUNKS_IN_FLIGHT = 2;
/** Interrupt handle of the connection the running job uses (cursor workers have many; -1 none). */
const RUNNING_CONNECTION = 3;
const IDLE = 0;

export class CancelSlots {
  private readonly slots: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(16)) {
    this.slots = new Int32Array(buffer);
  }

  get current(): number {
    return Atomics.load(this.slots, CURRENT);
  }

  begin(jobId: number): void {
    Atomics.store(this.slots, CURRENT, jobId);
  }

  end(): void {
    Atomics.store(this.slots, CURRENT, IDLE);
    Atomics.store(this.slots, RUNNING_CONNECTION, -1);
  }

  /** Worker side: the running job now uses this connection (for workers with several). */
  useConnection(interruptHandle: number): void {
    Atomics.store(this.slots, RUNNING_CONNECTION, interruptHandle);
  }

  /** The interrupt handle of the connection the running job uses, or -1. */
  runningConnection(): number {
    return Atomics.load(this.slots, RUNNING_CONNECTION);
  }

  cancel(jobId: number): void {
    Atomics.store(this.slots, CANCELLED, jobId);
  }

  isCancelled(jobId: number): boolean {
    return jobId !== IDLE && Atomics.load(this.slots, CANCELLED) === jobId;
  }

  isRunning(jobId: number): boolean {
    return Atomics.load(this.slots, CURRENT) === jobId;
  }

  // ---- Flow control for streamed results ----

  /** Worker side: one more chunk is on its way to the main thread. */
  chunkSent(): number {
    return Atomics.add(this.slots, CHUNKS_IN_FLIGHT, 1) + 1;
  }

  /** Main side: a chunk reached the socket; wakes a worker waiting for room. */
  chunkWritten(): void {
    Atomics.sub(this.slots, CHUNKS_IN_FLIGHT, 1);
    Atomics.notify(this.slots, CHUNKS_IN_FLIGHT);
  }

  /** Worker side: waits (up to timeoutMs) while more than `limit` chunks are in flight. */
  waitForRoom(limit: number, timeoutMs: number): boolean {
    const inFlight = Atomics.load(this.slots, CHUNKS_IN_FLIGHT);
    if (inFlight <= limit) return true;
    Atomics.wait(this.slots, CHUNKS_IN_FLIGHT, inFlight, timeoutMs);
    return Atomics.load(this.slots, CHUNKS_IN_FLIGHT) <= limit;
  }

  resetChunks(): void {
    Atomics.store(this.slots, CHUNKS_IN_FLIGHT, 0);
  }
}
