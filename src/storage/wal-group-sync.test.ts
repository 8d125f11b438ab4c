import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WalGroupSync } from './wal-group-sync.js';

/** A sync whose completion the test controls. */
function controlledSync() {
  const pending: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  const sync = () => new Promise<void>((resolve, reject) => { pending.push({ resolve, reject }); });
  return { sync, pending };
}

const settled = async (promise: Promise<void>) => {
  let state = 'pending';
  promise.then(() => { state = 'resolved'; }, () => { state = 'rejected'; });
  await new Promise((resolve) => setImmediate(resolve));
  return state;
};

describe('WAL group sync', () => {
  it('acknowledges a commit only after a sync that began after it', async () => {
    const { sync, pending } = controlledSync();
    const group = new WalGroupSync(sync);
    const first = group.durable(group.committed());
    assert.equal(pending.length, 1);
    assert.equal(await settled(first), 'pending');
    pending[0]!.resolve();
    assert.equal(await settled(first), 'resolved');
  });

  it('shares one sync among the commits made before it began, and one more among those made while it ran', async () => {
    const { sync, pending } = controlledSync();
    const group = new WalGroupSync(sync);
    const a = group.committed();
    const b = group.committed();
    const waitA = group.durable(a);
    const waitB = group.durable(b);
    assert.equal(pending.length, 1, 'one sync covers both');
    const c = group.committed();
    const d = group.committed();
    const waitC = group.durable(c);
    const waitD = group.durable(d);
    assert.equal(pending.length, 1, 'commits made while a sync runs wait for the next');
    pending[0]!.resolve();
    assert.equal(await settled(waitA), 'resolved');
    assert.equal(await settled(waitB), 'resolved');
    assert.equal(await settled(waitC), 'pending');
    assert.equal(pending.length, 2, 'the next sync starts when the running one ends');
    pending[1]!.resolve();
    assert.equal(await settled(waitD), 'resolved');
    assert.equal(group.syncs, 2);
    assert.equal(await settled(group.durable(c)), 'resolved', 'an already durable commit waits for nothing');
    assert.equal(pending.length, 2);
  });

  it('fails the commits a failed sync covered, and syncs again for later ones', async () => {
    const { sync, pending } = controlledSync();
    const group = new WalGroupSync(sync);
    const failed = group.durable(group.committed());
    const later = group.committed();
    const waitLater = group.durable(later);
    pending[0]!.reject(new Error('EIO'));
    await assert.rejects(failed, /EIO/);
    assert.equal(pending.length, 2);
    pending[1]!.resolve();
    assert.equal(await settled(waitLater), 'resolved');
  });
});
