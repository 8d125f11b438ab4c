import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatByteaHex, parseByteaText } from './bytea.js';

describe('bytea input', () => {
  const cases: Array<[string, string]> = [
    ['\\x0aFF', '0aff'], ['\\x', ''], ['\\x 0a ff\n', '0aff'], ['abc\\\\def\\001', '6162635c64656601'],
    ['é', 'c3a9'], ['\\377\\000', 'ff00'], ['', ''], ['plain', '706c61696e'], ['\\\\', '5c'],
  ];
  for (const [input, hex] of cases) test(JSON.stringify(input), () => assert.equal(parseByteaText(input).toString('hex'), hex));

  const bad: Array<[string, string, string]> = [
    ['\\x0', '22023', 'invalid hexadecimal data: odd number of digits'],
    ['\\x0 a', '22023', 'invalid hexadecimal data: odd number of digits'],
    ['\\xzz', '22023', 'invalid hexadecimal digit: "z"'],
    ['\\x0g', '22023', 'invalid hexadecimal digit: "g"'],
    ['a\\q', '22P02', 'invalid input syntax for type bytea'],
    ['\\400', '22P02', 'invalid input syntax for type bytea'],
    ['\\', '22P02', 'invalid input syntax for type bytea'],
  ];
  for (const [input, code, message] of bad) {
    test(`rejects ${JSON.stringify(input)}`, () => assert.throws(() => parseByteaText(input), { code, message }));
  }
});

describe('bytea output', () => {
  test('hex', () => assert.equal(formatByteaHex(Buffer.from([0, 1, 254, 255])), '\\x0001feff'));
  test('empty', () => assert.equal(formatByteaHex(Buffer.alloc(0)), '\\x'));
  test('a Uint8Array view', () => assert.equal(formatByteaHex(new Uint8Array([9, 8, 7]).subarray(1)), '\\x0807'));
});
