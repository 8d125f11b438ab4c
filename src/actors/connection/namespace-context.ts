/**
 * The translator's view of a session's name resolution (src/sql/search-path.ts): the database's
 * schemas and relations, read from sqlite_schema once per schema generation (shared by the
 * database's sessions), and the session's search_path reduced to the schemas that exist.
 *
 * Inside a transaction that ran DDL the snapshot is read through the transaction's writer lease,
 * which sees its own uncommitted schema changes; each read gets a new id, so translations cached
 * under one snapshot are never reused under another.
 */
import type { DatabaseRuntime } from '../database/database-runtime.js';
import { needsCompleteSnapshot, prepareQuery, type PreparedQuery } from '../../sql/query-cache.js';
import { effectiveSearchPath, parseSearchPath, type NamespaceContext, type NamespaceSnapshot } from '../../sql/search-path.js';
import { publicSchema, schemaMarkerPrefix } from '../../sql/schema-names.js';
import { sequencesTable } from '../../sql/translate/sequences.js';
import type { StatementOutcome } from '../../storage/engine-messages.js';
import type { Session } from './session.js';
import type { TransactionState } from './session-state.js';

const ownerSql = `(SELECT name FROM pragma_table_info(s.name, 'main'))`;
const isMarker = `type = 'view' AND substr(name, 1, ${schemaMarkerPrefix.length}) = '${schemaMarkerPrefix}'`;
const schemasSql = `SELECT 'view', name, ${ownerSql} FROM main.sqlite_schema s WHERE ${isMarker}`;
const everythingSql = `SELECT type, name, CASE WHEN ${isMarker} THEN ${ownerSql} END FROM main.sqlite_schema s WHERE type IN ('table', 'view', 'index')`;

let nextSnapshotId = 1;

interface Snapshots {
  generation: number;
  schemasOnly?: NamespaceSnapshot;
  complete?: NamespaceSnapshot;
}

const committedSnapshots = new WeakMap<DatabaseRuntime, Snapshots>();
const transactionSnapshots = new WeakMap<TransactionState, Snapshots>();
const sessionContexts = new WeakMap<Session, { version: number; snapshotId: number; context: NamespaceContext }>();

const defaultContext = (): NamespaceContext => ({
  key: '', searchPath: [publicSchema],
  snapshot: { id: 0, complete: false, schemas: new Map(), relations: new Map(), indexes: new Set(), sequences: undefined },
});

/**
 * The session's NamespaceContext for translating its next statement. `complete` asks for the
 * database's relations too (a statement that needs them threw SnapshotNeeded); a search path
 * other than public always gets them.
 */
export async function namespaceContext(session: Session, complete = false): Promise<NamespaceContext> {
  if (!complete) {
    const known = namespaceContextNow(session);
    if (known !== undefined) return known;
  }
  try {
    let snapshot = await currentSnapshot(session, complete);
    const version = session.settings.version;
    const cached = sessionContexts.get(session);
    if (cached !== undefined && cached.version === version && cached.snapshotId === snapshot.id) return cached.context;
    const searchPath = effectiveSearchPath(parseSearchPath(session.settings.get('search_path')), session.user, snapshot.schemas);
    const isDefault = searchPath.length === 1 && searchPath[0] === publicSchema;
    if (!isDefault && !snapshot.complete) snapshot = await currentSnapshot(session, true);
    const context: NamespaceContext = { key: isDefault ? '' : `${snapshot.id}:${searchPath.join('\u0001')}`, searchPath, snapshot };
    sessionContexts.set(session, { version, snapshotId: snapshot.id, context });
    return context;
  } catch {
    // The database cannot be read now (closing, interrupted): statements that need no lookup, such
    // as ROLLBACK, must still run; names then resolve as if only public existed.
    return defaultContext();
  }
}

/**
 * The session's context when nothing has to be read or rebuilt (the usual case: Bind of a
 * prepared statement checks it on every execution), without a promise; undefined otherwise.
 */
export function namespaceContextNow(session: Session): NamespaceContext | undefined {
  const cached = sessionContexts.get(session);
  if (cached === undefined || cached.version !== session.settings.version) return undefined;
  const txn = session.txn;
  const own = txn?.lease && txn.changedSchema ? txn : undefined;
  const entry = own ? transactionSnapshots.get(own) : committedSnapshots.get(session.db);
  if (entry === undefined || entry.generation !== session.db.schemaGenerationNow()) return undefined;
  const snapshot = entry.complete ?? entry.schemasOnly;
  return snapshot !== undefined && snapshot.id === cached.snapshotId ? cached.context : undefined;
}

