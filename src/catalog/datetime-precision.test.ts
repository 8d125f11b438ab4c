import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { roundStoredSeconds } from './datetime-precision.js';

describe('roundStoredSeconds (timestamp(p) input rounding)', () => {
  it('rounds half up to p digits, as PostgreSQL stores timestamp(3)', () => {
    assert.equal(roundStoredSeconds('2024-05-06 07:08:09.123456', 3), '2024-05-06 07:08:09.123');
    assert.equal(roundStoredSeconds('2024-05-06 07:08:09.1235', 3), '2024-05-06 07:08:09.124');
    assert.equal(roundStoredSeconds('2024-05-06 07:08:09.5+00', 0), '2024-05-06 07:08:10+00');
  });
  it('carries into the next second, minute and day', () => {
    assert.equal(roundStoredSeconds('2024-12-31 23:59:59.9996', 3), '2025-01-01 00:00:00');
  });
  it('leaves other spellings and other values alone', () => {
    assert.equal(roundStoredSeconds('May 6, 2024 07:08:09.123456', 3), 'May 6, 2024 07:08:09.123456');
    assert.equal(roundStoredSeconds('infinity', 3), 'infinity');
    assert.equal(roundStoredSeconds(null, 3), null);
  });
});
