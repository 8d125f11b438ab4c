import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInterval } from './interval-input.js';

// ISO 8601 inputs, results checked against PostgreSQL 15.
describe('ISO 8601 interval input', () => {
  const cases: Array<[string, { months: number; days: number; us: number }]> = [
    ['P1Y2M3DT4H5M6.5S', { months: 14, days: 3, us: 14706.5e6 }],
    ['PT1.5H', { months: 0, days: 0, us: 5400e6 }],
    ['P-1D', { months: 0, days: -1, us: 0 }],
    ['P1W', { months: 0, days: 7, us: 0 }],
    ['P1.5Y', { months: 18, days: 0, us: 0 }],
    ['P1.5M', { months: 1, days: 15, us: 0 }],
    ['PT0.000001S', { months: 0, days: 0, us: 1 }],
    ['PT36H', { months: 0, days: 0, us: 129600e6 }],
    ['P1', { months: 12, days: 0, us: 0 }],
    ['P0001-02-03T04:05:06', { months: 14, days: 3, us: 14706e6 }],
    ['P0001-02', { months: 14, days: 0, us: 0 }],
    ['p1dt2h', { months: 0, days: 1, us: 7200e6 }],
    ['PT', { months: 0, days: 0, us: 0 }],
    ['PT2', { months: 0, days: 0, us: 7200e6 }],
    ['P2T3', { months: 24, days: 0, us: 10800e6 }],
    ['PT010203', { months: 0, days: 0, us: 3723e6 }],
    ['P20240102', { months: 2024 * 12 + 1, days: 2, us: 0 }],
    ['P1D1D', { months: 0, days: 2, us: 0 }],
    ['P1DT2H3H', { months: 0, days: 1, us: 18000e6 }],
    ['P1YT', { months: 12, days: 0, us: 0 }],
  ];
  for (const [input, want] of cases) test(input, () => assert.deepEqual(parseInterval(input), want));
  for (const bad of ['P', 'P1X', 'PT1D', 'PT1H2', 'P-', 'P1D2', 'P1Y2', 'P1TT']) {
    test(`rejects ${bad}`, () => assert.throws(() => parseInterval(bad), { code: '22007' }));
  }
});
