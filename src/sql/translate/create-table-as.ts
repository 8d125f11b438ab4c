/** CREATE TABLE … AS SELECT, and SELECT … INTO (the same thing spelled differently). */
import type { IntoClause } from 'libpg-query';
import { quoteIdentifier } from './identifiers.js';
import { stringsOf, type Node } from './parse-tree.js';
import { relationName } from './qualified-names.js';
import { selectQuery } from './select-statement.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

/**
 * SQLite's CREATE TABLE AS takes its column names from the query, which already carries
 * PostgreSQL's output names; a column list `t (a, b)` renames through a CTE, and WITH NO DATA
 * becomes LIMIT 0 (the table is created with the query's columns and no rows).
 */
export function createTableAs(st: TranslationState, into: IntoClause, query: Node, ifNotExists: boolean): string {
  const relation = into.rel!;
  if (into.onCommit === 'ONCOMMIT_DROP') unsupported(st, 'ON COMMIT DROP', relation.location);
  if (into.onCommit === 'ONCOMMIT_DELETE_ROWS') unsupported(st, 'ON COMMIT DELETE ROWS', relation.location);
  if (into.tableSpaceName !== undefined) unsupported(st, 'TABLESPACE', relation.location);
  if (into.accessMethod !== undefined) unsupported(st, 'a table access method (USING)', relation.location);
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
