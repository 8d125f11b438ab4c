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
  streaming_cursors: number;
}

export const poolColumns: ReadonlyArray<keyof PoolRow> = [
  'database', 'writer_state', 'queue_depth', 'waiting_transactions', 'batches', 'statements', 'failed_statements',
  'largest_batch', 'batch_sizes', 'commit_ms_avg', 'commit_ms_max', 'readers', 'readers_busy', 'reads_inline', 'reads_worker', 'streaming_cursors',
];

/** One row of pg_cursors: a cursor open in the session that asks (PostgreSQL's columns). */
export interface CursorRow {
  name: string;
  statement: string;
  is_holdable: boolean;
  is_binary: boolean;
  is_scrollable: boolean;
  /** UTC, in the storage form of timestamptz ('YYYY-MM-DD HH:MM:SS.ffffff+00'). */
  creation_time: string;
}

/**
 * PostgreSQL types of live relation columns (a virtual table declares none); columns not listed
 * take their type from the values. Looked up by the origin table and column SQLite reports.
 */
export const liveColumnTypes: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  pg_cursors: { name: 25, statement: 25, is_holdable: 16, is_binary: 16, is_scrollable: 16, creation_time: 1184 },
};

const cursorColumns: ReadonlyArray<keyof CursorRow> = ['name', 'statement', 'is_holdable', 'is_binary', 'is_scrollable', 'creation_time'];

/** Where the live relations read from: the server's pools, and the cursors of the session running the statement. */
export interface LiveSources {
  pools: () => PoolRow[];
  cursors: () => CursorRow[];
}

/** Registers the live relations on a main-thread connection (as eponymous virtual tables). */
export function registerLiveTables(db: Database.Database, sources: LiveSources): void {
  db.table('pgsqlite_stat_pools', {
    columns: [...poolColumns],
    *rows() {
      for (const row of sources.pools()) yield poolColumns.map((column) => row[column]);
    },
  });
  db.table('pg_cursors', {
    columns: [...cursorColumns],
    *rows() {
      for (const row of sources.cursors()) yield cursorColumns.map((column) => (typeof row[column] === 'boolean' ? Number(row[column]) : row[column]));
    },
  });
}
