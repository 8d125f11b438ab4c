import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { BackendWriter } from '../../protocol/backend-writer.js';
import type { CopyFormatOptions } from '../../protocol/copy/copy-options.js';
import { TypeOid } from '../../protocol/types/oids.js';
import type { SqliteValue } from '../../protocol/types/storage.js';
import { openConnection } from '../open-connection.js';
import { interruptConnection } from '../interrupt-addon.js';
import type { OutputColumn } from '../engine-messages.js';
import { CopyEncoder } from './copy-encoder.js';
import { copyPlan, dataRowPlan } from './native-row-plan.js';
import { NativeRowStream, type NativeRowMode } from './native-row-stream.js';
import { RowEncoder } from './row-encoder.js';

// The C encoder must produce the JavaScript encoder's bytes exactly; every case below runs both
// over the same stored values and compares. Values outside a kind's usual storage form exercise
// the per-row fallback to JavaScript.

const column = (typeOid: number, typeModifier = -1): OutputColumn => ({ name: 'c', typeOid, typeSize: -1, typeModifier, tableOid: 0, columnId: 0 });

/** One column of values, each written as a SQL literal into an untyped column (so SQLite keeps its storage class). */
interface Case {
  name: string;
  column: OutputColumn;
  literals: string[];
}

const cases: Case[] = [
  { name: 'int2', column: column(TypeOid.int2), literals: ['0', '-32768', '32767', '7', 'NULL'] },
  { name: 'int4', column: column(TypeOid.int4), literals: ['0', '-2147483648', '2147483647', '-1', 'NULL', '1.5', "'12'"] },
  { name: 'int8', column: column(TypeOid.int8), literals: ['-9223372036854775808', '9223372036854775807', '0', 'NULL', '2.5'] },
  { name: 'oid', column: column(TypeOid.oid), literals: ['0', '4294967295', '-2147483648', 'NULL'] },
  { name: 'bool', column: column(TypeOid.bool), literals: ['0', '1', '2', 'NULL', "'true'", "'no'"] },
  { name: 'text', column: column(TypeOid.text), literals: [
    "''", "'plain'", "'a' || char(9) || 'b\\c' || char(10) || 'd' || char(13) || 'e' || char(8) || 'f' || char(12) || 'g' || char(11) || 'h'",
    "'ñ€😀 multibyte'", "'with|pipe,comma'", 'NULL', '42', '1.25', "x'6869'", "CAST(x'ff41' AS TEXT)", "'a' || char(0) || 'b'"] },
  { name: 'varchar', column: column(TypeOid.varchar), literals: ["'v'", "''", 'NULL'] },
  { name: 'name', column: column(TypeOid.name), literals: ["'pg_class'"] },
  { name: 'bpchar(5)', column: column(TypeOid.bpchar, 9), literals: ["'ab'", "'é'", "'abcde'", "''", "'abcdefg'", 'NULL', '12'] },
  { name: 'bpchar', column: column(TypeOid.bpchar), literals: ["'ab'", "''"] },
  { name: 'bytea', column: column(TypeOid.bytea), literals: ["x''", "x'00ff10'", "x'5c'", 'NULL', "'text'"] },
  { name: 'numeric', column: column(TypeOid.numeric), literals: [
    "'1.50'", "'-0.001'", "'0'", "'NaN'", "'Infinity'", "'-Infinity'", "'1e3'", "'-0'", "'007'", '1.3', '5', 'NULL', "'12345678901234567890.000001'"] },
  { name: 'numeric(10,2)', column: column(TypeOid.numeric, ((10 << 16) | 2) + 4), literals: ["'1.50'", "'1.5'", "'-0.00'", "'-1.25'", "'2'", "'NaN'", '3', 'NULL'] },
  { name: 'numeric(5,0)', column: column(TypeOid.numeric, ((5 << 16) | 0) + 4), literals: ["'12'", "'12.4'", "'0'"] },
  { name: 'date', column: column(TypeOid.date), literals: ["'2024-02-29'", "'0044-03-15 BC'", "'infinity'", 'NULL'] },
  { name: 'time', column: column(TypeOid.time), literals: ["'13:45:06.5'", "'24:00:00'"] },
  { name: 'timestamp', column: column(TypeOid.timestamp), literals: ["'2024-02-29 13:45:06.123456'", "'-infinity'"] },
  { name: 'timestamptz', column: column(TypeOid.timestamptz), literals: [
    "'2024-02-29 13:45:06.5+00'", "'0044-03-15 12:00:00+00 BC'", "'infinity'", "'-infinity'", "'2024-02-29 13:45:06'", 'NULL'] },
  { name: 'uuid', column: column(TypeOid.uuid), literals: ["'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", 'NULL'] },
  { name: 'json', column: column(TypeOid.json), literals: [`'{"a": [1, "x\\ty"]}'`] },
  { name: 'jsonb', column: column(TypeOid.jsonb), literals: [`'{"a": 1, "bb": "ü"}'`] },
];

