/**
 * Shared between the main thread and one engine worker: which job the worker runs now and
 * which job was cancelled. The main thread interrupts SQLite only when the job it cancels is
 * the one running, and the worker checks before each job, so a cancel never hits a neighbour.
 */
const CURRENT = 0;
const CANCELLED = 1;
const IDLE = 0;

export class CancelSlots {
  private readonly slots: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(8)) {
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
}
