import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { intervalFromBinary, intervalToBinary, type Interval } from './interval.js';

// Binary forms checked against PostgreSQL 15's interval_send.
describe('interval binary', () => {
  const cases: Array<[Interval, string]> = [
    [{ months: 14, days: 3, us: 14706500000 }, '000000036c9361a0000000030000000e'],
    [{ months: 0, days: -1, us: 7200000000 }, '00000001ad274800ffffffff00000000'],
    [{ months: -1, days: 0, us: -1000000 }, 'fffffffffff0bdc000000000ffffffff'],
  ];
  for (const [iv, hex] of cases) {
    test(hex, () => {
      assert.equal(intervalToBinary(iv).toString('hex'), hex);
      assert.deepEqual(intervalFromBinary(intervalToBinary(iv)), iv);
    });
  }
  test('wrong length', () => {
    assert.throws(() => intervalFromBinary(Buffer.alloc(15)), { code: '08P01' });
    assert.throws(() => intervalFromBinary(Buffer.alloc(17)), { code: '22P03' });
  });
});