let dir: string;
let db: Database.Database;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'pgsqlite-native-rows-'));
  db = openConnection(join(dir, 'rows.sqlite'), { pragmas: {} });
  db.function('boom', () => {
    throw new Error('boom from JavaScript');
  });
});

after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ctx = { timeZone: 'UTC' };
const copyOptions = (delimiter: string, nullText: string): CopyFormatOptions => ({
  format: 'text', delimiter, null: nullText, quote: '', escape: '', header: false, forceQuote: [], forceNotNull: [], forceNull: [],
});
const csvOptions = (delimiter: string, nullText: string, quote = '"', escape = quote, forceQuote: CopyFormatOptions['forceQuote'] = []): CopyFormatOptions => ({
  format: 'csv', delimiter, null: nullText, quote, escape, header: false, forceQuote, forceNotNull: [], forceNull: [], columns: ['c'],
});

function rowsOf(sql: string, params: SqliteValue[] = []): SqliteValue[][] {
  const stmt = db.prepare(sql);
  stmt.raw(true);
  stmt.safeIntegers(true);
  return stmt.all(...(params.length ? [Object.fromEntries(params.map((p, i) => [i + 1, p]))] : [])) as SqliteValue[][];
}

/** The JavaScript encoders' bytes for the rows, or the error they raise. */
function jsBytes(columns: OutputColumn[], rows: SqliteValue[][], copy?: CopyFormatOptions): Buffer | Error {
  const writer = new BackendWriter();
  try {
    const encoder = copy ? new CopyEncoder(columns, copy, ctx, writer) : new RowEncoder(columns, [], ctx, writer);
    for (const row of rows) encoder.add(row);
  } catch (err) {
    return err as Error;
  }
  return Buffer.from(writer.take());
}

/** Rows the C encoder handed to JavaScript so far. */
let fallbacks = 0;

/** The C encoder's bytes, read in pieces of `budget` bytes, or the error it raises. */
function nativeBytes(columns: OutputColumn[], sql: string, params: SqliteValue[], budget: number, copy?: CopyFormatOptions): Buffer | Error {
  const plan = copy ? copyPlan(columns, copy, ctx) : dataRowPlan(columns, [], ctx);
  assert.ok(plan, 'every column has a C encoder');
  const writer = new BackendWriter();
  const fallback = copy ? new CopyEncoder(columns, copy, ctx, writer) : new RowEncoder(columns, [], ctx, writer);
  const mode: NativeRowMode = copy ? NativeRowStream.copyMode(copy) : { kind: 'dataRow' };
  const stream = NativeRowStream.open(db, sql, params, plan, mode, (row) => {
    fallbacks++;
    fallback.add(row);
    return writer.take();
  });
  assert.ok(stream, 'the addon has the row functions');
  const pieces: Uint8Array[] = [];
  try {
    for (;;) {
      const read = stream.read(Infinity, budget);
      if (read.bytes) pieces.push(read.bytes);
      if (read.done) break;
    }
  } catch (err) {
    return err as Error;
  } finally {
    stream.close();
  }
  return Buffer.concat(pieces);
}

