import pg from 'pg';
import { startPostgresCluster, type PostgresCluster } from '../../test/support/pg-cluster.js';

/** What the report says about the PostgreSQL side, read from the running server, not assumed. */
export interface PostgresFacts {
  version: string;
  settings: Record<string, string>;
}

/** The settings that decide durability and the memory PostgreSQL may use for caching. */
const REPORTED_SETTINGS = ['fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'shared_buffers'];

/**
 * A throwaway PostgreSQL 15 cluster with its defaults (the helper only pins fsync=on, which
 * is the default anyway): a commit is flushed to the WAL on disk before the client hears of it.
 */
export async function startPostgresTarget(): Promise<{ cluster: PostgresCluster; facts: PostgresFacts }> {
  const cluster = await startPostgresCluster();
  try {
    const client = new pg.Client({ host: cluster.host, port: cluster.port, user: cluster.user, database: cluster.database });
    await client.connect();
    try {
      const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
      const settings: Record<string, string> = {};
      for (const name of REPORTED_SETTINGS) {
        settings[name] = (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]![name]!;
      }
      return { cluster, facts: { version, settings } };
    } finally {
      await client.end();
    }
  } catch (err) {
    await cluster.stop();
    throw err;
  }
}
