/**
 * The set-returning functions psql's catalog queries put in FROM, as SQLite subqueries:
 * pg_partition_ancestors(rel) (nothing is partitioned: the relation itself, depth 1) and integer
 * generate_series(start, stop[, step]) as a recursive CTE, and unnest(array) of a one-dimensional array. Column names follow PostgreSQL: the
 * alias's column list, else the function's column (named after the alias for a scalar function).
 */
import type { RangeFunction } from 'libpg-query';
import { expression } from './expressions.js';
import { quoteIdentifier } from './identifiers.js';
import { asNode, stringsOf } from './parse-tree.js';
import type { TranslationState } from './translation-state.js';

/**
 * Scalar functions that ORMs select FROM (TypeORM: `SELECT * FROM current_schema()`): one row whose
 * column is named after the alias, else the function, as in PostgreSQL.
 */
const scalarFunctionsInFrom = new Set(['current_schema', 'current_database', 'version', 'current_setting', 'pg_backend_pid', 'txid_current', 'now']);

/** SQL for a supported function in FROM, or undefined. */
export function catalogRangeFunction(st: TranslationState, node: RangeFunction): string | undefined {
  if (node.is_rowsfrom || (node.functions?.length ?? 0) !== 1) return undefined;
  const items = asNode(node.functions![0], 'List')?.items ?? [];
  const call = asNode(items[0], 'FuncCall');
  if (!call) return undefined;
  const parts = stringsOf(call.funcname);
  const name = parts[parts.length - 1];
  if (parts.length > 1 && parts[0] !== 'pg_catalog') return undefined;
  const args = (call.args ?? []).map((arg) => expression(st, arg));
  const alias = node.alias?.aliasname ?? name!;
  const columns = stringsOf(node.alias?.colnames);
  let body: string;
  let names: string[];
  if (name === 'pg_partition_ancestors' && args.length === 1) {
    body = `SELECT (${args[0]}), 1`;
    names = [columns[0] ?? 'relid'];
  } else if (name === 'generate_series' && (args.length === 2 || args.length === 3)) {
    const step = args[2] ?? '1';
    body = `WITH RECURSIVE pgsqlite_series(v) AS (SELECT (${args[0]}) UNION ALL SELECT v + (${step}) FROM pgsqlite_series
      WHERE CASE WHEN (${step}) > 0 THEN v + (${step}) <= (${args[1]}) ELSE v + (${step}) >= (${args[1]}) END)
      SELECT v, row_number() OVER () FROM pgsqlite_series`;
    names = [columns[0] ?? alias];
  } else if (name === 'unnest' && args.length === 1) {
    // Arrays are stored as JSON arrays.
    body = `SELECT value, key + 1 FROM json_each(${args[0]})`;
    names = [columns[0] ?? alias];
  } else if (name !== undefined && scalarFunctionsInFrom.has(name)) {
    body = `SELECT (${expression(st, asNode(node.functions![0], 'List')!.items![0])}), 1`;
    names = [columns[0] ?? alias];
  } else {
    return undefined;
  }
  if (node.ordinality) names.push(columns[names.length] ?? 'ordinality');
  // The body yields (value, ordinal); WITH ORDINALITY keeps the second.
  const select = names.map((column, i) => `column${i + 1} AS ${quoteIdentifier(column)}`).join(', ');
  const values = `WITH pgsqlite_fn(column1, column2) AS (${body}) SELECT ${select} FROM pgsqlite_fn`;
  return `(${values}) AS ${quoteIdentifier(alias)}`;
}
