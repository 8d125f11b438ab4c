/** CREATE TABLE … AS SELECT, and SELECT … INTO (the same thing spelled differently). */
import type { IntoClause } from 'libpg-query';
import { inferOutputTypeTerms } from '../infer-output-types.js';
import { schemaOperationSql } from '../schema-operations.js';
import { withTypeRecipes } from '../types/type-terms.js';
import { quoteIdentifier } from './identifiers.js';
import { stringsOf, type Node } from './parse-tree.js';
import { relationName, sqliteSchemaName } from './qualified-names.js';
import { selectQuery } from './select-statement.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

/**
 * SQLite's CREATE TABLE AS takes its column names from the query, which already carries
 * PostgreSQL's output names; a column list `t (a, b)` renames through a CTE, and WITH NO DATA
 * becomes LIMIT 0 (the table is created with the query's columns and no rows).
 *
 * A table of the database's own schema (or a temporary one) is made by the createTableAs schema
 * operation instead: its columns are declared with the query's PostgreSQL types (the translator's
 * hints and recipes, evaluated by the engine), and the rows it copies are counted (SELECT n).
 */
export function createTableAs(st: TranslationState, into: IntoClause, query: Node, ifNotExists: boolean): string {
  const relation = into.rel!;
  if (into.onCommit === 'ONCOMMIT_DROP') unsupported(st, 'ON COMMIT DROP', relation.location);
  if (into.onCommit === 'ONCOMMIT_DELETE_ROWS') unsupported(st, 'ON COMMIT DELETE ROWS', relation.location);
  if (into.tableSpaceName !== undefined) unsupported(st, 'TABLESPACE', relation.location);
  if (into.accessMethod !== undefined) unsupported(st, 'a table access method (USING)', relation.location);
  const schema = sqliteSchemaName(relation.schemaname);
  if (schema === undefined || schema === 'temp') {
    const types = inferOutputTypeTerms(query);
    let select = selectQuery(st, query);
    if (into.colNames?.length) {
      const helper = st.syntheticName();
      select = `WITH ${helper}(${stringsOf(into.colNames).map(quoteIdentifier).join(', ')}) AS (${select}) SELECT * FROM ${helper}`;
    }
    if (types?.recipes) select = withTypeRecipes(select, types.recipes);
    // The engine runs the query on its own, without the statement's parameters.
    if (st.paramCount > 0) unsupported(st, 'parameters in CREATE TABLE … AS', relation.location);
    return schemaOperationSql({
      op: 'createTableAs', table: relation.relname ?? '', temp: relation.relpersistence === 't' || schema === 'temp',
      ifNotExists, query: select, typeHints: types?.hints ?? [], noData: into.skipData === true,
    });
  }
  const temp = relation.relpersistence === 't' ? 'TEMP ' : '';
  let text = `CREATE ${temp}TABLE ${ifNotExists ? 'IF NOT EXISTS ' : ''}${relationName(st, relation)} AS `;
  const select = selectQuery(st, query);
  const limit = into.skipData ? ' LIMIT 0' : '';
  if (into.colNames?.length) {
    const helper = st.syntheticName();
    const columns = stringsOf(into.colNames).map(quoteIdentifier).join(', ');
    return text + `WITH ${helper}(${columns}) AS (${select}) SELECT * FROM ${helper}${limit}`;
  }
  if (into.skipData) return text + 'SELECT * FROM (' + select + ')' + limit;
  return text + select;
}
