/**
 * Shared by the translator's tests: parse with PostgreSQL's own grammar, translate, compare the
 * text, then run every produced statement on a real SQLite database holding a small fixture
 * schema — the proof that SQLite accepts (and, where rows are given, agrees with) the output.
 */
import { interruptExtensionEntryPoint, interruptExtensionPath } from '../../../storage/interrupt-addon.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { registerDatetimePrecisionFunctions } from '../../../catalog/datetime-precision.js';
import { registerInputFunctions } from '../../../catalog/input-functions.js';
import { registerJsonFunctions } from '../../../catalog/json-functions.js';
import { registerDatetimeFunctions } from '../../../catalog/datetime-functions.js';
import { registerNumericFunctions } from '../../../catalog/numeric-functions.js';
import { registerMathFunctions } from '../../../catalog/math-functions.js';
import { registerQueryCheckFunctions } from '../../../catalog/query-check-functions.js';
import { registerModifiedRowsFunctions } from '../../../catalog/modified-rows-functions.js';
import { registerTypedOperatorFunctions } from '../../../catalog/typed-operator-functions.js';
import { registerSequenceFunctions } from '../../../catalog/sequence-functions.js';
import type { FunctionHost } from '../../../catalog/session-functions.js';
import { registerSetReturningFunctions } from '../../../catalog/set-returning-functions.js';
import { loadModule, parseSync } from 'libpg-query';
import { PgError } from '../../../protocol/pg-error.js';
import type { Node } from '../parse-tree.js';
import { resolveStatementSql } from '../../../storage/worker/column-types.js';
import { translateStatement, type TranslatedStatement } from '../translate-statement.js';
import { schemaOperationOf } from '../../schema-operations.js';
import { runSchemaOperation } from '../../../storage/worker/schema-operations.js';

await loadModule();

/**
 * Written directly in SQLite (not through the translator), so the fixture cannot hide a bug.
 * pg_catalog is an attached schema and information_schema.tables a TEMP relation, as the server has them.
 */
const fixtureSql = `
  PRAGMA case_sensitive_like = ON;
  CREATE TABLE t (a INTEGER, b TEXT, c REAL, d TEXT);
  CREATE UNIQUE INDEX t_a_unique ON t (a);
  CREATE TABLE u (a INTEGER, x INTEGER UNIQUE, y TEXT);
  CREATE TABLE v (k INTEGER, w TEXT, PRIMARY KEY (k, w));
  CREATE TABLE "Mixed" ("Id" INTEGER, "select" TEXT);
  CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, age INTEGER, dept TEXT);
  CREATE VIEW old_view AS SELECT a FROM t;
  CREATE INDEX old_index ON u (y);
  ATTACH DATABASE ':memory:' AS pg_catalog;
  CREATE TABLE pg_catalog.pg_class (oid INTEGER, relname TEXT);
  CREATE TEMP TABLE "information_schema.tables" (table_name TEXT);
  INSERT INTO t VALUES (1, 'a', 1.5, '{"k": 1}'), (2, 'b', NULL, NULL), (NULL, 'c', 3, 'x');
  INSERT INTO u VALUES (1, 10, 'p'), (2, 20, NULL), (5, 50, 'q');
  INSERT INTO v VALUES (1, 'a'), (2, 'b');
  INSERT INTO "Mixed" VALUES (7, 'seven');
  INSERT INTO people (name, age, dept) VALUES ('ann', 31, 'x'), ('bob', NULL, 'y'), ('cy', 25, NULL);
`;

