import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { BackendWriter } from '../../protocol/backend-writer.js';
import type { SqliteValue } from '../../protocol/types/storage.js';
import { openConnection } from '../open-connection.js';
import type { StatementJob } from '../engine-messages.js';
import { HostedCursor } from './hosted-cursor.js';
import { RowEncoder } from './row-encoder.js';

// A cursor whose columns all have C encoders reads through native/row_stream.c; one with a float
// column reads through the iterator. Both must hand out the same slices for the same reads.

let dir: string;
let db: Database.Database;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'pgsqlite-hosted-cursor-'));
  db = openConnection(join(dir, 'cursor.sqlite'), { pragmas: {} });
  db.exec('CREATE TABLE t (a integer, b text, f float8)');
  const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?)');
  for (let i = 1; i <= 10; i++) insert.run(BigInt(i), `row ${i}`, i / 4);
});

after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const job = (sql: string): StatementJob => ({ sql, params: [], resultFormats: [], timeZone: 'UTC', sessionId: 1, contextVersion: 0 });

function cursorOf(sql: string): HostedCursor {
  const stmt = db.prepare(sql);
  stmt.safeIntegers(true);
  return new HostedCursor(stmt, job(sql));
}

/** The expected DataRows of rows from..to (1-based) of a query, encoded by the JavaScript encoder. */
function expected(cursor: HostedCursor, sql: string, from: number, to: number): string {
  const stmt = db.prepare(sql);
  stmt.raw(true);
  stmt.safeIntegers(true);
  const rows = (stmt.all() as SqliteValue[][]).slice(from - 1, to);
  const writer = new BackendWriter();
  const encoder = new RowEncoder(cursor.columns, [], { timeZone: 'UTC' }, writer);
  for (const row of rows) encoder.add(row);
  return Buffer.from(writer.take()).toString('hex');
}

const hex = (rows: Uint8Array | null) => (rows ? Buffer.from(rows).toString('hex') : '');

describe('HostedCursor slices, C and iterator paths alike', () => {
  for (const [path, sql] of [['C encoder', 'SELECT a, b FROM t'], ['iterator', 'SELECT a, b, f FROM t']] as const) {
    test(path, () => {
      const cursor = cursorOf(sql);
      // Which path this case exercises (a private field, checked so the case cannot drift).
      assert.equal((cursor as unknown as { nativePlan?: unknown }).nativePlan !== undefined, path === 'C encoder');
      try {
        let slice = cursor.read(1, 3, 1 << 20, true);
        assert.deepEqual([slice.count, slice.end, hex(slice.rows)], [3, false, expected(cursor, sql, 1, 3)]);
        slice = cursor.read(4, 2, 1 << 20, false);
        assert.deepEqual([slice.count, slice.end, slice.rows], [2, false, null]);
        slice = cursor.read(8, 5, 1 << 20, true);
        assert.deepEqual([slice.count, slice.end, slice.total, hex(slice.rows)], [3, true, 10, expected(cursor, sql, 8, 10)]);
        // Backward: the statement starts again on the same snapshot.
        slice = cursor.read(2, 1, 1 << 20, true);
        assert.deepEqual([slice.count, hex(slice.rows)], [1, expected(cursor, sql, 2, 2)]);
        // A byte budget smaller than one row still hands out one row.
        slice = cursor.read(3, 5, 1, true);
        assert.deepEqual([slice.count, hex(slice.rows)], [1, expected(cursor, sql, 3, 3)]);
        slice = cursor.read(11, 1, 1 << 20, true);
        assert.deepEqual([slice.count, slice.end, slice.rows], [0, true, null]);
      } finally {
        cursor.close();
      }
    });
  }

  test('C path: the first row read at open is handed out first, or skipped', () => {
    const sql = 'SELECT a, b FROM t';
    for (const from of [1, 2, 5]) {
      const cursor = cursorOf(sql);
      try {
        const slice = cursor.read(from, 2, 1 << 20, true);
        assert.deepEqual([slice.count, hex(slice.rows)], [2, expected(cursor, sql, from, from + 1)]);
      } finally {
        cursor.close();
      }
    }
    const empty = cursorOf('SELECT a, b FROM t WHERE a > 100');
    assert.deepEqual(empty.read(1, 5, 1 << 20, true), { rows: null, count: 0, end: true, total: 0 });
    empty.close();
  });
});
