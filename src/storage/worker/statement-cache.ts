import type Database from 'better-sqlite3';
import { resolveStatementSql } from './column-types.js';

/**
 * Prepared statements by SQL text, least recently used dropped first. A statement's result
 * columns (and what is cached about them) are fixed when it is prepared, so after DDL anywhere in
 * the database — the shared schema generation moved — every cached statement is dropped.
 */
export class StatementCache {
  private readonly entries = new Map<string, Database.Statement>();
  private seenGeneration = 0;

  constructor(private readonly db: Database.Database, private readonly capacity = 500, private readonly schemaGeneration?: Int32Array) {}

  get(sql: string): Database.Statement {
    if (this.schemaGeneration) {
      const generation = Atomics.load(this.schemaGeneration, 0);
      if (generation !== this.seenGeneration) {
        this.entries.clear();
        this.seenGeneration = generation;
      }
    }
    let stmt = this.entries.get(sql);
    if (stmt) {
      // Refresh recency: Map keeps insertion order.
      this.entries.delete(sql);
      this.entries.set(sql, stmt);
      return stmt;
    }
    stmt = this.db.prepare(resolveStatementSql(this.db, sql));
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
