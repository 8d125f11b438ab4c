import { and, assign, fromPromise, setup } from 'xstate';
import type { StatementJob, StatementResult } from '../../storage/engine-messages.js';

/**
 * The writer of one database file. SQLite has one writer at a time, so every write queues here
 * instead of failing with "database is locked":
 * - autocommit writes that queue up while a commit runs share the next commit (group commit);
 * - a session in an explicit transaction takes the writer exclusively until COMMIT/ROLLBACK.
 * The queue is FIFO across both kinds, so a transaction cannot be starved by a stream of writes.
 */
/** Write priorities (`SET pgsqlite.write_priority`): higher runs first, FIFO within a level. */
export const writePriorities = { low: 0, normal: 1, high: 2 } as const;

export interface AutocommitWrite {
  kind: 'autocommit';
  priority: number;
  jobId: number;
  job: StatementJob;
  resolve: (result: StatementResult) => void;
}

export interface ExclusiveRequest {
  kind: 'acquire';
  priority: number;
  sessionId: number;
  resolve: () => void;
  reject: (err: Error) => void;
}

export type WriteRequest = AutocommitWrite | ExclusiveRequest;

export interface WriterContext {
  queue: WriteRequest[];
  owner: number | null;
  maxBatchSize: number;
  /** How long a batch may wait for more writes while writers are concurrent (0: never wait). */
  batchWindowMs: number;
  /** Size of the last batch: 1 means a lone writer, who never waits for a window. */
  lastBatchSize: number;
  batch: AutocommitWrite[];
  /** Figures for the instrumentation (pool views, metrics). */
  stats: { batches: number; statements: number; largestBatch: number };
}

export type WriterEvent =
  | { type: 'write'; request: AutocommitWrite }
  | { type: 'acquire'; request: ExclusiveRequest }
  | { type: 'release'; sessionId: number }
  | { type: 'cancel'; jobId?: number; sessionId?: number; error: Error };

export interface WriterInput {
  maxBatchSize: number;
  batchWindowMs?: number;
}

/** The engine call behind a commit; given with `writerMachine.provide({ actors: { commitBatch } })`. */
export type RunBatch = (jobs: StatementJob[], jobIds: number[]) => Promise<StatementResult[]>;

export function commitBatchActor(runBatch: RunBatch) {
  return fromPromise<StatementResult[], { batch: AutocommitWrite[] }>(
    ({ input }) => runBatch(input.batch.map((w) => w.job), input.batch.map((w) => w.jobId)),
  );
}

const headIsAcquire = ({ context }: { context: WriterContext }) => context.queue[0]?.kind === 'acquire';
const headIsWrite = ({ context }: { context: WriterContext }) => context.queue[0]?.kind === 'autocommit';

