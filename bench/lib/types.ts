import type { SqliteSynchronous } from '../targets/pgsqlite-process.js';

/**
 * The vocabulary shared by scenarios, targets and reports. Scenarios are plain data plus a
 * run() function, so adding a capability's benchmark means adding one file under scenarios/.
 */

/** pgsqlite and postgres are servers reached over TCP; sqlite is raw better-sqlite3 in this process (the floor). */
export type TargetName = 'pgsqlite' | 'postgres' | 'sqlite';
export type ServerTargetName = Exclude<TargetName, 'sqlite'>;

/**
 * What a metric counts. Throughputs (TPS, rows/s) read "more is better"; times and memory
 * read "less is better"; each metric still says so explicitly in `better`.
 */
export type Unit = 'µs' | 'ms' | 'TPS' | 'rows/s' | 'KiB' | 'MiB';

export interface Metric {
  /** Unique within its scenario, e.g. "p50, simple protocol" or "TPS, 8 clients, prepared". */
  name: string;
  unit: Unit;
  /** Which direction is an improvement; the report prints it next to every ratio. */
  better: 'lower' | 'higher';
  value: number;
}

export interface Measurement {
  metrics: Metric[];
}

/** How to reach a server target; the same endpoint is shared by every scenario of a run. */
export interface Endpoint {
  host: string;
  port: number;
  user: string;
  database: string;
  /**
   * The server's main process, for reading its memory from /proc: pgsqlite's only process,
   * PostgreSQL's postmaster (whose children are the backends).
   */
  processId: number;
  /** PG* variables for libpq programs (pgbench, psql). */
  libpqEnv(): NodeJS.ProcessEnv;
}

/** A pgsqlite server started with settings other than the run's (e.g. batching off); unset fields keep the run's. */
export interface PgsqliteVariant {
  /** Most autocommit statements one group commit takes; 1 turns group commit off. */
  maxBatchSize?: number;
  synchronous?: SqliteSynchronous;
  /**
   * A server of its own for this purpose even when the settings match another's, for readings
   * that what other scenarios left behind would disturb (e.g. a process's memory high water).
   */
  purpose?: string;
}

/** Durations and sizes for one run; --full makes them longer. */
export interface RunSettings {
  full: boolean;
  rounds: number;
  /** pgbench -T for the select-only runs. */
  selectSeconds: number;
  /** pgbench -T for the TPC-B runs. */
  tpcbSeconds: number;
  warmupIterations: number;
  /** Timed calls for one-client latency; each of several concurrent clients makes half as many. */
  latencyIterations: number;
  /** pgbench client counts for select-only (-M prepared) and TPC-B (each runs with every count). */
  pgbenchClients: number[];
  /** The client counts select-only also runs with -M simple (a subset of pgbenchClients). */
  pgbenchSimpleClients: number[];
  /** Rows loaded by COPY FROM STDIN per round. */
  copyRows: number;
  /** Rows of the table the streaming and mixed-load scenarios read. */
  streamRows: number;
  /** Connections opened and left idle in idle-connections. */
  idleConnections: number;
  /** How long mixed-load measures short queries, once without and once during the long query. */
  mixedSeconds: number;
}

export interface RunContext {
  settings: RunSettings;
  /** The server for a target, started on first use and kept for the rest of the run. */
  endpoint(target: ServerTargetName): Promise<Endpoint>;
  /**
   * Another pgsqlite server, started on first use with the variant's settings and kept for
   * the rest of the run (one per distinct variant), e.g. `{ maxBatchSize: 1 }` for batching off.
   */
  pgsqliteVariant(variant: PgsqliteVariant): Promise<Endpoint>;
  /** The run's --synchronous setting for pgsqlite, which variants inherit unless they set their own. */
  synchronous: SqliteSynchronous;
  /** A temp directory for in-process SQLite files, removed at the end of the run. */
  scratchDir(): Promise<string>;
  /**
   * Runs `setup` once per (target, key) for the whole run, e.g. `pgbench -i`, so several
   * scenarios and every round share it instead of paying for it again.
   */
  once(target: TargetName, key: string, setup: () => Promise<void>): Promise<void>;
  log(message: string): void;
}

export interface Scenario {
  name: string;
  description: string;
  targets: TargetName[];
  /** Part of the default (quick) set; --full runs every scenario. */
  quick: boolean;
  run(target: TargetName, ctx: RunContext): Promise<Measurement>;
}
