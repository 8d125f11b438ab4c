import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { glibcCbrt, SessionRandom, widthBucket } from './float-math.js';

// Expected values are PostgreSQL 15's (on glibc).
describe('float math', () => {
  it('cbrt rounds as glibc does', () => {
    assert.equal(glibcCbrt(27), 3.0000000000000004);
    assert.equal(glibcCbrt(2), 1.2599210498948734);
    assert.equal(glibcCbrt(-8), -2);
    assert.equal(glibcCbrt(1000), 10);
    assert.ok(Object.is(glibcCbrt(-0), -0));
  });
  it('setseed gives PostgreSQL random() sequence', () => {
    const r = new SessionRandom();
    r.seed(0.5);
    assert.equal(r.next(), 0.9851677175347999);
    assert.equal(r.next(), 0.825301858027981);
    assert.throws(() => r.seed(2), { code: '22023', message: 'setseed parameter 2 is out of allowed range [-1,1]' });
  });
  it('width_bucket', () => {
    assert.equal(widthBucket('5.35', '0.024', '10.06', 5n), 3n);
    assert.equal(widthBucket(0n, 1n, 10n, 3n), 0n);
    assert.equal(widthBucket(11n, 1n, 10n, 3n), 4n);
    assert.equal(widthBucket(5, 10n, 0n, 4n), 3n);
    assert.throws(() => widthBucket(1n, 1n, 1n, 3n), { code: '2201G' });
  });
});
