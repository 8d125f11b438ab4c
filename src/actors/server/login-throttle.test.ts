import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LoginThrottle } from './login-throttle.js';

describe('LoginThrottle', () => {
  it('makes each further attempt from a failing address wait longer, capped', async () => {
    const throttle = new LoginThrottle(1, 8);
    assert.equal(throttle.delayFor('a'), 0);
    await throttle.failed('a');
    assert.equal(throttle.delayFor('a'), 1);
    await throttle.failed('a');
    assert.equal(throttle.delayFor('a'), 2);
    await throttle.failed('a');
    await throttle.failed('a');
    await throttle.failed('a');
    assert.equal(throttle.delayFor('a'), 8);
    assert.equal(throttle.delayFor('b'), 0, 'other addresses are not slowed');
  });

  it('forgets an address after a successful login', async () => {
    const throttle = new LoginThrottle(1, 8);
    await throttle.failed('a');
    throttle.succeeded('a');
    assert.equal(throttle.delayFor('a'), 0);
  });

  it('keeps at most maxEntries addresses', async () => {
    const throttle = new LoginThrottle(1, 8, 2);
    await throttle.failed('a');
    await throttle.failed('b');
    await throttle.failed('c');
    assert.equal(throttle.delayFor('a'), 0, 'the oldest address was dropped');
    assert.equal(throttle.delayFor('b'), 1);
    assert.equal(throttle.delayFor('c'), 1);
  });
});
