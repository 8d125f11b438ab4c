import type Database from 'better-sqlite3';

/** Prepared statements by SQL text, least recently used dropped first. */
export class StatementCache {
  private readonly entries = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database, private readonly capacity = 500) {}

  get(sql: string): Database.Statement {
    let stmt = this.entries.get(sql);
    if (stmt) {
      // Refresh recency: Map keeps insertion order.
      this.entries.delete(sql);
      this.entries.set(sql, stmt);
      return stmt;
    }
    stmt = this.db.prepare(sql);
    stmt.safeIntegers(true);
    this.entries.set(sql, stmt);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return stmt;
  }

  /** Schema changes make SQLite re-prepare lazily; clearing only frees memory. */
  clear(): void {
    this.entries.clear();
  }
}
