import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFloat4, formatFloat8, parseFloat4, parseFloat8, plainDecimal } from './float.js';

// Expected texts checked against PostgreSQL 15 (float8out / float4out).
describe('float8 output', () => {
  const cases: Array<[number, string]> = [
    [1e20, '1e+20'], [1.5e-5, '1.5e-05'], [0.1, '0.1'], [100000, '100000'], [1e15, '1e+15'],
    [123456789012345680, '1.2345678901234568e+17'], [1e14, '100000000000000'], [123456789012345.6, '123456789012345.6'],
    [0.0001, '0.0001'], [0.00001, '1e-05'], [-0, '-0'], [0, '0'], [Infinity, 'Infinity'], [-Infinity, '-Infinity'],
    [NaN, 'NaN'], [1e-310, '1e-310'], [5e-324, '5e-324'], [-1.7976931348623157e308, '-1.7976931348623157e+308'],
    [3.141592653589793, '3.141592653589793'], [0.00001234, '1.234e-05'], [1234560000000, '1234560000000'],
    [-2.5, '-2.5'], [1e100, '1e+100'], [2 ** 53, '9.007199254740992e+15'],
    // JS prints these with one digit less, on the rounding boundary; Ryu (PostgreSQL) does not accept boundaries.
    [31064191545299832, '3.1064191545299832e+16'], [660531626054264064, '6.605316260542641e+17'],
    [571240461449072768, '5.7124046144907277e+17'],
    // Exact ties between two shortest candidates go to the even one.
    [562949953421312.25, '562949953421312.2'], [1125899906842624.25, '1.1258999068426242e+15'],
  ];
  for (const [v, want] of cases) test(`${v} -> ${want}`, () => assert.equal(formatFloat8(v), want));
});

describe('float4 output', () => {
  const cases: Array<[number, string]> = [
    [3.14, '3.14'], [1e6, '1e+06'], [100000, '100000'], [123456, '123456'], [1234567, '1.234567e+06'],
    [0.0001, '0.0001'], [0.00001, '1e-05'], [16777216, '1.6777216e+07'], [1.1, '1.1'], [1e-40, '1e-40'],
    [3.4028235e38, '3.4028235e+38'], [0.3, '0.3'], [-2.5e-7, '-2.5e-07'], [9.99e9, '9.99e+09'], [-0, '-0'],
    [NaN, 'NaN'], [Infinity, 'Infinity'], [1.4e-45, '1e-45'],
    // Ties between two 8-digit candidates: PostgreSQL picks the even digit.
    [1150698.25, '1.1506982e+06'], [357905.625, '357905.62'], [0.000244140625, '0.00024414062'],
    // Decimals exactly on the interval boundary are not accepted (one more digit is printed).
    [-106278576, '-1.06278576e+08'], [985602432, '9.8560243e+08'],
  ];
  for (const [v, want] of cases) test(`${v} -> ${want}`, () => assert.equal(formatFloat4(Math.fround(v)), want));

  test('random float32 values read back exactly', () => {
    const view = new DataView(new ArrayBuffer(4));
    let seed = 12345;
    for (let i = 0; i < 20000; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      view.setUint32(0, seed);
      const v = view.getFloat32(0);
      if (!Number.isFinite(v)) continue;
      assert.equal(Math.fround(Number(formatFloat4(v))), v, `${v}`);
    }
  });
});

describe('float8 input', () => {
  const ok: Array<[string, number]> = [
    ['1.5', 1.5], [' -2.5e3 ', -2500], ['.5', 0.5], ['5.', 5], ['1e-310', 1e-310], ['Infinity', Infinity],
    ['-inf', -Infinity], ['+INFINITY', Infinity], ['0x10', 16], ['0x1.8p1', 3], ['-0', -0], ['1E2', 100],
  ];
  for (const [input, want] of ok) {
    test(JSON.stringify(input), () => assert.ok(Object.is(parseFloat8(input), want)));
  }
  test('NaN in any case', () => {
    assert.ok(Number.isNaN(parseFloat8(' nan ')));
    assert.ok(Number.isNaN(parseFloat8('NaN')));
  });
  const bad: Array<[string, string, string]> = [
    ['1e400', '22003', '"1e400" is out of range for type double precision'],
    ['-1e400', '22003', '"-1e400" is out of range for type double precision'],
    ['1e-400', '22003', '"1e-400" is out of range for type double precision'],
    ['abc', '22P02', 'invalid input syntax for type double precision: "abc"'],
    ['', '22P02', 'invalid input syntax for type double precision: ""'],
    ['1e', '22P02', 'invalid input syntax for type double precision: "1e"'],
    ['1.5x', '22P02', 'invalid input syntax for type double precision: "1.5x"'],
    ['.', '22P02', 'invalid input syntax for type double precision: "."'],
  ];
  for (const [input, code, message] of bad) {
    test(`rejects ${JSON.stringify(input)}`, () => assert.throws(() => parseFloat8(input), { code, message }));
  }
});

describe('float4 input', () => {
  test('rounds to float32', () => assert.equal(parseFloat4('3.14'), Math.fround(3.14)));
  test('keeps denormals', () => assert.equal(parseFloat4('1e-40'), Math.fround(1e-40)));
  test('overflow', () => assert.throws(() => parseFloat4('1e39'), { code: '22003', message: '"1e39" is out of range for type real' }));
  test('underflow', () => assert.throws(() => parseFloat4('1e-50'), { code: '22003', message: '"1e-50" is out of range for type real' }));
  test('syntax', () => assert.throws(() => parseFloat4('x'), { code: '22P02', message: 'invalid input syntax for type real: "x"' }));
  test('infinity', () => assert.equal(parseFloat4('-Infinity'), -Infinity));
});

describe('plainDecimal (REAL read as numeric)', () => {
  const cases: Array<[number, string]> = [[0.1, '0.1'], [1e21, '1000000000000000000000'], [1.5e-7, '0.00000015'], [-2, '-2'], [0, '0']];
  for (const [v, want] of cases) test(`${v}`, () => assert.equal(plainDecimal(v), want));
});
