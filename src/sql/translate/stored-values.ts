/**
 * Values written into a table column (INSERT … VALUES, UPDATE SET, ON CONFLICT DO UPDATE SET).
 * A decimal constant (`10.10`, `1e3`, `12345678901234567890`) is numeric in PostgreSQL; written
 * as SQLite's number it would already be the REAL 10.1 when it reaches a numeric column. Written
 * as text, the target column's affinity decides: a numeric column (TEXT affinity) keeps every
 * digit, REAL and INTEGER columns read the text as the same number the literal would have been,
 * a text column stores '10.10' as PostgreSQL's assignment cast does.
 */
import { expression } from './expressions.js';
import { quoteString } from './identifiers.js';
import { asNode, type Node } from './parse-tree.js';
import type { TranslationState } from './translation-state.js';

export function storedValue(st: TranslationState, node: Node): string {
  const decimal = asNode(node, 'A_Const')?.fval?.fval;
  // 0x/0o/0b constants too large for int8 are refused by the expression path.
  if (decimal !== undefined && /^-?[0-9.]/.test(decimal) && !/^-?0[xob]/i.test(decimal)) return quoteString(decimal);
  return expression(st, node);
}

export function storedValueList(st: TranslationState, nodes: Node[] | undefined): string {
  return (nodes ?? []).map((node) => storedValue(st, node)).join(', ');
}
