import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { planStatement } from '../../sql/classify.js';
import { inferOutputTypes } from '../../sql/infer-output-types.js';
import type { AstNode } from '../../sql/parser.js';
import type { PreparedQuery } from '../../sql/query-cache.js';
import { translateStatement } from '../../sql/translate/translate-statement.js';
import { FETCH_ALL, movesBackward, planFetch, type FetchDirection } from '../../session/cursor-fetch.js';
import type { OutputColumn } from '../../storage/engine-messages.js';
import type { SqliteValue } from '../../protocol/types/storage.js';
import { dataRowOffsets } from './portal-rows.js';
import type { Session } from './session.js';

const CURSOR_OPT_BINARY = 0x1;
const CURSOR_OPT_SCROLL = 0x2;
const CURSOR_OPT_NO_SCROLL = 0x4;
const CURSOR_OPT_HOLD = 0x20;

/** A SQL cursor (DECLARE … CURSOR): its rows, already encoded, and where FETCH stands. */
export interface SqlCursor {
  name: string;
  statement: string;
  columns: OutputColumn[];
  rows: Uint8Array;
  offsets: number[];
  total: number;
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
  rows?: Uint8Array;
}

function unknownCursor(name: string): PgError {
  return new PgError({ code: SqlState.invalidCursorName, message: `cursor "${name}" does not exist` });
}

/**
 * DECLARE, FETCH, MOVE and CLOSE. The query runs once at DECLARE (on the transaction's snapshot,
 * as PostgreSQL's cursor would see it) and its rows are kept encoded; FETCH and MOVE walk them in
 * any direction. The rows are held in memory: cursors over very large results are the streaming
 * issue's to bound.
 */
export async function runCursorCommand(session: Session, node: AstNode, type: string, text: string, params: SqliteValue[]): Promise<CursorResult> {
  switch (type) {
    case 'DeclareCursorStmt':
      return declare(session, node, text, params);
    case 'FetchStmt':
      return fetch(session, node);
    default:
      if (!node.portalname) {
        session.cursors.clear();
        return { tag: 'CLOSE CURSOR ALL' };
      }
      if (!session.cursors.delete(node.portalname)) throw unknownCursor(node.portalname);
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
  const outcome = await session.runEngine(query, { params, resultFormats: binary ? [1] : [] });
  const rows = outcome.rows ?? new Uint8Array(0);
  const offsets = dataRowOffsets(rows);
  session.cursors.set(name, {
    name, statement: text, columns: outcome.columns ?? [], rows, offsets, total: offsets.length - 1, position: 0, binary,
    scroll: options & CURSOR_OPT_SCROLL ? 'yes' : options & CURSOR_OPT_NO_SCROLL ? 'no' : 'default',
    holdable, declaredInTransaction: session.txn !== null, createdAt: new Date(),
  });
  return { tag: 'DECLARE CURSOR' };
}

function fetch(session: Session, node: AstNode): CursorResult {
  const name = node.portalname as string;
  const cursor = session.cursors.get(name);
  if (!cursor) throw unknownCursor(name);
  const direction = node.direction as FetchDirection;
  // The JSON parse tree leaves out zero values: a missing count is 0 (FETCH 0, RELATIVE 0).
  const howMany = Number(node.howMany ?? 0);
  if (cursor.scroll === 'no' && movesBackward(direction, howMany, cursor.position)) {
    throw new PgError({ code: SqlState.objectNotInPrerequisiteState, message: 'cursor can only scan forward', hint: 'Declare it with SCROLL option to enable backward scan.' });
  }
  const plan = planFetch(direction, howMany === FETCH_ALL ? Number.MAX_SAFE_INTEGER : howMany, cursor.position, cursor.total);
  cursor.position = plan.position;
  if (node.ismove) return { tag: `MOVE ${plan.rows.length}` };
  return { tag: `FETCH ${plan.rows.length}`, columns: cursor.columns, binary: cursor.binary, rows: rowBytes(cursor, plan.rows) };
}

/** The encoded DataRows of the given 1-based rows, in that order. */
function rowBytes(cursor: SqlCursor, rows: number[]): Uint8Array {
  const parts = rows.map((row) => cursor.rows.subarray(cursor.offsets[row - 1], cursor.offsets[row]));
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/** The next `count` rows forward (an Execute on the cursor's portal). */
export function fetchRows(cursor: SqlCursor, count: number): { rows: Uint8Array; count: number } {
  const plan = planFetch('FETCH_FORWARD', count, cursor.position, cursor.total);
  cursor.position = plan.position;
  return { rows: rowBytes(cursor, plan.rows), count: plan.rows.length };
}

/** Transaction end: cursors without HOLD close; holdable ones survive a COMMIT, not a ROLLBACK of their own transaction. */
export function closeCursorsAtTransactionEnd(cursors: Map<string, SqlCursor>, committed: boolean): void {
  for (const [name, cursor] of cursors) {
    if (!cursor.holdable || (!committed && cursor.declaredInTransaction)) cursors.delete(name);
    else cursor.declaredInTransaction = false;
  }
}
