import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TypeContext } from './storage.js';
import { dateFromBinary, dateStorageToText, dateTextToStorage, dateToBinary } from './date.js';

const utc: TypeContext = { timeZone: 'UTC' };
const kolkata: TypeContext = { timeZone: 'Asia/Kolkata' };

// All expectations checked against PostgreSQL 15 with the same settings.
describe('date', () => {
  const cases: Array<[string, string]> = [
    ['2024-01-01', '2024-01-01'], ['  2024-01-01  ', '2024-01-01'], ['2024-02-29', '2024-02-29'], ['2000-02-29', '2000-02-29'],
    ['1999-12-31', '1999-12-31'], ['1900-01-01', '1900-01-01'], ['0001-01-01', '0001-01-01'], ['0001-01-01 BC', '0001-01-01 BC'],
    ['0044-03-15 BC', '0044-03-15 BC'], ['4714-11-24 BC', '4714-11-24 BC'], ['5874897-12-31', '5874897-12-31'],
    ['10000-01-01', '10000-01-01'], ['2024-01-01 12:34', '2024-01-01'], ['2024-01-01 23:00:00-05', '2024-01-01'],
    ['epoch', '1970-01-01'], ['infinity', 'infinity'], ['-infinity', '-infinity'], ['19990108', '1999-01-08'],
    ['January 8, 1999', '1999-01-08'], ['2024-01-01T10:00', '2024-01-01'],
  ];
  for (const [input, stored] of cases) {
    test(input, () => {
      assert.equal(dateTextToStorage(input, utc), stored);
      assert.equal(dateStorageToText(stored, utc), stored);
      assert.equal(dateFromBinary(dateToBinary(stored, utc)), stored);
    });
  }
  test('binary values', () => {
    assert.equal(dateToBinary('2000-01-01', utc).toString('hex'), '00000000');
    assert.equal(dateToBinary('1999-12-31', utc).toString('hex'), 'ffffffff');
    assert.equal(dateToBinary('infinity', utc).toString('hex'), '7fffffff');
    assert.equal(dateToBinary('-infinity', utc).toString('hex'), '80000000');
    assert.equal(dateToBinary('0044-03-15 BC', utc).readInt32BE(0), -746117);
  });
  const bad: Array<[string, string, string]> = [
    ['2023-02-29', '22008', 'date/time field value out of range: "2023-02-29"'],
    ['1900-02-29', '22008', 'date/time field value out of range: "1900-02-29"'],
    ['4714-11-23 BC', '22008', 'date out of range: "4714-11-23 BC"'],
    ['5874898-01-01', '22008', 'date out of range: "5874898-01-01"'],
    ['abc', '22007', 'invalid input syntax for type date: "abc"'],
    ['+infinity', '22007', 'invalid input syntax for type date: "+infinity"'],
  ];
  for (const [input, code, message] of bad) {
    test(`rejects ${input}`, () => assert.throws(() => dateTextToStorage(input, utc), { code, message }));
  }
  test('binary out of range', () => assert.throws(() => dateFromBinary(Buffer.from('7ffffffe', 'hex')), { code: '22008' }));
  test('a number is read as Unix seconds', () => assert.equal(dateStorageToText(86400n * 365n, utc), '1971-01-01'));
  test('"today" is a date in the session zone', () => assert.match(dateTextToStorage('today', kolkata), /^\d{4}-\d{2}-\d{2}$/));
});