export const writerMachine = setup({
  types: {
    context: {} as WriterContext,
    events: {} as WriterEvent,
    input: {} as WriterInput,
  },
  actors: {
    commitBatch: commitBatchActor(() => Promise.reject(new Error('writer: commitBatch not provided'))),
  },
  actions: {
    enqueue: assign({
      queue: ({ context, event }) => {
        if (event.type !== 'write' && event.type !== 'acquire') return context.queue;
        // Behind everything of the same or higher priority, ahead of anything lower.
        const request = event.request;
        let at = context.queue.length;
        while (at > 0 && context.queue[at - 1].priority < request.priority) at--;
        return [...context.queue.slice(0, at), request, ...context.queue.slice(at)];
      },
    }),
    takeBatch: assign(({ context }) => {
      // Consecutive autocommit writes from the head, up to the batch limit.
      let end = 0;
      while (end < context.queue.length && end < context.maxBatchSize && context.queue[end].kind === 'autocommit') end++;
      return { batch: context.queue.slice(0, end) as AutocommitWrite[], queue: context.queue.slice(end) };
    }),
    grantHead: assign(({ context }) => {
      const head = context.queue[0] as ExclusiveRequest;
      head.resolve();
      return { owner: head.sessionId, queue: context.queue.slice(1) };
    }),
    releaseOwner: assign({ owner: null }),
    settleBatch: assign(({ context, event }) => {
      const results = (event as unknown as { output: StatementResult[] }).output;
      context.batch.forEach((write, i) => write.resolve(results[i]));
      const size = context.batch.length;
      return {
        batch: [],
        lastBatchSize: size,
        stats: {
          batches: context.stats.batches + 1,
          statements: context.stats.statements + size,
          largestBatch: Math.max(context.stats.largestBatch, size),
        },
      };
    }),
    failBatch: assign(({ context, event }) => {
      const error = (event as unknown as { error: unknown }).error;
      const message = error instanceof Error ? error.message : String(error);
      for (const write of context.batch) write.resolve({ ok: false, error: { code: 'XX000', message } });
      return { batch: [] };
    }),
    dropCancelled: assign(({ context, event }) => {
      if (event.type !== 'cancel') return {};
      const keep: WriteRequest[] = [];
      for (const request of context.queue) {
        const matches = request.kind === 'autocommit' ? request.jobId === event.jobId : request.sessionId === event.sessionId;
        if (!matches) keep.push(request);
        else if (request.kind === 'autocommit') request.resolve({ ok: false, error: { code: (event.error as { code?: string }).code ?? '57014', message: event.error.message } });
        else request.reject(event.error);
      }
      return { queue: keep };
    }),
  },
  guards: {
    headIsAcquire,
    headIsWrite,
    isOwner: ({ context, event }) => event.type === 'release' && event.sessionId === context.owner,
    /**
     * Adaptive window: wait for more writes only when the last batch had company (so a lone
     * writer never waits) and the batch is not full yet.
     */
    worthCollecting: ({ context }) =>
      context.batchWindowMs > 0 && context.lastBatchSize > 1 && context.queue.length < context.maxBatchSize,
    batchFull: ({ context }) => {
      let writes = 0;
      while (writes < context.queue.length && context.queue[writes].kind === 'autocommit') writes++;
      return writes >= context.maxBatchSize;
    },
    queueEmpty: ({ context }) => context.queue.length === 0,
  },
  delays: {
    batchWindow: ({ context }) => context.batchWindowMs,
  },
}).createMachine({
  id: 'writer',
  context: ({ input }) => ({
    queue: [], owner: null, maxBatchSize: input.maxBatchSize, batch: [],
    batchWindowMs: input.batchWindowMs ?? 0, lastBatchSize: 0,
    stats: { batches: 0, statements: 0, largestBatch: 0 },
  }),
  initial: 'idle',
  on: {
    write: { actions: 'enqueue' },
    acquire: { actions: 'enqueue' },
    cancel: { actions: 'dropCancelled' },
  },
  states: {
    idle: {
      always: [
        { guard: 'headIsAcquire', target: 'exclusive', actions: 'grantHead' },
        { guard: and(['headIsWrite', 'worthCollecting']), target: 'collecting' },
        { guard: 'headIsWrite', target: 'committing', actions: 'takeBatch' },
      ],
    },
    /** Concurrent writers: the batch waits up to batchWindowMs for company, or until it is full. */
    collecting: {
      always: [
        { guard: 'queueEmpty', target: 'idle' },
        { guard: 'headIsAcquire', target: 'idle' },
        { guard: 'batchFull', target: 'committing', actions: 'takeBatch' },
      ],
      after: {
        batchWindow: { target: 'committing', actions: 'takeBatch' },
      },
    },
    committing: {
      invoke: {
        src: 'commitBatch',
        input: ({ context }) => ({ batch: context.batch }),
        onDone: { target: 'idle', actions: 'settleBatch' },
        onError: { target: 'idle', actions: 'failBatch' },
      },
    },
    exclusive: {
      on: {
        release: { guard: 'isOwner', target: 'idle', actions: 'releaseOwner' },
      },
    },
  },
});
