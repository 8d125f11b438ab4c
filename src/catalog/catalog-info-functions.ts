import type Database from 'better-sqlite3';
import { typeInfo } from '../protocol/types/oids.js';
import { parseDeclaredType } from '../sql/types/declared-type.js';
import { objectOid } from './catalog-oids.js';
import { formatType } from './format-type.js';
import { registerEnumFunctions } from './enum-functions.js';
import { enumOfOid } from '../sql/types/enum-declared-type.js';
import { regtypeOid } from './type-names.js';
import { constraintDefinition, indexDefinition, parseIndexDdl, parseTableDdl, quoteIdent, type IndexDdl } from './table-ddl.js';

/**
 * The SQLite functions behind the catalog views (pgsqlite_*: OIDs, constraints and index
 * definitions read from the DDL, PostgreSQL types of declared column types) and the catalog
 * functions clients call that need no catalog lookup (format_type, pg_get_expr, visibility and
 * privilege checks). Those that read catalog relations are SQL macros in the translator
 * (src/sql/translate/catalog-macros.ts). DDL parses are cached by their text.
 */
export function registerCatalogInfoFunctions(db: Database.Database): void {
  const deterministic = { deterministic: true } as const;
  registerEnumFunctions(db);
  db.function('pgsqlite_oid', { deterministic: true, varargs: true }, (...parts: unknown[]) => objectOid(...parts.map((part) => String(part))));
  db.function('pgsqlite_table_constraints', deterministic, (table: unknown, sql: unknown) => tableConstraintsJson(String(table), String(sql ?? '')));
  db.function('pgsqlite_index_unique', deterministic, (sql: unknown) => (indexDdl(String(sql ?? '')).unique ? 1 : 0));
  db.function('pgsqlite_index_predicate', deterministic, (sql: unknown) => indexDdl(String(sql ?? '')).predicate ?? null);
  db.function('pgsqlite_index_def', deterministic, (name: unknown, table: unknown, sql: unknown) =>
    indexDefinition(String(name), String(table), indexDdl(String(sql ?? ''))));
  db.function('pgsqlite_type_oid', deterministic, (declared: unknown) => columnType(declared).oid);
  db.function('pgsqlite_type_mod', deterministic, (declared: unknown) => columnType(declared).typmod);
  db.function('pgsqlite_type_len', deterministic, (declared: unknown) => typeInfo(columnType(declared).oid)?.len ?? -1);
  db.function('pgsqlite_sql_data_type', deterministic, (declared: unknown) => {
    const { oid } = columnType(declared);
    const enumType = enumOfOid(oid);
    if (enumType !== undefined) return enumType.array ? 'ARRAY' : 'USER-DEFINED';
    return typeInfo(oid)?.category === 'A' ? 'ARRAY' : formatType(oid, -1);
  });
  db.function('pgsqlite_regtype_oid', deterministic, (value: unknown) => regtypeOid(value));
  db.function('pgsqlite_default_expr', deterministic, (value: unknown, declared: unknown) => (value === null ? null : defaultExpression(String(value), declared)));
  db.function('pgsqlite_view_query', deterministic, (sql: unknown) => (sql === null ? null : viewQuery(String(sql))));

  db.function('format_type', { deterministic: true, varargs: true }, (oid: unknown, typmod: unknown) =>
    oid === null || oid === undefined ? null : formatType(Number(oid), typmod === null || typmod === undefined ? undefined : Number(typmod)));
  // adbin, conbin, indpred hold the expression's text already: pg_get_expr returns it.
  db.function('pg_get_expr', { deterministic: true, varargs: true }, (expression: unknown) => expression ?? null);
  for (const name of ['pg_table_is_visible', 'pg_type_is_visible', 'pg_function_is_visible', 'pg_opclass_is_visible', 'pg_collation_is_visible',
    'pg_conversion_is_visible', 'pg_operator_is_visible', 'pg_opfamily_is_visible', 'pg_statistics_obj_is_visible', 'pg_ts_config_is_visible']) {
    db.function(name, deterministic, (oid: unknown) => (oid === null ? null : 1));
  }
  // Privileges are not enforced (docs/catalog.md): every check says yes.
  for (const name of ['has_table_privilege', 'has_column_privilege', 'has_any_column_privilege', 'has_schema_privilege', 'has_sequence_privilege',
    'has_function_privilege', 'has_language_privilege', 'has_tablespace_privilege', 'has_type_privilege', 'has_foreign_data_wrapper_privilege',
    'has_server_privilege', 'pg_has_role']) {
    db.function(name, { deterministic: true, varargs: true }, () => 1);
  }
  const started = new Date(Date.now() - process.uptime() * 1000).toISOString();
  db.function('pg_postmaster_start_time', deterministic, () => timestamptzText(started));
  // Only the built-in tablespaces exist (pg_default, pg_global), whose location PostgreSQL prints as '' (psql's \\db).
  db.function('pg_tablespace_location', deterministic, (oid: unknown) => (oid === null ? null : ''));
  // Nothing is partitioned: a relation's only ancestor is itself.
  db.function('pg_partition_ancestors', deterministic, (oid: unknown) => oid);
  db.function('pg_relation_is_publishable', { deterministic: true, varargs: true }, () => 0);
  for (const name of ['pg_get_statisticsobjdef_columns', 'pg_get_triggerdef', 'pg_get_partkeydef', 'pg_get_ruledef', 'pg_get_function_identity_arguments']) {
    db.function(name, { deterministic: true, varargs: true }, () => null);
  }
  // Used by psql's \d (over empty relations); registered only when the function library has none.
  const defined = new Set((db.prepare('SELECT DISTINCT name FROM pragma_function_list').pluck().all() as string[]));
  if (!defined.has('array_upper')) {
    db.function('array_upper', deterministic, (array: unknown, dimension: unknown) => {
      if (array === null || Number(dimension) !== 1) return null;
      const length = (JSON.parse(String(array)) as unknown[]).length;
      return length === 0 ? null : length;
    });
  }
  // Advisory locks are not built (docs/catalog.md): taking one always succeeds at once and
  // releasing says it was held. Migration tools (Kysely's Migrator, drizzle-kit) wrap their run in
  // one; a single migrating client behaves as on PostgreSQL, two concurrent ones are not kept apart.
  // The void ones return '' (void's text output, which PostgreSQL prints; NULL would print as NULL).
  for (const [name, result] of [['pg_advisory_lock', ''], ['pg_advisory_xact_lock', ''], ['pg_advisory_lock_shared', ''],
    ['pg_advisory_xact_lock_shared', ''], ['pg_advisory_unlock', 1], ['pg_advisory_unlock_shared', 1], ['pg_try_advisory_lock', 1],
    ['pg_try_advisory_xact_lock', 1], ['pg_try_advisory_lock_shared', 1], ['pg_try_advisory_xact_lock_shared', 1]] as const) {
    if (!defined.has(name)) db.function(name, { deterministic: false, varargs: true }, () => result);
  }
  db.function('pg_get_function_arguments', { deterministic: true, varargs: true }, () => '');
  db.function('pg_get_function_result', { deterministic: true, varargs: true }, () => 'text');
}

