import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StatementCache } from './statement-cache.js';

describe('StatementCache after DDL on another connection', () => {
  it('describes the new columns once the schema generation moved (SQLite would prepare against its stale schema)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgsqlite-cache-'));
    try {
      const path = join(dir, 'db.sqlite');
      const writer = new Database(path);
      writer.pragma('journal_mode = WAL');
      writer.exec('CREATE TABLE t (a integer)');
      const reader = new Database(path);
      const generation = new Int32Array(new SharedArrayBuffer(4));
      const cache = new StatementCache(reader, 10, generation);
      assert.deepEqual(cache.get('SELECT * FROM t').columns().map((c) => c.name), ['a']);

      writer.exec('ALTER TABLE t ADD COLUMN note text');
      Atomics.add(generation, 0, 1);
      // A text this connection has not prepared before: only the schema check makes it see `note`.
      assert.deepEqual(cache.get('SELECT * FROM t WHERE true').columns().map((c) => c.name), ['a', 'note']);
      assert.deepEqual(cache.get('SELECT * FROM t').columns().map((c) => c.name), ['a', 'note']);
      reader.close();
      writer.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
