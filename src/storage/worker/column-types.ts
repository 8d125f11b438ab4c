import type Database from 'better-sqlite3';
import { parseDeclaredType } from '../../sql/types/declared-type.js';
import type { OutputColumn } from '../engine-messages.js';
import type { SqliteValue } from '../../protocol/types/storage.js';
import { liveColumnTypes } from '../../catalog/live-tables.js';
import { catalogViewColumnTypes } from '../../catalog/catalog-views.js';
import { evaluateTerm, resolved, typeRecipesOf, type ColumnTypeLookup } from '../../sql/types/type-terms.js';
import { hasTypedSlots, resolveTypedSlots } from '../../sql/types/typed-slots.js';
import { serialKeyHints } from './serial-key-types.js';

const TEXT_OID = 25;
const INT8_OID = 20;
const FLOAT8_OID = 701;
const BYTEA_OID = 17;

/** Wire sizes (typlen) for the fixed-size types, -1 for the rest. */
const typeSizes: Record<number, number> = { 16: 1, 20: 8, 21: 2, 23: 4, 26: 4, 700: 4, 701: 8, 1082: 4, 1083: 8, 1114: 8, 1184: 8, 1186: 16, 2950: 16 };

export function typeSize(oid: number): number {
  return typeSizes[oid] ?? -1;
}

/** The type a value suggests when nothing declares one (an expression column, a typeless SQLite column). */
function typeOfValue(value: SqliteValue | undefined): number {
  if (typeof value === 'bigint') return INT8_OID;
  if (typeof value === 'number') return Number.isInteger(value) ? INT8_OID : FLOAT8_OID;
  if (value instanceof Uint8Array) return BYTEA_OID;
  return TEXT_OID;
}

/**
 * Decides each output column's PostgreSQL type: a type promised by an earlier Describe wins,
 * then the translator's hint, then the declared column type, then the first row's value.
 */
export function resolveOutputColumns(
  columns: Database.ColumnDefinition[],
  options: { fixedTypes?: number[]; typeHints?: (number | null)[]; firstRow?: SqliteValue[] },
): OutputColumn[] {
  // `SELECT FROM t`: the translator's placeholder column stands for a result without columns.
  if (columns.length === 1 && columns[0]!.name === 'pgsqlite_no_columns') return [];
  return columns.map((column, i) => {
    const declared = parseDeclaredType(column.type);
    const live = column.table ? liveColumnTypes[column.table]?.[column.column ?? ''] : undefined;
    const oid = options.fixedTypes?.[i] ?? options.typeHints?.[i] ?? declared?.oid ?? live ?? typeOfValue(options.firstRow?.[i]);
    const typmod = declared && declared.oid === oid ? declared.typmod : -1;
    return { name: column.name, typeOid: oid, typeSize: typeSize(oid), typeModifier: typmod, tableOid: 0, columnId: 0 };
  });
}

/** True when every column's type is known without looking at a row (so the result can be cached). */
export function typesKnownWithoutRows(
  columns: Database.ColumnDefinition[],
  options: { fixedTypes?: number[]; typeHints?: (number | null)[] },
): boolean {
  return columns.every((column, i) => options.fixedTypes?.[i] != null || options.typeHints?.[i] != null || Boolean(column.type)
    || (column.table !== null && liveColumnTypes[column.table]?.[column.column ?? ''] !== undefined));
}

/** Hints completed with the statement's type recipes, per prepared statement. */
const recipeHints = new WeakMap<Database.Statement, { key: string; hints: (number | null)[] | undefined }>();

/**
 * The translator's type hints, completed with the types of the recipes it put ahead of the SQL
 * (types/type-terms.ts): expressions over table columns, typed with the columns' declared types.
 * Reads the schema, so call it before the statement starts iterating (the connection is busy then).
 */
export function statementTypeHints(stmt: Database.Statement, given: (number | null)[] | undefined): (number | null)[] | undefined {
  // Hints arrive as a fresh copy with every job: the cache compares them by content.
  const key = given?.join(',') ?? '';
  const cached = recipeHints.get(stmt);
  if (cached && cached.key === key) return cached.hints ?? given;
  const recipes = typeRecipesOf(stmt.source);
  let hints = given;
  if (recipes) {
    const lookup = columnTypeLookup(stmt.database);
    hints = recipes.map((recipe, i) => {
      const hint = given?.[i] ?? null;
      if (hint !== null || recipe === null) return hint;
      return resolved(evaluateTerm(recipe, lookup));
    });
  }
  // A bigserial/smallserial key is declared INTEGER (the rowid alias); its sequence knows its type.
  const keyTypes = serialKeyHints(stmt);
  if (keyTypes) hints = keyTypes.map((type, i) => hints?.[i] ?? type);
  // Without recipes the given hints are the answer (kept by identity, so callers can tell).
  recipeHints.set(stmt, { key, hints: recipes || keyTypes ? hints : undefined });
  return hints;
}

/** Declared column types of this database's tables, read once per table. */
function columnTypeLookup(db: Database.Database): ColumnTypeLookup {
  const tables = new Map<string, Map<string, number>>();
  return (table: string, column: string): number | null => {
    let columns = tables.get(table);
    if (!columns) {
      columns = declaredColumns(db, table);
      tables.set(table, columns);
    }
    return columns.get(column) ?? columns.get(column.toLowerCase()) ?? liveColumnTypes[table]?.[column] ?? null;
  };
}

/**
 * The SQL to prepare for a translated statement: its typed slots (types/typed-slots.ts) resolved
 * against the tables' declared types, e.g. `a + b` over numeric columns as exact arithmetic.
 */
export function resolveStatementSql(db: Database.Database, sql: string): string {
  return hasTypedSlots(sql) ? resolveTypedSlots(sql, columnTypeLookup(db)) : sql;
}

function declaredColumns(db: Database.Database, table: string): Map<string, number> {
  const columns = new Map<string, number>();
  try {
    // A catalog view's own column types are its first arm's (often none): its definition has PostgreSQL's.
    const rows = catalogViewColumnTypes(table)
      ?? db.prepare('SELECT name, type FROM pragma_table_xinfo(?)').all(table) as { name: string; type: string }[];
    for (const row of rows) {
      const declared = parseDeclaredType(row.type);
      if (declared) {
        columns.set(row.name, declared.oid);
        // SQLite matches names without regard to case; an exact match wins.
        if (!columns.has(row.name.toLowerCase())) columns.set(row.name.toLowerCase(), declared.oid);
      }
    }
  } catch (error) {
    // An interrupt (cancel, timeout, the inline watchdog) is the statement's, not an answer: typing
    // the statement without the table's columns would be cached with it.
    if ((error as { code?: unknown }).code === 'SQLITE_INTERRUPT') throw error;
    // Not a table this connection can describe (a catalog relation): its columns stay untyped.
  }
  return columns;
}
