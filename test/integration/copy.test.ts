import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import postgres from 'postgres';
import { startTestServer, type TestServer } from '../support/pgsqlite-server.js';
import { startSideBySide } from '../support/side-by-side.js';
import { openRawSession, serialize } from '../support/raw-protocol.js';

const ROWS = 1_000_000;

function* textRows(count: number): Generator<string> {
  const chunk: string[] = [];
  for (let i = 1; i <= count; i++) {
    chunk.push(`${i}\tname ${i}\t${i % 7 === 0 ? '\\N' : (i * 1.25).toFixed(2)}\n`);
    if (chunk.length === 10_000) {
      yield chunk.join('');
      chunk.length = 0;
    }
  }
  if (chunk.length) yield chunk.join('');
}

describe('COPY', () => {
  let t: TestServer;
  let client: pg.Client;
  before(async () => {
    t = await startTestServer();
    client = await t.connect();
    await client.query('CREATE TABLE big (id integer PRIMARY KEY, name text, amount numeric)');
  });
  after(async () => t.close());

  it(`copies ${ROWS} rows in with COPY FROM STDIN (node-postgres + pg-copy-streams)`, async () => {
    const stream = client.query(copyFrom('COPY big (id, name, amount) FROM STDIN'));
    await pipeline(Readable.from(textRows(ROWS)), stream);
    assert.equal(stream.rowCount, ROWS);
    const check = await client.query('SELECT count(*) AS n, count(amount) AS amounts FROM big');
    assert.deepEqual(check.rows[0], { n: String(ROWS), amounts: String(ROWS - Math.floor(ROWS / 7)) });
    const last = await client.query('SELECT id, name, amount FROM big WHERE id = $1', [ROWS - 3]);
    assert.deepEqual(last.rows, [{ id: ROWS - 3, name: `name ${ROWS - 3}`, amount: ((ROWS - 3) * 1.25).toFixed(2) }]);
  });

  it(`copies ${ROWS} rows out with COPY TO STDOUT`, async () => {
    let lines = 0;
    let first = '';
    let tail = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        const text = tail + chunk.toString('utf8');
        const parts = text.split('\n');
        tail = parts.pop()!;
        if (!first && parts.length) first = parts[0];
        lines += parts.length;
        done();
      },
    });
    const stream = client.query(copyTo('COPY big TO STDOUT'));
    await pipeline(stream, sink);
    assert.equal(lines, ROWS);
    assert.equal(first, '1\tname 1\t1.25');
  });

  it('CSV with HEADER, and COPY (query) TO STDOUT', async () => {
    await client.query('CREATE TABLE csv_t (a integer, b text)');
    const input = client.query(copyFrom("COPY csv_t FROM STDIN WITH (FORMAT csv, HEADER)"));
    await pipeline(Readable.from(['a,b\n1,"x, y"\n2,\n3,""\n']), input);
    const rows = await client.query('SELECT a, b FROM csv_t ORDER BY a');
    assert.deepEqual(rows.rows, [{ a: 1, b: 'x, y' }, { a: 2, b: null }, { a: 3, b: '' }]);
    let out = '';
    const sink = new Writable({ write(chunk, _e, done) { out += chunk.toString(); done(); } });
    await pipeline(client.query(copyTo('COPY (SELECT a, b FROM csv_t WHERE a < 3 ORDER BY a) TO STDOUT WITH (FORMAT csv, HEADER)')), sink);
    assert.equal(out, 'a,b\n1,"x, y"\n2,\n');
  });

  it('a bad row fails the whole COPY with 22P02 and nothing is kept', async () => {
    await client.query('CREATE TABLE strict_t (n integer)');
    const stream = client.query(copyFrom('COPY strict_t FROM STDIN'));
    await assert.rejects(pipeline(Readable.from(['1\n2\nnot a number\n4\n']), stream), (err: pg.DatabaseError) => err.code === '22P02' && err.where === 'COPY strict_t, line 3');
    assert.equal((await client.query('SELECT count(*) AS n FROM strict_t')).rows[0].n, '0');
    assert.equal((await client.query('SELECT 1 AS ok')).rows[0].ok, 1);
  });

  // Batches of rows go to the writer while later lines are still being parsed: a failure far into
  // the data must still undo the batches already inserted, and name its own line.
  it('a bad row many batches in fails the whole COPY and nothing is kept', async () => {
    await client.query('CREATE TABLE strict_many (n integer, t text)');
    const lines = Array.from({ length: 30_000 }, (_, i) => (i + 1 === 25_000 ? 'oops\tx\n' : `${i + 1}\tx\n`));
    const stream = client.query(copyFrom('COPY strict_many FROM STDIN'));
    await assert.rejects(pipeline(Readable.from([lines.slice(0, 10_000).join(''), lines.slice(10_000).join('')]), stream),
      (err: pg.DatabaseError) => err.code === '22P02' && err.where === 'COPY strict_many, line 25000');
    assert.equal((await client.query('SELECT count(*) AS n FROM strict_many')).rows[0].n, '0');
  });

  it('a unique violation in an early batch fails the COPY; inside a block ROLLBACK TO SAVEPOINT undoes every batch', async () => {
    await client.query('CREATE TABLE unique_many (id integer PRIMARY KEY)');
    const lines = Array.from({ length: 40_000 }, (_, i) => `${i + 1 === 7_000 ? 5 : i + 1}\n`);
    const data = Array.from({ length: 20 }, (_, i) => lines.slice(i * 2_000, (i + 1) * 2_000).join(''));
    const duplicate = (err: pg.DatabaseError) => err.code === '23505' && (err.where ?? '').startsWith('COPY unique_many, line ');
    await assert.rejects(pipeline(Readable.from(data), client.query(copyFrom('COPY unique_many FROM STDIN'))), duplicate);
    assert.equal((await client.query('SELECT count(*) AS n FROM unique_many')).rows[0].n, '0');
    await client.query('BEGIN');
    await client.query('INSERT INTO unique_many VALUES (-1)');
    await client.query('SAVEPOINT before_copy');
    await assert.rejects(pipeline(Readable.from(data), client.query(copyFrom('COPY unique_many FROM STDIN'))), duplicate);
    await client.query('ROLLBACK TO SAVEPOINT before_copy');
    await client.query('COMMIT');
    assert.deepEqual((await client.query('SELECT id FROM unique_many')).rows, [{ id: -1 }]);
  });

  it('postgres.js COPY in and out', async () => {
    const sql = postgres({ host: t.host, port: t.port, user: 'postgres', database: 'postgres', max: 1 });
    await sql`CREATE TABLE pjs (a integer, b text)`;
    const writable = await sql`COPY pjs FROM STDIN`.writable();
    await pipeline(Readable.from(['1\tone\n', '2\ttwo\n']), writable);
    const readable = await sql`COPY pjs TO STDOUT`.readable();
    let out = '';
    for await (const chunk of readable) out += chunk.toString();
    assert.equal(out, '1\tone\n2\ttwo\n');
    await sql.end();
  });
});

