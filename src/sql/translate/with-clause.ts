/** WITH [RECURSIVE] common table expressions; SQLite (3.35+) also has [NOT] MATERIALIZED. */
import type { CommonTableExpr, WithClause } from 'libpg-query';
import { quoteIdentifier } from './identifiers.js';
import { asNode, nodeBody, stringsOf } from './parse-tree.js';
import { selectStatement } from './select-statement.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

export function withClause(st: TranslationState, node: WithClause): string {
  let text = node.recursive ? 'WITH RECURSIVE ' : 'WITH ';
  const ctes = node.ctes ?? [];
  for (let i = 0; i < ctes.length; i++) {
    if (i > 0) text += ', ';
    text += commonTableExpression(st, nodeBody(ctes[i]!, 'CommonTableExpr'));
  }
  return text;
}

function commonTableExpression(st: TranslationState, node: CommonTableExpr): string {
  if (node.search_clause !== undefined) unsupported(st, 'SEARCH in WITH', node.location);
  if (node.cycle_clause !== undefined) unsupported(st, 'CYCLE in WITH', node.location);
  const query = asNode(node.ctequery, 'SelectStmt');
  // WITH d AS (DELETE … RETURNING …): SQLite has no data-modifying CTEs.
  if (query === undefined) return unsupported(st, 'a data-modifying statement in WITH', node.location);
  let text = quoteIdentifier(node.ctename ?? '');
  if (node.aliascolnames?.length) text += '(' + stringsOf(node.aliascolnames).map(quoteIdentifier).join(', ') + ')';
  text += ' AS ';
  if (node.ctematerialized === 'CTEMaterializeAlways') text += 'MATERIALIZED ';
  else if (node.ctematerialized === 'CTEMaterializeNever') text += 'NOT MATERIALIZED ';
  return text + '(' + selectStatement(st, query) + ')';
}
