import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expandArray, recordField, subscripts, vectorElements } from './catalog-vectors.js';

describe('catalog vectors', () => {
  test('int2vector text and JSON arrays read as elements', () => {
    assert.deepEqual(vectorElements('1 3'), [1n, 3n]);
    assert.deepEqual(vectorElements(''), []);
    assert.deepEqual(vectorElements('[2,4]'), [2, 4]);
  });
  test('_pg_expandarray numbers the elements from 1', () => {
    assert.deepEqual([...expandArray('3 1')].map(([r]) => JSON.parse(r)), [{ x: 3, n: 1 }, { x: 1, n: 2 }]);
    assert.deepEqual([...expandArray(null)], []);
  });
  test('generate_subscripts: vectors from 0, arrays from 1, only dimension 1, reversed on request', () => {
    assert.deepEqual([...subscripts('5 6', 1, undefined)].map(([v]) => v), [0n, 1n]);
    assert.deepEqual([...subscripts('[5,6,7]', 1, 1n)].map(([v]) => v), [3n, 2n, 1n]);
    assert.deepEqual([...subscripts('[5,6]', 2, undefined)], []);
  });
  test('(record).field', () => {
    assert.equal(recordField('{"x":3,"n":1}', 'n'), 1n);
    assert.equal(recordField(null, 'n'), null);
    assert.throws(() => recordField('{"x":3}', 'y'), { code: '42703' });
    assert.throws(() => recordField('text', 'x'), { code: '42809' });
  });
});