export interface SessionQueries { queries: PreparedQuery[]; namespaces: NamespaceContext }

/**
 * Prepares a query string for the session, reading the database's relations when a statement
 * needs them. Without a promise when nothing had to be read (the usual case): every statement of
 * a simple query comes through here, and the two async frames cost ~3 µs a statement in profiles
 * of pgbench TPC-B.
 */
export function prepareForSession(session: Session, sql: string, options?: { literalTemplates?: boolean }): SessionQueries | Promise<SessionQueries> {
  const known = namespaceContextNow(session);
  if (known === undefined) return prepareReadingNamespaces(session, sql, options);
  const queries = prepareQuery(sql, known, options);
  if (needsCompleteSnapshot(queries)) return prepareReadingNamespaces(session, sql, options);
  return { queries, namespaces: known };
}

async function prepareReadingNamespaces(session: Session, sql: string, options?: { literalTemplates?: boolean }): Promise<SessionQueries> {
  let namespaces = await namespaceContext(session);
  let queries = prepareQuery(sql, namespaces, options);
  if (needsCompleteSnapshot(queries)) {
    namespaces = await namespaceContext(session, true);
    queries = prepareQuery(sql, namespaces, options);
  }
  return { queries, namespaces };
}

async function currentSnapshot(session: Session, complete: boolean): Promise<NamespaceSnapshot> {
  const db = session.db;
  const generation = db.schemaGenerationNow();
  const txn = session.txn;
  const job = (sql: string) => session.job(sql, { params: [], resultFormats: [] });
  // Inside a transaction that ran DDL only the writer's connection sees its schema.
  const own = txn?.lease && txn.changedSchema ? txn : undefined;
  const lease = own?.lease;
  const run = lease ? (sql: string) => lease.exec(job(sql)) : (sql: string) => db.read(job(sql));
  let entry = own ? transactionSnapshots.get(own) : committedSnapshots.get(db);
  if (entry?.generation !== generation) {
    entry = { generation };
    if (own) transactionSnapshots.set(own, entry);
    else committedSnapshots.set(db, entry);
  }
  if (entry.complete) return entry.complete;
  if (complete) return (entry.complete = await readSnapshot(run, true));
  return (entry.schemasOnly ??= await readSnapshot(run, false));
}

async function readSnapshot(run: (sql: string) => Promise<StatementOutcome>, complete: boolean): Promise<NamespaceSnapshot> {
  const schemas = new Map<string, string>();
  const relations = new Map<string, 'table' | 'view'>();
  const indexes = new Set<string>();
  for (const [type, name, owner] of textRows((await run(complete ? everythingSql : schemasSql)).rows)) {
    if (type === 'index') {
      if (!name!.startsWith('sqlite_')) indexes.add(name!);
    } else if (name!.startsWith(schemaMarkerPrefix)) {
      schemas.set(name!.slice(schemaMarkerPrefix.length), owner === '-' || owner === null ? '' : owner!);
    } else {
      relations.set(name!, type === 'view' ? 'view' : 'table');
    }
  }
  let sequences: Set<string> | undefined;
  if (relations.has(sequencesTable)) {
    sequences = new Set(textRows((await run(`SELECT name FROM ${sequencesTable}`)).rows).map(([name]) => name!));
  }
  return { id: nextSnapshotId++, complete, schemas, relations, indexes, sequences };
}

/** Text-format DataRow messages → rows of strings (null for NULL). */
export function textRows(bytes: Uint8Array | null): (string | null)[][] {
  if (bytes === null) return [];
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rows: (string | null)[][] = [];
  let pos = 0;
  while (pos < view.length) {
    const end = pos + 1 + view.readInt32BE(pos + 1);
    const count = view.readInt16BE(pos + 5);
    let at = pos + 7;
    const row: (string | null)[] = [];
    for (let i = 0; i < count; i++) {
      const length = view.readInt32BE(at);
      at += 4;
      if (length < 0) {
        row.push(null);
      } else {
        row.push(view.toString('utf8', at, at + length));
        at += length;
      }
    }
    rows.push(row);
    pos = end;
  }
  return rows;
}
