import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupingSets } from './grouping-sets.js';
import type { Node } from './parse-tree.js';

const col = (name: string): Node => ({ ColumnRef: { fields: [{ String: { sval: name } }] } }) as Node;
const set = (kind: string, content: Node[]): Node => ({ GroupingSet: { kind, content } }) as Node;
const names = (sets: Node[][]) => sets.map((s) => s.map((n) => (n as { ColumnRef: { fields: { String: { sval: string } }[] } }).ColumnRef.fields[0]!.String.sval).join(','));

describe('grouping sets', () => {
  it('expands ROLLUP, CUBE and GROUPING SETS', () => {
    assert.deepEqual(names(groupingSets([set('GROUPING_SET_ROLLUP', [col('a'), col('b')])], false)), ['a,b', 'a', '']);
    assert.deepEqual(names(groupingSets([set('GROUPING_SET_CUBE', [col('a'), col('b')])], false)), ['a,b', 'a', 'b', '']);
    assert.deepEqual(names(groupingSets([set('GROUPING_SET_SETS', [col('a'), col('b'), set('GROUPING_SET_EMPTY', [])])], false)), ['a', 'b', '']);
  });
  it('crosses several items and drops duplicates for GROUP BY DISTINCT', () => {
    const items = [col('x'), set('GROUPING_SET_ROLLUP', [col('a')])];
    assert.deepEqual(names(groupingSets(items, false)), ['x,a', 'x']);
    const rollups = [set('GROUPING_SET_ROLLUP', [col('a')]), set('GROUPING_SET_ROLLUP', [col('a'), col('b')])];
    assert.deepEqual(names(groupingSets(rollups, false)).length, 6);
    assert.deepEqual(names(groupingSets(rollups, true)), ['a,a,b', 'a,a', '']);
  });
});
