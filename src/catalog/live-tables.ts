import type Database from 'better-sqlite3';

/** One row of pgsqlite_stat_pools: the live state of a database's writer and readers. */
export interface PoolRow {
  database: string;
  writer_state: string;
  queue_depth: number;
  waiting_transactions: number;
  batches: number;
  statements: number;
  failed_statements: number;
  largest_batch: number;
  batch_sizes: string;
  commit_ms_avg: number;
  commit_ms_max: number;
  readers: number;
  readers_busy: number;
  reads_inline: number;
  reads_worker: number;
}

export const poolColumns: ReadonlyArray<keyof PoolRow> = [
  'database', 'writer_state', 'queue_depth', 'waiting_transactions', 'batches', 'statements', 'failed_statements',
  'largest_batch', 'batch_sizes', 'commit_ms_avg', 'commit_ms_max', 'readers', 'readers_busy', 'reads_inline', 'reads_worker',
];

/** Registers the live relations on a main-thread connection (as eponymous virtual tables). */
export function registerLiveTables(db: Database.Database, pools: () => PoolRow[]): void {
  db.table('pgsqlite_stat_pools', {
    columns: [...poolColumns],
    *rows() {
      for (const row of pools()) yield poolColumns.map((column) => row[column]);
    },
  });
}
