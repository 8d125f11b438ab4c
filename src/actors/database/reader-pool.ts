import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { EngineWorkerClient, allocateJobId, type ChunkHandler } from '../../storage/engine-worker-client.js';
import type { CatalogLocation, DescribeOutcome, StatementJob, StatementOutcome } from '../../storage/engine-messages.js';

/**
 * Reader connections of one database, each in its own worker thread so that a long SELECT
 * never blocks the event loop or other readers. WAL mode gives each read its own snapshot
 * beside the writer. A job goes to the least busy reader.
 */
export class ReaderPool {
  private readonly readers: EngineWorkerClient[] = [];
  private readonly running = new Map<number, EngineWorkerClient>();

  constructor(private readonly name: string, readonly size: number, private readonly maxWaitMs = 0) {}

  /** Readers with at least one statement in flight. */
  busy(): number {
    return this.readers.filter((reader) => reader.inFlight > 0).length;
  }

  async open(path: string, pragmas: Record<string, string | number>, catalog: CatalogLocation, schemaGeneration?: SharedArrayBuffer): Promise<void> {
    for (let i = 0; i < this.size; i++) this.readers.push(new EngineWorkerClient(`${this.name}/reader-${i}`));
    await Promise.all(this.readers.map((reader) => reader.open(path, { readonly: true, pragmas, catalog, schemaGeneration })));
  }

  private pick(): EngineWorkerClient {
    let best = this.readers[0];
    for (const reader of this.readers) if (reader.inFlight < best.inFlight) best = reader;
    return best;
  }

  async exec(job: StatementJob, jobId = allocateJobId(), onChunk?: ChunkHandler): Promise<StatementOutcome> {
    const reader = this.pick();
    this.running.set(jobId, reader);
    // Every reader is busy: the job waits in this one's queue, for at most maxWaitMs.
    let gaveUp = false;
    const timer = this.maxWaitMs > 0 && reader.inFlight > 0 ? setTimeout(() => {
      if (reader.isRunning(jobId)) return;
      gaveUp = true;
      reader.cancel(jobId);
    }, this.maxWaitMs) : undefined;
    try {
      return await reader.exec(job, jobId, onChunk);
    } catch (err) {
      if (gaveUp) throw new PgError({ code: SqlState.lockNotAvailable, message: `canceling statement: no reader was free within ${this.maxWaitMs} ms` });
      throw err;
    } finally {
      clearTimeout(timer);
      this.running.delete(jobId);
    }
  }

  describe(sql: string, typeHints?: (number | null)[]): Promise<DescribeOutcome> {
    return this.pick().describe(sql, typeHints);
  }

  /** True when the job was found here (queued in a worker or running). */
  cancel(jobId: number): boolean {
    const reader = this.running.get(jobId);
    if (!reader) return false;
    reader.cancel(jobId);
    return true;
  }

  async close(): Promise<void> {
    await Promise.all(this.readers.map((reader) => reader.close()));
    this.readers.length = 0;
  }
}
