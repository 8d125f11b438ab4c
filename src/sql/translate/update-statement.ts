/** UPDATE … SET … [FROM …] [WHERE …] [RETURNING …]; SQLite (3.33+) has UPDATE FROM. */
import type { UpdateStmt } from 'libpg-query';
import { setClause } from './assignments.js';
import { expression } from './expressions.js';
import { fromList } from './from-clause.js';
import { quoteIdentifier } from './identifiers.js';
import { relationName } from './qualified-names.js';
import { returningClause } from './returning-clause.js';
import type { TranslationState } from './translation-state.js';
import { withClause } from './with-clause.js';
import { modifyTypeScope } from '../infer-output-types.js';
import type { AstNode } from '../parser.js';

export function updateStatement(st: TranslationState, node: UpdateStmt): string {
  // Expressions over the target's columns are typed with them (numeric and jsonb operators).
  return st.inTypeScope(modifyTypeScope(node as AstNode, st.typeScope), () => updateIn(st, node));
}

function updateIn(st: TranslationState, node: UpdateStmt): string {
  const relation = node.relation!;
  let text = node.withClause !== undefined ? withClause(st, node.withClause) + ' ' : '';
  text += 'UPDATE ' + relationName(st, relation);
  if (relation.alias !== undefined) text += ' AS ' + quoteIdentifier(relation.alias.aliasname ?? '');
  text += ' SET ' + setClause(st, node.targetList ?? []);
  if (node.fromClause?.length) text += ' FROM ' + fromList(st, node.fromClause);
  if (node.whereClause !== undefined) text += ' WHERE ' + expression(st, node.whereClause);
  return text + returningClause(st, node.returningList, relation);
}
