/** WITH [RECURSIVE] common table expressions; SQLite (3.35+) also has [NOT] MATERIALIZED. */
import type { CommonTableExpr, WithClause } from 'libpg-query';
import { checkSnapshotReads, dataModifyingCte, isDataModifying } from './data-modifying-ctes.js';
import { quoteIdentifier } from './identifiers.js';
import { asNode, nodeBody, stringsOf } from './parse-tree.js';
import { selectStatement } from './select-statement.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

export function withClause(st: TranslationState, node: WithClause): string {
  let text = node.recursive ? 'WITH RECURSIVE ' : 'WITH ';
  const ctes = node.ctes ?? [];
  if (node === st.topLevelWith && st.topLevelStatement !== undefined) checkSnapshotReads(st, st.topLevelStatement, ctes);
  for (let i = 0; i < ctes.length; i++) {
    if (i > 0) text += ', ';
    text += commonTableExpression(st, nodeBody(ctes[i]!, 'CommonTableExpr'), node === st.topLevelWith);
  }
  return text;
}

function commonTableExpression(st: TranslationState, node: CommonTableExpr, topLevel: boolean): string {
  if (node.search_clause !== undefined) unsupported(st, 'SEARCH in WITH', node.location);
  if (node.cycle_clause !== undefined) unsupported(st, 'CYCLE in WITH', node.location);
  const query = asNode(node.ctequery, 'SelectStmt');
  let text = quoteIdentifier(node.ctename ?? '');
  if (node.aliascolnames?.length) text += '(' + stringsOf(node.aliascolnames).map(quoteIdentifier).join(', ') + ')';
  text += ' AS ';
  if (node.ctematerialized === 'CTEMaterializeAlways') text += 'MATERIALIZED ';
  else if (node.ctematerialized === 'CTEMaterializeNever') text += 'NOT MATERIALIZED ';
  // WITH d AS (DELETE … RETURNING …): run ahead of the statement, its rows read back here.
  if (isDataModifying(node)) return text + '(' + dataModifyingCte(st, node, topLevel) + ')';
  return text + '(' + selectStatement(st, query!) + ')';
}
