import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatInterval, formatIntervalPostgres, intervalFromBinary, intervalToBinary, parseInterval, type Interval,
} from './interval.js';

// Expected outputs checked against PostgreSQL 15 (IntervalStyle postgres unless noted).
describe('interval input (postgres output form)', () => {
  const cases: Array<[string, string]> = [
    ['1 year 2 mons 3 days 04:05:06.5', '1 year 2 mons 3 days 04:05:06.5'], ['-1 day 2 hours', '-1 days +02:00:00'],
    ['-00:00:01', '-00:00:01'], ['0', '00:00:00'], ['3 hours', '03:00:00'], ['P1DT2H', '1 day 02:00:00'],
    ['@ 1 hour ago', '-01:00:00'], ['1.5 days', '1 day 12:00:00'], ['1.5 months', '1 mon 15 days'],
    ['1.5 years', '1 year 6 mons'], ['1.7 weeks', '11 days 21:36:00'], ['10', '00:00:10'], ['1:30', '01:30:00'],
    ['1 2:03:04', '1 day 02:03:04'], ['1-2', '1 year 2 mons'], ['-1 year -2 mons +3 days -04:05:06', '-1 years -2 mons +3 days -04:05:06'],
    ['P1Y2M3DT4H5M6.5S', '1 year 2 mons 3 days 04:05:06.5'], ['P0001-02-03T04:05:06', '1 year 2 mons 3 days 04:05:06'],
    ['PT1.5H', '01:30:00'], ['P-1D', '-1 days'], ['P1W', '7 days'], ['P1.5Y', '1 year 6 mons'], ['P1', '1 year'],
    ['1 decade', '10 years'], ['2 centuries', '200 years'], ['1 millennium', '1000 years'], ['5 ms', '00:00:00.005'],
    ['7 us', '00:00:00.000007'], ['1 hour 30 minutes ago', '-01:30:00'], ['1 day -1 hour', '1 day -01:00:00'],
    ['-1 day +1 hour', '-1 days +01:00:00'], ['100 hours', '100:00:00'], ['1 mon -1 day', '1 mon -1 days'],
    ['-1 year', '-1 years'], ['1 year -1 mons', '11 mons'], ['-1 days -00:00:00.5', '-1 days -00:00:00.5'],
    ['1 week 2 days', '9 days'], ['1 y 2 mon 3 d 4 h 5 m 6 s', '1 year 2 mons 3 days 04:05:06'],
    ['1 day 2:03', '1 day 02:03:00'], ['2:03:04.5', '02:03:04.5'], ['-2:03', '-02:03:00'], ['1.5', '00:00:01.5'],
    ['@ 1 day 2 hours ago', '-1 days -02:00:00'], ['+1 day', '1 day'], [' 1 day ', '1 day'], ['00:00:60', '00:01:00'],
    ['2 3 hours', '2 days 03:00:00'], ['02:03.5', '00:02:03.5'], ['-1-2', '-1 years -2 mons'], ['0.5 us', '00:00:00'],
    ['1 hour ago 1 min', '-01:01:00'], ['1-2 3', '1 year 2 mons 00:00:03'], ['@ 1 day -2 hours ago', '-1 days +02:00:00'],
    ['1 day 2:03:04.123456789', '1 day 02:03:04.123457'], ['5 m', '00:05:00'], ['-1.5 days', '-1 days -12:00:00'],
    ['1:2:3', '01:02:03'], ['PT0S', '00:00:00'], ['@ 0', '00:00:00'], ['-0.5 mons', '-15 days'],
    ['1.5 weeks ago', '-10 days -12:00:00'], ['3 mons -2 days 01:02:03.000004', '3 mons -2 days +01:02:03.000004'],
    ['PT36H', '36:00:00'], ['P1.5M', '1 mon 15 days'], ['PT0.000001S', '00:00:00.000001'], ['P1Y2M', '1 year 2 mons'],
  ];
  for (const [input, want] of cases) {
    test(`${JSON.stringify(input)} -> ${want}`, () => assert.equal(formatIntervalPostgres(parseInterval(input)), want));
  }
  test('the output form reads back to the same value', () => {
    for (const [, out] of cases) assert.equal(formatIntervalPostgres(parseInterval(out)), out);
  });

  const bad: Array<[string, string]> = [
    ['abc', 'invalid input syntax for type interval: "abc"'], ['1 day 2 day', 'invalid input syntax for type interval: "1 day 2 day"'],
    ['1 2', 'invalid input syntax for type interval: "1 2"'], ['day', 'invalid input syntax for type interval: "day"'],
    ['1 ago', 'invalid input syntax for type interval: "1 ago"'], ['1e3 sec', 'invalid input syntax for type interval: "1e3 sec"'],
    ['', 'invalid input syntax for type interval: ""'], ['1 day 2 hours 3:00', 'invalid input syntax for type interval: "1 day 2 hours 3:00"'],
    ['2147483648 days', 'interval field value out of range: "2147483648 days"'], ['00:60:00', 'interval field value out of range: "00:60:00"'],
  ];
  for (const [input, message] of bad) {
    test(`rejects ${JSON.stringify(input)}`, () => assert.throws(() => parseInterval(input), { message }));
  }
  test('sql_standard input: a lone leading minus applies to every field', () => {
    assert.equal(formatIntervalPostgres(parseInterval('-1 2:00:00', true)), '-1 days -02:00:00');
    assert.equal(formatIntervalPostgres(parseInterval('-1 2:00:00', false)), '-1 days +02:00:00');
    assert.equal(formatIntervalPostgres(parseInterval('-1 +2:00:00', true)), '-1 days +02:00:00');
  });
});

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
