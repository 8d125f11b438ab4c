import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TypeContext } from './storage.js';
import {
  timestampFromBinary, timestampStorageToText, timestampTextToStorage, timestampToBinary, timestamptzFromBinary,
  timestamptzStorageToText, timestamptzTextToStorage, timestamptzToBinary,
} from './timestamp.js';

const utc: TypeContext = { timeZone: 'UTC' };
const berlin: TypeContext = { timeZone: 'Europe/Berlin' };
const kolkata: TypeContext = { timeZone: 'Asia/Kolkata' };
const newYork: TypeContext = { timeZone: 'America/New_York' };

// All expectations checked against PostgreSQL 15 with the same settings.
describe('timestamp', () => {
  const cases: Array<[string, string]> = [
    ['2024-01-01 12:00:00', '2024-01-01 12:00:00'], ['2024-01-01T12:00:00Z', '2024-01-01 12:00:00'],
    ['2024-01-01 12:00:00.123+02', '2024-01-01 12:00:00.123'], ['20240101T120000', '2024-01-01 12:00:00'],
    [' 2024-01-01  12:00 ', '2024-01-01 12:00:00'], ['2024-01-01 1:02:03 PM', '2024-01-01 13:02:03'],
    ['Jan 1 2024 12:00', '2024-01-01 12:00:00'], ['2024-01-01 12:00:00.1234565', '2024-01-01 12:00:00.123456'],
    ['294276-12-31 23:59:59.999999', '294276-12-31 23:59:59.999999'], ['2024-01-01 24:00:00', '2024-01-02 00:00:00'],
    ['2024-12-31 23:59:60', '2025-01-01 00:00:00'], ['1999-12-31 23:59:59.9999995', '2000-01-01 00:00:00'],
    ['4714-11-24 00:00:00 BC', '4714-11-24 00:00:00 BC'], ['0044-03-15 12:34:56.789 BC', '0044-03-15 12:34:56.789 BC'],
    ['1969-12-31 23:59:59.999999', '1969-12-31 23:59:59.999999'], ['2024-02-29 00:00', '2024-02-29 00:00:00'],
    ['2024-01-01 12:00:00 Europe/Berlin', '2024-01-01 12:00:00'], ['epoch', '1970-01-01 00:00:00'],
    ['infinity', 'infinity'], ['-infinity', '-infinity'],
  ];
  for (const [input, stored] of cases) {
    test(input, () => {
      assert.equal(timestampTextToStorage(input, berlin), stored);
      assert.equal(timestampStorageToText(stored, berlin), stored);
      assert.equal(timestampFromBinary(timestampToBinary(stored, berlin)), stored);
    });
  }
  test('binary values', () => {
    assert.equal(timestampToBinary('2000-01-01 00:00:00', utc).toString('hex'), '0000000000000000');
    assert.equal(timestampToBinary('1999-12-31 23:59:59.999999', utc).toString('hex'), 'ffffffffffffffff');
    assert.equal(timestampToBinary('infinity', utc).toString('hex'), '7fffffffffffffff');
    assert.equal(timestampToBinary('-infinity', utc).toString('hex'), '8000000000000000');
  });
  const bad: Array<[string, string, string]> = [
    ['294277-01-01', '22008', 'timestamp out of range: "294277-01-01"'],
    ['4714-11-23 23:59:59 BC', '22008', 'timestamp out of range: "4714-11-23 23:59:59 BC"'],
    ['12:00', '22007', 'invalid input syntax for type timestamp: "12:00"'],
    ['2024-02-30 00:00', '22008', 'date/time field value out of range: "2024-02-30 00:00"'],
  ];
  for (const [input, code, message] of bad) {
    test(`rejects ${input}`, () => assert.throws(() => timestampTextToStorage(input, utc), { code, message }));
  }
  test('SQLite-style text and Unix seconds are read', () => {
    assert.equal(timestampStorageToText(1704110400n, utc), '2024-01-01 12:00:00');
    assert.equal(timestampStorageToText(1704110400.25, utc), '2024-01-01 12:00:00.25');
    assert.equal(timestampToBinary('2024-01-01T12:00:00', utc).toString('hex'), timestampToBinary('2024-01-01 12:00:00', utc).toString('hex'));
  });
});

