import type { Worker } from 'node:worker_threads';
import { spawnWorker } from './spawn-worker.js';
import { PgError } from '../protocol/pg-error.js';
import { SqlState, type SqlStateCode } from '../protocol/sqlstate.js';
import { CancelSlots } from './cancel-slots.js';
import type {
  CatalogLocation, DescribeOutcome, EngineRequest, EngineResponse, OutputColumn, SerializedError, StatementJob, StatementOutcome, StatementResult,
} from './engine-messages.js';
import { interruptConnection } from './interrupt-addon.js';
import { decodeResults, encodeBatch } from './batch-wire.js';

/**
 * Takes a chunk of a streamed result; the promise settles when the bytes reached the socket.
 * The first chunk carries the columns (and, for a binary cursor's FETCH, the formats).
 */
export type ChunkHandler = (columns: OutputColumn[] | undefined, rows: Uint8Array, resultFormats?: number[]) => Promise<void> | undefined;

let nextJobId = 1;
/** Job ids are shared with the worker through an Int32Array; 0 means idle. */
export function allocateJobId(): number {
  const id = nextJobId;
  nextJobId = nextJobId >= 0x7ffffff0 ? 1 : nextJobId + 1;
  return id;
}

export function deserializeError(error: SerializedError): PgError {
  return new PgError({ code: error.code as SqlStateCode, message: error.message, detail: error.detail, hint: error.hint });
}

export function resultToOutcome(result: StatementResult): StatementOutcome {
  if (!result.ok) throw deserializeError(result.error);
  return result.outcome;
}

/**
 * The main thread's handle on one engine worker (one SQLite connection): requests are answered
 * in order; cancel(jobId) interrupts the statement if it is the one running.
 */
export class EngineWorkerClient {
  private readonly worker: Worker;
  private readonly cancelSlots = new CancelSlots();
  private readonly pending = new Map<number, { resolve: (r: EngineResponse) => void; reject: (e: Error) => void; onChunk?: ChunkHandler }>();
  private interruptHandle = -1;
  private exited = false;
  /** Context version of each session this worker has been sent (it caches them). */
  private readonly contextsSent = new Map<number, number>();
  /** Requests sent and not yet answered: the pool's measure of how busy this worker is. */
  inFlight = 0;

  constructor(readonly label: string) {
    this.worker = spawnWorker('./worker/engine-worker', import.meta.url, { workerData: { cancelBuffer: this.cancelSlots.buffer }, name: label });
    this.worker.on('message', (response: EngineResponse) => this.settle(response));
    this.worker.on('error', (err) => this.failAll(err));
    this.worker.on('exit', () => {
      this.exited = true;
      this.failAll(new PgError({ code: SqlState.crashShutdown, message: `engine worker ${label} exited` }));
    });
  }

  async open(path: string, options: { readonly: boolean; pragmas: Record<string, string | number>; catalog: CatalogLocation; schemaGeneration?: SharedArrayBuffer }): Promise<void> {
    const response = await this.request({ type: 'open', id: allocateJobId(), path, ...options });
    if (response.type === 'fatal') throw deserializeError(response.error);
    if (response.type === 'opened') this.interruptHandle = response.interruptHandle;
  }

  /** The job as sent: without its session context when this worker already has that version. */
  private wire(job: StatementJob): StatementJob {
    if (this.contextKnown(job)) {
      if (!job.context) return job;
      const { context: _known, ...rest } = job;
      return rest;
    }
    return job;
  }

  /** Whether this worker has the job's context version; if not, it is about to be sent (recorded). */
  private contextKnown(job: StatementJob): boolean {
    if (this.contextsSent.get(job.sessionId) === job.contextVersion) return true;
    this.contextsSent.delete(job.sessionId);
    this.contextsSent.set(job.sessionId, job.contextVersion);
    // The worker keeps at most 10,000 contexts; forgetting ours earlier only means resending.
    if (this.contextsSent.size > 5_000) this.contextsSent.delete(this.contextsSent.keys().next().value as number);
    return false;
  }

