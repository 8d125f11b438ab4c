import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../spawn-worker.js';
import { ARMED_HANDLE, BUDGET_TICKS, FIRED_GENERATION, GENERATION, INTERRUPTING, SLOT_COUNT } from './watchdog-slots.js';

/** The main thread's side of the watchdog (see watchdog-thread.ts). */
export class Watchdog {
  private readonly slots = new Int32Array(new SharedArrayBuffer(SLOT_COUNT * 4));
  private readonly thread: Worker;

  constructor(budgetMs: number) {
    this.slots[ARMED_HANDLE] = -1;
    this.slots[FIRED_GENERATION] = -1;
    this.slots[BUDGET_TICKS] = Math.max(1, Math.round(budgetMs));
    this.thread = spawnWorker('./watchdog-thread', import.meta.url, { workerData: { slots: this.slots.buffer }, name: 'watchdog' });
    // The watchdog must never keep the process alive on its own.
    this.thread.unref();
  }

  /** Arms for one statement on the connection with this interrupt handle; returns its generation. */
  arm(interruptHandle: number): number {
    const generation = (Atomics.load(this.slots, GENERATION) + 1) & 0x3fffffff;
    Atomics.store(this.slots, GENERATION, generation);
    Atomics.store(this.slots, ARMED_HANDLE, interruptHandle);
    return generation;
  }

  /** After this returns no interrupt of the watchdog can reach the connection (see INTERRUPTING). */
  disarm(): void {
    Atomics.store(this.slots, ARMED_HANDLE, -1);
    // The watchdog thread is inside its check-and-interrupt (microseconds): wait it out.
    while (Atomics.load(this.slots, INTERRUPTING) === 1) Atomics.wait(this.slots, INTERRUPTING, 1, 1);
  }

  /** True when the watchdog interrupted the statement of this generation. */
  fired(generation: number): boolean {
    return Atomics.load(this.slots, FIRED_GENERATION) === generation;
  }

  async close(): Promise<void> {
    Atomics.store(this.slots, BUDGET_TICKS, 0);
    await this.thread.terminate();
  }
}
