import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { modeOf, percentileCont, percentileDisc, statisticResult, statisticStart, statisticStep } from './aggregate-functions.js';

function statistic(values: unknown[], type: number, name: Parameters<typeof statisticResult>[1]) {
  let state = statisticStart();
  for (const v of values) state = statisticStep(state, v, type);
  return statisticResult(state, name);
}

// Expected values are PostgreSQL 15's.
describe('aggregates', () => {
  it('stddev/variance of integers are exact numerics', () => {
    const qty = [1n, 3n, 2n, 5n, 1n, 2n];
    assert.equal(statistic(qty, 23, 'variance'), '2.2666666666666667');
    assert.equal(statistic(qty, 23, 'stddev'), '1.5055453054181620');
    assert.equal(statistic([1n], 23, 'stddev'), null);
    assert.equal(statistic([1n], 23, 'stddev_pop'), '0');
  });
  it('stddev/variance of floats use float arithmetic', () => {
    assert.equal(statistic([1.5, 2.25, 3, 0.1, 7], 701, 'variance'), 6.7395);
    assert.equal(statistic([1.5, 0.1, 3, 0.2, 7], 700, 'variance'), 8.112999995097518);
  });
  it('ordered-set aggregates', () => {
    assert.equal(percentileCont([1n, 1n, 2n, 2n, 3n, 5n], 0.5), 2);
    assert.equal(percentileCont([1n, 1n, 2n, 2n, 3n, 5n], 0.25), 1.25);
    assert.equal(percentileDisc([1n, 1n, 2n, 2n, 3n, 5n], 0.5), 2n);
    assert.equal(percentileDisc([1n, 2n], 0), 1n);
    assert.throws(() => percentileCont([1n], 1.5), { code: '22003', message: 'percentile value 1.5 is not between 0 and 1' });
    assert.equal(modeOf(['east', 'east', 'east', 'north', 'west', 'west']), 'east');
    assert.equal(modeOf([1n, 2n, 2n, 3n, 3n]), 2n);
  });
});
