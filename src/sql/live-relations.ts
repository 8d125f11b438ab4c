/**
 * Relations computed from the server's live state (not stored in SQLite): they exist only on
 * main-thread connections, so a statement naming one always runs there.
 */
export const liveRelationNames: ReadonlySet<string> = new Set(['pgsqlite_stat_pools', 'pg_cursors']);
