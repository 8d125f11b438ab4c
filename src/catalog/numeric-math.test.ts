import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDecimal, parseDecimal } from '../sql/types/decimal.js';
import { expDecimal, lnDecimal, logDecimal, nbaseDigits, powerDecimal, sqrtDecimal } from './numeric-math.js';

const d = parseDecimal;
const f = formatDecimal;

// Expected digits are PostgreSQL 15's.
describe('numeric math', () => {
  it('reads numeric base-10000 digits', () => {
    assert.deepEqual(nbaseDigits(d('12345.6789') as never), { weight: 1, digits: [1, 2345, 6789] });
    assert.deepEqual(nbaseDigits(d('0.00012') as never), { weight: -1, digits: [1, 2000] });
  });
  it('sqrt picks numeric_sqrt scales', () => {
    assert.equal(f(sqrtDecimal(d('2.0'))), '1.414213562373095');
    assert.equal(f(sqrtDecimal(d('4.0'))), '2.000000000000000');
  });
  it('exp, ln and log', () => {
    assert.equal(f(expDecimal(d('1.0'))), '2.7182818284590452');
    assert.equal(f(lnDecimal(d('10.0'))), '2.3025850929940457');
    assert.equal(f(logDecimal(d('2'), d('8'))), '3.0000000000000000');
    assert.equal(f(logDecimal(d('2.0'), d('1024'))), '10.0000000000000000');
  });
  it('power with integer and fractional exponents', () => {
    assert.equal(f(powerDecimal(d('2.0'), d('0.5'))), '1.4142135623730950');
    assert.equal(f(powerDecimal(d('2.5'), d('2'))), '6.2500000000000000');
    assert.equal(f(powerDecimal(d('10.0'), d('-2'))), '0.0100000000000000');
  });
  it('raises PostgreSQL errors', () => {
    assert.throws(() => sqrtDecimal(d('-1')), { code: '2201F' });
    assert.throws(() => lnDecimal(d('0')), { code: '2201E' });
    assert.throws(() => powerDecimal(d('0'), d('-1')), { code: '2201F' });
    assert.throws(() => powerDecimal(d('-8'), d('0.5')), { code: '2201F' });
  });
});
