import { paramSourcesOf, type PreparedQuery } from '../../sql/query-cache.js';
import type { Session } from './session.js';
import { quoteIdentifier } from '../../sql/translate/identifiers.js';


/** int2, int4, int8, float4, float8, numeric. */
const numericTypes: ReadonlySet<number> = new Set([21, 23, 20, 700, 701, 1700]);

/**
 * Parameter types from the statement's context: casts and LIMIT directly, compared or assigned
 * columns through their declared types (one describe per table). 0 where unknown.
 */
export async function inferParamTypes(session: Session, query: PreparedQuery): Promise<number[]> {
  const sources = paramSourcesOf(query);
  const tables = new Set<string>();
  for (const source of sources) if (source && 'table' in source) tables.add(source.table);
  const declared = new Map<string, { byName: Map<string, number>; inOrder: number[] }>();
  for (const table of tables) {
    try {
      const described = await session.describeSql(`SELECT * FROM ${quoteIdentifier(table)}`);
      const columns = described.columns ?? [];
      declared.set(table, { byName: new Map(columns.map((c) => [c.name, c.typeOid])), inOrder: columns.map((c) => c.typeOid) });
    } catch {
      // An unknown table or column is the statement's own error, reported when it runs.
    }
  }
  return sources.map((source) => {
    if (!source) return 0;
    if ('oid' in source) return source.oid;
    const table = declared.get(source.table);
    if ('position' in source) return table?.inOrder[source.position] ?? 0;
    const oid = table?.byName.get(source.column) ?? 0;
    return source.numericOnly && !numericTypes.has(oid) ? 0 : oid;
  });
}