function timestamptzText(iso: string): string {
  return iso.replace('T', ' ').replace(/Z$/, '+00');
}

const tableCache = new Map<string, string>();
const indexCache = new Map<string, IndexDdl>();
const CACHE_LIMIT = 1000;

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** A table's constraints as the JSON array the pgsqlite_constraints view reads (column numbers, not names). */
function tableConstraintsJson(table: string, sql: string): string {
  return remember(tableCache, table + '\u0000' + sql, () => {
    const ddl = parseTableDdl(table, sql);
    const attnum = (column: string) => ddl.columns.findIndex((c) => c.toLowerCase() === column.toLowerCase()) + 1;
    return JSON.stringify(ddl.constraints.map((constraint) => ({
      name: constraint.name, type: constraint.type, columns: constraint.columns.map(attnum),
      refTable: constraint.refTable ?? null, refColumns: constraint.refColumns ?? [],
      onUpdate: constraint.onUpdate ?? null, onDelete: constraint.onDelete ?? null, match: constraint.match ?? null,
      deferrable: constraint.deferrable ? 1 : 0, deferred: constraint.deferred ? 1 : 0, expression: constraint.expression ?? null,
      def: constraintDefinition(constraint),
      indexDef: constraint.type === 'p' || constraint.type === 'u'
        ? indexDefinition(constraint.name, table, { unique: true, elements: constraint.columns.map(quoteIdent) })
        : null,
    })));
  });
}

