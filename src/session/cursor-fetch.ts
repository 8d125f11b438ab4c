/**
 * Where a FETCH or MOVE goes on a materialised result, as PostgreSQL moves a portal: the position
 * is 0 before the first row, k on row k (1-based), n+1 after the last. Pure: the rows themselves
 * are elsewhere.
 */
export type FetchDirection = 'FETCH_FORWARD' | 'FETCH_BACKWARD' | 'FETCH_ABSOLUTE' | 'FETCH_RELATIVE';

/** libpg-query writes FETCH ALL as INT_MAX (PostgreSQL's FETCH_ALL is LONG_MAX). */
export const FETCH_ALL = 2147483647;

export interface FetchPlan {
  /** 1-based row numbers to return, in order. */
  rows: number[];
  position: number;
}

function forward(position: number, count: number, total: number): FetchPlan {
  const rows: number[] = [];
  let p = position;
  while (rows.length < count && p <= total) {
    p++;
    if (p <= total) rows.push(p);
  }
  return { rows, position: Math.min(p, total + 1) };
}

function backward(position: number, count: number): FetchPlan {
  const rows: number[] = [];
  let p = position;
  while (rows.length < count && p >= 1) {
    p--;
    if (p >= 1) rows.push(p);
  }
  return { rows, position: Math.max(p, 0) };
}

function absolute(target: number, total: number): FetchPlan {
  if (target >= 1 && target <= total) return { rows: [target], position: target };
  return { rows: [], position: target > total ? total + 1 : 0 };
}

export function planFetch(direction: FetchDirection, howMany: number, position: number, total: number): FetchPlan {
  switch (direction) {
    case 'FETCH_FORWARD':
    case 'FETCH_BACKWARD': {
      // A negative count reverses the direction; a zero count re-reads the current row.
      const count = direction === 'FETCH_FORWARD' ? howMany : -howMany;
      if (count === 0) return planFetch('FETCH_RELATIVE', 0, position, total);
      return count > 0 ? forward(position, count, total) : backward(position, -count);
    }
    case 'FETCH_ABSOLUTE':
      if (howMany === 0) return { rows: [], position: 0 };
      return absolute(howMany > 0 ? howMany : total + 1 + howMany, total);
    case 'FETCH_RELATIVE': {
      if (howMany === 0) return position >= 1 && position <= total ? { rows: [position], position } : { rows: [], position };
      return absolute(Math.max(0, Math.min(total + 1, position + howMany)), total);
    }
  }
}

/** Whether a fetch needs to move backwards (refused on NO SCROLL cursors). */
export function movesBackward(direction: FetchDirection, howMany: number, position: number): boolean {
  switch (direction) {
    case 'FETCH_FORWARD': return howMany < 0;
    case 'FETCH_BACKWARD': return howMany > 0;
    case 'FETCH_ABSOLUTE': return howMany <= position || howMany < 0;
    case 'FETCH_RELATIVE': return howMany < 0;
  }
}
