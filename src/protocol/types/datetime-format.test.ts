import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDateDays, formatTimeMicros, formatTimestampSecs, fractionText, ymd } from './datetime-format.js';
import { daysFromCivil, SECS_PER_DAY } from './calendar.js';

describe('ISO date/time text', () => {
  test('years are padded to four digits, BC years counted from 1', () => {
    assert.equal(ymd(2024, 1, 5), '2024-01-05');
    assert.equal(ymd(99, 12, 31), '0099-12-31');
    assert.equal(ymd(0, 1, 1), '0001-01-01');
    assert.equal(ymd(-43, 3, 15), '0044-03-15');
    assert.equal(ymd(10000, 1, 1), '10000-01-01');
  });
  test('dates', () => {
    assert.equal(formatDateDays(0), '2000-01-01');
    assert.equal(formatDateDays(daysFromCivil(-43, 3, 15)), '0044-03-15 BC');
    assert.equal(formatDateDays(Infinity), 'infinity');
    assert.equal(formatDateDays(-Infinity), '-infinity');
  });
  test('fractions drop trailing zeros', () => {
    const cases: Array<[number, string]> = [[0, ''], [500000, '.5'], [1, '.000001'], [123450, '.12345'], [999999, '.999999']];
    for (const [us, want] of cases) assert.equal(fractionText(us), want);
  });
  test('times', () => {
    assert.equal(formatTimeMicros(0), '00:00:00');
    assert.equal(formatTimeMicros(86_400_000_000), '24:00:00');
    assert.equal(formatTimeMicros(45_296_500_000), '12:34:56.5');
  });
  test('timestamps put the suffix before BC', () => {
    const secs = daysFromCivil(-43, 3, 15) * SECS_PER_DAY + 3661;
    assert.equal(formatTimestampSecs(secs, 250000, '+00:53:28'), '0044-03-15 01:01:01.25+00:53:28 BC');
    assert.equal(formatTimestampSecs(-1, 0, ''), '1999-12-31 23:59:59');
    assert.equal(formatTimestampSecs(Infinity, 0, '+00'), 'infinity');
  });
});
