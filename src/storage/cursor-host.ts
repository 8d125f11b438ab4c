import type { Worker } from 'node:worker_threads';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { CancelSlots } from './cancel-slots.js';
import { allocateJobId, deserializeError } from './engine-worker-client.js';
import type { CatalogLocation, CursorRequest, CursorResponse, CursorSlice, OutputColumn, StatementJob } from './engine-messages.js';
import { interruptConnection } from './interrupt-addon.js';
import { spawnWorker } from './spawn-worker.js';

type Pending = { resolve: (response: CursorResponse) => void; reject: (err: Error) => void };

let nextCursorId = 1;

/**
 * The main thread's handle on a cursor worker: declares cursors there, reads their rows by
 * number, closes them. Requests are answered in order; cancel(jobId) interrupts the connection
 * of the cursor being read when that request is the one running.
 */
export class CursorHost {
  private readonly worker: Worker;
  private readonly cancelSlots = new CancelSlots();
  private readonly pending = new Map<number, Pending>();
  private exited = false;
  /** A job waiting on another job's request (a FETCH on a read-ahead): cancelling it cancels that one. */
  private readonly stands = new Map<number, number>();
  /** Cursors declared here and not closed. */
  open = 0;

  constructor(readonly label: string) {
    this.worker = spawnWorker('./worker/cursor-worker', import.meta.url, { workerData: { cancelBuffer: this.cancelSlots.buffer }, name: label });
    this.worker.on('message', (response: CursorResponse) => {
      const waiter = this.pending.get(response.id);
      if (!waiter) return;
      this.pending.delete(response.id);
      waiter.resolve(response);
    });
    this.worker.on('error', (err) => this.failAll(err));
    this.worker.on('exit', () => {
      this.exited = true;
      this.failAll(new PgError({ code: SqlState.crashShutdown, message: `cursor worker ${label} exited` }));
    });
  }

  async start(path: string, pragmas: Record<string, string | number>, catalog: CatalogLocation, schemaGeneration?: SharedArrayBuffer): Promise<void> {
    await this.request({ type: 'open', id: allocateJobId(), path, pragmas, catalog, schemaGeneration });
  }

  /** Opens a cursor over the job's query; its snapshot is taken now. */
  async declare(job: StatementJob, jobId = allocateJobId()): Promise<{ cursorId: number; columns: OutputColumn[] }> {
    const cursorId = nextCursorId++;
    const response = await this.request({ type: 'declare', id: jobId, cursorId, job });
    if (response.type !== 'declared') throw new Error(`unexpected cursor response ${response.type}`);
    this.open++;
    return { cursorId, columns: response.columns };
  }

  async read(cursorId: number, from: number, count: number, maxBytes: number, encode: boolean, jobId = allocateJobId()): Promise<CursorSlice> {
    const response = await this.request({ type: 'read', id: jobId, cursorId, from, count, maxBytes, encode });
    if (response.type !== 'slice') throw new Error(`unexpected cursor response ${response.type}`);
    return response.slice;
  }

  /** Closes a cursor; nothing waits for it (the worker answers in order, so later reads see it closed). */
  close(cursorId: number): void {
    this.open--;
    this.request({ type: 'close', id: allocateJobId(), cursorId }).catch(() => undefined);
  }

  /** Until release(jobId), a cancel of jobId goes to the request `target` instead. */
  standIn(jobId: number, target: number): void {
    this.stands.set(jobId, target);
  }

  release(jobId: number): void {
    this.stands.delete(jobId);
  }

  cancel(jobId: number): void {
    jobId = this.stands.get(jobId) ?? jobId;
    this.cancelSlots.cancel(jobId);
    if (!this.cancelSlots.isRunning(jobId)) return;
    const handle = this.cancelSlots.runningConnection();
    if (handle >= 0) interruptConnection(handle);
  }

  async shutdown(): Promise<void> {
    if (this.exited) return;
    await this.request({ type: 'shutdown', id: allocateJobId() }).catch(() => undefined);
    await this.worker.terminate();
  }

  private async request(request: CursorRequest): Promise<CursorResponse> {
    if (this.exited) throw new PgError({ code: SqlState.crashShutdown, message: `cursor worker ${this.label} is not running` });
    const response = await new Promise<CursorResponse>((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      this.worker.postMessage(request);
    });
    if (response.type === 'error') throw deserializeError(response.error);
    return response;
  }

  private failAll(err: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(err);
    this.pending.clear();
  }
}
