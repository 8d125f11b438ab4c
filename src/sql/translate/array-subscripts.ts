/**
 * `array[i]`: one integer subscript of an array value (stored as a JSON array, lower bound 1).
 * Slices, several subscripts, field selection and jsonb's string subscripts stay unsupported.
 * TODO(dialect): typed subscripting (jsonb's 0-based integer subscripts, multi-dimensional arrays).
 */
import type { A_Indirection } from 'libpg-query';
import { expression, locationOf } from './expressions.js';
import { asNode } from './parse-tree.js';
import { Prec } from './precedence.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

export function arraySubscript(st: TranslationState, node: A_Indirection): string {
  const indices = node.indirection?.length === 1 ? asNode(node.indirection[0], 'A_Indices') : undefined;
  const index = indices && !indices.is_slice ? indices.uidx : undefined;
  if (!index || asNode(index, 'A_Const')?.sval !== undefined) {
    return unsupported(st, 'subscripting or field selection', locationOf(node.arg));
  }
  return `json_extract(${expression(st, node.arg!, Prec.Primary)}, '$[' || (CAST(${expression(st, index)} AS INTEGER) - 1) || ']')`;
}
