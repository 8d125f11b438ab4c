/** Index columns, shared by CREATE INDEX and the ON CONFLICT (…) target. */
import type { IndexElem } from 'libpg-query';
import { sqliteCollation } from './collations.js';
import { expression } from './expressions.js';
import { quoteIdentifier } from './identifiers.js';
import { nodeBody, type Node } from './parse-tree.js';
import { Prec } from './precedence.js';
import type { TranslationState } from './translation-state.js';

/**
 * `col`, `expr`, with COLLATE and, for indexes, ASC/DESC. Operator classes (text_pattern_ops …)
 * only choose which operators a btree index can serve, never what it stores or what is unique,
 * so they are dropped; so is NULLS FIRST/LAST, which orders an index but not any result.
 */
export function indexElements(st: TranslationState, elements: Node[], withOrdering: boolean): string {
  let text = '';
  for (let i = 0; i < elements.length; i++) {
    if (i > 0) text += ', ';
    text += indexElement(st, nodeBody(elements[i]!, 'IndexElem'), withOrdering);
  }
  return text;
}

function indexElement(st: TranslationState, element: IndexElem, withOrdering: boolean): string {
  const collation = element.collation?.length ? sqliteCollation(st, element.collation) : undefined;
  // COLLATE binds tighter than most operators: `a || b COLLATE x` would collate b alone.
  const required = collation === undefined ? Prec.Any : Prec.Collate;
  let text = element.name !== undefined ? quoteIdentifier(element.name) : expression(st, element.expr!, required);
  if (collation !== undefined) text += ' COLLATE ' + collation;
  if (withOrdering) {
    if (element.ordering === 'SORTBY_DESC') text += ' DESC';
    else if (element.ordering === 'SORTBY_ASC') text += ' ASC';
  }
  return text;
}
