/**
 * Output lists: SELECT's target list and RETURNING. Expressions without AS get PostgreSQL's own
 * column name as an explicit alias (see result-column-names.ts); plain column references keep no
 * alias, since SQLite already names them after the column.
 */
import { expression } from './expressions.js';
import { quoteIdentifier } from './identifiers.js';
import { nodeBody, nodeKind, stringOf, type Node } from './parse-tree.js';
import { resultColumnName } from './result-column-names.js';
import type { TranslationState } from './translation-state.js';

export function outputList(st: TranslationState, targets: Node[]): string {
  let text = '';
  for (let i = 0; i < targets.length; i++) {
    const target = nodeBody(targets[i]!, 'ResTarget');
    if (i > 0) text += ', ';
    const value = expression(st, target.val!);
    text += value;
    if (target.name !== undefined) {
      text += ' AS ' + quoteIdentifier(target.name);
    } else if (nodeKind(target.val!) === 'ColumnRef') {
      // A reference rewritten to a set-returning function's own column keeps PostgreSQL's name.
      const column = stringOf(nodeBody(target.val!, 'ColumnRef').fields?.at(-1));
      const name = column === undefined ? undefined : quoteIdentifier(column);
      if (name !== undefined && value !== name && !value.endsWith('.' + name)) text += ' AS ' + name;
    } else {
      const name = quoteIdentifier(resultColumnName(target.val));
      // A cast the type layer handles leaves a bare column (`d::jsonb` → d), already so named.
      if (name !== value) text += ' AS ' + name;
    }
  }
  return text;
}
