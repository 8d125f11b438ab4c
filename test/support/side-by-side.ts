import pg from 'pg';
import { startPostgresCluster, type PostgresCluster } from './pg-cluster.js';
import { startTestServer, type TestServer } from './pgsqlite-server.js';

/** A reference PostgreSQL 15 and a pgsqlite server, each with a connected client, for comparisons. */
export interface SideBySide {
  cluster: PostgresCluster;
  server: TestServer;
  reference: pg.Client;
  ours: pg.Client;
  close(): Promise<void>;
}

export async function startSideBySide(): Promise<SideBySide> {
  const cluster = await startPostgresCluster();
  const server = await startTestServer();
  const reference = new pg.Client({ host: cluster.host, port: cluster.port, user: 'postgres', database: 'postgres' });
  await reference.connect();
  const ours = await server.connect();
  return {
    cluster, server, reference, ours,
    async close() {
      await reference.end().catch(() => undefined);
      await server.close();
      await cluster.stop();
    },
  };
}
