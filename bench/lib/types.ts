/**
 * The vocabulary shared by scenarios, targets and reports. Scenarios are plain data plus a
 * run() function, so adding a capability's benchmark means adding one file under scenarios/.
 */

/** pgsqlite and postgres are servers reached over TCP; sqlite is raw better-sqlite3 in this process (the floor). */
export type TargetName = 'pgsqlite' | 'postgres' | 'sqlite';
export type ServerTargetName = Exclude<TargetName, 'sqlite'>;

export interface Metric {
  /** Unique within its scenario, e.g. "p50, simple protocol" or "TPS, 8 clients, prepared". */
  name: string;
  unit: 'µs' | 'TPS';
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
  /** PG* variables for libpq programs (pgbench, psql). */
  libpqEnv(): NodeJS.ProcessEnv;
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
  latencyIterations: number;
}

export interface RunContext {
  settings: RunSettings;
  /** The server for a target, started on first use and kept for the rest of the run. */
  endpoint(target: ServerTargetName): Promise<Endpoint>;
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