describe('timestamptz', () => {
  // [input, session zone, stored UTC text, output in that zone]
  const cases: Array<[string, TypeContext, string, string]> = [
    ['2024-01-01T12:00:00+02', utc, '2024-01-01 10:00:00+00', '2024-01-01 10:00:00+00'],
    ['2024-01-01 12:00:00', berlin, '2024-01-01 11:00:00+00', '2024-01-01 12:00:00+01'],
    ['2024-07-01 12:00:00', berlin, '2024-07-01 10:00:00+00', '2024-07-01 12:00:00+02'],
    ['2024-01-01 12:00Z', kolkata, '2024-01-01 12:00:00+00', '2024-01-01 17:30:00+05:30'],
    ['2024-01-01 12:00:00.123456789Z', kolkata, '2024-01-01 12:00:00.123457+00', '2024-01-01 17:30:00.123457+05:30'],
    ['2024-10-27 02:30', berlin, '2024-10-27 01:30:00+00', '2024-10-27 02:30:00+01'],
    ['2024-03-31 02:30', berlin, '2024-03-31 01:30:00+00', '2024-03-31 03:30:00+02'],
    ['2018-11-04 01:30', newYork, '2018-11-04 06:30:00+00', '2018-11-04 01:30:00-05'],
    ['2018-03-11 02:30', newYork, '2018-03-11 07:30:00+00', '2018-03-11 03:30:00-04'],
    ['1800-01-01 00:00', berlin, '1799-12-31 23:06:32+00', '1800-01-01 00:00:00+00:53:28'],
    ['0044-03-15 12:00 BC', berlin, '0044-03-15 11:06:32+00 BC', '0044-03-15 12:00:00+00:53:28 BC'],
    ['2024-01-01 12:00:00 PST', utc, '2024-01-01 20:00:00+00', '2024-01-01 20:00:00+00'],
    ['2024-01-01 12:00:00 Europe/Berlin', newYork, '2024-01-01 11:00:00+00', '2024-01-01 06:00:00-05'],
    ['2024-01-01 12:00:00.5+05:30:15', utc, '2024-01-01 06:29:45.5+00', '2024-01-01 06:29:45.5+00'],
    ['2024-01-01 12:00 +02 BC', utc, '2024-01-01 10:00:00+00 BC', '2024-01-01 10:00:00+00 BC'],
    ['1999-12-31 23:00:00-02', utc, '2000-01-01 01:00:00+00', '2000-01-01 01:00:00+00'],
    ['294276-12-31 23:59:59+00', berlin, '294276-12-31 23:59:59+00', '294277-01-01 00:59:59+01'],
    ['epoch', newYork, '1970-01-01 00:00:00+00', '1969-12-31 19:00:00-05'],
    ['infinity', berlin, 'infinity', 'infinity'],
    ['-infinity', berlin, '-infinity', '-infinity'],
    ['2024-01-01 12:00:00', { timeZone: 'UTC+2' }, '2024-01-01 14:00:00+00', '2024-01-01 12:00:00-02'],
    ['2024-01-01 12:00:00', { timeZone: '+02' }, '2024-01-01 10:00:00+00', '2024-01-01 12:00:00+02'],
  ];
  for (const [input, ctx, stored, shown] of cases) {
    test(`${input} in ${ctx.timeZone}`, () => {
      assert.equal(timestamptzTextToStorage(input, ctx), stored);
      assert.equal(timestamptzStorageToText(stored, ctx), shown);
      assert.equal(timestamptzFromBinary(timestamptzToBinary(stored, ctx)), stored);
    });
  }
  test('text already in the stored UTC form is stored as it is, anything near it is reformatted', () => {
    for (const text of ['2024-01-05 12:34:56+00', '2024-01-05 12:34:56.5+00', '2024-01-05 12:34:56.123456+00', '0999-12-31 23:59:59+00']) {
      assert.equal(timestamptzTextToStorage(text, berlin), text);
    }
    const reformatted: [string, string][] = [
      ['2024-01-05 12:34:56.50+00', '2024-01-05 12:34:56.5+00'],
      ['2024-01-05 12:34:56.000000+00', '2024-01-05 12:34:56+00'],
      ['2024-01-05T12:34:56+00', '2024-01-05 12:34:56+00'],
      ['2024-01-05 12:34:56+00:00', '2024-01-05 12:34:56+00'],
      ['2024-01-05 12:34:56-00', '2024-01-05 12:34:56+00'],
      ['2024-01-05 12:34:56+00 BC', '2024-01-05 12:34:56+00 BC'],
      ['02024-01-05 12:34:56+00', '2024-01-05 12:34:56+00'],
    ];
    for (const [text, stored] of reformatted) assert.equal(timestamptzTextToStorage(text, berlin), stored, text);
    assert.throws(() => timestamptzTextToStorage('2023-02-29 12:34:56+00', berlin), { code: '22008' });
  });
  test('the stored-form shortcut agrees with the full input function on near misses', () => {
    // With a 'T' the same text takes the general path; both must give the same value or error.
    const outcome = (text: string) => {
      try {
        return timestamptzTextToStorage(text, berlin);
      } catch (err) {
        return `error ${(err as { code: string }).code}`;
      }
    };
    const base = '2024-02-29 23:59:59.123456+00';
    const replacements = ['0', '1', '2', '3', '9', '-', ':', '.', ' ', '+', 'x'];
    let random = 12345;
    const next = (limit: number) => (random = (random * 1103515245 + 12345) % 2 ** 31) % limit;
    for (let i = 0; i < 3000; i++) {
      let text = base;
      for (let edits = 1 + next(2); edits > 0; edits--) {
        const at = next(text.length);
        const kind = next(3);
        const char = replacements[next(replacements.length)]!;
        text = kind === 0 ? text.slice(0, at) + char + text.slice(at + 1) : kind === 1 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + char + text.slice(at);
      }
      if (text.charCodeAt(10) !== 32) continue;
      assert.equal(outcome(text), outcome(text.slice(0, 10) + 'T' + text.slice(11)), text);
    }
  });
  test('binary is UTC microseconds since 2000', () => {
    assert.equal(timestamptzToBinary('2000-01-01 01:00:00+00', berlin).toString('hex'), '00000000d693a400');
  });
  test('stored text without an offset counts as UTC (SQLite datetime())', () => {
    assert.equal(timestamptzStorageToText('2024-01-01 12:00:00', berlin), '2024-01-01 13:00:00+01');
  });
  test('stored text with another offset is converted', () => {
    assert.equal(timestamptzStorageToText('2024-01-01 12:00:00+02', utc), '2024-01-01 10:00:00+00');
  });
  test('Unix seconds', () => assert.equal(timestamptzStorageToText(0, kolkata), '1970-01-01 05:30:00+05:30'));
  test('unreadable text is passed through', () => assert.equal(timestamptzStorageToText('garbage', utc), 'garbage'));
  test('"now" is close to the clock', () => {
    const stored = timestamptzTextToStorage('now', berlin);
    const ms = Date.parse(stored.replace(' ', 'T').replace('+00', 'Z'));
    assert.ok(Math.abs(ms - Date.now()) < 5000);
  });
  test('unknown zone', () => {
    assert.throws(() => timestamptzTextToStorage('2024-01-01 12:00:00 Nowhere/Zone', utc),
      { code: '22023', message: 'time zone "nowhere/zone" not recognized' });
  });
  test('bad TimeZone setting', () => {
    assert.throws(() => timestamptzStorageToText('2024-01-01 12:00:00+00', { timeZone: 'Mars/Base' }), { code: '22023' });
  });
});
