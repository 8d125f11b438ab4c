import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInt2, parseInt4, parseInt8, parseOid, roundHalfEven } from './integer.js';
import { plainIntegerBytes } from './integer-bytes.js';

type Ok = [string, bigint];
type Bad = [string, string, string]; // input, SQLSTATE, message

describe('int4 input', () => {
  const ok: Ok[] = [
    ['0', 0n], ['42', 42n], ['-42', -42n], ['+7', 7n], ['  12  ', 12n], ['\t\n5\r', 5n], ['007', 7n],
    ['2147483647', 2147483647n], ['-2147483648', -2147483648n], ['-0', 0n],
  ];
  for (const [input, want] of ok) test(`accepts ${JSON.stringify(input)}`, () => assert.equal(parseInt4(input), want));
  const bad: Bad[] = [
    ['2147483648', '22003', 'value "2147483648" is out of range for type integer'],
    ['-2147483649', '22003', 'value "-2147483649" is out of range for type integer'],
    ['99999999999999999999', '22003', 'value "99999999999999999999" is out of range for type integer'],
    ['', '22P02', 'invalid input syntax for type integer: ""'],
    [' ', '22P02', 'invalid input syntax for type integer: " "'],
    ['1.5', '22P02', 'invalid input syntax for type integer: "1.5"'],
    [' 1 2', '22P02', 'invalid input syntax for type integer: " 1 2"'],
    ['1e3', '22P02', 'invalid input syntax for type integer: "1e3"'],
    ['0x10', '22P02', 'invalid input syntax for type integer: "0x10"'],
    ['--1', '22P02', 'invalid input syntax for type integer: "--1"'],
    ['+', '22P02', 'invalid input syntax for type integer: "+"'],
    ['1_000', '22P02', 'invalid input syntax for type integer: "1_000"'],
  ];
  for (const [input, code, message] of bad) {
    test(`rejects ${JSON.stringify(input)}`, () => assert.throws(() => parseInt4(input), { code, message }));
  }
});

describe('int2 input', () => {
  const cases: Array<[string, bigint | string]> = [
    ['32767', 32767n], ['-32768', -32768n], ['32768', 'value "32768" is out of range for type smallint'],
    ['-32769', 'value "-32769" is out of range for type smallint'], ['x', 'invalid input syntax for type smallint: "x"'],
  ];
  for (const [input, want] of cases) {
    test(JSON.stringify(input), () => {
      if (typeof want === 'bigint') assert.equal(parseInt2(input), want);
      else assert.throws(() => parseInt2(input), { message: want });
    });
  }
});

describe('int8 input', () => {
  const cases: Array<[string, bigint | string]> = [
    ['9223372036854775807', 9223372036854775807n], ['-9223372036854775808', -9223372036854775808n],
    ['  -000000000000000000001  ', -1n], ['123456789012345', 123456789012345n], ['9007199254740993', 9007199254740993n],
    ['9223372036854775808', 'value "9223372036854775808" is out of range for type bigint'],
    ['-9223372036854775809', 'value "-9223372036854775809" is out of range for type bigint'],
    ['', 'invalid input syntax for type bigint: ""'], ['12a', 'invalid input syntax for type bigint: "12a"'],
  ];
  for (const [input, want] of cases) {
    test(JSON.stringify(input), () => {
      if (typeof want === 'bigint') assert.equal(parseInt8(input), want);
      else assert.throws(() => parseInt8(input), { message: want });
    });
  }
});

describe('oid input', () => {
  const cases: Array<[string, bigint | string]> = [
    ['0', 0n], ['4294967295', 4294967295n], [' 4294967295 ', 4294967295n], ['-1', 4294967295n],
    ['-2147483648', 2147483648n], ['4294967296', 'value "4294967296" is out of range for type oid'],
    ['-2147483649', 'value "-2147483649" is out of range for type oid'], ['x', 'invalid input syntax for type oid: "x"'],
  ];
  for (const [input, want] of cases) {
    test(JSON.stringify(input), () => {
      if (typeof want === 'bigint') assert.equal(parseOid(input), want);
      else assert.throws(() => parseOid(input), { message: want });
    });
  }
});

describe('plain integer bytes (fast path)', () => {
  const cases: Array<[string, bigint | undefined]> = [
    ['123', 123n], ['-5', -5n], ['2147483647', 2147483647n], ['2147483648', undefined], [' 1', undefined],
    ['+1', undefined], ['', undefined], ['-', undefined], ['1.0', undefined], ['1234567890123456', undefined],
  ];
  for (const [input, want] of cases) {
    test(JSON.stringify(input), () => assert.equal(plainIntegerBytes(Buffer.from(input), -2147483648, 2147483647), want));
  }
});

describe('roundHalfEven', () => {
  const cases: Array<[number, number]> = [[0.5, 0], [1.5, 2], [2.5, 2], [-0.5, -0], [-1.5, -2], [-2.5, -2], [2.4, 2], [2.6, 3], [7, 7]];
  for (const [v, want] of cases) test(String(v), () => assert.equal(roundHalfEven(v), want));
});
