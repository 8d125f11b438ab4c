import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isCSpace, utf8Text } from './text-bytes.js';

describe('utf8Text', () => {
  test('plain', () => assert.equal(utf8Text(Buffer.from('héllo ✓ 😀')), 'héllo ✓ 😀'));
  test('empty', () => assert.equal(utf8Text(Buffer.alloc(0)), ''));
  const bad: Array<[string, string]> = [
    ['6100', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['c328', 'invalid byte sequence for encoding "UTF8": 0xc3 0x28'],
    ['ff', 'invalid byte sequence for encoding "UTF8": 0xff'],
    ['e282', 'invalid byte sequence for encoding "UTF8": 0xe2 0x82'],
    ['eda080', 'invalid byte sequence for encoding "UTF8": 0xed 0xa0 0x80'],
    ['c0af', 'invalid byte sequence for encoding "UTF8": 0xc0'],
  ];
  for (const [hex, message] of bad) {
    test(`rejects ${hex}`, () => assert.throws(() => utf8Text(Buffer.from(hex, 'hex')), { code: '22021', message }));
  }
});

describe('isCSpace', () => {
  test('C isspace set', () => {
    for (const c of [9, 10, 11, 12, 13, 32]) assert.equal(isCSpace(c), true);
    for (const c of [0, 8, 14, 31, 33, 160]) assert.equal(isCSpace(c), false);
  });
});
