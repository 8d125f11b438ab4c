import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { startPostgresCluster, type PostgresCluster } from '../../test/support/pg-cluster.js';

/** What the report says about the PostgreSQL side, read from the running server, not assumed. */
export interface PostgresFacts {
  version: string;
  settings: Record<string, string>;
}

export interface PostgresTarget {
  cluster: PostgresCluster;
  /** The postmaster; the backends are its children. */
  pid: number;
  facts: PostgresFacts;
}

/**
 * Room for idle-connections' 1,000 clients (--full) on top of the harness's own and
 * superuser_reserved_connections. pgsqlite gets the same limit (see pool.ts), so neither
 * server refuses what the other accepts. The only setting changed from the defaults.
 */
export const MAX_CONNECTIONS = 1100;

/** The settings that decide durability and the memory PostgreSQL may use for caching. */
const REPORTED_SETTINGS = ['fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'shared_buffers', 'max_connections'];

/**
 * A throwaway PostgreSQL 15 cluster with its defaults (the helper only pins fsync=on, which
 * is the default anyway) except max_connections: a commit is flushed to the WAL on disk before
 * the client hears of it.
 */
export async function startPostgresTarget(): Promise<PostgresTarget> {
  const cluster = await startPostgresCluster({ settings: { max_connections: String(MAX_CONNECTIONS) } });
  try {
    const pid = await postmasterPid(cluster.dataDir);
    const client = new pg.Client({ host: cluster.host, port: cluster.port, user: cluster.user, database: cluster.database });
    await client.connect();
    try {
      const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
      const settings: Record<string, string> = {};
      for (const name of REPORTED_SETTINGS) {
        settings[name] = (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]![name]!;
      }
      return { cluster, pid, facts: { version, settings } };
    } finally {
      await client.end();
    }
  } catch (err) {
    await cluster.stop();
    throw err;
  }
}

/** The first line of postmaster.pid is the postmaster's process id (the cluster helper does not expose it). */
async function postmasterPid(dataDir: string): Promise<number> {
  const text = await readFile(join(dataDir, 'postmaster.pid'), 'utf8');
  const pid = Number(text.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no process id in ${join(dataDir, 'postmaster.pid')}`);
  return pid;
}
