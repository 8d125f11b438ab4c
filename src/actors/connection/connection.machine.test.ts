import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { connectionMachine, type ConnectionEvent } from './connection.machine.js';

/**
 * The connection machine is pure (no actions, no actors), so xstate's pure `transition` drives it
 * here: each step is a snapshot in, a snapshot out, with nothing running in between.
 */
type Snapshot = SnapshotFrom<typeof connectionMachine>;

function initial(): Snapshot {
  return initialTransition(connectionMachine)[0];
}

/** Applies events in order and returns the final snapshot. */
function run(snapshot: Snapshot, ...events: ConnectionEvent[]): Snapshot {
  let current = snapshot;
  for (const event of events) current = transition(connectionMachine, current, event)[0];
  return current;
}

const ready = (transaction: string, mode = 'commands') => ({ ready: { transaction, mode } });

/** Every event the machine knows, for "ignored here" sweeps. */
const allEvents: ConnectionEvent[] = [
  { type: 'startup.trusted' }, { type: 'startup.authRequired' }, { type: 'auth.succeeded' }, { type: 'auth.failed' },
  { type: 'tx.begin' }, { type: 'tx.end' }, { type: 'tx.fail' }, { type: 'tx.recover' },
  { type: 'copy.in' }, { type: 'copy.out' }, { type: 'copy.done' },
];

