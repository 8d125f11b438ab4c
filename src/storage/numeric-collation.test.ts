import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { interruptExtensionEntryPoint, interruptExtensionPath } from './interrupt-addon.js';

/** The extension's numeric collation and canonical-form check (native/numeric_collation.h). */
function open(): Database.Database {
  const db = new Database(':memory:');
  (db.loadExtension as (path: string, entryPoint: string) => void)(interruptExtensionPath, interruptExtensionEntryPoint);
  return db;
}

describe('pgsqlite_numeric collation', () => {
  const db = open();
  db.exec('CREATE TABLE t (n numeric_text COLLATE pgsqlite_numeric)');
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  for (const v of ['10.10', '9.9', '-3', '0', '-0.001', '1.0e+20', 'NaN', 'Infinity', '-Infinity', '0.05', '-12.5', '-12.45', '100',
    '123456789012345678901234567890.123', '123456789012345678901234567890.12', '1.50', 'abc']) insert.run(v);

  test('orders by value: -Infinity, numbers, Infinity, NaN, then non-numbers', () => {
    const order = (db.prepare('SELECT n FROM t ORDER BY n').pluck().all() as string[]);
    assert.deepEqual(order, ['-Infinity', '-12.5', '-12.45', '-3', '-0.001', '0', '0.05', '1.50', '9.9', '10.10', '100', '1.0e+20',
      '123456789012345678901234567890.12', '123456789012345678901234567890.123', 'Infinity', 'NaN', 'abc']);
  });

  test('equal values compare equal whatever their scale, sign of zero or exponent', () => {
    const equal = db.prepare('SELECT ? = ? COLLATE pgsqlite_numeric').pluck();
    assert.equal(equal.get('1.5', '1.50'), 1);
    assert.equal(equal.get('-0.00', '0'), 1);
    assert.equal(equal.get('1e3', '1000.0'), 1);
    assert.equal(equal.get('NaN', 'NaN'), 1);
    assert.equal(equal.get('1.5', '1.51'), 0);
  });

  test('a constant compared with the column takes its collation', () => {
    assert.deepEqual(db.prepare('SELECT n FROM t WHERE n > 99 AND n < 1e21 ORDER BY n').pluck().all(), ['100', '1.0e+20']);
  });
});

describe('pgsqlite_numeric_canonical', () => {
  const db = open();
  const canonical = db.prepare('SELECT pgsqlite_numeric_canonical(?, ?, ?)').pluck();
  test('accepts numeric_out text for the typmod only', () => {
    for (const [value, p, s, expected] of [
      ['10.10', -1, 0, 1], ['NaN', 10, 2, 1], ['Infinity', -1, 0, 1], ['Infinity', 10, 2, 0], ['0.00', 10, 2, 1],
      ['-0.00', 10, 2, 0], ['10.1', 10, 2, 0], ['007', -1, 0, 0], ['1e3', -1, 0, 0], ['12.45', 4, 2, 1], ['123.45', 4, 2, 0],
      ['0.50', 2, 2, 1], ['1.', -1, 0, 0], ['.5', -1, 0, 0],
    ] as const) {
      assert.equal(canonical.get(value, p, s), expected, `${value} for (${p}, ${s})`);
    }
    assert.equal(canonical.get(5n, -1, 0), 0);
  });
});

describe('pgsqlite_numeric_sum', () => {
  const db = open();
  const sum = (values: unknown[]) => {
    db.exec('DROP TABLE IF EXISTS s; CREATE TABLE s (v)');
    const insert = db.prepare('INSERT INTO s VALUES (?)');
    for (const v of values) insert.run(v);
    return db.prepare('SELECT pgsqlite_numeric_sum(v) FROM s').pluck().get();
  };

  test('exact, with the largest scale', () => {
    assert.equal(sum(['1.5', '10.10', '0']), '11.60');
    assert.equal(sum(['123456789012345678901234567890.123', '1']), '123456789012345678901234567891.123');
    assert.equal(sum(['-2.5', '1.25']), '-1.25');
    assert.equal(sum(['-0.05', '0.05']), '0.00');
    assert.equal(sum(['0.001', '-0.002']), '-0.001');
    assert.equal(sum(['999999999.999999999', '0.000000001']), '1000000000.000000000');
    assert.equal(sum([]), null);
    assert.equal(sum([null]), null);
  });

  test('NaN and infinities as PostgreSQL sums them', () => {
    assert.equal(sum(['1', 'NaN']), 'NaN');
    assert.equal(sum(['Infinity', '5']), 'Infinity');
    assert.equal(sum(['Infinity', '-Infinity']), 'NaN');
  });

  test('INTEGER and REAL inputs (older numeric columns) and exponents', () => {
    assert.equal(sum([5n, 2.25]), '7.25');
    assert.equal(sum(['1e3', '1.5e-2']), '1000.015');
  });

  test('agrees with a plain BigInt sum over random values', () => {
    let expected = 0n;
    const values: string[] = [];
    for (let i = 0; i < 500; i++) {
      const unscaled = BigInt(Math.floor(Math.random() * 2e15) - 1e15) * BigInt(10 ** (i % 4));
      expected += unscaled;
      const negative = unscaled < 0n;
      const digits = (negative ? -unscaled : unscaled).toString().padStart(5, '0');
      values.push((negative ? '-' : '') + digits.slice(0, -4).replace(/^0+(?=\d)/, '') + '.' + digits.slice(-4));
    }
    const negative = expected < 0n;
    const digits = (negative ? -expected : expected).toString().padStart(5, '0');
    assert.equal(sum(values), (negative ? '-' : '') + digits.slice(0, -4).replace(/^0+(?=\d)/, '') + '.' + digits.slice(-4));
  });

  test('a sliding window takes rows back; the scale is that of the rows in the frame', () => {
    db.exec("DROP TABLE IF EXISTS w; CREATE TABLE w (id, v); INSERT INTO w VALUES (1, '1.5'), (2, '-2.25'), (3, '10'), (4, NULL), (5, 'NaN'), (6, '1'), (7, '2.0')");
    const rows = db.prepare('SELECT pgsqlite_numeric_sum(v) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM w ORDER BY id').pluck().all();
    assert.deepEqual(rows, ['1.5', '-0.75', '7.75', '10', 'NaN', 'NaN', '3.0']);
  });
});