function compare(columns: OutputColumn[], sql: string, params: SqliteValue[] = [], copy?: CopyFormatOptions): void {
  const expected = jsBytes(columns, rowsOf(sql, params), copy);
  for (const budget of [Infinity, 1, 100]) {
    const actual = nativeBytes(columns, sql, params, budget, copy);
    if (expected instanceof Error) {
      assert.ok(actual instanceof Error, `expected ${expected.message}`);
      assert.equal(actual.message, expected.message);
    } else {
      assert.ok(!(actual instanceof Error), actual instanceof Error ? actual.message : '');
      assert.equal(actual.toString('hex'), expected.toString('hex'), `budget ${budget}`);
    }
  }
}

const selectOf = (literals: string[]) => literals.map((l) => `SELECT ${l}`).join(' UNION ALL ');

describe('native row encoder matches the JavaScript encoders', () => {
  for (const c of cases) {
    test(`${c.name}: DataRow`, () => compare([c.column], selectOf(c.literals)));
    test(`${c.name}: COPY text, tab and \\N`, () => compare([c.column], selectOf(c.literals), [], copyOptions('\t', '\\N')));
    test(`${c.name}: COPY text, | and NULL`, () => compare([c.column], selectOf(c.literals), [], copyOptions('|', 'NULL')));
    test(`${c.name}: COPY text, comma and empty null`, () => compare([c.column], selectOf(c.literals), [], copyOptions(',', '')));
    test(`${c.name}: COPY CSV`, () => compare([c.column], selectOf(c.literals), [], csvOptions(',', '')));
    test(`${c.name}: COPY CSV, '-' delimiter, NULL '0', quote ', escape \\`, () => compare([c.column], selectOf(c.literals), [], csvOptions('-', '0', "'", '\\')));
    test(`${c.name}: COPY CSV, FORCE_QUOTE *`, () => compare([c.column], selectOf(c.literals), [], csvOptions(',', '', '"', '"', '*')));
  }

  test('several columns, including all NULLs and parameters', () => {
    const columns = [column(TypeOid.int4), column(TypeOid.text), column(TypeOid.int8), column(TypeOid.bool), column(TypeOid.bytea)];
    const sql = 'SELECT ?1, ?2, ?3, ?4, ?5 UNION ALL SELECT NULL, NULL, NULL, NULL, NULL UNION ALL SELECT 7, \'x\' || ?2, -1, 1, x\'01\'';
    const params: SqliteValue[] = [5n, 'tab\there', -9223372036854775808n, 0n, Buffer.from([1, 2, 255])];
    compare(columns, sql, params);
    compare(columns, sql, params, copyOptions('\t', '\\N'));
  });

  test('CSV: quotes, the end-of-data marker alone and in a row, FORCE_QUOTE by name', () => {
    const literals = ["'say \"hi\"'", "'\\.'", "'a,b'", "'cr' || char(13)", "'lf' || char(10)", "''", 'NULL', "'back\\slash'"];
    compare([column(TypeOid.text)], selectOf(literals), [], csvOptions(',', ''));
    compare([column(TypeOid.text)], selectOf(literals), [], csvOptions(',', '', '"', '\\'));
    const two = [column(TypeOid.text), column(TypeOid.int4)];
    const options = { ...csvOptions(',', '\\N', '"', '"', ['b']), columns: ['a', 'b'] };
    compare(two, "SELECT '\\.', 1 UNION ALL SELECT 'x', NULL UNION ALL SELECT '\\N', 2", [], options);
  });

  test('many rows in small budgets', () => {
    const columns = [column(TypeOid.int4), column(TypeOid.int8), column(TypeOid.text)];
    const sql = "WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 5000) SELECT i, i * 1000000007, 'row ' || i FROM g";
    const before = fallbacks;
    compare(columns, sql);
    compare(columns, sql, [], copyOptions('\t', '\\N'));
    compare(columns, sql, [], csvOptions(',', ''));
    assert.equal(fallbacks, before, 'every row was encoded in C');
  });

  test('out-of-range integers raise the JavaScript encoder\'s error', () => {
    compare([column(TypeOid.int2)], 'SELECT 1 UNION ALL SELECT 40000');
    compare([column(TypeOid.int4)], 'SELECT 2147483648');
  });
});

