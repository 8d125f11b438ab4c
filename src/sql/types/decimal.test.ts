import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addDecimal, averageDecimal, compareDecimal, divideDecimal, formatDecimal, moduloDecimal, multiplyDecimal, numericWithTypmod, parseDecimal,
  subtractDecimal, toDecimal, withDecimalScale,
} from './decimal.js';
import { resolveTypedSlots, typedSlot } from './typed-slots.js';

const d = (text: string) => parseDecimal(text);
const f = formatDecimal;

describe('exact decimals with numeric.c scales', () => {
  test('+ and - keep the larger scale; * adds scales', () => {
    assert.equal(f(addDecimal(d('0.1'), d('0.2'))), '0.3');
    assert.equal(f(addDecimal(d('1.50'), d('-1.5'))), '0.00');
    assert.equal(f(subtractDecimal(d('5.5'), d('0.25'))), '5.25');
    assert.equal(f(multiplyDecimal(d('1.10'), d('3'))), '3.30');
    assert.equal(f(addDecimal(d('123456789012345678901234567890.123'), d('1'))), '123456789012345678901234567891.123');
  });

  test('/ has at least 16 significant digits (select_div_scale), rounded half away from zero', () => {
    assert.equal(f(divideDecimal(d('7.0'), d('2'))), '3.5000000000000000');
    assert.equal(f(divideDecimal(d('1'), d('3'))), '0.33333333333333333333');
    assert.equal(f(divideDecimal(d('2.0'), d('3'))), '0.66666666666666666667');
    assert.equal(f(divideDecimal(d('100.0'), d('0.003'))), '33333.333333333333');
    assert.equal(f(divideDecimal(d('-2'), d('3'))), '-0.66666666666666666667');
    assert.throws(() => divideDecimal(d('1.0'), d('0')), { code: '22012' });
  });

  test('% keeps the larger scale and the dividend\'s sign', () => {
    assert.equal(f(moduloDecimal(d('10.5'), d('4'))), '2.5');
    assert.equal(f(moduloDecimal(d('-2.5'), d('2'))), '-0.5');
  });

  test('NaN and infinities', () => {
    assert.equal(f(addDecimal(d('NaN'), d('1'))), 'NaN');
    assert.equal(f(addDecimal(d('Infinity'), d('-Infinity'))), 'NaN');
    assert.equal(f(multiplyDecimal(d('-Infinity'), d('2'))), '-Infinity');
    assert.equal(compareDecimal(d('NaN'), d('Infinity')), 1);
    assert.equal(compareDecimal(d('NaN'), d('NaN')), 0);
    assert.equal(compareDecimal(d('1.0'), d('1.00')), 0);
    assert.equal(compareDecimal(d('-Infinity'), d('-99')), -1);
  });

  test('avg of integers and numerics, typmods, rounding', () => {
    assert.equal(f(averageDecimal(d('17'), 3n)), '5.6666666666666667');
    assert.equal(f(averageDecimal(d('775.75'), 5n)), '155.1500000000000000');
    assert.equal(f(withDecimalScale(d('2.345'), 2)), '2.35');
    assert.equal(f(withDecimalScale(d('-2.5'), 0)), '-3');
    assert.equal(f(numericWithTypmod(d('12.3456'), 6, 2)), '12.35');
    assert.throws(() => numericWithTypmod(d('12345.6'), 5, 2), { code: '22003' });
    // numeric.c prints 10^0 as 1.
    assert.throws(() => numericWithTypmod(d('1.5'), 2, 2), { detail: 'A field with precision 2, scale 2 must round to an absolute value less than 1.' });
  });

  test('SQLite values: INTEGER, REAL (shortest form), numeric text', () => {
    assert.equal(f(toDecimal(42n)!), '42');
    assert.equal(f(toDecimal(0.1)!), '0.1');
    assert.equal(f(toDecimal(' 1.50 ')!), '1.50');
    assert.throws(() => toDecimal('abc'), { code: '22P02' });
  });
});

describe('typed slots', () => {
  const slot = (inner: string) => typedSlot({ terms: [{ col: 'n', from: ['t'] }], oids: [1700], native: ['', ' + ', ''], special: ['add(', ', ', ')'] }, [inner, '1']);
  test('the engine picks the form by the column\'s type, nested slots included', () => {
    const sql = 'SELECT ' + slot(slot('n')) + ' FROM t';
    assert.equal(resolveTypedSlots(sql, () => 1700), 'SELECT add(add(n, 1), 1) FROM t');
    assert.equal(resolveTypedSlots(sql, () => 23), 'SELECT n + 1 + 1 FROM t');
  });
});
