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
import { scanLiterals, type LiteralScan } from './literal-scan.js';
import { fixedLiteralsKey, parameterMask, parameterSlots, parameterValues, renderedSql, templatePieces, templateSql, withSentinels } from './literal-templates.js';

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
  /** A literal template's values for its parameters (src/sql/literal-templates.ts): bind them. */
  literalValues?: bigint[];
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
 *
 * With `literalTemplates` (the simple query protocol, where the values are in the text), a text
 * that differs from a seen one only in integer literals reuses that translation with the literals
 * as parameters: the statement then carries `literalValues` to bind.
 */
export function prepareQuery(sql: string, namespaces?: NamespaceContext, options: { literalTemplates?: boolean } = {}): PreparedQuery[] {
  // A translation that looked names up along a search path is only valid for that path and schema state.
  const prefix = namespaces?.key ? namespaces.key + '\0' : '';
  const key = prefix + sql;
  const hit = cache.get(key);
  if (hit && (hit.snapshotId === undefined || hit.snapshotId === namespaces?.snapshot.id)) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.queries;
  }
  const scan = options.literalTemplates ? scanLiterals(sql) : undefined;
  const shapeKey = scan ? prefix + scan.shape : '';
  const mask = scan ? shapes.get(shapeKey) : null;
  if (scan && Array.isArray(mask)) {
    const template = templates.get(shapeKey + '\0' + fixedLiteralsKey(scan, mask));
    if (template && (template.snapshotId === undefined || template.snapshotId === namespaces?.snapshot.id)) {
      const literalValues = parameterValues(scan, mask);
      return template.queries.map((query) => withLiteralValues(query, literalValues));
    }
  }
  let snapshotId: number | undefined;
  const dependsOnSnapshot = () => { snapshotId = namespaces?.snapshot.id ?? -1; };
  const prepared = parseStatements(sql).map((raw) => prepareOne(raw, sql, namespaces, dependsOnSnapshot));
  // The caller reads the database's relations and prepares again (src/sql/search-path.ts).
  if (needsCompleteSnapshot(prepared)) return prepared;
  remember(cache, key, { queries: prepared, snapshotId });
  // A shape's template costs a second translation: made the second time the shape comes, so
  // texts whose shape never repeats (an IN list of a new length) pay nothing extra.
  if (scan && mask === undefined) remember(shapes, shapeKey, 'seen');
  else if (scan && mask !== null) learnTemplate(sql, scan, shapeKey, prepared, namespaces);
  return prepared;
}

/**
 * Shapes (text with integer literals blanked) → which literals are parameters; 'seen' once so far;
 * null: never templated.
 */
const shapes = new Map<string, boolean[] | 'seen' | null>();
/** Templates by shape and the values of the literals that stay in the text. */
const templates = new Map<string, CacheEntry>();

interface CacheEntry { queries: PreparedQuery[]; snapshotId?: number }

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.set(key, value);
  if (map.size > capacity) map.delete(map.keys().next().value as string);
}

/** Makes a template from a statement just prepared, or records that its shape has none. */
function learnTemplate(sql: string, scan: LiteralScan, shapeKey: string, prepared: PreparedQuery[], namespaces: NamespaceContext | undefined): void {
  const made = makeTemplate(sql, scan, prepared, namespaces);
  remember(shapes, shapeKey, made ? made.mask : null);
  if (made) remember(templates, shapeKey + '\0' + fixedLiteralsKey(scan, made.mask), made.entry);
}

function makeTemplate(sql: string, scan: LiteralScan, prepared: PreparedQuery[], namespaces: NamespaceContext | undefined) {
  const original = prepared.length === 1 ? prepared[0]! : undefined;
  if (!original?.translated || original.error || original.plan.kind !== 'engine') return undefined;
  if (!['SELECT', 'INSERT', 'UPDATE', 'DELETE'].includes(original.plan.tag.word)) return undefined;
  const mask = parameterMask(scan, parameterSlots(original.raw.stmt));
  if (!mask.includes(true)) return undefined;
  const sentinel = withSentinels(sql, scan, mask);
  if (!sentinel) return undefined;
  let snapshotId: number | undefined;
  const dependsOnSnapshot = () => { snapshotId = namespaces?.snapshot.id ?? -1; };
  let twin: PreparedQuery;
  try {
    const raws = parseStatements(sentinel.text);
    if (raws.length !== 1) return undefined;
    twin = prepareOne(raws[0]!, sentinel.text, namespaces, dependsOnSnapshot);
  } catch {
    return undefined;
  }
  if (!twin.translated || twin.error || twin.translated.sql.length !== original.translated.sql.length) return undefined;
  if (twin.translated.resultStatements !== original.translated.resultStatements || twin.translated.paramCount !== 0) return undefined;
  if (JSON.stringify(twin.typeHints) !== JSON.stringify(original.typeHints)) return undefined;
  // Every sentinel must come out as a parameter, and the statement's own values put back must
  // give exactly the statement's own translation.
  const values = parameterValues(scan, mask);
  const found = new Set<number>();
  const sqlTexts: string[] = [];
  for (const [i, text] of twin.translated.sql.entries()) {
    const split = templatePieces(text, sentinel.sentinels);
    if (!split || renderedSql(split.pieces, values) !== original.translated.sql[i]) return undefined;
    split.found.forEach((parameter) => found.add(parameter));
    sqlTexts.push(templateSql(split.pieces));
  }
  if (found.size !== sentinel.sentinels.length) return undefined;
  const query: PreparedQuery = { ...original, translated: { ...original.translated, sql: sqlTexts, paramCount: values.length } };
  return { mask, entry: { queries: [query], snapshotId } };
}

/**
 * A template's statement with this text's values. Written out field by field: the object spread
 * it replaces was ~4 µs a statement in profiles of pgbench -M simple (a third of prepareQuery),
 * while a literal of fixed shape is a single allocation.
 */
function withLiteralValues(query: PreparedQuery, literalValues: bigint[]): PreparedQuery {
  return {
    raw: query.raw, plan: query.plan, translated: query.translated, typeHints: query.typeHints, error: query.error,
    paramSources: query.paramSources, usesTransactionId: query.usesTransactionId, usesLiveTables: query.usesLiveTables,
    literalValues,
  } satisfies Record<keyof PreparedQuery, unknown>; // a field added to PreparedQuery must be copied here too
}

/** Whether a statement's translation needs the relations an incomplete snapshot does not list. */
export function needsCompleteSnapshot(queries: PreparedQuery[]): boolean {
  for (const query of queries) if (query.error !== undefined && query.error instanceof SnapshotNeeded) return true;
  return false;
}
