import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HeavyStatements } from './heavy-statements.js';

const skipped = (heavy: HeavyStatements, sql: string, times: number) => Array.from({ length: times }, () => heavy.skip(sql)).filter(Boolean).length;

describe('HeavyStatements (which texts skip the inline engine)', () => {
  it('runs a statement inline until it overruns, then skips it for the first number of executions', () => {
    const heavy = new HeavyStatements(4, 64);
    assert.equal(heavy.skip('q'), false);
    heavy.overran('q');
    assert.equal(skipped(heavy, 'q', 4), 4);
    assert.equal(heavy.skip('q'), false, 'tried inline again after the skips');
  });
  it('doubles the skips on each further overrun, up to the cap', () => {
    const heavy = new HeavyStatements(4, 16);
    heavy.overran('q');
    skipped(heavy, 'q', 4);
    heavy.overran('q');
    assert.equal(skipped(heavy, 'q', 100), 8);
    heavy.overran('q');
    assert.equal(skipped(heavy, 'q', 100), 16);
    heavy.overran('q');
    assert.equal(skipped(heavy, 'q', 100), 16, 'capped');
  });
  it('forgets a statement that fits the budget again', () => {
    const heavy = new HeavyStatements(4, 64);
    heavy.overran('q');
    skipped(heavy, 'q', 4);
    heavy.fitted('q');
    heavy.overran('q');
    assert.equal(skipped(heavy, 'q', 100), 4, 'back to the first number of skips');
  });
  it('keeps at most `capacity` statements, dropping the oldest', () => {
    const heavy = new HeavyStatements(4, 64, 2);
    heavy.overran('a');
    heavy.overran('b');
    heavy.overran('c');
    assert.equal(heavy.skip('a'), false);
    assert.equal(heavy.skip('c'), true);
  });
});