describe('COPY FROM STDIN with data sent before CopyInResponse (asyncpg, tokio-postgres)', () => {
  it('simple and extended protocol: the same messages as PostgreSQL 15, one ReadyForQuery each', async () => {
    const pair = await startSideBySide();
    try {
      const answers: string[][] = [];
      for (const port of [pair.cluster.port, pair.server.port]) {
        const session = await openRawSession(port, 'postgres', 'postgres');
        await session.send([serialize.query('CREATE TABLE early (a integer, b text)')]);
        // Simple protocol: the COPY, its data and CopyDone in one write.
        await session.send([serialize.query('COPY early FROM STDIN'), serialize.copyData(Buffer.from('1\tone\n2\ttwo\n')), serialize.copyDone()]);
        // Extended protocol: Sync sent before the data (ignored in copy-in mode), then the data, CopyDone and Sync.
        await session.send([
          serialize.parse({ text: 'COPY early FROM STDIN', types: [] }), serialize.bind({}), serialize.execute({}), serialize.sync(),
          serialize.copyData(Buffer.from('3\tthree\n')), serialize.copyDone(), serialize.sync(),
        ]);
        await session.send([serialize.query('SELECT count(*) FROM early')]);
        answers.push(session.take());
        session.close();
      }
      assert.deepEqual(answers[1], answers[0]);
      assert.ok(answers[0].includes('row:3'));
    } finally {
      await pair.close();
    }
  });
});

describe('binary COPY', () => {
  it('COPY FROM STDIN and TO STDOUT in binary format give the bytes PostgreSQL 15 gives', async () => {
    const pair = await startSideBySide();
    try {
      const outputs: Buffer[] = [];
      const setup = 'CREATE TABLE bin (id integer, name text, amount float8, at timestamptz, ok boolean, data bytea)';
      // The same binary data into both: PostgreSQL makes it, pgsqlite and PostgreSQL read it back.
      await pair.reference.query(setup);
      await pair.reference.query("INSERT INTO bin VALUES (1, 'one', 1.5, '2024-01-02 03:04:05+00', true, '\\x0102'), (2, NULL, -2.25, NULL, false, NULL)");
      let source = Buffer.alloc(0);
      await pipeline(pair.reference.query(copyTo('COPY bin TO STDOUT (FORMAT binary)')), new Writable({
        write(chunk: Buffer, _encoding, done) {
          source = Buffer.concat([source, chunk]);
          done();
        },
      }));
      await pair.ours.query(setup);
      for (const client of [pair.reference, pair.ours]) {
        await client.query('TRUNCATE bin');
        await pipeline(Readable.from([source.subarray(0, 7), source.subarray(7)]), client.query(copyFrom('COPY bin FROM STDIN (FORMAT binary)')));
        let out = Buffer.alloc(0);
        await pipeline(client.query(copyTo('COPY bin TO STDOUT WITH (FORMAT binary)')), new Writable({
          write(chunk: Buffer, _encoding, done) {
            out = Buffer.concat([out, chunk]);
            done();
          },
        }));
        outputs.push(out);
      }
      assert.deepEqual(outputs[1], outputs[0]);
      assert.deepEqual(outputs[0], source);
      const rows = await pair.ours.query('SELECT id, name, amount, ok FROM bin ORDER BY id');
      assert.deepEqual(rows.rows, [{ id: 1, name: 'one', amount: 1.5, ok: true }, { id: 2, name: null, amount: -2.25, ok: false }]);
      await assert.rejects(pipeline(Readable.from([Buffer.from('not binary at all')]), pair.ours.query(copyFrom('COPY bin FROM STDIN (FORMAT binary)'))), (err: pg.DatabaseError) => err.code === '22P04');
    } finally {
      await pair.close();
    }
  });
});
