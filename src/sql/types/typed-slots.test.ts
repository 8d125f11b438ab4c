import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveTypedSlots, slotTermTypeMarker, slotTypeMarker, typedSlot } from './typed-slots.js';
import { DATE, INT4, NUMERIC, TEXT, TIMESTAMPTZ, type ColumnTypeLookup } from './type-terms.js';

const columns: Record<string, number> = { d: DATE, n: NUMERIC, i: INT4, tz: TIMESTAMPTZ, s: TEXT };
const lookup: ColumnTypeLookup = (_table, column) => columns[column] ?? null;
const col = (name: string) => ({ col: name, from: ['t'] });

/** `a + b` as operators.ts writes it: numeric rule first, then the date/time rule with both operand types. */
function plus(left: string, right: string, rightTerm: number | { col: string; from: string[] }): string {
  return typedSlot({
    terms: [{ op: '+', args: [col(left), rightTerm] }], oids: [NUMERIC],
    native: ['', ' + ', ''], special: ["pgsqlite_typed_op('+', " + slotTypeMarker + ', ', ', ', ')'],
    more: [{ terms: [col(left), rightTerm], oids: [DATE, TIMESTAMPTZ], special: ["pgsqlite_datetime_op('+', ", ', ', `, ${slotTermTypeMarker(0)}, ${slotTermTypeMarker(1)})`] }],
  }, [left, right]);
}

describe('typed slots', () => {
  it('keeps the native form when no rule matches', () => {
    assert.equal(resolveTypedSlots(plus('i', '1', INT4), lookup), 'i + 1');
  });
  it('takes the first rule that matches', () => {
    assert.equal(resolveTypedSlots(plus('n', '1', INT4), lookup), "pgsqlite_typed_op('+', 1700, n, 1)");
  });
  it('falls through to a further rule, with each term type', () => {
    assert.equal(resolveTypedSlots(plus('d', '1', INT4), lookup), "pgsqlite_datetime_op('+', d, 1, 1082, 23)");
    assert.equal(resolveTypedSlots(plus('tz', 'i', col('i')), lookup), "pgsqlite_datetime_op('+', tz, i, 1184, 23)");
  });
  it('writes 0 for an unknown or untyped term', () => {
    assert.equal(resolveTypedSlots(plus('d', "'x'", -1), lookup), "pgsqlite_datetime_op('+', d, 'x', 1082, 0)");
    assert.equal(resolveTypedSlots(plus('d', 'q', col('q')), lookup), "pgsqlite_datetime_op('+', d, q, 1082, 0)");
  });
  it('resolves slots nested in operands', () => {
    assert.equal(resolveTypedSlots(plus('d', plus('i', '2', INT4), INT4), lookup), "pgsqlite_datetime_op('+', d, i + 2, 1082, 23)");
  });
});
