import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInterval } from './interval-input.js';
import { formatInterval } from './interval-output.js';

// Expected outputs checked against PostgreSQL 15 in each IntervalStyle.
describe('interval output styles', () => {
  const values: Array<[string, string, string, string]> = [
    // [postgres input, postgres_verbose, sql_standard, iso_8601]
    ['1 year 2 mons 3 days 04:05:06.5', '@ 1 year 2 mons 3 days 4 hours 5 mins 6.5 secs', '+1-2 +3 +4:05:06.5', 'P1Y2M3DT4H5M6.5S'],
    ['-1 days +02:00:00', '@ 1 day -2 hours ago', '+0-0 -1 +2:00:00', 'P-1DT2H'],
    ['-00:00:01', '@ 1 sec ago', '-0:00:01', 'PT-1S'],
    ['00:00:00', '@ 0', '0', 'PT0S'],
    ['03:00:00', '@ 3 hours', '3:00:00', 'PT3H'],
    ['-1 years -2 mons', '@ 1 year 2 mons ago', '-1-2', 'P-1Y-2M'],
    ['1 year -1 days', '@ 1 year -1 days', '+1-0 -1 +0:00:00', 'P1Y-1D'],
    ['-1 days -00:00:00.5', '@ 1 day 0.5 secs ago', '-1 0:00:00.5', 'P-1DT-0.5S'],
    ['00:00:01', '@ 1 sec', '0:00:01', 'PT1S'],
    ['2 days', '@ 2 days', '2 0:00:00', 'P2D'],
    ['1 mon', '@ 1 mon', '0-1', 'P1M'],
    ['-1 mons +00:00:01', '@ 1 mon -1 sec ago', '-0-1 +0 +0:00:01', 'P-1MT1S'],
    ['00:00:00.25', '@ 0.25 secs', '0:00:00.25', 'PT0.25S'],
    ['-3 days -04:00:00', '@ 3 days 4 hours ago', '-3 4:00:00', 'P-3DT-4H'],
    ['1 day -01:00:00', '@ 1 day -1 hours', '+0-0 +1 -1:00:00', 'P1DT-1H'],
    ['-10 mons', '@ 10 mons ago', '-0-10', 'P-10M'],
    ['100:00:00', '@ 100 hours', '100:00:00', 'PT100H'],
  ];
  for (const [input, verbose, sql, iso] of values) {
    test(input, () => {
      const iv = parseInterval(input);
      assert.equal(formatInterval(iv, 'postgres'), input);
      assert.equal(formatInterval(iv, undefined), input);
      assert.equal(formatInterval(iv, 'postgres_verbose'), verbose);
      assert.equal(formatInterval(iv, 'sql_standard'), sql);
      assert.equal(formatInterval(iv, 'iso_8601'), iso);
      // Every style reads back (PostgreSQL accepts all four as input).
      assert.deepEqual(parseInterval(verbose), iv);
      assert.deepEqual(parseInterval(iso), iv);
    });
  }
});
