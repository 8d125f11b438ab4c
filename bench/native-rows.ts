/**
 * Micro-benchmark of row encoding alone, no server: the rows of a table (a integer, b bigint,
 * c text, like bench_stream) read and encoded in 256 KB chunks by the JavaScript path
 * (better-sqlite3 iteration + RowEncoder / CopyEncoder) and by the C path (native/row_stream.c
 * through NativeRowStream), as text-format DataRow messages and as COPY text lines. Checks that
 * both produce the same number of bytes.
 *
 *   node --import tsx bench/native-rows.ts [rows=1000000] [rounds=3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { BackendWriter } from '../src/protocol/backend-writer.js';
import type { CopyFormatOptions } from '../src/protocol/copy/copy-options.js';
import type { SqliteValue } from '../src/protocol/types/storage.js';
import type { OutputColumn } from '../src/storage/engine-messages.js';
import { openConnection } from '../src/storage/open-connection.js';
import { CopyEncoder } from '../src/storage/worker/copy-encoder.js';
import { copyPlan, dataRowPlan } from '../src/storage/worker/native-row-plan.js';
import { NativeRowStream } from '../src/storage/worker/native-row-stream.js';
import { RowEncoder } from '../src/storage/worker/row-encoder.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const rounds = Number(process.argv[3] ?? 3);
const CHUNK = 256 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'pgsqlite-native-rows-bench-'));
const db = openConnection(join(dir, 'bench.sqlite'), { pragmas: { synchronous: 'NORMAL' } });
db.exec('CREATE TABLE bench_stream (a integer, b bigint, c text)');
db.exec(`INSERT INTO bench_stream WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < ${rows})
  SELECT i, i * 1000003, 'row number ' || i FROM g`);
const sql = 'SELECT a, b, c FROM bench_stream';
const col = (typeOid: number): OutputColumn => ({ name: 'x', typeOid, typeSize: -1, typeModifier: -1, tableOid: 0, columnId: 0 });
const columns = [col(23), col(20), col(25)];
const ctx = { timeZone: 'UTC' };
const copy: CopyFormatOptions = { format: 'text', delimiter: '\t', null: '\\N', quote: '', escape: '', header: false, forceQuote: [], forceNotNull: [], forceNull: [] };

function javascript(mode: 'dataRow' | 'copy'): number {
  const writer = new BackendWriter({ initialSize: 64 * 1024 });
  const encoder = mode === 'copy' ? new CopyEncoder(columns, copy, ctx, writer) : new RowEncoder(columns, [], ctx, writer);
  const stmt = db.prepare(sql);
  stmt.raw(true);
  stmt.safeIntegers(true);
  let bytes = 0;
  for (const row of stmt.iterate() as IterableIterator<SqliteValue[]>) {
    encoder.add(row);
    if (writer.length >= CHUNK) bytes += new Uint8Array(writer.take()).length;
  }
  return bytes + writer.take().length;
}

function native(mode: 'dataRow' | 'copy'): number {
  const plan = mode === 'copy' ? copyPlan(columns, copy, ctx)! : dataRowPlan(columns, [], ctx)!;
  const stream = NativeRowStream.open(db, sql, [], plan, mode === 'copy' ? { kind: 'copyText', delimiter: '\t', nullText: '\\N' } : { kind: 'dataRow' },
    () => {
      throw new Error('no row should need JavaScript');
    })!;
  let bytes = 0;
  try {
    for (;;) {
      const read = stream.read(Infinity, CHUNK);
      bytes += read.bytes?.length ?? 0;
      if (read.done) break;
    }
  } finally {
    stream.close();
  }
  return bytes;
}

console.log(`${rows.toLocaleString('en-US')} rows × (integer, bigint, text), ${rounds} rounds, load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
for (const mode of ['dataRow', 'copy'] as const) {
  const results: Record<string, number[]> = { javascript: [], native: [] };
  let sizes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Alternating, so drift on a shared machine falls on both.
    for (const [name, run] of [['javascript', javascript], ['native', native]] as const) {
      const start = process.hrtime.bigint();
      const size = run(mode);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      results[name].push(rows / seconds);
      sizes.push(size);
    }
  }
  sizes = [...new Set(sizes)];
  if (sizes.length !== 1) throw new Error(`the two paths produced different sizes: ${sizes.join(', ')}`);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const js = median(results.javascript);
  const c = median(results.native);
  console.log(`${mode === 'copy' ? 'COPY text' : 'DataRow  '}: JavaScript ${Math.round(js).toLocaleString('en-US')} rows/s, C ${Math.round(c).toLocaleString('en-US')} rows/s (${(c / js).toFixed(1)}×), ${sizes[0].toLocaleString('en-US')} bytes`);
}
console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
db.close();
rmSync(dir, { recursive: true, force: true });
