import { EventEmitter } from 'node:events';

/**
 * Typed instrumentation events: what the server reports about itself. Metrics (Prometheus), the
 * console and the pgsqlite_stat_* views subscribe; emitting costs nothing when nobody listens.
 */
export interface InstrumentationEvents {
  /** A group commit finished (statements that failed alone are counted in `failed`). */
  'writer.batch_committed': { database: string; statements: number; failed: number; durationMs: number };
  /** A read ran: inline on the main thread, or on a reader worker (after the inline budget, or directly). */
  'reader.statement': { database: string; where: 'inline' | 'worker' };
}

export type InstrumentationEventName = keyof InstrumentationEvents;

export class Instrumentation {
  private readonly emitter = new EventEmitter();

  on<K extends InstrumentationEventName>(name: K, listener: (event: InstrumentationEvents[K]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  emit<K extends InstrumentationEventName>(name: K, event: InstrumentationEvents[K]): void {
    if (this.emitter.listenerCount(name) > 0) this.emitter.emit(name, event);
  }
}
