/**
 * RETURNING for INSERT/UPDATE/DELETE. SQLite's RETURNING knows the target by its table name only
 * (not by the statement's alias) and rejects `t.*`, so qualifiers naming the target are rewritten
 * while the list is written.
 */
import type { RangeVar } from 'libpg-query';
import type { Node } from './parse-tree.js';
import { outputList } from './target-lists.js';
import type { TranslationState } from './translation-state.js';

export function returningClause(st: TranslationState, list: Node[] | undefined, target: RangeVar): string {
  if (!list?.length) return '';
  const previous = st.returningQualifier;
  const table = target.relname ?? '';
  st.returningQualifier = { from: target.alias?.aliasname ?? table, to: table };
  try {
    return ' RETURNING ' + outputList(st, list);
  } finally {
    st.returningQualifier = previous;
  }
}
