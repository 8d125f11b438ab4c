/** SET lists of UPDATE and of INSERT … ON CONFLICT DO UPDATE. */
import { expression } from './expressions.js';
import { storedValue } from './stored-values.js';
import { quoteIdentifier } from './identifiers.js';
import { asNode, nodeBody, type Node } from './parse-tree.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

/**
 * `a = x, (b, c) = (y, z)`. The parser splits a multi-column assignment into one target per
 * column, each pointing at the shared source (MultiAssignRef); SQLite takes the grouped form
 * `(b, c) = source` with a row value or a subquery as source.
 */
export function setClause(st: TranslationState, targets: Node[]): string {
  let text = '';
  for (let i = 0; i < targets.length; i++) {
    const target = nodeBody(targets[i]!, 'ResTarget');
    if (target.indirection?.length) unsupported(st, 'assignment to a subscript or field', target.location);
    if (i > 0) text += ', ';
    const multi = asNode(target.val, 'MultiAssignRef');
    if (multi !== undefined) {
      const count = Math.max(1, multi.ncolumns ?? 1);
      const names: string[] = [];
      for (let j = 0; j < count && i + j < targets.length; j++) names.push(quoteIdentifier(nodeBody(targets[i + j]!, 'ResTarget').name ?? ''));
      text += '(' + names.join(', ') + ') = ' + expression(st, multi.source!);
      i += count - 1;
      continue;
    }
    if (asNode(target.val, 'SetToDefault') !== undefined) unsupported(st, 'SET column = DEFAULT', target.location);
    text += quoteIdentifier(target.name ?? '') + ' = ' + storedValue(st, target.val!);
  }
  return text;
}
