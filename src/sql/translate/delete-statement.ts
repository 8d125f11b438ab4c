/** DELETE FROM … [USING …] [WHERE …] [RETURNING …]. */
import type { DeleteStmt } from 'libpg-query';
import { expression } from './expressions.js';
import { fromList, tableReference } from './from-clause.js';
import { quoteIdentifier } from './identifiers.js';
import { relationName } from './qualified-names.js';
import { returningClause } from './returning-clause.js';
import type { TranslationState } from './translation-state.js';
import { withClause } from './with-clause.js';

export function deleteStatement(st: TranslationState, node: DeleteStmt): string {
  const relation = node.relation!;
  let text = node.withClause !== undefined ? withClause(st, node.withClause) + ' ' : '';
  text += 'DELETE FROM ' + relationName(st, relation);
  if (relation.alias !== undefined) text += ' AS ' + quoteIdentifier(relation.alias.aliasname ?? '');
  if (node.usingClause?.length) {
    // SQLite has no DELETE … USING. The rows to delete are those the join finds, picked by rowid
    // in a subquery that joins a second copy of the target (the copy shadows the outer name, so
    // the WHERE clause reads exactly as written).
    const qualifier = quoteIdentifier(relation.alias?.aliasname ?? relation.relname ?? '');
    let inner = 'SELECT ' + qualifier + '.rowid FROM ' + tableReference(st, relation) + ', ' + fromList(st, node.usingClause, true);
    if (node.whereClause !== undefined) inner += ' WHERE ' + expression(st, node.whereClause);
    text += ' WHERE rowid IN (' + inner + ')';
  } else if (node.whereClause !== undefined) {
    text += ' WHERE ' + expression(st, node.whereClause);
  }
  return text + returningClause(st, node.returningList, relation);
}
