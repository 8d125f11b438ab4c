import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInterval } from './interval-input.js';
import { formatIntervalPostgres } from './interval-output.js';

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
