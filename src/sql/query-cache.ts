import { planStatement, type StatementPlan } from './classify.js';
import { inferOutputTypeTerms } from './infer-output-types.js';
import { withTypeRecipes } from './types/type-terms.js';
import { parseStatements, type AstNode, type RawStatement } from './parser.js';
import { inferParamSources, type ParamTypeSource } from './infer-param-types.js';
import { functionNamesOf, relationNamesOf } from './statement-names.js';
import { liveRelationNames } from './live-relations.js';
import { translateStatement, type TranslatedStatement } from './translate/translate-statement.js';
import { resolveSchemaNames } from './resolve-schema-names.js';
import { SnapshotNeeded, type NamespaceContext } from './search-path.js';

/** A parsed, classified and (for engine statements) translated statement, shared by every session. */
export interface PreparedQuery {
  raw: RawStatement;
  plan: StatementPlan;
  /** SQLite statements for engine plans; undefined for session-level statements. */
  translated?: TranslatedStatement;
  /** Output types the parse tree decides; undefined when unknown. */
  typeHints?: (number | null)[];
  /** A planning error to raise when (and only when) this statement is reached. */
  error?: unknown;
  /** Where each parameter's type comes from (computed on first use). */
  paramSources?: ParamTypeSource[];
  /** Whether the statement calls txid_current()/pg_current_xact_id() (it then needs an id). */
  usesTransactionId?: boolean;
  /** Whether it reads a live relation (pgsqlite_stat_pools), which only main-thread connections have. */
  usesLiveTables?: boolean;
}

/** Parameter type sources of a prepared engine statement, computed once per statement text. */
export function paramSourcesOf(query: PreparedQuery): ParamTypeSource[] {
  query.paramSources ??= query.translated ? inferParamSources(query.raw.stmt, query.translated.paramCount) : [];
  return query.paramSources;
}

const capacity = 2000;
/** Prepared statements by text (prefixed by the search path's key); `snapshotId` when they depend on it. */
const cache = new Map<string, { queries: PreparedQuery[]; snapshotId?: number }>();

function prepareOne(source: RawStatement, queryText: string, namespaces: NamespaceContext | undefined, dependsOnSnapshot: () => void): PreparedQuery {
  try {
    // Relation names resolved through the schemas and search path; everything after sees SQLite names.
    const raw = { ...source, stmt: resolveSchemaNames(source.stmt, namespaces) };
    const plan = planStatement(raw.stmt);
    if (plan.kind === 'cursor' && plan.type === 'DeclareCursorStmt') {
      // The cursor's query is translated now: its parameters ($n) are the statement's.
      return { raw, plan, ...typed(translateStatement(plan.node.query, { queryText, namespaces }), plan.node.query) };
    }
    if (plan.kind !== 'engine') return { raw, plan };
    const functions = functionNamesOf(raw.stmt);
    const usesTransactionId = functions.has('txid_current') || functions.has('pg_current_xact_id');
    const usesLiveTables = [...relationNamesOf(raw.stmt)].some((name) => liveRelationNames.has(name));
    const translated = translateStatement(raw.stmt as Parameters<typeof translateStatement>[0], { queryText, namespaces, dependsOnSnapshot });
    return { raw, plan, usesTransactionId, usesLiveTables, ...typed(translated, raw.stmt) };
  } catch (error) {
    return { raw: source, plan: { kind: 'show', name: '' }, error };
  }
}

/**
 * The translation with its output types: hints the tree decides, and (as a comment ahead of the
 * statement that returns rows) the recipes the engine evaluates with the tables' declared types.
 */
function typed(translated: TranslatedStatement, stmt: AstNode): Pick<PreparedQuery, 'translated' | 'typeHints'> {
  const types = inferOutputTypeTerms(stmt);
  if (types?.recipes && translated.sql.length > 0) {
    const sql = translated.sql.slice();
    sql[sql.length - 1] = withTypeRecipes(sql[sql.length - 1]!, types.recipes);
    return { translated: { ...translated, sql }, typeHints: types.hints };
  }
  return { translated, typeHints: types?.hints };
}

/**
 * Parses a query string into prepared statements, cached by the exact text so a repeated
 * statement costs one map lookup. Syntax errors throw (nothing of the string runs, as in PostgreSQL);
 * errors of later stages are kept per statement and raised when it is reached.
 */
export function prepareQuery(sql: string, namespaces?: NamespaceContext): PreparedQuery[] {
  // A translation that looked names up along a search path is only valid for that path and schema state.
  const key = namespaces?.key ? namespaces.key + '\0' + sql : sql;
  const hit = cache.get(key);
  if (hit && (hit.snapshotId === undefined || hit.snapshotId === namespaces?.snapshot.id)) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.queries;
  }
  let snapshotId: number | undefined;
  const dependsOnSnapshot = () => { snapshotId = namespaces?.snapshot.id ?? -1; };
  const prepared = parseStatements(sql).map((raw) => prepareOne(raw, sql, namespaces, dependsOnSnapshot));
  // The caller reads the database's relations and prepares again (src/sql/search-path.ts).
  if (needsCompleteSnapshot(prepared)) return prepared;
  cache.set(key, { queries: prepared, snapshotId });
  if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
  return prepared;
}

/** Whether a statement's translation needs the relations an incomplete snapshot does not list. */
export function needsCompleteSnapshot(queries: PreparedQuery[]): boolean {
  return queries.some((query) => query.error instanceof SnapshotNeeded);
}
