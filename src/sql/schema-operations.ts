/**
 * Schema operations: DDL the translator cannot write as SQLite statements because it depends on
 * the current schema (the table's full definition, which tables reference it, whether a column
 * exists). The translator emits one as a carrier statement with the operation in a leading
 * comment; the engine (src/storage/worker/schema-operations.ts) recognises the marker and runs the
 * operation on its connection, inside the statement's transaction. The carrier itself is an
 * unknown PRAGMA, which SQLite ignores: a connection that does not know the marker does nothing.
 */

/** One change to a table's CREATE TABLE text (applied together, then written back at once). */
export type TableEdit =
  /** SET DEFAULT (value: the SQLite default clause's expression) / DROP DEFAULT (null). */
  | { kind: 'default'; column: string; value: string | null }
  /**
   * ALTER COLUMN … TYPE: `declared` is the new declared type, `convert` the new value of each row
   * (the USING expression or a cast of the column, translated), `usingGiven` whether USING was
   * written (without it PostgreSQL needs an assignment cast, else 42804), `typeName` for messages.
   */
  | { kind: 'type'; column: string; declared: string; convert: string; usingGiven: boolean; typeName: string }
  /** ADD [CONSTRAINT name] FOREIGN KEY …: the table constraint's text; existing rows are checked (23503). */
  | { kind: 'addForeignKey'; name: string; text: string; columns: string[]; refTable: string; refColumns: string[] };

export type SchemaOperation =
  | { op: 'alterTable'; table: string; edits: TableEdit[] }
  /** ADD COLUMN IF NOT EXISTS (run when absent) / DROP COLUMN IF EXISTS (run when present). */
  | { op: 'ifColumn'; table: string; column: string; whenExists: boolean; statements: string[] }
  /** DROP CONSTRAINT [IF EXISTS] name: an added CHECK / NOT NULL trigger pair, unique index, or a constraint of CREATE TABLE. */
  | { op: 'dropConstraint'; table: string; name: string; missingOk: boolean }
  /** DROP TABLE / VIEW [IF EXISTS] … [CASCADE]: dependants (views, foreign keys) go too, or 2BP01. */
  | { op: 'drop'; kind: 'TABLE' | 'VIEW'; names: string[]; missingOk: boolean; cascade: boolean }
  /** TRUNCATE … [CASCADE]: tables referencing the emptied ones are emptied too, or 0A000. */
  | { op: 'truncate'; tables: string[]; cascade: boolean; restartIdentity: boolean }
  /**
   * CREATE TABLE … AS: the table gets the query's PostgreSQL column types (from the prepared
   * query, with the translator's hints), then the rows; the outcome counts them (tag SELECT n).
   */
  | { op: 'createTableAs'; table: string; temp: boolean; ifNotExists: boolean; query: string; typeHints: (number | null)[]; noData: boolean }
  /** CREATE TABLE … (LIKE source [INCLUDING …]): the source's columns (and defaults, checks, indexes when asked). */
  | { op: 'createTableLike'; table: string; temp: boolean; ifNotExists: boolean; source: string; defaults: boolean; constraints: boolean; indexes: boolean }
  /** ALTER TYPE … RENAME VALUE: the stored labels of the enum's columns (`declared`, their declared type) are rewritten. */
  | { op: 'renameEnumValue'; declared: string; from: string; to: string }
  /** DROP TYPE … CASCADE: the columns declared with the enum (`declared`: its declared types) are dropped. */
  | { op: 'dropEnumColumns'; declared: string[] }
  /**
   * ALTER TYPE … RENAME TO: columns declared `from[i]` are declared `to[i]`, and the text pairs of
   * `replace` are replaced in their tables' input-check triggers (which name the type).
   */
  | { op: 'renameEnum'; from: string[]; to: string[]; replace: [string, string][] };

const marker = '/*pgsqlite:schema ';
const carrier = '*/ PRAGMA pgsqlite_schema_operation';

/** The statement that carries an operation to the engine. */
export function schemaOperationSql(operation: SchemaOperation): string {
  // `*/` can occur only inside JSON strings, where `\/` is the same character.
  return marker + JSON.stringify(operation).replace(/\*\//g, '*\\/') + carrier;
}

/** The operation a statement carries, if it is a carrier. */
export function schemaOperationOf(sql: string): SchemaOperation | undefined {
  if (!sql.startsWith(marker) || !sql.endsWith(carrier)) return undefined;
  return JSON.parse(sql.slice(marker.length, sql.length - carrier.length)) as SchemaOperation;
}
