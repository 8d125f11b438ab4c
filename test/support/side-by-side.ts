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

const rawTypes = { getTypeParser: () => (value: unknown) => value };

/**
 * Runs statements one by one and records what a comparison needs: command, row count, rows as
 * PostgreSQL's text, result type OIDs, or the SQLSTATE of an error. Run the same script on both
 * servers and compare the two records.
 */
export async function runScript(client: pg.Client, script: string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const sql of script) {
    try {
      const result = await client.query({ text: sql, rowMode: 'array', types: rawTypes } as pg.QueryConfig);
      out.push({ sql, command: result.command, rowCount: result.rowCount, rows: result.rows, oids: result.fields.map((f) => f.dataTypeID) });
    } catch (err) {
      out.push({ sql, error: (err as pg.DatabaseError).code });
    }
  }
  return out;
}
