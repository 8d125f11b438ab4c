import { paramSourcesOf, type PreparedQuery } from '../../sql/query-cache.js';
import type { Session } from './session.js';
import { quoteIdentifier } from '../../sql/translate/identifiers.js';


/**
 * Parameter types from the statement's context: casts and LIMIT directly, compared or assigned
 * columns through their declared types (one describe per table). 0 where unknown.
 */
export async function inferParamTypes(session: Session, query: PreparedQuery): Promise<number[]> {
  const sources = paramSourcesOf(query);
  const byTable = new Map<string, Set<string>>();
  for (const source of sources) {
    if (source && 'table' in source) {
      let columns = byTable.get(source.table);
      if (!columns) byTable.set(source.table, (columns = new Set()));
      columns.add(source.column);
    }
  }
  const declared = new Map<string, number>();
  for (const [table, columns] of byTable) {
    const names = [...columns];
    const sql = `SELECT ${names.map(quoteIdentifier).join(', ')} FROM ${quoteIdentifier(table)}`;
    try {
      const described = await session.describeSql(sql);
      described.columns?.forEach((column, i) => declared.set(`${table}.${names[i]}`, column.typeOid));
    } catch {
      // An unknown table or column is the statement's own error, reported when it runs.
    }
  }
  return sources.map((source) => {
    if (!source) return 0;
    if ('oid' in source) return source.oid;
    return declared.get(`${source.table}.${source.column}`) ?? 0;
  });
}
