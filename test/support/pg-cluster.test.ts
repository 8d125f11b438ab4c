import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import pg from 'pg';
import { hasPgBinaries, psqlPath, startPostgresCluster, type PostgresCluster } from './pg-cluster.js';
import { runCommand } from './run-command.js';

// CI installs PostgreSQL 15 (.ci/run), so there a missing server is a failure, not a skip.
const skip = !hasPgBinaries() && !process.env.CI ? 'PostgreSQL 15 is not installed (bash .ci/run installs it)' : false;

async function query<T>(cluster: PostgresCluster, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.connectionString });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

function tcpAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('startPostgresCluster', { skip, timeout: 180_000 }, () => {
  it('serves PostgreSQL 15 to psql and to node-postgres', async () => {
    await using cluster = await startPostgresCluster();
    assert.notEqual(cluster.port, 5432);

    const psql = await runCommand(
      psqlPath(),
      ['-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', cluster.connectionString, '-c', 'select version()'],
      { timeoutMs: 30_000 },
    );
    assert.equal(psql.code, 0, psql.stderr);
    assert.match(psql.stdout, /^PostgreSQL 15\./);

    const [row] = await query<{ version: string }>(cluster, 'select version()');
    assert.match(row?.version ?? '', /^PostgreSQL 15\./);
  });

  it('runs two clusters at once, each with its own port, settings and data', async () => {
    const [a, b] = await Promise.all([
      startPostgresCluster({ settings: { work_mem: '7MB' } }),
      startPostgresCluster(),
    ]);
    try {
      assert.notEqual(a.port, b.port);
      assert.notEqual(a.socketDir, b.socketDir);

      assert.deepEqual(await query(a, 'show work_mem'), [{ work_mem: '7MB' }]);
      assert.deepEqual(await query(b, 'show work_mem'), [{ work_mem: '4MB' }]);
      assert.deepEqual(await query(a, 'show fsync'), [{ fsync: 'on' }]);

      await query(a, 'create table only_in_a (x int)');
      const tables = "select count(*)::int as n from pg_tables where tablename = 'only_in_a'";
      assert.deepEqual(await query(a, tables), [{ n: 1 }]);
      assert.deepEqual(await query(b, tables), [{ n: 0 }]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }

    // stop() really ends the server and cleans up after it.
    assert.equal(await tcpAccepts(a.port), false);
    assert.equal(existsSync(a.dataDir), false);
    await a.stop(); // idempotent
  });
});
