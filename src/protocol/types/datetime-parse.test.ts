import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dateOrderOf, parseDateTime, type DateTimeFields } from './datetime-parse.js';

type Expect = Partial<Pick<DateTimeFields, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'micro' | 'tzKind' | 'offset' | 'special'>>;

function check(input: string, want: Expect, order: 'MDY' | 'DMY' | 'YMD' = 'MDY', timeOnly = false): void {
  const f = parseDateTime(input, 'timestamp', order, timeOnly);
  const got: Record<string, unknown> = {};
  for (const key of Object.keys(want)) got[key] = f[key as keyof DateTimeFields];
  assert.deepEqual(got, want);
}

describe('date forms', () => {
  const cases: Array<[string, Expect]> = [
    ['2024-01-05', { year: 2024, month: 1, day: 5 }],
    ['2024-1-5', { year: 2024, month: 1, day: 5 }],
    ['20240105', { year: 2024, month: 1, day: 5 }],
    ['2024.01.05', { year: 2024, month: 1, day: 5 }],
    ['1/8/1999', { year: 1999, month: 1, day: 8 }],
    ['1/8/99', { year: 1999, month: 1, day: 8 }],
    ['1/8/24', { year: 2024, month: 1, day: 8 }],
    ['January 8, 1999', { year: 1999, month: 1, day: 8 }],
    ['8 Jan 1999', { year: 1999, month: 1, day: 8 }],
    ['1999-Jan-08', { year: 1999, month: 1, day: 8 }],
    ['Jan-08-1999', { year: 1999, month: 1, day: 8 }],
    ['Mon Jan 8 1999', { year: 1999, month: 1, day: 8 }],
    ['0044-03-15 BC', { year: -43, month: 3, day: 15 }],
    ['0001-01-01 BC', { year: 0, month: 1, day: 1 }],
    ['099-12-31', { year: 99, month: 12, day: 31 }],
    ['10000-01-01', { year: 10000, month: 1, day: 1 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
  ];
  for (const [input, want] of cases) test(input, () => check(input, want));

  test('DateStyle order decides ambiguous dates', () => {
    check('1/8/1999', { month: 8, day: 1 }, 'DMY');
    check('99/01/08', { year: 1999, month: 1, day: 8 }, 'YMD');
  });
  test('dateOrderOf', () => {
    assert.equal(dateOrderOf(undefined), 'MDY');
    assert.equal(dateOrderOf('ISO, DMY'), 'DMY');
    assert.equal(dateOrderOf('German'), 'MDY');
    assert.equal(dateOrderOf('ISO, YMD'), 'YMD');
  });
});

describe('time and zone forms', () => {
  const cases: Array<[string, Expect]> = [
    ['2024-01-01 12:34:56.789', { hour: 12, minute: 34, second: 56, micro: 789000, tzKind: 'none' }],
    ['2024-01-01T12:34', { hour: 12, minute: 34, second: 0 }],
    ['20240101T123456', { hour: 12, minute: 34, second: 56 }],
    ['2024-01-01 12:00:00Z', { tzKind: 'offset', offset: 0 }],
    ['2024-01-01 12:00:00+02', { tzKind: 'offset', offset: 7200 }],
    ['2024-01-01 12:00:00-05:30', { tzKind: 'offset', offset: -19800 }],
    ['2024-01-01 12:00:00 +0530', { tzKind: 'offset', offset: 19800 }],
    ['2024-01-01 12:00:00+05:30:15', { tzKind: 'offset', offset: 19815 }],
    ['2024-01-01 12:00:00 PST', { tzKind: 'offset', offset: -28800 }],
    ['2024-01-01 12:00:00 UTC', { tzKind: 'offset', offset: 0 }],
    ['2024-01-01 12:00:00 Europe/Berlin', { tzKind: 'zone' }],
    ['2024-01-01 1:02:03 PM', { hour: 13, minute: 2, second: 3 }],
    ['2024-01-01 12:30 am', { hour: 0, minute: 30 }],
    ['2024-01-01 12:00:00.1234565', { micro: 123456 }], // rint: half to even
    ['2024-01-01 12:00:00.1234575', { micro: 123458 }],
    ['2024-01-01 12:00:00.', { micro: 0 }],
  ];
  for (const [input, want] of cases) test(input, () => check(input, want));

  test('time-only input', () => {
    check('120000', { hour: 12, minute: 0, second: 0 }, 'MDY', true);
    check('T12:00', { hour: 12 }, 'MDY', true);
    check('allballs', { hour: 0, minute: 0, second: 0 }, 'MDY', true);
  });
});

describe('special words', () => {
  for (const word of ['infinity', '-infinity', 'epoch', 'now', 'today', 'tomorrow', 'yesterday']) {
    test(word, () => check(` ${word.toUpperCase()} `, { special: word as DateTimeFields['special'] }));
  }
});

describe('errors', () => {
  const cases: Array<[string, string, string]> = [
    ['abc', '22007', 'invalid input syntax for type timestamp: "abc"'],
    ['2024-01-01 12:00:00 abc', '22007', 'invalid input syntax for type timestamp: "2024-01-01 12:00:00 abc"'],
    ['2023-02-29', '22008', 'date/time field value out of range: "2023-02-29"'],
    ['2024-13-01', '22008', 'date/time field value out of range: "2024-13-01"'],
    ['0000-01-01', '22008', 'date/time field value out of range: "0000-01-01"'],
    ['2024-01-01 25:00', '22008', 'date/time field value out of range: "2024-01-01 25:00"'],
    ['2024-01-01 12:60', '22008', 'date/time field value out of range: "2024-01-01 12:60"'],
    ['2024-01-01 13:00 pm', '22008', 'date/time field value out of range: "2024-01-01 13:00 pm"'],
    ['2024-01-01 23:59:60.5', '22008', 'date/time field value out of range: "2024-01-01 23:59:60.5"'],
    ['2024-01-01 12:00:00 Nowhere/Zone', '22023', 'time zone "nowhere/zone" not recognized'],
    ['2024-01-01 12:00 +02 -03', '22007', 'invalid input syntax for type timestamp: "2024-01-01 12:00 +02 -03"'],
    ['2024-01-01 2024-01-02', '22007', 'invalid input syntax for type timestamp: "2024-01-01 2024-01-02"'],
  ];
  for (const [input, code, message] of cases) {
    test(input, () => assert.throws(() => parseDateTime(input, 'timestamp', 'MDY', false), { code, message }));
  }
  test('month out of range carries the DateStyle hint', () => {
    assert.throws(() => parseDateTime('2024-13-01', 'date', 'MDY', false), { hint: 'Perhaps you need a different "datestyle" setting.' });
  });
  test('zone names are not allowed in time values', () => {
    assert.throws(() => parseDateTime('12:00:00 Europe/Berlin', 'time', 'MDY', true), { code: '22007' });
  });
});