describe('connection machine', () => {
  it('starts awaiting the startup packet', () => {
    const s = initial();
    assert.equal(s.value, 'awaitingStartup');
    assert.equal(s.status, 'active');
  });

  it('a trusted startup goes straight to ready, idle, in command mode', () => {
    const s = run(initial(), { type: 'startup.trusted' });
    assert.deepEqual(s.value, ready('idle'));
    assert.ok(s.matches({ ready: { transaction: 'idle' } }));
  });

  it('authentication: authRequired → authenticating → ready on success', () => {
    const authenticating = run(initial(), { type: 'startup.authRequired' });
    assert.equal(authenticating.value, 'authenticating');
    assert.deepEqual(run(authenticating, { type: 'auth.succeeded' }).value, ready('idle'));
  });

  it('a failed authentication terminates the connection (final)', () => {
    const s = run(initial(), { type: 'startup.authRequired' }, { type: 'auth.failed' });
    assert.equal(s.value, 'terminated');
    assert.equal(s.status, 'done');
  });

  it('BEGIN / COMMIT: idle → inTransaction → idle', () => {
    const inTx = run(initial(), { type: 'startup.trusted' }, { type: 'tx.begin' });
    assert.deepEqual(inTx.value, ready('inTransaction'));
    assert.deepEqual(run(inTx, { type: 'tx.end' }).value, ready('idle'));
  });

  it('an error in a transaction fails it; ROLLBACK TO SAVEPOINT recovers; ROLLBACK ends it', () => {
    const failed = run(initial(), { type: 'startup.trusted' }, { type: 'tx.begin' }, { type: 'tx.fail' });
    assert.deepEqual(failed.value, ready('failedTransaction'));
    assert.deepEqual(run(failed, { type: 'tx.recover' }).value, ready('inTransaction'));
    assert.deepEqual(run(failed, { type: 'tx.end' }).value, ready('idle'));
  });

  it('in a failed transaction, BEGIN and a further failure change nothing', () => {
    const failed = run(initial(), { type: 'startup.trusted' }, { type: 'tx.begin' }, { type: 'tx.fail' });
    assert.deepEqual(run(failed, { type: 'tx.begin' }).value, ready('failedTransaction'));
    assert.deepEqual(run(failed, { type: 'tx.fail' }).value, ready('failedTransaction'));
  });

  it('tx.fail and tx.recover outside a transaction are ignored (an autocommit error stays idle)', () => {
    const idle = run(initial(), { type: 'startup.trusted' });
    assert.deepEqual(run(idle, { type: 'tx.fail' }).value, ready('idle'));
    assert.deepEqual(run(idle, { type: 'tx.recover' }).value, ready('idle'));
    assert.deepEqual(run(idle, { type: 'tx.end' }).value, ready('idle'));
  });

  it('COPY FROM inside a transaction keeps the transaction region', () => {
    const copying = run(initial(), { type: 'startup.trusted' }, { type: 'tx.begin' }, { type: 'copy.in' });
    assert.deepEqual(copying.value, ready('inTransaction', 'copyIn'));
    const done = run(copying, { type: 'copy.done' });
    assert.deepEqual(done.value, ready('inTransaction', 'commands'));
  });

  it('a COPY that fails inside a transaction leaves copy mode and a failed transaction', () => {
    const s = run(initial(), { type: 'startup.trusted' }, { type: 'tx.begin' }, { type: 'copy.in' }, { type: 'tx.fail' }, { type: 'copy.done' });
    assert.deepEqual(s.value, ready('failedTransaction', 'commands'));
  });

  it('COPY TO round-trips through copyOut', () => {
    const out = run(initial(), { type: 'startup.trusted' }, { type: 'copy.out' });
    assert.deepEqual(out.value, ready('idle', 'copyOut'));
    assert.deepEqual(run(out, { type: 'copy.done' }).value, ready('idle', 'commands'));
  });

  it('while copying, another copy.in/copy.out is ignored', () => {
    const copyIn = run(initial(), { type: 'startup.trusted' }, { type: 'copy.in' });
    assert.deepEqual(run(copyIn, { type: 'copy.out' }).value, ready('idle', 'copyIn'));
    assert.deepEqual(run(copyIn, { type: 'copy.in' }).value, ready('idle', 'copyIn'));
  });

  it('terminate from every state ends in the final terminated state', () => {
    const states: Array<[string, Snapshot]> = [
      ['awaitingStartup', initial()],
      ['authenticating', run(initial(), { type: 'startup.authRequired' })],
      ['ready/idle', run(initial(), { type: 'startup.trusted' })],
      ['ready/inTransaction', run(initial(), { type: 'startup.trusted' }, { type: 'tx.begin' })],
      ['ready/failedTransaction', run(initial(), { type: 'startup.trusted' }, { type: 'tx.begin' }, { type: 'tx.fail' })],
      ['ready/copyIn', run(initial(), { type: 'startup.trusted' }, { type: 'tx.begin' }, { type: 'copy.in' })],
      ['ready/copyOut', run(initial(), { type: 'startup.trusted' }, { type: 'copy.out' })],
    ];
    for (const [name, snapshot] of states) {
      const s = run(snapshot, { type: 'terminate' });
      assert.equal(s.value, 'terminated', `terminate from ${name}`);
      assert.equal(s.status, 'done', `terminated is final (from ${name})`);
    }
  });

  it('once terminated, nothing brings the connection back', () => {
    const terminated = run(initial(), { type: 'terminate' });
    for (const event of [...allEvents, { type: 'terminate' } as const]) {
      const s = run(terminated, event);
      assert.equal(s.value, 'terminated', `${event.type} after terminate`);
      assert.equal(s.status, 'done');
    }
  });

  it('before startup, only the startup events do anything', () => {
    for (const event of allEvents) {
      if (event.type.startsWith('startup.')) continue;
      assert.equal(run(initial(), event).value, 'awaitingStartup', `${event.type} before startup`);
    }
  });

  it('while authenticating, transaction, copy and a second startup are ignored', () => {
    const authenticating = run(initial(), { type: 'startup.authRequired' });
    for (const event of allEvents) {
      if (event.type.startsWith('auth.')) continue;
      assert.equal(run(authenticating, event).value, 'authenticating', `${event.type} while authenticating`);
    }
  });

  it('once ready, startup and auth events are ignored', () => {
    const inTx = run(initial(), { type: 'startup.trusted' }, { type: 'tx.begin' });
    for (const type of ['startup.trusted', 'startup.authRequired', 'auth.succeeded', 'auth.failed'] as const) {
      assert.deepEqual(run(inTx, { type }).value, ready('inTransaction'), `${type} when ready`);
    }
  });

  it('transition is pure: the input snapshot is not changed', () => {
    const idle = run(initial(), { type: 'startup.trusted' });
    run(idle, { type: 'tx.begin' });
    assert.deepEqual(idle.value, ready('idle'));
  });

  it('as an actor: the same path, and the actor is done once terminated', () => {
    const actor = createActor(connectionMachine).start();
    actor.send({ type: 'startup.authRequired' });
    actor.send({ type: 'auth.succeeded' });
    actor.send({ type: 'tx.begin' });
    actor.send({ type: 'copy.in' });
    assert.deepEqual(actor.getSnapshot().value, ready('inTransaction', 'copyIn'));
    actor.send({ type: 'copy.done' });
    actor.send({ type: 'tx.end' });
    assert.deepEqual(actor.getSnapshot().value, ready('idle'));
    actor.send({ type: 'terminate' });
    assert.equal(actor.getSnapshot().value, 'terminated');
    assert.equal(actor.getSnapshot().status, 'done');
  });
});
