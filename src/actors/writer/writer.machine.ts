import { and, assign, setup, type ActorRefFrom } from 'xstate';
import type { StatementJob, StatementResult } from '../../storage/engine-messages.js';
import { WriteQueue } from './write-queue.js';

/**
 * The writer of one database file. SQLite has one writer at a time, so every write queues here
 * instead of failing with "database is locked":
 * - autocommit writes that queue up while a commit runs share the next commit (group commit);
 * - a session in an explicit transaction takes the writer exclusively until COMMIT/ROLLBACK.
 * Within a priority the queue is FIFO across both kinds, so a transaction cannot be starved by a
 * stream of writes; between priorities it is weighted round robin (write-queue.ts).
 */
/** Write priorities (`SET pgsqlite.write_priority`, also per role or database with ALTER … SET). */
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
  /** Waiting requests (mutated in place: a copy per write would cost O(n) with thousands queued). */
  queue: WriteQueue<WriteRequest>;
  runBatch: RunBatch;
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
  | { type: 'cancel'; jobId?: number; sessionId?: number; error: Error }
  /** The event-loop turn in which writes were gathered has ended (sent by `gathering` to itself). */
  | { type: 'gathered' }
  /** The batch's commit returned (sent by `committing` to itself): one result per write. */
  | { type: 'committed'; results: StatementResult[] }
  | { type: 'commitFailed'; error: unknown };

export interface WriterInput {
  maxBatchSize: number;
  batchWindowMs?: number;
  /** Turns per round for each priority under contention (default 16 : 4 : 1). */
  weights?: Record<number, number>;
  /** Commits a batch: one result per write, in order. */
  runBatch: RunBatch;
}

/** The engine call behind a commit (the writer connection's worker), given as the machine's input. */
export type RunBatch = (jobs: StatementJob[], jobIds: number[]) => Promise<StatementResult[]>;

const headIsAcquire = ({ context }: { context: WriterContext }) => context.queue.peek()?.kind === 'acquire';
const headIsWrite = ({ context }: { context: WriterContext }) => context.queue.peek()?.kind === 'autocommit';

