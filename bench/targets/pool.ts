import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Endpoint, PgsqliteVariant, ServerTargetName } from '../lib/types.js';
import { startPgsqlite, type PgsqliteProcess, type SqliteSynchronous } from './pgsqlite-process.js';
import { MAX_CONNECTIONS, startPostgresTarget, type PostgresFacts, type PostgresTarget } from './postgres-target.js';

/**
 * Owns the servers of one run: each is started on first use and shared by every scenario
 * and round after that (start-up is seconds; re-doing it per scenario would eat the time
 * budget without making the numbers any better). stopAll() ends them and removes their data.
 *
 * Besides the main pgsqlite server there can be variants (batching off, another synchronous
 * level), one process per distinct variant, so a scenario can compare settings in one run.
 */
export class TargetPool {
  private readonly pgsqlite = new Map<string, Promise<PgsqliteProcess>>();
  private postgres?: Promise<PostgresTarget>;
  private scratch?: Promise<string>;

  constructor(private readonly synchronous: SqliteSynchronous) {}

  async endpoint(target: ServerTargetName): Promise<Endpoint> {
    if (target === 'pgsqlite') return this.pgsqliteVariant({});
    const { cluster, pid } = await (this.postgres ??= startPostgresTarget());
    return endpointFor(cluster.host, cluster.port, pid);
  }

  async pgsqliteVariant(variant: PgsqliteVariant): Promise<Endpoint> {
    const synchronous = variant.synchronous ?? this.synchronous;
    const maxBatchSize = variant.maxBatchSize;
    // The key spells out every setting, so {} and { synchronous: <the run's> } share one server.
    const key = JSON.stringify({ synchronous, maxBatchSize, purpose: variant.purpose });
    let server = this.pgsqlite.get(key);
    if (!server) {
      server = startPgsqlite({ synchronous, config: { maxConnections: MAX_CONNECTIONS, ...(maxBatchSize === undefined ? {} : { maxBatchSize }) } });
      // A server that failed to start is forgotten, so a later round may try again.
      server.catch(() => this.pgsqlite.delete(key));
      this.pgsqlite.set(key, server);
    }
    const { host, port, pid } = await server;
    return endpointFor(host, port, pid);
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
      ...[...this.pgsqlite.values()].map((server) => server.then((s) => s.stop())),
      this.postgres?.then((p) => p.cluster.stop()),
      this.scratch?.then((dir) => rm(dir, { recursive: true, force: true })),
    ];
    // A target that failed to start has nothing to stop; its rejection was reported already.
    await Promise.allSettled(pending);
  }
}

function endpointFor(host: string, port: number, processId: number): Endpoint {
  return {
    host,
    port,
    user: 'postgres',
    database: 'postgres',
    processId,
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
