import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IntervalBuilder, UNITS } from './interval-fields.js';

describe('interval field accumulation', () => {
  const cases: Array<[string, number, { months: number; days: number; us: number }]> = [
    ['d', 1.5, { months: 0, days: 1, us: 43200e6 }],
    ['w', 1.7, { months: 0, days: 11, us: 77760e6 }],
    ['mon', 1.5, { months: 1, days: 15, us: 0 }],
    ['mon', -0.5, { months: 0, days: -15, us: 0 }],
    ['y', 1.5, { months: 18, days: 0, us: 0 }],
    ['dec', 1, { months: 120, days: 0, us: 0 }],
    ['c', 0.01, { months: 12, days: 0, us: 0 }],
    ['mil', 1, { months: 12000, days: 0, us: 0 }],
    ['h', 1.5, { months: 0, days: 0, us: 5400e6 }],
    ['ms', 5, { months: 0, days: 0, us: 5000 }],
    ['us', 0.5, { months: 0, days: 0, us: 0 }],
    ['us', 1.5, { months: 0, days: 0, us: 2 }],
  ];
  for (const [unit, value, want] of cases) {
    test(`${value} ${unit}`, () => {
      const b = new IntervalBuilder('x');
      b.add(UNITS.get(unit) ?? (unit as never), value);
      assert.deepEqual(b.finish(false), want);
    });
  }
  test('a unit given twice is an error', () => {
    const b = new IntervalBuilder('1 day 2 days');
    b.add('d', 1);
    assert.throws(() => b.add('d', 2), { code: '22007', message: 'invalid input syntax for type interval: "1 day 2 days"' });
  });
  test('ago negates everything', () => {
    const b = new IntervalBuilder('x');
    b.add('d', 1);
    b.add('h', -2);
    assert.deepEqual(b.finish(true), { months: 0, days: -1, us: 7200e6 });
  });
  test('range checks', () => {
    const b = new IntervalBuilder('2147483648 days');
    b.add('d', 2147483648);
    assert.throws(() => b.finish(false), { code: '22008', message: 'interval field value out of range: "2147483648 days"' });
  });
  test('unit spellings', () => {
    for (const [word, unit] of [['microsecon', 'us'], ['secs', 's'], ['m', 'min'], ['hrs', 'h'], ['mons', 'mon'], ['centuries', 'c'], ['millennia', 'mil']]) {
      assert.equal(UNITS.get(word!), unit);
    }
  });
});
