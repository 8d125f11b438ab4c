import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { looksCanonicalNumeric, numericFromBinary, numericToBinary, parseNumeric } from './numeric.js';

// Canonical forms checked against PostgreSQL 15's numeric_in + numeric_out.
describe('numeric text input', () => {
  const cases: Array<[string, string]> = [
    ['0', '0'], ['123', '123'], ['-123', '-123'], ['007.50', '7.50'], ['-0', '0'], ['-0.00', '0.00'],
    ['1e3', '1000'], ['1.5e-3', '0.0015'], ['1.50e1', '15.0'], ['.5', '0.5'], ['5.', '5'], [' nan ', 'NaN'],
    ['NaN', 'NaN'], ['-inf', '-Infinity'], ['+Infinity', 'Infinity'], ['inf', 'Infinity'], ['0.1e1', '1'],
    ['1E+2', '100'], ['-12345.678', '-12345.678'], ['0.0001', '0.0001'], ['0e-5', '0.00000'], ['-.0e2', '0'],
    ['  +1.5  ', '1.5'], ['-0.00000001', '-0.00000001'], ['10000', '10000'], ['99990000.00010000', '99990000.00010000'],
    ['123456789012345678901234567890.123456789', '123456789012345678901234567890.123456789'],
    ['000', '0'], ['-000.000', '0.000'], ['1e-2', '0.01'], ['12.34e1', '123.4'], ['12.34e5', '1234000'],
  ];
  for (const [input, want] of cases) test(`${JSON.stringify(input)} -> ${want}`, () => assert.equal(parseNumeric(input), want));

  const bad: Array<[string, string, string]> = [
    ['1..2', '22P02', 'invalid input syntax for type numeric: "1..2"'],
    ['e5', '22P02', 'invalid input syntax for type numeric: "e5"'],
    ['+nan', '22P02', 'invalid input syntax for type numeric: "+nan"'],
    ['1 e5', '22P02', 'invalid input syntax for type numeric: "1 e5"'],
    ['1e', '22P02', 'invalid input syntax for type numeric: "1e"'],
    ['', '22P02', 'invalid input syntax for type numeric: ""'],
    ['-', '22P02', 'invalid input syntax for type numeric: "-"'],
    ['1e131072', '22003', 'value overflows numeric format'],
    ['1.5e-16383', '22003', 'value overflows numeric format'],
  ];
  for (const [input, code, message] of bad) {
    test(`rejects ${JSON.stringify(input)}`, () => assert.throws(() => parseNumeric(input), { code, message }));
  }
  test('limits just inside', () => {
    assert.equal(parseNumeric('1e131071').length, 131072);
    assert.equal(parseNumeric('1e-16383').length, 16385);
  });
});

// Binary forms (numeric_send) checked against PostgreSQL 15: ndigits, weight, sign, dscale, base-10000 digits.
describe('numeric binary', () => {
  const cases: Array<[string, string]> = [
    ['0', '0000000000000000'],
    ['0.00', '0000000000000002'],
    ['0.0001', '0001ffff000000040001'],
    ['-12345.678', '0003000140000003000109291a7c'],
    ['NaN', '00000000c0000000'],
    ['Infinity', '00000000d0000020'],
    ['-Infinity', '00000000f0000020'],
    ['7.50', '000200000000000200071388'],
    ['1000', '000100000000000003e8'],
    ['10000', '00010001000000000001'],
    ['0.0015', '0001ffff00000004000f'],
    ['-0.00000001', '0001fffe400000080001'],
    ['123456789012345678901234567890.123456789', '000b000700000009000c0d801ed204d2162e23340d801ed204d2162e2328'],
  ];
  for (const [value, hex] of cases) {
    test(`${value} encodes`, () => assert.equal(numericToBinary(value).toString('hex'), hex));
    test(`${value} decodes`, () => assert.equal(numericFromBinary(Buffer.from(hex, 'hex')), value));
  }

  test('round trips many values', () => {
    const values = ['1', '-1', '9999', '10000.0001', '0.1', '-0.5', '12345678.87654321', '100000000', '0.000000001', '5.00000'];
    for (const v of values) assert.equal(numericFromBinary(numericToBinary(v)), v);
  });

  test('digits beyond the display scale are truncated', () => {
    // 1.2345 sent with dscale 2 -> 1.23 (PostgreSQL truncates, does not round)
    const b = Buffer.from('00020000000000020001092900', 'hex').subarray(0, 12);
    assert.equal(numericFromBinary(b), '1.23');
  });

  test('negative zero after truncation loses its sign', () => {
    assert.equal(numericFromBinary(Buffer.from('0001ffff400000020001', 'hex')), '0.00');
  });

  test('rejects malformed values', () => {
    assert.throws(() => numericFromBinary(Buffer.from('0001000000000000', 'hex')), { code: '08P01' });
    assert.throws(() => numericFromBinary(Buffer.from('000100000000000027101234', 'hex')), { code: '22P03' });
    assert.throws(() => numericFromBinary(Buffer.from('0001000012340000000a', 'hex')), { message: 'invalid sign in external "numeric" value' });
    assert.throws(() => numericFromBinary(Buffer.from('00010000000000002710', 'hex')), { message: 'invalid digit in external "numeric" value' });
    assert.throws(() => numericFromBinary(Buffer.from('000000000000ffff', 'hex')), { message: 'invalid scale in external "numeric" value' });
  });
});

describe('looksCanonicalNumeric', () => {
  const cases: Array<[string, boolean]> = [
    ['0', true], ['-1.50', true], ['NaN', true], ['-0', false], ['007', false], ['1.', false], ['.5', false], ['1e3', false], ['abc', false],
  ];
  for (const [s, want] of cases) test(s, () => assert.equal(looksCanonicalNumeric(s), want));
});
