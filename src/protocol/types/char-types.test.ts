import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { charByteText, charTextByte, truncateName } from './char-types.js';

describe('"char"', () => {
  const cases: Array<[string, number, string]> = [
    ['x', 120, 'x'], ['abc', 97, 'a'], ['', 0, ''], ['\\101', 65, 'A'], ['\\303', 0xc3, '\\303'], ['é', 0xc3, '\\303'],
    ['\\1', 92, '\\'], ['\\377', 255, '\\377'],
  ];
  for (const [input, byte, out] of cases) {
    test(JSON.stringify(input), () => {
      assert.equal(charTextByte(input), byte);
      assert.equal(charByteText(byte), out);
    });
  }
});

describe('name truncation', () => {
  test('short names unchanged', () => assert.equal(truncateName('users'), 'users'));
  test('63 bytes kept', () => assert.equal(truncateName('a'.repeat(63)), 'a'.repeat(63)));
  test('64 bytes cut to 63', () => assert.equal(truncateName('a'.repeat(64)), 'a'.repeat(63)));
  test('never splits a character', () => {
    const s = 'a'.repeat(62) + 'é'; // 64 bytes; é would straddle the limit
    assert.equal(truncateName(s), 'a'.repeat(62));
  });
  test('multibyte text under the limit unchanged', () => assert.equal(truncateName('é'.repeat(31)), 'é'.repeat(31)));
});
