import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { planStatement } from '../../sql/classify.js';
import { inferOutputTypes } from '../../sql/infer-output-types.js';
import type { AstNode } from '../../sql/parser.js';
import type { PreparedQuery } from '../../sql/query-cache.js';
import { translateStatement } from '../../sql/translate/translate-statement.js';
import { moveCursor, movesBackward, type FetchDirection } from '../../session/cursor-fetch.js';
import type { OutputColumn } from '../../storage/engine-messages.js';
import type { ChunkHandler } from '../../storage/engine-worker-client.js';
import type { SqliteValue } from '../../protocol/types/storage.js';
import { MaterializedRows, type RowSource } from '../../storage/row-source.js';
import type { Session } from './session.js';
import type { Portal } from './session-state.js';

const CURSOR_OPT_BINARY = 0x1;
const CURSOR_OPT_SCROLL = 0x2;
const CURSOR_OPT_NO_SCROLL = 0x4;
const CURSOR_OPT_HOLD = 0x20;

/** A SQL cursor (DECLARE … CURSOR): where its rows come from and where FETCH stands. */
export interface SqlCursor {
  name: string;
  statement: string;
  columns: OutputColumn[];
  source: RowSource;
  position: number;
  binary: boolean;
  scroll: 'yes' | 'no' | 'default';
  holdable: boolean;
  /** Declared in the transaction now running (a holdable one dies with it on ROLLBACK). */
  declaredInTransaction: boolean;
  createdAt: Date;
}

export interface CursorResult {
  tag: string;
  columns?: OutputColumn[];
  binary?: boolean;
  /** Rows not yet handed to the sink (all of them for a small FETCH). */
  rows?: Uint8Array;
  /** Some rows already went to the sink (a large FETCH streams). */
  streamed?: boolean;
}

/** Rows a FETCH gathers before it streams them to the sink instead. */
const FETCH_BUFFER_BYTES = 1024 * 1024;

function unknownCursor(name: string): PgError {
  return new PgError({ code: SqlState.invalidCursorName, message: `cursor "${name}" does not exist` });
}

/**
 * DECLARE, FETCH, MOVE and CLOSE. A cursor over a read, outside a transaction that has written,
 * streams from a connection of its own that holds the snapshot of its DECLARE (bounded memory
 * for any result size); otherwise its rows are computed at DECLARE and held encoded.
 */
export async function runCursorCommand(
  session: Session, node: AstNode, type: string, text: string, params: SqliteValue[], sink?: ChunkHandler,
): Promise<CursorResult> {
  switch (type) {
    case 'DeclareCursorStmt':
      return declare(session, node, text, params);
    case 'FetchStmt':
      return fetch(session, node, sink);
    default:
      if (!node.portalname) {
        closeAllCursors(session.cursors);
        return { tag: 'CLOSE CURSOR ALL' };
      }
      if (!closeCursor(session.cursors, node.portalname)) throw unknownCursor(node.portalname);
      return { tag: 'CLOSE CURSOR' };
  }
}

async function declare(session: Session, node: AstNode, text: string, params: SqliteValue[]): Promise<CursorResult> {
  const name = node.portalname as string;
  const options = Number(node.options ?? 0);
  const holdable = (options & CURSOR_OPT_HOLD) !== 0;
  // A transaction block, explicit or the implicit one of a multi-statement string, as in PostgreSQL.
  if (!holdable && !session.txn) {
    throw new PgError({ code: SqlState.noActiveSqlTransaction, message: 'DECLARE CURSOR can only be used in transaction blocks' });
  }
  if (session.cursors.has(name) || session.portals.has(name)) {
    throw new PgError({ code: SqlState.duplicateCursor, message: `cursor "${name}" already exists` });
  }
  const plan = planStatement(node.query);
  if (plan.kind !== 'engine' || !node.query.SelectStmt) {
    throw new PgError({ code: SqlState.featureNotSupported, message: 'DECLARE CURSOR supports SELECT queries only' });
  }
  const query: PreparedQuery = {
    raw: { stmt: node.query, text, offset: 0 },
    plan,
    translated: translateStatement(node.query),
    typeHints: inferOutputTypes(node.query),
  };
  const binary = (options & CURSOR_OPT_BINARY) !== 0;
  const runOptions = { params, resultFormats: binary ? [1] : [] };
  const source = await session.openStreamingCursor(query, runOptions) ?? await materialize(session, query, runOptions);
  session.cursors.set(name, {
    name, statement: text, columns: source.columns, source, position: 0, binary,
    scroll: options & CURSOR_OPT_SCROLL ? 'yes' : options & CURSOR_OPT_NO_SCROLL ? 'no' : 'default',
    // As PostgreSQL, the creation time is the transaction's start.
    holdable, declaredInTransaction: session.txn !== null, createdAt: session.txn ? new Date(session.txn.startedAt) : new Date(),
  });
  return { tag: 'DECLARE CURSOR' };
}

async function materialize(session: Session, query: PreparedQuery, options: { params: SqliteValue[]; resultFormats: number[]; fixedTypes?: number[] }): Promise<RowSource> {
  const outcome = await session.runEngine(query, options);
  return new MaterializedRows(outcome.columns ?? [], outcome.rows ?? new Uint8Array(0));
}

