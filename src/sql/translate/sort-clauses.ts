/**
 * ORDER BY items (in SELECT, windows and aggregates). PostgreSQL sorts NULLs as larger than any
 * value (last ascending, first descending); SQLite sorts them as smaller. Every item therefore
 * gets an explicit NULLS FIRST/LAST, written from PostgreSQL's rule when the query gave none.
 */
import type { SortBy } from 'libpg-query';
import { expression } from './expressions.js';
import { nodeBody, stringsOf, type Node } from './parse-tree.js';
import type { SortKey, TranslationState } from './translation-state.js';
import { quoteIdentifier } from './identifiers.js';
import { evaluateTerm, foldTerm, needsColumns, NUMERIC, resolved } from '../types/type-terms.js';
import { typedSlot } from '../types/typed-slots.js';
import { unsupported } from './unsupported.js';

export function sortList(st: TranslationState, items: Node[]): string {
  let text = '';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) text += ', ';
    text += sortItem(st, nodeBody(items[i]!, 'SortBy'));
  }
  return text;
}

function sortItem(st: TranslationState, node: SortBy): string {
  let text = expression(st, node.node!);
  const key = st.sortKeyOf?.(node.node!);
  if (key !== undefined) text = numericSortKey(text, key);
  let descending = false;
  switch (node.sortby_dir) {
    case 'SORTBY_ASC':
      text += ' ASC';
      break;
    case 'SORTBY_DESC':
      descending = true;
      text += ' DESC';
      break;
    case 'SORTBY_USING': {
      // USING < and USING > are the default ordering operators, i.e. ASC and DESC.
      const parts = stringsOf(node.useOp);
      const op = parts[parts.length - 1];
      if ((op !== '<' && op !== '>') || (parts.length > 1 && parts[0] !== 'pg_catalog')) {
        unsupported(st, `ORDER BY … USING ${op ?? ''}`, node.location);
      }
      descending = op === '>';
      text += descending ? ' DESC' : ' ASC';
      break;
    }
    default:
      break;
  }
  const nullsFirst = node.sortby_nulls === 'SORTBY_NULLS_FIRST' || (node.sortby_nulls !== 'SORTBY_NULLS_LAST' && descending);
  return text + (nullsFirst ? ' NULLS FIRST' : ' NULLS LAST');
}

/**
 * A computed numeric is exact TEXT, which SQLite would sort as text: its sort key is
 * pgsqlite_numeric_key (a REAL), decided here or by the engine (a typed slot). A key naming an
 * output column by position sorts by that column's alias.
 */
function numericSortKey(text: string, key: SortKey): string {
  const keyText = key.alias !== undefined ? quoteIdentifier(key.alias) : text;
  const special = 'pgsqlite_numeric_key(' + keyText + ')';
  if (!needsColumns(key.term)) return resolved(evaluateTerm(key.term, () => null)) === NUMERIC ? special : text;
  return typedSlot({ terms: [foldTerm(key.term)], oids: [NUMERIC], native: [text, ''], special: [special, ''] }, ['']);
}