function indexDdl(sql: string): IndexDdl {
  return remember(indexCache, sql, () => parseIndexDdl(sql));
}

const timeTypes = new Set([1083, 1114, 1184, 1266, 1186]);

/**
 * A column's PostgreSQL type from its declared type: a typeless column (SQLite allows one) is
 * text; names SQLite invented follow its affinity rules (INTEGER → integer, REAL → real, BLOB → bytea).
 */
function columnType(declared: unknown): { oid: number; typmod: number } {
  const text = declared === null || declared === undefined ? '' : String(declared);
  const type = parseDeclaredType(text) ?? { oid: 25, typmod: -1 };
  // Fractional-second precision of time types: timestamp(3) → typmod 3.
  const precision = /\(\s*(\d+)\s*\)/.exec(text);
  if (timeTypes.has(type.oid) && precision) return { oid: type.oid, typmod: Number(precision[1]) };
  return type;
}

/**
 * A column default as PostgreSQL prints it (pg_get_expr of adbin): a string literal gets its cast
 * ('x'::text), booleans print as true/false, negative numbers are quoted with their cast.
 */
function defaultExpression(value: string, declared: unknown): string {
  const { oid } = columnType(declared);
  // The translator casts now() and the date/time keywords to the column's type; PostgreSQL prints the keyword.
  const cast = /^pgsqlite_cast_datetime\(now\(\), (\d+)\)$/.exec(value);
  if (cast) return ({ '1082': 'CURRENT_DATE', '1083': 'LOCALTIME', '1114': 'LOCALTIMESTAMP' } as Record<string, string>)[cast[1]!] ?? 'now()';
  const typeName = formatType(oid, -1);
  // A bool default is stored as 1/0, or quoted ('1', 't', 'true') when the translator kept a literal.
  if (oid === 16) {
    const literal = /^'(.*)'$/.exec(value)?.[1] ?? value;
    if (/^(1|t|true|y|yes|on)$/i.test(literal)) return 'true';
    if (/^(0|f|false|n|no|off)$/i.test(literal)) return 'false';
  }
  // A numeric column's decimal default is stored as text ('1.50', column-definitions.ts).
  const decimal = oid === 1700 ? /^'(-?\d+(?:\.\d+)?)'$/.exec(value)?.[1] : undefined;
  if (decimal !== undefined) return decimal.startsWith('-') ? `'${decimal}'::${typeName}` : decimal;
  if (/^'(?:[^']|'')*'$/.test(value)) return `${value}::${typeName}`;
  if (/^-\d+(\.\d+)?$/.test(value)) return `'${value}'::${typeName}`;
  return value;
}

/** The query of a CREATE VIEW statement (what follows AS), as pg_get_viewdef returns it. */
function viewQuery(sql: string): string {
  const match = /^\s*create\s+(?:temp\w*\s+)?view\s+(?:if\s+not\s+exists\s+)?(?:"(?:[^"]|"")*"|[^\s(]+)\s*(?:\([^)]*\)\s*)?as\s+/i.exec(sql);
  return ' ' + (match ? sql.slice(match[0].length) : sql).trim() + ';';
}
