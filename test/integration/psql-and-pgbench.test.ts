import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../support/run-command.js';
import { hasPgBinaries, pgbenchPath, psqlPath } from '../support/pg-cluster.js';
import { startTestServer, type TestServer } from '../support/pgsqlite-server.js';

const skip = !hasPgBinaries() && !process.env.CI ? 'PostgreSQL 15 client tools are not installed' : false;

describe('PostgreSQL client programs', { skip }, () => {
  let t: TestServer;
  let work: string;
  const env = () => ({ PGHOST: t.host, PGPORT: String(t.port), PGUSER: 'postgres', PGDATABASE: 'postgres', PGCONNECT_TIMEOUT: '10' });
  const psql = (args: string[], input?: string) => runCommand(psqlPath(), ['-X', '-q', ...args], { env: env(), input, timeoutMs: 60_000 });

  before(async () => {
    t = await startTestServer();
    work = mkdtempSync(join(tmpdir(), 'pgsqlite-psql-'));
  });
  after(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('psql -c runs a multi-statement string', async () => {
    const result = await psql(['-At', '-c', 'CREATE TABLE p (a integer, b text); INSERT INTO p VALUES (1, \'x\'), (2, \'y\'); SELECT count(*) FROM p']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim(), '2');
  });

  it('psql \\copy in and out', async () => {
    const input = join(work, 'in.csv');
    const output = join(work, 'out.csv');
    writeFileSync(input, '10,ten\n11,eleven\n');
    const copyIn = await psql(['-c', `\\copy p FROM '${input}' WITH (FORMAT csv)`]);
    assert.equal(copyIn.code, 0, copyIn.stderr);
    const copyOut = await psql(['-c', `\\copy (SELECT a, b FROM p WHERE a >= 10 ORDER BY a) TO '${output}' WITH (FORMAT csv)`]);
    assert.equal(copyOut.code, 0, copyOut.stderr);
    assert.equal(readFileSync(output, 'utf8'), '10,ten\n11,eleven\n');
  });

  it('a script under ON_ERROR_STOP stops at the first error with exit code 3', async () => {
    const script = join(work, 'script.sql');
    writeFileSync(script, "INSERT INTO p VALUES (100, 'before');\nSELECT * FROM missing;\nINSERT INTO p VALUES (101, 'after');\n");
    const result = await psql(['-v', 'ON_ERROR_STOP=1', '-f', script]);
    assert.equal(result.code, 3);
    assert.match(result.stderr, /relation "missing" does not exist|no such table/);
    const check = await psql(['-At', '-c', 'SELECT b FROM p WHERE a >= 100 ORDER BY a']);
    assert.equal(check.stdout.trim(), 'before');
  });

  it('pgbench -i -s 1 and a 10-second TPC-B run with 4 clients finish without failed transactions', async () => {
    const init = await runCommand(pgbenchPath(), ['-i', '-s', '1'], { env: env(), timeoutMs: 300_000 });
    assert.equal(init.code, 0, init.stderr);
    const run = await runCommand(pgbenchPath(), ['-c', '4', '-T', '10', '-n'], { env: env(), timeoutMs: 120_000 });
    assert.equal(run.code, 0, run.stderr);
    const processed = /number of transactions actually processed: (\d+)/.exec(run.stdout);
    assert.ok(processed && Number(processed[1]) > 0, run.stdout);
    const failed = /number of failed transactions: (\d+)/.exec(run.stdout);
    assert.equal(failed ? Number(failed[1]) : 0, 0, run.stdout);
    const accounts = await psql(['-At', '-c', 'SELECT count(*) FROM pgbench_accounts']);
    assert.equal(accounts.stdout.trim(), '100000');
  });
});
