/**
 * `a[i]`, `a[i][j]` and `a[i:j]` over array storage (a JSON array, lower bound 1; an array literal
 * written into an untyped column is read too): the engine's pgsqlite_array_get / pgsqlite_array_slice
 * (catalog/array-functions.ts). Out-of-range subscripts are NULL, as in PostgreSQL.
 * Field selection and jsonb's string subscripts stay unsupported.
 * TODO(dialect): typed subscripting (jsonb's 0-based integer subscripts).
 */
import type { A_Indirection } from 'libpg-query';
import { expression, locationOf } from './expressions.js';
import { asNode, type Node } from './parse-tree.js';
import { quoteString } from './identifiers.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

export function arraySubscript(st: TranslationState, node: A_Indirection): string {
  const steps = node.indirection ?? [];
  const field = steps.length === 1 ? asNode(steps[0], 'String')?.sval : undefined;
  // `(record).field` over the catalog's records (catalog/catalog-vectors.ts).
  if (field !== undefined) return 'pgsqlite_record_field(' + expression(st, node.arg!) + ', ' + quoteString(field) + ')';
  const indices = steps.map((step) => asNode(step, 'A_Indices'));
  if (steps.length === 0 || indices.some((i) => i === undefined || asNode(i.uidx, 'A_Const')?.sval !== undefined)) {
    return unsupported(st, 'subscripting or field selection', locationOf(node.arg));
  }
  const base = expression(st, node.arg!);
  if (indices.some((i) => i!.is_slice)) {
    if (indices.length !== 1) return unsupported(st, 'a slice of a multidimensional array', locationOf(node.arg));
    const bound = (n: Node | undefined) => (n === undefined ? 'NULL' : expression(st, n));
    return 'pgsqlite_array_slice(' + base + ', ' + bound(indices[0]!.lidx) + ', ' + bound(indices[0]!.uidx) + ')';
  }
  return 'pgsqlite_array_get(' + base + ', ' + indices.map((i) => expression(st, i!.uidx!)).join(', ') + ')';
}
