import type { SqliteSynchronous } from '../targets/pgsqlite-process.js';
import { SQLITE_FLOOR_PRAGMAS } from './sqlite-floor.js';

/**
 * What a committed transaction survives. Only the writing scenarios (pgbench-tpcb,
 * insert-64-clients, copy-from-stdin) depend on this; the report states the classes rather
 * than letting a reader assume they match.
 */
export type DurabilityClass =
  | 'survives power loss'
  | 'survives a server crash'
  | 'may lose recent commits'
  | 'may corrupt on power loss';

/** Weakest first. */
const ORDER: DurabilityClass[] = ['may corrupt on power loss', 'may lose recent commits', 'survives a server crash', 'survives power loss'];

export interface DurabilityFacts {
  postgres: { settings: Record<string, string>; class: DurabilityClass; meaning: string };
  pgsqlite: { settings: Record<string, string>; class: DurabilityClass; meaning: string };
  sqlite: { settings: Record<string, string> };
  sameClass: boolean;
  /** One paragraph for the report header. */
  verdict: string;
}

export function describeDurability(postgresSettings: Record<string, string>, synchronous: SqliteSynchronous): DurabilityFacts {
  const postgres = postgresClass(postgresSettings);
  const pgsqlite = pgsqliteClass(synchronous);
  const sameClass = postgres.class === pgsqlite.class;
  let verdict = `Same durability class for writes: both "${postgres.class}".`;
  if (!sameClass) {
    const postgresStronger = ORDER.indexOf(postgres.class) > ORDER.indexOf(pgsqlite.class);
    verdict =
      `NOT the same durability class for writes: PostgreSQL "${postgres.class}", pgsqlite "${pgsqlite.class}". ` +
      `${postgresStronger ? 'PostgreSQL' : 'pgsqlite'} does more work per commit, which favours ` +
      `${postgresStronger ? 'pgsqlite' : 'PostgreSQL'} in the writing scenarios (pgbench-tpcb, insert-64-clients, copy-from-stdin); ` +
      'the read-only scenarios do not depend on it.' +
      (postgresStronger
        ? ' `--synchronous FULL` puts pgsqlite in the same class; --full runs also measure insert-64-clients at synchronous=FULL.'
        : '');
  }
  return {
    postgres: { settings: postgresSettings, ...postgres },
    pgsqlite: { settings: { journal_mode: 'WAL', synchronous }, ...pgsqlite },
    sqlite: { settings: { ...SQLITE_FLOOR_PRAGMAS } },
    sameClass,
    verdict,
  };
}

function postgresClass(settings: Record<string, string>): { class: DurabilityClass; meaning: string } {
  if (settings.fsync !== 'on') return { class: 'may corrupt on power loss', meaning: 'fsync=off: a power loss or OS crash can corrupt the cluster' };
  if (settings.synchronous_commit === 'off') {
    return {
      class: 'may lose recent commits',
      meaning: 'synchronous_commit=off: the last commits (up to 3 × wal_writer_delay) can be lost on any crash, the cluster stays consistent',
    };
  }
  return { class: 'survives power loss', meaning: 'COMMIT returns after the WAL is flushed to disk: a committed transaction survives power loss' };
}

function pgsqliteClass(synchronous: SqliteSynchronous): { class: DurabilityClass; meaning: string } {
  switch (synchronous) {
    case 'FULL':
    case 'EXTRA':
      return { class: 'survives power loss', meaning: 'SQLite WAL is fsynced at every commit (one per group commit): a committed transaction survives power loss' };
    case 'NORMAL':
      return {
        class: 'survives a server crash',
        meaning: 'SQLite WAL is written at commit but fsynced only at checkpoints: survives a pgsqlite crash; on power loss or OS crash the last commits can be lost (the database stays consistent)',
      };
    case 'OFF':
      return { class: 'may corrupt on power loss', meaning: 'no fsync at all: a power loss or OS crash can corrupt the database' };
  }
}
