import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PostgresCluster } from '../../test/support/pg-cluster.js';
import type { Endpoint, ServerTargetName } from '../lib/types.js';
import { startPgsqlite, type PgsqliteProcess, type SqliteSynchronous } from './pgsqlite-process.js';
import { startPostgresTarget, type PostgresFacts } from './postgres-target.js';

/**
 * Owns the servers of one run: each is started on first use and shared by every scenario
 * and round after that (start-up is seconds; re-doing it per scenario would eat the time
 * budget without making the numbers any better). stopAll() ends them and removes their data.
 */
export class TargetPool {
  private pgsqlite?: Promise<PgsqliteProcess>;
  private postgres?: Promise<{ cluster: PostgresCluster; facts: PostgresFacts }>;
  private scratch?: Promise<string>;

  constructor(private readonly synchronous: SqliteSynchronous) {}

  async endpoint(target: ServerTargetName): Promise<Endpoint> {
    if (target === 'pgsqlite') {
      const server = await (this.pgsqlite ??= startPgsqlite(this.synchronous));
      return endpointFor(server.host, server.port);
    }
    const { cluster } = await (this.postgres ??= startPostgresTarget());
    return endpointFor(cluster.host, cluster.port);
  }

  /** Facts about the PostgreSQL cluster, starting it if no scenario has yet. */
  async postgresFacts(): Promise<PostgresFacts> {
    return (await (this.postgres ??= startPostgresTarget())).facts;
  }

  scratchDir(): Promise<string> {
    return (this.scratch ??= mkdtemp(join(tmpdir(), 'pgsqlite-bench-sqlite-')));
  }

  async stopAll(): Promise<void> {
    const pending = [
      this.pgsqlite?.then((s) => s.stop()),
      this.postgres?.then((p) => p.cluster.stop()),
      this.scratch?.then((dir) => rm(dir, { recursive: true, force: true })),
    ];
    // A target that failed to start has nothing to stop; its rejection was reported already.
    await Promise.allSettled(pending);
  }
}

function endpointFor(host: string, port: number): Endpoint {
  return {
    host,
    port,
    user: 'postgres',
    database: 'postgres',
    libpqEnv: () => ({
      PGHOST: host,
      PGPORT: String(port),
      PGUSER: 'postgres',
      PGDATABASE: 'postgres',
      // Neither server has TLS on; skip the SSLRequest round trip for both alike.
      PGSSLMODE: 'disable',
      PGCONNECT_TIMEOUT: '10',
    }),
  };
}
