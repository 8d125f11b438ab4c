import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { positionalArguments } from './named-arguments.js';
import type { Node } from './parse-tree.js';

const int = (n: number) => ({ A_Const: { ival: { ival: n } } }) as Node;
const named = (name: string, n: number) => ({ NamedArgExpr: { name, arg: int(n), argnumber: -1 } }) as Node;
const values = (args: Node[]) => args.map((a) => {
  const c = (a as { A_Const: { ival?: { ival: number }; fval?: { fval: string } } }).A_Const;
  return c.ival !== undefined ? c.ival.ival : c.fval!.fval;
});

describe('named arguments', () => {
  it('leaves positional calls alone', () => {
    const args = [int(1), int(2)];
    assert.equal(positionalArguments('make_interval', args), args);
  });
  it('orders named arguments and fills defaults up to the last one given', () => {
    assert.deepEqual(values(positionalArguments('make_interval', [named('days', 3)])), [0, 0, 0, 3]);
    assert.deepEqual(values(positionalArguments('make_interval', [int(1), named('secs', 5)])), [1, 0, 0, 0, 0, 0, 5]);
  });
  it('reorders required parameters', () => {
    assert.deepEqual(values(positionalArguments('make_date', [named('day', 29), named('year', 2024), named('month', 2)])), [2024, 2, 29]);
  });
  it('refuses unknown names and missing required ones (42883)', () => {
    assert.throws(() => positionalArguments('make_interval', [named('day', 1)]), { code: '42883' });
    assert.throws(() => positionalArguments('make_date', [named('year', 2024)]), { code: '42883' });
  });
  it('refuses a positional argument after a named one (42601)', () => {
    assert.throws(() => positionalArguments('make_interval', [named('days', 1), int(2)]), { code: '42601' });
  });
  it('passes other functions through for the translator to refuse', () => {
    const args = [named('x', 1)];
    assert.equal(positionalArguments('lower', args), args);
  });
});
