/**
 * A reference PostgreSQL 15 cluster and a pgsqlite server with the same schema, for tests that
 * compare what psql prints on each. Call inside a describe(): it registers the before/after hooks.
 */
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { runCommand } from './run-command.js';
import { startPostgresCluster, type PostgresCluster } from './pg-cluster.js';
import { psqlPath } from './pg-bin.js';
import { startTestServer, type TestServer } from './pgsqlite-server.js';

export interface PsqlPair {
  /** The reference cluster's port and pgsqlite's (valid once the before hook ran). */
  ports(): { reference: number; pgsqlite: number };
  /** psql -X with these arguments against the server on `port`: stdout then stderr. */
  psql(port: number, args: string[]): Promise<string>;
}

export function usePsqlPair(schema: string): PsqlPair {
  let cluster: PostgresCluster | undefined;
  let server: TestServer | undefined;
  const env = (port: number) => ({ PGHOST: '127.0.0.1', PGPORT: String(port), PGUSER: 'postgres', PGDATABASE: 'postgres' });
  const psql = async (port: number, args: string[]) => {
    const result = await runCommand(psqlPath(), ['-X', ...args], { env: env(port), timeoutMs: 30_000 });
    return result.stdout + result.stderr;
  };
  before(async () => {
    [cluster, server] = await Promise.all([startPostgresCluster(), startTestServer()]);
    for (const port of [cluster.port, server.port]) {
      const result = await runCommand(psqlPath(), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', schema], { env: env(port), timeoutMs: 30_000 });
      assert.equal(result.code, 0, result.stderr);
    }
  });
  after(async () => {
    await server?.close();
    await cluster?.stop();
  });
  return { ports: () => ({ reference: cluster!.port, pgsqlite: server!.port }), psql };
}
