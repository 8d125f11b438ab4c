/** CREATE [OR REPLACE] [TEMP] VIEW name [(columns)] AS query. */
import type { ViewStmt } from 'libpg-query';
import { columnNames } from './constraints.js';
import { relationName } from './qualified-names.js';
import { selectQuery } from './select-statement.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

/** OR REPLACE has no SQLite form; dropping the old view first gives the same end state. */
export function createView(st: TranslationState, node: ViewStmt): string[] {
  const relation = node.view!;
  if (node.withCheckOption !== undefined && node.withCheckOption !== 'NO_CHECK_OPTION') {
    unsupported(st, 'WITH CHECK OPTION', relation.location);
  }
  // security_barrier / security_invoker / check_option change behaviour; none has a SQLite form.
  if (node.options?.length) unsupported(st, 'a view option (WITH (…))', relation.location);
  const name = relationName(st, relation);
  const temp = relation.relpersistence === 't' ? 'TEMP ' : '';
  const columns = node.aliases?.length ? ' (' + columnNames(node.aliases) + ')' : '';
  const create = `CREATE ${temp}VIEW ${name}${columns} AS ${selectQuery(st, node.query)}`;
  return node.replace ? ['DROP VIEW IF EXISTS ' + name, create] : [create];
}