/** A fresh in-memory database with the fixture and the session functions the server registers. */
export function openFixture(): Database.Database {
  const db = new Database(':memory:');
  // The extension every engine connection loads (storage/open-connection.ts): numeric columns' collation.
  (db.loadExtension as (path: string, entryPoint: string) => void)(interruptExtensionPath, interruptExtensionEntryPoint);
  db.function('now', () => '2024-01-02 03:04:05+00');
  db.function('pgsqlite_current_user', () => 'postgres');
  db.function('current_schema', () => 'public');
  db.function('current_database', () => 'postgres');
  registerSetReturningFunctions(db, { timeZone: () => 'UTC' });
  registerInputFunctions(db, { timeZone: () => 'UTC' });
  registerDatetimePrecisionFunctions(db);
  registerJsonFunctions(db);
  registerDatetimeFunctions(db, { timeZone: () => 'UTC', transactionStart: () => '2024-01-02T03:04:05.000Z' });
  registerNumericFunctions(db);
  registerMathFunctions(db);
  registerTypedOperatorFunctions(db);
  registerQueryCheckFunctions(db);
  registerModifiedRowsFunctions(db);
  registerSequenceFunctions(db, { context: () => ({ processId: 1 }) } as unknown as FunctionHost);
  db.exec(fixtureSql);
  return db;
}

/** The single statement of `pg`, as parseSync returns it. */
export function parseOne(pg: string): Node {
  const stmts = parseSync(pg).stmts as Array<{ stmt: Node }>;
  assert.equal(stmts.length, 1, `expected one statement in ${pg}`);
  return stmts[0]!.stmt;
}

export function translate(pg: string): TranslatedStatement {
  return translateStatement(parseOne(pg), { queryText: pg });
}

export interface RunResult {
  /** Column names of the last statement that returns rows. */
  columns: string[];
  /** Its rows, as arrays. */
  rows: unknown[][];
}

/** Runs each statement in order (parameters bound to NULL); returns the last result set. */
export function runOnSqlite(db: Database.Database, translated: TranslatedStatement): RunResult {
  const params: Record<number, null> = {};
  for (let n = 1; n <= translated.paramCount; n++) params[n] = null;
  let result: RunResult = { columns: [], rows: [] };
  for (const sql of translated.sql) {
    // A schema operation runs as the engine runs it (src/storage/worker/schema-operations.ts).
    const operation = schemaOperationOf(sql);
    if (operation !== undefined) {
      runSchemaOperation(db, operation);
      continue;
    }
    const stmt = db.prepare(sql);
    const args = translated.paramCount > 0 ? [params] : [];
    if (stmt.reader) {
      const rows = stmt.raw(true).all(...args) as unknown[][];
      result = { columns: stmt.columns().map((c) => c.name), rows };
    } else {
      stmt.run(...args);
    }
  }
  return result;
}

export interface TranslationCase {
  pg: string;
  /** The expected SQLite text; an array when one PostgreSQL statement becomes several. */
  sqlite: string | string[];
  /** When given, the rows SQLite must return (what PostgreSQL returns for the fixture). */
  rows?: unknown[][];
  /** When given, the output column names (PostgreSQL's). */
  columns?: string[];
}

/** One test per case: exact text, then execution on the fixture. */
export function translationCases(cases: TranslationCase[]): void {
  for (const c of cases) {
    test(c.pg, () => {
      const db = openFixture();
      try {
        // Typed slots resolved with the fixture's declared types, as the engine resolves them.
        const written = translate(c.pg);
        const translated = { ...written, sql: written.sql.map((sql) => resolveStatementSql(db, sql)) };
        assert.deepEqual(translated.sql, Array.isArray(c.sqlite) ? c.sqlite : [c.sqlite]);
        const result = runOnSqlite(db, translated);
        if (c.rows !== undefined) assert.deepEqual(result.rows, c.rows);
        if (c.columns !== undefined) assert.deepEqual(result.columns, c.columns);
      } finally {
        db.close();
      }
    });
  }
}

export interface RefusalCase {
  pg: string;
  /** The 0A000 message (or the start of it). */
  message: string;
  /** The 1-based character position, when the construct has one. */
  position?: number;
}

export function refusalCases(cases: RefusalCase[]): void {
  for (const c of cases) {
    test(`refuses: ${c.pg}`, () => {
      assert.throws(() => translate(c.pg), (err: unknown) => {
        assert.ok(err instanceof PgError, `expected PgError, got ${String(err)}`);
        assert.equal(err.code, '0A000');
        assert.ok(err.message.startsWith(c.message), `message "${err.message}" should start with "${c.message}"`);
        if (c.position !== undefined) assert.equal(err.position, c.position);
        return true;
      });
    });
  }
}