  private readonly sendContext = (job: StatementJob): boolean => !this.contextKnown(job);

  /**
   * Runs one statement. With `onChunk` (and job.stream) rows arrive while it runs; the worker
   * waits for the promise onChunk returns (the socket accepted them) before it runs far ahead.
   */
  async exec(job: StatementJob, jobId = allocateJobId(), onChunk?: ChunkHandler): Promise<StatementOutcome> {
    // Copied only when it must change: this runs for every statement of a transaction block.
    const sent = onChunk || !job.stream ? job : { ...job, stream: false };
    // COPY FROM's rows travel as one buffer, handed over rather than copied.
    const transfer = job.paramRows ? [job.paramRows.numbers.buffer as ArrayBuffer] : undefined;
    const response = await this.request({ type: 'exec', id: jobId, job: this.wire(sent) }, onChunk, transfer);
    if (response.type === 'fatal') throw deserializeError(response.error);
    if (response.type !== 'result') throw new Error(`unexpected engine response ${response.type}`);
    return resultToOutcome(response.result);
  }

  /** A group commit: the jobs travel in their compact wire form (batch-wire.ts), both ways. */
  async batch(jobs: StatementJob[], jobIds: number[]): Promise<StatementResult[]> {
    const batch = encodeBatch(jobs, jobIds, this.sendContext);
    const response = await this.request({ type: 'batch', id: allocateJobId(), batch }, undefined, [batch.numbers.buffer as ArrayBuffer]);
    if (response.type === 'fatal') {
      return jobs.map(() => ({ ok: false, error: response.error }));
    }
    if (response.type !== 'batchResult') throw new Error(`unexpected engine response ${response.type}`);
    return decodeResults(response.results);
  }

  async describe(sql: string, typeHints?: (number | null)[]): Promise<DescribeOutcome> {
    const response = await this.request({ type: 'describe', id: allocateJobId(), sql, typeHints });
    if (response.type === 'fatal') throw deserializeError(response.error);
    if (response.type !== 'described') throw new Error(`unexpected engine response ${response.type}`);
    if (!response.result.ok) throw deserializeError(response.result.error);
    return response.result.outcome;
  }

  /** Whether the worker has started job jobId (it may still be queued behind others). */
  isRunning(jobId: number): boolean {
    return this.cancelSlots.isRunning(jobId);
  }

  /** Stops job jobId: before it starts (the worker checks) or while SQLite runs it (interrupt). */
  cancel(jobId: number): void {
    this.cancelSlots.cancel(jobId);
    if (this.cancelSlots.isRunning(jobId) && this.interruptHandle >= 0) interruptConnection(this.interruptHandle);
  }

  async close(): Promise<void> {
    if (this.exited) return;
    try {
      await this.request({ type: 'close', id: allocateJobId() });
    } catch {
      // Already gone.
    }
    await this.worker.terminate();
  }

  private request(request: EngineRequest, onChunk?: ChunkHandler, transfer?: ArrayBuffer[]): Promise<EngineResponse> {
    if (this.exited) return Promise.reject(new PgError({ code: SqlState.crashShutdown, message: `engine worker ${this.label} is not running` }));
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject, onChunk });
      this.inFlight++;
      this.worker.postMessage(request, transfer);
    });
  }

  private settle(response: EngineResponse): void {
    const waiter = this.pending.get(response.id);
    if (response.type === 'chunk') {
      const written = waiter?.onChunk?.(response.columns, response.rows);
      if (written) written.then(() => this.cancelSlots.chunkWritten(), () => this.cancelSlots.chunkWritten());
      else this.cancelSlots.chunkWritten();
      return;
    }
    if (!waiter) return;
    this.pending.delete(response.id);
    this.inFlight--;
    waiter.resolve(response);
  }

  private failAll(err: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(err);
    this.pending.clear();
    this.inFlight = 0;
  }
}