export const writerMachine = setup({
  types: {
    context: {} as WriterContext,
    events: {} as WriterEvent,
    input: {} as WriterInput,
  },
  actions: {
    enqueue: ({ context, event }) => {
      if (event.type === 'write' || event.type === 'acquire') context.queue.push(event.request);
    },
    takeBatch: assign(({ context }) => {
      // Autocommit writes in serving order, up to the batch limit or the next transaction.
      const batch: AutocommitWrite[] = [];
      while (batch.length < context.maxBatchSize && context.queue.peek()?.kind === 'autocommit') batch.push(context.queue.shift() as AutocommitWrite);
      return { batch };
    }),
    grantHead: assign(({ context }) => {
      const head = context.queue.shift() as ExclusiveRequest;
      head.resolve();
      return { owner: head.sessionId };
    }),
    releaseOwner: assign({ owner: null }),
    /**
     * setImmediate runs once the I/O callbacks of this turn are done: every client whose INSERT
     * the same poll read has reached the queue by then.
     */
    endGatheringAfterThisTurn: ({ self }) => {
      setImmediate(() => {
        if (self.getSnapshot().status === 'active') self.send({ type: 'gathered' });
      });
    },
    /**
     * Runs the batch's commit and reports its end as `committed`/`commitFailed`. An invoked
     * promise actor did the same with a child actor, an AbortController, a spawn and a stop per
     * batch: a few percent of the main thread under 64 concurrent writers.
     */
    startCommit: ({ context, self }) => {
      const report = (event: WriterEvent) => {
        if (self.getSnapshot().status === 'active') self.send(event);
      };
      const { batch, runBatch } = context;
      try {
        runBatch(batch.map((w) => w.job), batch.map((w) => w.jobId)).then(
          (results) => report({ type: 'committed', results }),
          (error: unknown) => report({ type: 'commitFailed', error }),
        );
      } catch (error) {
        // Queued behind the current macrostep, so `committing` is entered before it arrives.
        report({ type: 'commitFailed', error });
      }
    },
    settleBatch: assign(({ context, event }) => {
      const results = (event as Extract<WriterEvent, { type: 'committed' }>).results;
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
      const error = (event as Extract<WriterEvent, { type: 'commitFailed' }>).error;
      const message = error instanceof Error ? error.message : String(error);
      for (const write of context.batch) write.resolve({ ok: false, error: { code: 'XX000', message } });
      return { batch: [] };
    }),
    dropCancelled: ({ context, event }) => {
      if (event.type !== 'cancel') return;
      const removed = context.queue.removeWhere((request) =>
        request.kind === 'autocommit' ? request.jobId === event.jobId : request.sessionId === event.sessionId);
      for (const request of removed) {
        if (request.kind === 'autocommit') request.resolve({ ok: false, error: { code: (event.error as { code?: string }).code ?? '57014', message: event.error.message } });
        else request.reject(event.error);
      }
    },
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
      context.batchWindowMs > 0 && context.lastBatchSize > 1 && context.queue.size < context.maxBatchSize,
    /** Without a window: a write that arrives while idle after a batch that had company waits for the rest of the turn. */
    worthGathering: ({ context }) => context.batchWindowMs === 0 && context.lastBatchSize > 1,
    batchFull: ({ context }) => context.queue.countWhere((request) => request.kind === 'autocommit') >= context.maxBatchSize,
    queueEmpty: ({ context }) => context.queue.size === 0,
  },
  delays: {
    batchWindow: ({ context }) => context.batchWindowMs,
  },
}).createMachine({
  id: 'writer',
  context: ({ input }) => ({
    queue: new WriteQueue<WriteRequest>(input.weights), owner: null, maxBatchSize: input.maxBatchSize, batch: [],
    batchWindowMs: input.batchWindowMs ?? 0, lastBatchSize: 0, runBatch: input.runBatch,
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
      on: {
        write: { guard: 'worthGathering', target: 'gathering', actions: 'enqueue' },
      },
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
    /**
     * Concurrent writers, no window: the write that found the writer idle waits until the current
     * event-loop turn ends, so the writes other clients sent at the same moment share its commit.
     * Committing it alone at once split 64 writers into alternating batches of 1 and 63, each
     * batch a worker round trip and a commit. A lone writer (last batch of 1) never waits.
     */
    gathering: {
      entry: 'endGatheringAfterThisTurn',
      always: [
        { guard: 'headIsAcquire', target: 'idle' },
      ],
      on: {
        gathered: [
          { guard: 'headIsWrite', target: 'committing', actions: 'takeBatch' },
          { target: 'idle' },
        ],
      },
    },
    committing: {
      entry: 'startCommit',
      on: {
        committed: { target: 'idle', actions: 'settleBatch' },
        commitFailed: { target: 'idle', actions: 'failBatch' },
      },
    },
    exclusive: {
      on: {
        release: { guard: 'isOwner', target: 'idle', actions: 'releaseOwner' },
      },
    },
  },
});

/**
 * Queues a write or a request for exclusive use. In `committing` and `exclusive` such an event
 * could only run the root's `enqueue` action — those states have no eventless transitions and
 * leave only on their own events, after which `idle` looks at the queue — so the request joins
 * the queue directly there; likewise a write in `gathering`, which cannot put an acquire at the
 * head of the queue. Under 64 concurrent writers nearly every write arrives while a commit
 * runs, and a macrostep per write (transition selection, a new snapshot, observers) was the
 * largest cost of the main thread after socket writes. In `idle` and `collecting` the event is
 * sent: its arrival may start a commit or a grant.
 */
export function submitToWriter(writer: ActorRefFrom<typeof writerMachine>, request: WriteRequest): void {
  const snapshot = writer.getSnapshot();
  const { value } = snapshot;
  if (snapshot.status === 'active' && (value === 'committing' || value === 'exclusive' || (value === 'gathering' && request.kind === 'autocommit'))) {
    snapshot.context.queue.push(request);
    return;
  }
  if (request.kind === 'autocommit') writer.send({ type: 'write', request });
  else writer.send({ type: 'acquire', request });
}
