import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, isTransientSqliteError, retrySync } from './retry.js';

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('retrySync', () => {
  it('retries transient failures with growing, jittered delays, then succeeds', () => {
    const sleeps: number[] = [];
    let calls = 0;
    const value = retrySync(() => {
      if (++calls < 4) throw busy();
      return 'done';
    }, { retries: 5, initialDelayMs: 10, maxDelayMs: 1000, retriable: isTransientSqliteError, sleep: (ms) => sleeps.push(ms), random: () => 1 });
    assert.equal(value, 'done');
    assert.deepEqual(sleeps, [10, 20, 40]);
  });

  it('gives up after the retry limit and throws the last error', () => {
    let calls = 0;
    assert.throws(() => retrySync(() => {
      calls++;
      throw busy();
    }, { retries: 2, initialDelayMs: 1, maxDelayMs: 1, retriable: isTransientSqliteError, sleep: () => undefined }), /database is locked/);
    assert.equal(calls, 3);
  });

  it('does not retry errors that are not transient', () => {
    let calls = 0;
    assert.throws(() => retrySync(() => {
      calls++;
      throw Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    }, { retries: 5, initialDelayMs: 1, maxDelayMs: 1, retriable: isTransientSqliteError, sleep: () => undefined }));
    assert.equal(calls, 1);
  });

  it('caps the delay and spreads it with jitter', () => {
    assert.equal(backoffDelay(20, { initialDelayMs: 5, maxDelayMs: 200, random: () => 1 }), 200);
    assert.equal(backoffDelay(3, { initialDelayMs: 5, maxDelayMs: 200, random: () => 0.5 }), 20);
    assert.equal(backoffDelay(0, { initialDelayMs: 5, maxDelayMs: 200, random: () => 0 }), 0);
  });
});
