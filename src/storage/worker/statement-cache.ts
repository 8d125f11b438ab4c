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
  private schemaProbe: Database.Statement | undefined;

  constructor(private readonly db: Database.Database, private readonly capacity = 500, private readonly schemaGeneration?: Int32Array) {}

  /** The connection, for work that is not one prepared statement (schema-operations.ts). */
  get database(): Database.Database {
    return this.db;
  }

  get(sql: string): Database.Statement {
    if (this.schemaGeneration) {
      const generation = Atomics.load(this.schemaGeneration, 0);
      if (generation !== this.seenGeneration) {
        this.entries.clear();
        this.seenGeneration = generation;
        this.refreshSchema();
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

  /**
   * SQLite checks a connection's in-memory schema against the file only when a statement steps
   * (a prepare alone uses whatever schema the connection loaded last), so a statement prepared
   * right after another connection's ALTER TABLE would describe the old columns. Stepping a read of
   * sqlite_schema makes SQLite notice the new schema cookie and reload before the next prepare.
   */
  private refreshSchema(): void {
    if (this.db.inTransaction) return; // a transaction keeps its snapshot: its schema is current for it
    this.schemaProbe ??= this.db.prepare('SELECT 1 FROM main.sqlite_schema LIMIT 1');
    this.schemaProbe.get();
  }

  /** Schema changes make SQLite re-prepare lazily; clearing only frees memory. */
  clear(): void {
    this.entries.clear();
  }
}
