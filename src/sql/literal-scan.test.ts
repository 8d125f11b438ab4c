import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scanLiterals } from './literal-scan.js';

const digitsOf = (sql: string) => scanLiterals(sql)?.literals.map((literal) => literal.digits);

describe('literal scan', () => {
  it('finds integer literals and blanks them in the shape', () => {
    const scan = scanLiterals('SELECT v FROM t WHERE id = 42 AND k IN (1, 2)')!;
    assert.deepEqual(scan.literals.map((l) => l.digits), ['42', '1', '2']);
    assert.equal(scan.shape, 'SELECT v FROM t WHERE id = \0 AND k IN (\0, \0)');
    assert.equal(scan.literals[0]!.start, 27);
  });

  it('gives the same shape to texts that differ only in integers', () => {
    assert.equal(scanLiterals('UPDATE a SET b = b + 5 WHERE id = 7')!.shape, scanLiterals('UPDATE a SET b = b + 123 WHERE id = 99999')!.shape);
  });

  it('leaves digits inside identifiers, strings, quoted names and comments alone', () => {
    assert.deepEqual(digitsOf(`SELECT t1.c2, '3', "4", E'it\\'s 5' FROM t1 -- 6\n WHERE x = 7 /* 8 /* 9 */ */`), ['7']);
    assert.deepEqual(digitsOf(`SELECT 'a''1' || x FROM t WHERE y = 2`), ['2']);
  });

  it('keeps other numbers as written: decimals, exponents, hex, underscores, beyond int4', () => {
    assert.deepEqual(digitsOf('SELECT 1.5, .5, 1e3, 2E-4, 0x1F, 1_000, 2147483648, 3'), ['3']);
    assert.deepEqual(digitsOf('SELECT 2147483647'), ['2147483647']);
  });

  it('notes a minus sign the parser folds into the constant', () => {
    const scan = scanLiterals('SELECT a + -5, b - 6')!;
    assert.equal(scan.literals[0]!.minusAt, 11);
    assert.equal(scan.literals[1]!.minusAt, 17);
  });

  it('gives up on what it does not follow', () => {
    for (const sql of [
      'SELECT $1 + 2', 'SELECT $$x$$ || 1', 'SELECT 1; SELECT 2', "SELECT 'unterminated = 1", 'SELECT 1 /* open',
      "SELECT 'é' || 1", 'SELECT name FROM t',
    ]) assert.equal(scanLiterals(sql), undefined, sql);
    assert.deepEqual(digitsOf('SELECT 1; -- trailing\n'), ['1']);
  });
});
