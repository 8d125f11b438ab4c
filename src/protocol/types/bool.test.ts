import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBool, tryParseBool } from './bool.js';

describe('boolean input', () => {
  const trues = ['t', 'true', 'TRUE', ' True ', 'tr', 'y', 'yes', 'YE', 'on', 'ON', '1', '\t1\n'];
  const falses = ['f', 'false', 'FALSE', 'fal', 'n', 'no', 'off', 'of', 'OFF', '0', ' 0 '];
  const invalid = ['', ' ', 'o', 'truex', 'yess', 'onn', '2', '10', 'maybe', 't r'];
  for (const s of trues) test(`${JSON.stringify(s)} is true`, () => assert.equal(parseBool(s), true));
  for (const s of falses) test(`${JSON.stringify(s)} is false`, () => assert.equal(parseBool(s), false));
  for (const s of invalid) {
    test(`${JSON.stringify(s)} is rejected`, () => {
      assert.equal(tryParseBool(s), undefined);
      assert.throws(() => parseBool(s), { code: '22P02', message: `invalid input syntax for type boolean: "${s}"` });
    });
  }
});
