import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TypeContext } from './storage.js';
import { timeFromBinary, timeStorageToText, timeTextToStorage, timeToBinary } from './time.js';

const utc: TypeContext = { timeZone: 'UTC' };

// All expectations checked against PostgreSQL 15 with the same settings.
describe('time', () => {
  const cases: Array<[string, string]> = [
    ['12:34:56.5', '12:34:56.5'], ['24:00:00', '24:00:00'], ['23:59:60', '24:00:00'], ['allballs', '00:00:00'],
    ['12:00 pm', '12:00:00'], ['1:00 am', '01:00:00'], ['12:30 am', '00:30:00'], ['2024-01-01 12:00:00+05', '12:00:00'],
    ['12:00:00.0000005', '12:00:00'], ['12:00:00.0000015', '12:00:00.000002'], ['12:00:00.9999999', '12:00:01'],
    ['T12:00', '12:00:00'], ['120000', '12:00:00'], ['12:00:00Z', '12:00:00'], ['00:00', '00:00:00'],
    ['23:59:59.999999', '23:59:59.999999'], ['04:05:06.100', '04:05:06.1'],
  ];
  for (const [input, stored] of cases) {
    test(input, () => {
      assert.equal(timeTextToStorage(input, utc), stored);
      assert.equal(timeStorageToText(stored, utc), stored);
      assert.equal(timeFromBinary(timeToBinary(stored, utc)), stored);
    });
  }
  test('binary value is microseconds', () => assert.equal(timeToBinary('00:00:01.5', utc).toString('hex'), '000000000016e360'));
  const bad: Array<[string, string]> = [['25:00', '22008'], ['12:60', '22008'], ['13:00 pm', '22008'], ['12', '22007'], ['x', '22007']];
  for (const [input, code] of bad) test(`rejects ${input}`, () => assert.throws(() => timeTextToStorage(input, utc), { code }));
  test('binary beyond 24:00', () => assert.throws(() => timeFromBinary(Buffer.from('000000141dd76001', 'hex')), { code: '22008' }));
  test('seconds since midnight as a number', () => assert.equal(timeStorageToText(3661.5, utc), '01:01:01.5'));
});
