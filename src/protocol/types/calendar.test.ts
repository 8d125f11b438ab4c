import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { civilFromDays, daysFromCivil, daysInMonth, isLeapYear, MAX_DATE_DAYS, MIN_DATE_DAYS } from './calendar.js';

describe('days since 2000-01-01', () => {
  // Day numbers are PostgreSQL's date binary values (date_send), checked against the server.
  const cases: Array<[number, number, number, number]> = [
    [2000, 1, 1, 0], [2024, 1, 1, 8766], [1970, 1, 1, -10957], [1999, 12, 31, -1], [2000, 3, 1, 60],
    [1900, 3, 1, -36465], [1600, 3, 1, -146037], [1, 1, 1, -730119], [0, 1, 1, -730485], [-43, 3, 15, -746117],
    [-4713, 11, 24, -2451545], [5874897, 12, 31, 2145031948], [294276, 12, 31, 106751982],
  ];
  for (const [y, m, d, days] of cases) {
    test(`${y}-${m}-${d}`, () => {
      assert.equal(daysFromCivil(y, m, d), days);
      assert.deepEqual(civilFromDays(days), { year: y, month: m, day: d });
    });
  }

  test('round trips every day across leap-year edge cases', () => {
    for (let days = -800000; days <= 800000; days += 7) {
      const c = civilFromDays(days);
      assert.equal(daysFromCivil(c.year, c.month, c.day), days);
      assert.ok(c.day >= 1 && c.day <= daysInMonth(c.year, c.month));
    }
  });

  test('limits', () => {
    assert.equal(MIN_DATE_DAYS, -2451545);
    assert.equal(MAX_DATE_DAYS, 2145031948);
  });
});

describe('leap years', () => {
  const cases: Array<[number, boolean]> = [[2000, true], [1900, false], [2024, true], [2023, false], [1600, true], [0, true], [-4, true], [-1, false], [2100, false]];
  for (const [y, leap] of cases) {
    test(String(y), () => {
      assert.equal(isLeapYear(y), leap);
      assert.equal(daysInMonth(y, 2), leap ? 29 : 28);
    });
  }
});
