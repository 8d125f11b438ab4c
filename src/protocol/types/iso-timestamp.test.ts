import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isoParts, readIsoTimestamp } from './iso-timestamp.js';
import { daysFromCivil, SECS_PER_DAY } from './calendar.js';

const at = (y: number, m: number, d: number, secOfDay = 0): number => daysFromCivil(y, m, d) * SECS_PER_DAY + secOfDay;

describe('fast ISO reader', () => {
  // [text, secs, us, offset, hasOffset, plain]
  const cases: Array<[string, number, number, number, boolean, boolean]> = [
    ['2024-01-01', at(2024, 1, 1), 0, 0, false, true],
    ['2024-01-01 12:34:56', at(2024, 1, 1, 45296), 0, 0, false, true],
    ['2024-01-01T12:34:56.5', at(2024, 1, 1, 45296), 500000, 0, false, true],
    ['2024-01-01 12:34:56.123456+00', at(2024, 1, 1, 45296), 123456, 0, true, true],
    ['2024-01-01 12:00:00-05:30', at(2024, 1, 1, 43200), 0, -19800, true, true],
    ['2024-01-01 12:00:00+00:53:28', at(2024, 1, 1, 43200), 0, 3208, true, true],
    ['0044-03-15 12:00:00+00 BC', at(-43, 3, 15, 43200), 0, 0, true, true],
    ['294276-12-31 23:59:59', at(294276, 12, 31, 86399), 0, 0, false, true],
    ['2023-02-29', at(2023, 3, 1), 0, 0, false, false], // not a real day: the full parser must decide
    ['2024-01-01 24:00:00', at(2024, 1, 2), 0, 0, false, false],
    ['2024-01-01 12:00:00+16', at(2024, 1, 1, 43200), 0, 57600, true, false],
    ['0000-01-01', at(0, 1, 1), 0, 0, false, false],
  ];
  for (const [text, secs, us, offset, hasOffset, plain] of cases) {
    test(text, () => {
      assert.equal(readIsoTimestamp(text), true);
      assert.deepEqual({ ...isoParts }, { secs, us, offset, hasOffset, plain });
    });
  }
  const other = [
    '', '24-01-01', '2024-1-01', '2024-01-01 1:00:00', '2024-01-01 12:00', '2024-01-01 12:00:00.', '2024-01-01 12:00:00.1234567',
    '2024-01-01 12:00:00Z', '2024-01-01 12:00:00+0530', ' 2024-01-01', '2024-01-01 ', '2024-01-01 AD', 'infinity', '2024-13-01',
  ];
  for (const text of other) test(`leaves ${JSON.stringify(text)} to the full parser`, () => assert.equal(readIsoTimestamp(text), false));
});
