/**
 * Output lists: SELECT's target list and RETURNING. Expressions without AS get PostgreSQL's own
 * column name as an explicit alias (see result-column-names.ts); plain column references keep no
 * alias, since SQLite already names them after the column.
 */
import { expression } from './expressions.js';
import { quoteIdentifier, quoteString } from './identifiers.js';
import { parseNumeric } from '../../protocol/types/numeric.js';
import { asNode, nodeBody, nodeKind, stringOf, type Node } from './parse-tree.js';
import { resultColumnName } from './result-column-names.js';
import type { TranslationState } from './translation-state.js';

/**
 * A decimal constant as an output column (`SELECT 1.50 AS price`) is numeric TEXT, as computed
 * numerics are: SQLite's REAL 1.5 would lose the scale for whatever reads the column (a subquery's
 * row_to_json, INSERT … SELECT into a numeric column).
 */
function exactDecimalOutput(value: Node): string | undefined {
  const decimal = asNode(value, 'A_Const')?.fval?.fval;
  if (decimal === undefined || !/^-?[0-9.]/.test(decimal) || /^-?0[xob]/i.test(decimal)) return undefined;
  return quoteString(parseNumeric(decimal));
}

export function outputList(st: TranslationState, targets: Node[]): string {
  let text = '';
  for (let i = 0; i < targets.length; i++) {
    const target = nodeBody(targets[i]!, 'ResTarget');
    if (i > 0) text += ', ';
    const value = exactDecimalOutput(target.val!) ?? expression(st, target.val!);
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