async function fetch(session: Session, node: AstNode, sink?: ChunkHandler): Promise<CursorResult> {
  const name = node.portalname as string;
  const portal = session.cursors.has(name) ? undefined : session.portals.get(name);
  if (portal) return fetchFromPortal(session, portal, node, sink);
  const cursor = session.cursors.get(name);
  if (!cursor) throw unknownCursor(name);
  return fetchFrom(session, cursor, node, sink);
}

/**
 * FETCH or MOVE on a portal made by Bind, which PostgreSQL lets SQL reach by name as it does a
 * cursor (asyncpg moves its cursors so). The portal's position is the rows it has sent.
 */
async function fetchFromPortal(session: Session, portal: Portal, node: AstNode, sink?: ChunkHandler): Promise<CursorResult> {
  const query = portal.statement.query;
  if (!query || query.plan.kind !== 'engine') {
    throw new PgError({ code: SqlState.featureNotSupported, message: `portal "${portal.name}" cannot be fetched from` });
  }
  const options = { params: portal.params, resultFormats: portal.resultFormats, fixedTypes: portal.describedTypes ?? portal.statement.describedColumns?.map((c) => c.typeOid) };
  if (!portal.source && portal.outcome?.columns) portal.source = new MaterializedRows(portal.outcome.columns, portal.outcome.rows ?? new Uint8Array(0));
  portal.source ??= await session.openStreamingCursor(query, options) ?? await materialize(session, query, options);
  const binary = portal.resultFormats.length > 0 && portal.resultFormats.every((format) => format === 1);
  const view: SqlCursor = {
    name: portal.name, statement: portal.statement.sql, columns: portal.source.columns, source: portal.source, position: portal.rowsSent,
    binary, scroll: 'default', holdable: false, declaredInTransaction: true, createdAt: new Date(),
  };
  const result = await fetchFrom(session, view, node, sink);
  portal.rowsSent = view.position;
  return result;
}

async function fetchFrom(session: Session, cursor: SqlCursor, node: AstNode, sink?: ChunkHandler): Promise<CursorResult> {
  const direction = node.direction as FetchDirection;
  // The JSON parse tree leaves out zero values: a missing count is 0 (FETCH 0, RELATIVE 0).
  const howMany = Number(node.howMany ?? 0);
  if (cursor.scroll === 'no' && movesBackward(direction, howMany, cursor.position)) {
    throw new PgError({ code: SqlState.objectNotInPrerequisiteState, message: 'cursor can only scan forward', hint: 'Declare it with SCROLL option to enable backward scan.' });
  }
  if (node.ismove) {
    const moved = await session.cancellable((jobId) => moveCursor(cursor.source, cursor.position, direction, howMany, null, jobId));
    cursor.position = moved.position;
    return { tag: `MOVE ${moved.count}` };
  }
  const gathered = new RowGatherer(cursor, sink);
  const fetched = await session.cancellable((jobId) => moveCursor(cursor.source, cursor.position, direction, howMany, (rows) => gathered.add(rows), jobId));
  cursor.position = fetched.position;
  return { tag: `FETCH ${fetched.count}`, columns: cursor.columns, binary: cursor.binary, rows: gathered.rest(), streamed: gathered.streamed };
}

/** Keeps a FETCH's rows until they pass FETCH_BUFFER_BYTES, then streams them to the sink. */
class RowGatherer {
  private parts: Uint8Array[] = [];
  private bytes = 0;
  streamed = false;

  constructor(private readonly cursor: SqlCursor, private readonly sink: ChunkHandler | undefined) {}

  add(rows: Uint8Array): Promise<void> | undefined {
    this.parts.push(rows);
    this.bytes += rows.length;
    if (!this.sink || this.bytes < FETCH_BUFFER_BYTES) return undefined;
    const formats = this.cursor.binary ? [1] : [0];
    const written = this.sink(this.streamed ? undefined : this.cursor.columns, this.rest(), formats);
    this.streamed = true;
    return written;
  }

  /** The rows not yet given to the sink. */
  rest(): Uint8Array {
    const rows = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
    this.parts = [];
    this.bytes = 0;
    return rows;
  }
}

/**
 * Execute on a SQL cursor's name (a cursor is also a portal): the next `count` rows forward.
 * Counts what was sent; the caller says PortalSuspended or SELECT n as PostgreSQL does.
 */
export async function executeCursorPortal(session: Session, cursor: SqlCursor, count: number, sink: (rows: Uint8Array) => Promise<void> | void): Promise<number> {
  const fetched = await session.cancellable((jobId) => moveCursor(cursor.source, cursor.position, 'FETCH_FORWARD', count, sink, jobId));
  cursor.position = fetched.position;
  return fetched.count;
}

export function closeCursor(cursors: Map<string, SqlCursor>, name: string): boolean {
  const cursor = cursors.get(name);
  if (!cursor) return false;
  cursor.source.close();
  cursors.delete(name);
  return true;
}

export function closeAllCursors(cursors: Map<string, SqlCursor>): void {
  for (const name of [...cursors.keys()]) closeCursor(cursors, name);
}

/** Transaction end: cursors without HOLD close; holdable ones survive a COMMIT, not a ROLLBACK of their own transaction. */
export function closeCursorsAtTransactionEnd(cursors: Map<string, SqlCursor>, committed: boolean): void {
  for (const [name, cursor] of cursors) {
    if (!cursor.holdable || (!committed && cursor.declaredInTransaction)) closeCursor(cursors, name);
    else cursor.declaredInTransaction = false;
  }
}
