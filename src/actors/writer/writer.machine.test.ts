import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SimulatedClock, createActor } from 'xstate';
import type { StatementJob, StatementResult } from '../../storage/engine-messages.js';
import { submitToWriter, writerMachine, type AutocommitWrite, type ExclusiveRequest, type RunBatch } from './writer.machine.js';

/**
 * The writer machine without I/O: commitBatch is a fake whose promises the test settles by hand,
 * so "a commit is running" is a state the test holds open for as long as it needs.
 */

interface PendingCommit {
  sqls: string[];
  jobIds: number[];
  resolve(results: StatementResult[]): void;
  reject(err: unknown): void;
}

function fakeEngine() {
  const commits: PendingCommit[] = [];
  const runBatch: RunBatch = (jobs, jobIds) =>
    new Promise<StatementResult[]>((resolve, reject) => {
      commits.push({ sqls: jobs.map((j) => j.sql), jobIds: [...jobIds], resolve, reject });
    });
  return { commits, runBatch };
}

/** A result that echoes the job id in lastInsertRowid, so each write can check it got its own. */
function okResult(jobId: number): StatementResult {
  return { ok: true, outcome: { columns: null, rows: null, rowCount: 1, changes: 1, lastInsertRowid: jobId, suspended: false } };
}

function job(sql: string): StatementJob {
  return { sql, params: [], resultFormats: [], timeZone: 'UTC', sessionId: 1, contextVersion: 0 };
}

/** Lets the commit's settlement reach the machine (a few microtask/macrotask turns). */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function start(maxBatchSize = 100, batchWindowMs = 0, clock?: SimulatedClock) {
  const engine = fakeEngine();
  const actor = createActor(
    writerMachine,
    { input: { maxBatchSize, batchWindowMs, runBatch: engine.runBatch }, ...(clock ? { clock } : {}) },
  ).start();
  const results = new Map<number, StatementResult>();
  /** Order in which requests were satisfied: `w<jobId>` for writes, `a<sessionId>` for grants. */
  const order: string[] = [];
  const write = (jobId: number, sql = `INSERT ${jobId}`, priority = 1): AutocommitWrite => {
    const request: AutocommitWrite = {
      kind: 'autocommit', priority, jobId, job: job(sql),
      resolve: (result) => {
        results.set(jobId, result);
        order.push(`w${jobId}`);
      },
    };
    actor.send({ type: 'write', request });
    return request;
  };
  const acquire = (sessionId: number, priority = 1) => {
    const outcome: { granted: boolean; rejected?: Error } = { granted: false };
    const request: ExclusiveRequest = {
      kind: 'acquire', priority, sessionId,
      resolve: () => {
        outcome.granted = true;
        order.push(`a${sessionId}`);
      },
      reject: (err) => {
        outcome.rejected = err;
      },
    };
    actor.send({ type: 'acquire', request });
    return outcome;
  };
  /** Completes the oldest running commit successfully, each job getting its own result. */
  const commitNext = async () => {
    const commit = engine.commits.find((c) => !('done' in c));
    assert.ok(commit, 'expected a running commit');
    Object.assign(commit, { done: true });
    commit.resolve(commit.jobIds.map(okResult));
    await flush();
    return commit;
  };
  return { actor, engine, results, order, write, acquire, commitNext, state: () => actor.getSnapshot().value };
}

