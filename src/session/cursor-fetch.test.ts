import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FETCH_ALL, planFetch } from './cursor-fetch.js';

describe('planFetch (PostgreSQL portal positions over 5 rows)', () => {
  const cases: Array<[string, Parameters<typeof planFetch>[0], number, number, number[], number]> = [
    ['NEXT from the start', 'FETCH_FORWARD', 1, 0, [1], 1],
    ['FORWARD 3 from row 1', 'FETCH_FORWARD', 3, 1, [2, 3, 4], 4],
    ['FORWARD past the end', 'FETCH_FORWARD', 10, 3, [4, 5], 6],
    ['ALL from the start', 'FETCH_FORWARD', FETCH_ALL, 0, [1, 2, 3, 4, 5], 6],
    ['NEXT after the end', 'FETCH_FORWARD', 1, 6, [], 6],
    ['PRIOR after the end', 'FETCH_BACKWARD', 1, 6, [5], 5],
    ['BACKWARD 2 from row 4', 'FETCH_BACKWARD', 2, 4, [3, 2], 2],
    ['BACKWARD ALL from row 3', 'FETCH_BACKWARD', FETCH_ALL, 3, [2, 1], 0],
    ['FETCH -2 is BACKWARD 2', 'FETCH_FORWARD', -2, 4, [3, 2], 2],
    ['FETCH 0 re-reads the current row', 'FETCH_FORWARD', 0, 3, [3], 3],
    ['FIRST', 'FETCH_ABSOLUTE', 1, 4, [1], 1],
    ['LAST', 'FETCH_ABSOLUTE', -1, 0, [5], 5],
    ['ABSOLUTE -2', 'FETCH_ABSOLUTE', -2, 0, [4], 4],
    ['ABSOLUTE beyond the end', 'FETCH_ABSOLUTE', 9, 2, [], 6],
    ['ABSOLUTE beyond the start', 'FETCH_ABSOLUTE', -9, 2, [], 0],
    ['ABSOLUTE 0', 'FETCH_ABSOLUTE', 0, 3, [], 0],
    ['RELATIVE 2 from row 1', 'FETCH_RELATIVE', 2, 1, [3], 3],
    ['RELATIVE -1 from row 1', 'FETCH_RELATIVE', -1, 1, [], 0],
    ['RELATIVE 0 before the start', 'FETCH_RELATIVE', 0, 0, [], 0],
  ];
  for (const [name, direction, howMany, position, rows, next] of cases) {
    it(name, () => assert.deepEqual(planFetch(direction, howMany, position, 5), { rows, position: next }));
  }
});
