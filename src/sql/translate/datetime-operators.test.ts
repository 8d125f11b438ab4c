import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { datetimeSlotRule } from './datetime-operators.js';
import { staticTextConcat, textConcatRule } from './text-concatenation.js';
import { BOOL, DATE, FLOAT8, INT4, TEXT, UNKNOWN } from '../types/type-terms.js';

const col = { col: 'd', from: ['t'] };

describe('date/time slot rules', () => {
  it('arithmetic over a column passes both operand types to pgsqlite_datetime_op', () => {
    const rule = datetimeSlotRule('-', col, DATE, false, [])!;
    assert.deepEqual(rule.terms, [col, DATE]);
    assert.deepEqual(rule.special, ["pgsqlite_datetime_op('-', ", ', ', ', /*pgsqlite:type0*/, /*pgsqlite:type1*/)']);
  });
  it('leaves operators without column operands to the translator', () => {
    assert.equal(datetimeSlotRule('+', DATE, INT4, false, []), undefined);
    assert.equal(datetimeSlotRule('%', col, INT4, false, []), undefined);
  });
  it('a comparison of a computed value compares date/time values', () => {
    const computed = { fn: 'date_trunc', args: [UNKNOWN, col] };
    const rule = datetimeSlotRule('!=', computed, UNKNOWN, true, [computed])!;
    assert.deepEqual(rule.special, ['pgsqlite_datetime_cmp(', ', ', ') <> 0']);
    assert.equal(datetimeSlotRule('=', col, UNKNOWN, true, []), undefined);
  });
});

describe('|| of bool and float operands', () => {
  it('converts only when an operand is bool or float', () => {
    assert.equal(staticTextConcat(TEXT, BOOL, "'a'", '1'), "pgsqlite_text_concat('a', 1, 25, 16)");
    assert.equal(staticTextConcat(FLOAT8, UNKNOWN, 'x', "'b'"), "pgsqlite_text_concat(x, 'b', 701, 0)");
    assert.equal(staticTextConcat(TEXT, INT4, "'a'", '1'), undefined);
  });
  it('leaves columns to a typed slot rule', () => {
    assert.equal(staticTextConcat(col, BOOL, 'd', '1'), undefined);
    assert.deepEqual(textConcatRule(col, TEXT)?.terms, [col, TEXT]);
    assert.equal(textConcatRule(TEXT, BOOL), undefined);
  });
});