describe('writer machine', () => {
  it('starts idle with an empty queue and zeroed stats', () => {
    const w = start();
    assert.equal(w.state(), 'idle');
    const ctx = w.actor.getSnapshot().context;
    assert.deepEqual(ctx.queue.toArray(), []);
    assert.equal(ctx.owner, null);
    assert.deepEqual(ctx.stats, { batches: 0, statements: 0, largestBatch: 0 });
    w.actor.stop();
  });

  it('commits a lone write at once, with no waiting window', async () => {
    const w = start();
    w.write(1);
    // Synchronously after send: already committing and the engine already called (no timer).
    assert.equal(w.state(), 'committing');
    assert.equal(w.engine.commits.length, 1);
    assert.deepEqual(w.engine.commits[0].jobIds, [1]);
    assert.deepEqual(w.engine.commits[0].sqls, ['INSERT 1']);
    await w.commitNext();
    assert.deepEqual(w.results.get(1), okResult(1));
    assert.equal(w.state(), 'idle');
    w.actor.stop();
  });

  it('groups writes that arrive during a commit into the next batch, in FIFO order', async () => {
    const w = start();
    w.write(1);
    w.write(2);
    w.write(3);
    w.write(4);
    // Only the first is in flight; the rest wait for it.
    assert.equal(w.engine.commits.length, 1);
    assert.deepEqual(w.engine.commits[0].jobIds, [1]);
    assert.equal(w.actor.getSnapshot().context.queue.size, 3);
    await w.commitNext();
    // The three that queued share one commit, in arrival order.
    assert.equal(w.engine.commits.length, 2);
    assert.deepEqual(w.engine.commits[1].jobIds, [2, 3, 4]);
    assert.deepEqual(w.engine.commits[1].sqls, ['INSERT 2', 'INSERT 3', 'INSERT 4']);
    assert.equal(w.state(), 'committing');
    await w.commitNext();
    assert.deepEqual(w.order, ['w1', 'w2', 'w3', 'w4']);
    for (const id of [2, 3, 4]) assert.deepEqual(w.results.get(id), okResult(id));
    assert.equal(w.state(), 'idle');
    w.actor.stop();
  });

  it('higher write priority overtakes a backlog; FIFO within a priority', async () => {
    const w = start();
    w.write(1);
    w.write(2, 'INSERT 2', 0);
    w.write(3, 'INSERT 3', 0);
    w.write(4, 'INSERT 4', 2);
    w.write(5, 'INSERT 5', 1);
    w.write(6, 'INSERT 6', 2);
    await w.commitNext();
    // While write 1 committed, the queue ordered itself: high (4, 6), normal (5), low (2, 3).
    assert.deepEqual(w.engine.commits[1].jobIds, [4, 6, 5, 2, 3]);
    await w.commitNext();
    assert.deepEqual(w.order, ['w1', 'w4', 'w6', 'w5', 'w2', 'w3']);
    w.actor.stop();
  });

  it('with a window: a lone writer never waits; concurrent writers wait for company, up to the window or a full batch', async () => {
    const clock = new SimulatedClock();
    const w = start(3, 10, clock);
    w.write(1);
    // Alone (no batch before): committed at once, no timer.
    assert.deepEqual(w.engine.commits.map((c) => c.jobIds), [[1]]);
    w.write(2);
    w.write(3);
    await w.commitNext();
    assert.deepEqual(w.engine.commits[1].jobIds, [2, 3]);
    await w.commitNext();
    // The last batch had company: the next write waits for the window…
    w.write(4);
    assert.equal(w.state(), 'collecting');
    assert.equal(w.engine.commits.length, 2);
    w.write(5);
    clock.increment(9);
    assert.equal(w.engine.commits.length, 2);
    clock.increment(1);
    assert.deepEqual(w.engine.commits[2].jobIds, [4, 5]);
    await w.commitNext();
    // …and a full batch does not wait for the timer.
    w.write(6);
    w.write(7);
    w.write(8);
    assert.deepEqual(w.engine.commits[3].jobIds, [6, 7, 8]);
    await w.commitNext();
    w.actor.stop();
  });

  it('splits the queue by maxBatchSize', async () => {
    const w = start(2);
    for (let id = 1; id <= 6; id++) w.write(id);
    await w.commitNext();
    await w.commitNext();
    await w.commitNext();
    await w.commitNext();
    assert.deepEqual(w.engine.commits.map((c) => c.jobIds), [[1], [2, 3], [4, 5], [6]]);
    assert.deepEqual(w.order, ['w1', 'w2', 'w3', 'w4', 'w5', 'w6']);
    assert.equal(w.state(), 'idle');
    w.actor.stop();
  });

  it('grants an acquire at the head exclusively; writes wait until the owner releases', async () => {
    const w = start();
    const a = w.acquire(7);
    assert.equal(a.granted, true);
    assert.equal(w.state(), 'exclusive');
    assert.equal(w.actor.getSnapshot().context.owner, 7);
    w.write(1);
    w.write(2);
    assert.equal(w.engine.commits.length, 0, 'no commit while another session holds the writer');
    assert.equal(w.state(), 'exclusive');

    // A release from a session that is not the owner changes nothing.
    w.actor.send({ type: 'release', sessionId: 8 });
    assert.equal(w.state(), 'exclusive');
    assert.equal(w.actor.getSnapshot().context.owner, 7);
    assert.equal(w.engine.commits.length, 0);

    w.actor.send({ type: 'release', sessionId: 7 });
    assert.equal(w.actor.getSnapshot().context.owner, null);
    assert.equal(w.state(), 'committing');
    // Both writes queued during the exclusive hold go in one commit.
    assert.deepEqual(w.engine.commits.map((c) => c.jobIds), [[1, 2]]);
    await w.commitNext();
    assert.equal(w.state(), 'idle');
    w.actor.stop();
  });

  it('is FIFO across acquires and writes: nobody overtakes a queued transaction', async () => {
    const w = start();
    w.write(1); // commits at once
    const a = w.acquire(10); // queued behind write 1
    w.write(2); // queued behind the acquire: must not join a batch ahead of it
    const b = w.acquire(11);
    w.write(3);
    assert.equal(a.granted, false);
    await w.commitNext();
    // Write 1 done; the acquire at the head is granted before write 2 runs.
    assert.equal(a.granted, true);
    assert.equal(w.state(), 'exclusive');
    assert.equal(w.engine.commits.length, 1);
    w.actor.send({ type: 'release', sessionId: 10 });
    // Only write 2 goes: the batch stops at the next acquire.
    assert.deepEqual(w.engine.commits.map((c) => c.jobIds), [[1], [2]]);
    await w.commitNext();
    assert.equal(b.granted, true);
    assert.equal(w.actor.getSnapshot().context.owner, 11);
    w.actor.send({ type: 'release', sessionId: 11 });
    await w.commitNext();
    assert.deepEqual(w.order, ['w1', 'a10', 'w2', 'a11', 'w3']);
    assert.equal(w.state(), 'idle');
    w.actor.stop();
  });

  it('cancel removes a queued write; it resolves with a 57014 error and never reaches the engine', async () => {
    const w = start();
    w.write(1);
    w.write(2);
    w.write(3);
    w.actor.send({ type: 'cancel', jobId: 2, error: new Error('canceling statement due to user request') });
    const cancelled = w.results.get(2);
    assert.deepEqual(cancelled, { ok: false, error: { code: '57014', message: 'canceling statement due to user request' } });
    assert.deepEqual(w.actor.getSnapshot().context.queue.toArray().map((r) => (r as AutocommitWrite).jobId), [3]);
    await w.commitNext();
    await w.commitNext();
    assert.deepEqual(w.engine.commits.map((c) => c.jobIds), [[1], [3]]);
    w.actor.stop();
  });

  it("cancel keeps the error's own SQLSTATE when it has one", () => {
    const w = start();
    w.write(1);
    w.write(2);
    const err = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    w.actor.send({ type: 'cancel', jobId: 2, error: err });
    assert.deepEqual(w.results.get(2), { ok: false, error: { code: '57P01', message: err.message } });
    w.actor.stop();
  });

  it('cancel removes a queued acquire and calls its reject', async () => {
    const w = start();
    w.write(1);
    const a = w.acquire(5);
    w.write(2);
    const err = new Error('canceling statement due to user request');
    w.actor.send({ type: 'cancel', sessionId: 5, error: err });
    assert.equal(a.rejected, err);
    assert.equal(a.granted, false);
    await w.commitNext();
    // With the acquire gone, write 2 is next and the writer never became exclusive.
    assert.equal(a.granted, false);
    assert.deepEqual(w.engine.commits.map((c) => c.jobIds), [[1], [2]]);
    await w.commitNext();
    assert.equal(w.state(), 'idle');
    w.actor.stop();
  });

  it('a cancel that matches nothing queued leaves the queue alone', () => {
    const w = start();
    w.write(1); // in flight, not in the queue
    w.write(2);
    w.actor.send({ type: 'cancel', jobId: 1, error: new Error('too late') });
    w.actor.send({ type: 'cancel', jobId: 99, error: new Error('unknown') });
    assert.equal(w.results.size, 0);
    assert.equal(w.actor.getSnapshot().context.queue.size, 1);
    w.actor.stop();
  });

  it('a failing commit resolves every write of the batch with an error, returns to idle and goes on', async () => {
    const w = start();
    w.write(1);
    w.write(2);
    w.write(3);
    w.engine.commits[0].reject(new Error('disk I/O error'));
    Object.assign(w.engine.commits[0], { done: true });
    await flush();
    assert.deepEqual(w.results.get(1), { ok: false, error: { code: 'XX000', message: 'disk I/O error' } });
    // The queue behind the failed batch goes on as the next batch.
    assert.equal(w.state(), 'committing');
    assert.deepEqual(w.engine.commits[1].jobIds, [2, 3]);
    w.engine.commits[1].reject(new Error('database is locked'));
    Object.assign(w.engine.commits[1], { done: true });
    await flush();
    for (const id of [2, 3]) {
      assert.deepEqual(w.results.get(id), { ok: false, error: { code: 'XX000', message: 'database is locked' } });
    }
    assert.equal(w.state(), 'idle');
    assert.deepEqual(w.actor.getSnapshot().context.batch, []);
    // And the writer still works afterwards.
    w.write(4);
    await w.commitNext();
    assert.deepEqual(w.results.get(4), okResult(4));
    assert.equal(w.actor.getSnapshot().status, 'active');
    w.actor.stop();
  });

  it('a rejection that is not an Error still resolves the writes with its text', async () => {
    const w = start();
    w.write(1);
    w.engine.commits[0].reject('worker exited');
    await flush();
    assert.deepEqual(w.results.get(1), { ok: false, error: { code: 'XX000', message: 'worker exited' } });
    assert.equal(w.state(), 'idle');
    w.actor.stop();
  });

  it('counts batches, statements and the largest batch', async () => {
    const w = start(3);
    w.write(1);
    for (let id = 2; id <= 6; id++) w.write(id);
    await w.commitNext(); // [1]
    await w.commitNext(); // [2,3,4]
    await w.commitNext(); // [5,6]
    assert.deepEqual(w.actor.getSnapshot().context.stats, { batches: 3, statements: 6, largestBatch: 3 });
    w.actor.stop();
  });

  it('without a window: after a batch with company, a write that finds the writer idle waits for the end of the turn', async () => {
    const w = start();
    w.write(1);
    w.write(2);
    w.write(3);
    await w.commitNext(); // [1]
    await w.commitNext(); // [2, 3]: had company
    assert.equal(w.state(), 'idle');
    w.write(4);
    assert.equal(w.state(), 'gathering');
    w.write(5);
    assert.equal(w.engine.commits.length, 2, 'nothing committed before the turn ends');
    await flush();
    assert.deepEqual(w.engine.commits.map((c) => c.jobIds), [[1], [2, 3], [4, 5]]);
    await w.commitNext();
    assert.deepEqual(w.order, ['w1', 'w2', 'w3', 'w4', 'w5']);
    w.actor.stop();
  });

  it('a higher-priority acquire arriving while writes gather is granted first', async () => {
    const w = start();
    w.write(1);
    w.write(2);
    w.write(3);
    await w.commitNext();
    await w.commitNext();
    w.write(4);
    assert.equal(w.state(), 'gathering');
    const a = w.acquire(9, 2);
    assert.equal(a.granted, true);
    assert.equal(w.state(), 'exclusive');
    await flush(); // the turn's end finds the writer exclusive: nothing happens
    assert.equal(w.engine.commits.length, 2);
    w.actor.send({ type: 'release', sessionId: 9 });
    assert.deepEqual(w.engine.commits[2].jobIds, [4]);
    await w.commitNext();
    assert.equal(w.state(), 'idle');
    w.actor.stop();
  });

  it('submitToWriter queues without an event while committing or exclusive, and sends one otherwise', async () => {
    const w = start();
    const request = (jobId: number): AutocommitWrite => ({
      kind: 'autocommit', priority: 1, jobId, job: job(`INSERT ${jobId}`), resolve: (result) => {
        w.results.set(jobId, result);
        w.order.push(`w${jobId}`);
      },
    });
    const snapshots: unknown[] = [];
    w.actor.subscribe((snapshot) => snapshots.push(snapshot.value));
    submitToWriter(w.actor, request(1)); // idle: an event, which starts the commit
    assert.equal(w.state(), 'committing');
    const seen = snapshots.length;
    submitToWriter(w.actor, request(2));
    submitToWriter(w.actor, request(3));
    assert.equal(snapshots.length, seen, 'no macrostep for writes queued during a commit');
    assert.equal(w.actor.getSnapshot().context.queue.size, 2);
    await w.commitNext();
    assert.deepEqual(w.engine.commits.map((c) => c.jobIds), [[1], [2, 3]]);
    await w.commitNext();
    assert.deepEqual(w.order, ['w1', 'w2', 'w3']);
    assert.equal(w.state(), 'idle');
    w.actor.stop();
  });

  it('runs a commit without a child actor, and a commit that throws at once fails its writes', async () => {
    const w = start();
    w.write(1);
    assert.equal(w.state(), 'committing');
    assert.deepEqual(Object.keys(w.actor.getSnapshot().children), [], 'no actor spawned per batch');
    await w.commitNext();
    assert.equal(w.results.get(1)?.ok, true);

    const throwing = createActor(
      writerMachine,
      { input: { maxBatchSize: 10, runBatch: () => { throw new Error('engine gone'); } } },
    ).start();
    let result: StatementResult | undefined;
    throwing.send({ type: 'write', request: { kind: 'autocommit', priority: 1, jobId: 2, job: job('INSERT'), resolve: (r) => (result = r) } });
    await flush();
    assert.match((result as { ok: false; error: { message: string } }).error.message, /engine gone/);
    assert.equal(throwing.getSnapshot().value, 'idle');
    throwing.stop();
    w.actor.stop();
  });

  it('a commit that returns after the writer stopped is ignored', async () => {
    const w = start();
    w.write(1);
    w.actor.stop();
    w.engine.commits[0]!.resolve([okResult(1)]);
    await flush();
    assert.equal(w.results.size, 0);
  });
});
