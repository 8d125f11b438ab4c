/**
 * ORDER BY items (in SELECT, windows and aggregates). PostgreSQL sorts NULLs as larger than any
 * value (last ascending, first descending); SQLite sorts them as smaller. Every item therefore
 * gets an explicit NULLS FIRST/LAST, written from PostgreSQL's rule when the query gave none.
 */
import type { SortBy } from 'libpg-query';
import { expression } from './expressions.js';
import { asNode, nodeBody, stringsOf, type Node } from './parse-tree.js';
import { expressionTerm } from '../infer-output-types.js';
import type { AstNode } from '../parser.js';
import type { SortKey, TranslationState } from './translation-state.js';
import { quoteIdentifier } from './identifiers.js';
import { evaluateTerm, foldTerm, needsColumns, NUMERIC, resolved } from '../types/type-terms.js';
import { typedSlot } from '../types/typed-slots.js';
import { unsupported } from './unsupported.js';
import { enumSortKey } from './enum-ordering.js';

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
  let key = st.sortKeyOf?.(node.node!);
  // Outside a SELECT's own ORDER BY (a window's, an aggregate's) a plain column may still be an enum.
  if (key === undefined && asNode(node.node, 'ColumnRef') !== undefined) key = { term: null, enumTerm: expressionTerm(node.node as AstNode, st.typeScope) };
  if (key?.enumTerm !== undefined) {
    const value = key.alias !== undefined ? quoteIdentifier(key.alias) : key.keyExpression !== undefined ? expression(st, key.keyExpression) : text;
    text = enumSortKey(text, value, key.enumTerm) ?? text;
  }
  else if (key !== undefined) text = numericSortKey(text, key);
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
 * A computed numeric is exact TEXT, which SQLite would sort as text: it sorts as text under the
 * pgsqlite_numeric collation (native/numeric_collation.h), which compares by value with every digit.
 * The CAST makes an INTEGER or REAL numeric (a cast of an integer, a numeric column of an older
 * database) text too, since SQLite sorts numbers before all text whatever the collation. Decided
 * here or by the engine (a typed slot). A key naming an output column by position sorts by that
 * column's alias.
 */
function numericSortKey(text: string, key: SortKey): string {
  const keyText = key.alias !== undefined ? quoteIdentifier(key.alias) : text;
  const special = 'CAST(' + keyText + ' AS TEXT) COLLATE pgsqlite_numeric';
  if (!needsColumns(key.term)) return resolved(evaluateTerm(key.term, () => null)) === NUMERIC ? special : text;
  return typedSlot({ terms: [foldTerm(key.term)], oids: [NUMERIC], native: [text, ''], special: [special, ''] }, ['']);
}
