/**
 * The watchdog thread: once a millisecond it looks at what the main thread runs inline; a
 * statement armed for longer than the budget is interrupted (again every millisecond until it stops) (sqlite3_interrupt through the
 * native addon) so the event loop gets back control and the statement reruns in a worker.
 * Polling costs one wake-up per millisecond and nothing per statement.
 */
import { workerData } from 'node:worker_threads';
import { interruptConnection } from '../interrupt-addon.js';
import { ARMED_HANDLE, BUDGET_TICKS, FIRED_GENERATION, GENERATION, INTERRUPTING } from './watchdog-slots.js';

const slots = new Int32Array(workerData.slots as SharedArrayBuffer);
const sleeper = new Int32Array(new SharedArrayBuffer(4));
let watchedGeneration = -1;
let ticks = 0;

for (;;) {
  Atomics.wait(sleeper, 0, 0, 1);
  const budget = Atomics.load(slots, BUDGET_TICKS);
  if (budget <= 0) break;
  const handle = Atomics.load(slots, ARMED_HANDLE);
  const generation = Atomics.load(slots, GENERATION);
  if (handle < 0) {
    watchedGeneration = -1;
    continue;
  }
  if (generation !== watchedGeneration) {
    watchedGeneration = generation;
    ticks = 0;
    continue;
  }
  // Past the budget, interrupt on every tick until the main thread disarms: SQLite forgets an
  // interrupt that lands between two statements of one job (e.g. a prepare-time lookup and the
  // statement itself) when the next one starts, and one lost interrupt would block the event loop.
  if (++ticks >= budget) {
    // Announce the interrupt, then make sure the statement is still armed (disarm clears the
    // handle first and then waits while INTERRUPTING is 1: one of the two sees the other).
    Atomics.store(slots, INTERRUPTING, 1);
    if (Atomics.load(slots, ARMED_HANDLE) === handle && Atomics.load(slots, GENERATION) === generation) {
      Atomics.store(slots, FIRED_GENERATION, generation);
      interruptConnection(handle);
    }
    Atomics.store(slots, INTERRUPTING, 0);
  }
}