describe('native row stream', () => {
  test('row and byte limits, and counting without encoding', () => {
    const plan = dataRowPlan([column(TypeOid.int4)], [], ctx)!;
    const stream = NativeRowStream.open(db, 'WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 10) SELECT i FROM g', [], plan, { kind: 'dataRow' }, () => {
      throw new Error('no fallback expected');
    })!;
    try {
      const first = stream.read(3, Infinity);
      assert.deepEqual([first.rows, first.done], [3, false]);
      // 'D', length, 1 field, its length, 1 digit: 12 bytes a row.
      assert.equal(first.bytes!.length, 36);
      // The bytes own their ArrayBuffer (not Node's shared pool): the workers transfer it.
      assert.deepEqual([first.bytes!.byteOffset, first.bytes!.buffer.byteLength], [0, 36]);
      const skipped = stream.read(4, Infinity, false);
      assert.deepEqual([skipped.rows, skipped.bytes, skipped.done], [4, null, false]);
      const budgeted = stream.read(Infinity, 13);
      assert.deepEqual([budgeted.rows, budgeted.done], [2, false]);
      const rest = stream.read(Infinity, Infinity);
      assert.deepEqual([rest.rows, rest.done], [1, true]);
      assert.deepEqual(stream.read(5, Infinity), { bytes: null, rows: 0, done: true });
    } finally {
      stream.close();
    }
  });

  test('a JavaScript function that throws: its error propagates and the connection still reports SQLite errors', () => {
    const plan = dataRowPlan([column(TypeOid.text)], [], ctx)!;
    const stream = NativeRowStream.open(db, "SELECT 'a' UNION ALL SELECT boom()", [], plan, { kind: 'dataRow' }, () => new Uint8Array(0))!;
    try {
      assert.throws(() => stream.read(Infinity, Infinity), /boom from JavaScript/);
    } finally {
      stream.close();
    }
    assert.throws(() => db.exec('SELECT * FROM no_such_table'), (err: { code?: string }) => err.code === 'SQLITE_ERROR');
    assert.equal(db.prepare('SELECT 1 AS one').pluck().get(), 1);
  });

  test('an interrupt on the connection stops a read with SQLITE_INTERRUPT', () => {
    const plan = dataRowPlan([column(TypeOid.int8)], [], ctx)!;
    const stream = NativeRowStream.open(db, 'WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g) SELECT i FROM g', [], plan, { kind: 'dataRow' }, () => new Uint8Array(0))!;
    try {
      assert.equal(stream.read(10, Infinity).rows, 10);
      const handle = Number(db.prepare('SELECT pgsqlite_interrupt_handle()').pluck().get());
      assert.equal(interruptConnection(handle), true);
      assert.throws(() => stream.read(Infinity, Infinity), (err: { code?: string }) => err.code === 'SQLITE_INTERRUPT');
    } finally {
      stream.close();
    }
  });

  test('plans: JavaScript keeps floats, intervals, arrays, binary format, non-UTC timestamptz and unusual delimiters', () => {
    assert.equal(dataRowPlan([column(TypeOid.float8)], [], ctx), undefined);
    assert.equal(dataRowPlan([column(TypeOid.interval)], [], ctx), undefined);
    assert.equal(dataRowPlan([column(TypeOid._int4)], [], ctx), undefined);
    assert.equal(dataRowPlan([column(TypeOid.int4)], [1], ctx), undefined);
    assert.equal(dataRowPlan([column(TypeOid.timestamptz)], [], { timeZone: 'Europe/Paris' }), undefined);
    assert.ok(dataRowPlan([column(TypeOid.timestamptz)], [], { timeZone: 'UTC' }));
    assert.equal(copyPlan([column(TypeOid.int4)], { ...copyOptions(',', ''), format: 'binary' }, ctx), undefined);
    assert.equal(copyPlan([column(TypeOid.int4)], copyOptions('-', ''), ctx), undefined);
    assert.equal(copyPlan([column(TypeOid.int4)], copyOptions(' ', ''), ctx), undefined);
    assert.equal(copyPlan([column(TypeOid.int4)], csvOptions('§', ''), ctx), undefined);
    assert.ok(copyPlan([column(TypeOid.int4)], csvOptions('-', ''), ctx));
  });
});
