import type { FrontendMessage } from '../../protocol/frontend-messages.js';
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { decodeParam } from '../../protocol/types/decode-param.js';
import type { SqliteValue } from '../../protocol/types/storage.js';
import type { ClientConnection } from './client-connection.js';
import { dispatchStatement, fieldsOf, writeCommandRows, type Execution } from './dispatch-statement.js';
import { MaterializedRows, type RowSource } from '../../storage/row-source.js';
import { readRange } from '../../session/cursor-fetch.js';
import { sessionCommandColumns } from './session-commands.js';
import { closeCursor, executeCursorPortal, type SqlCursor } from './cursors.js';
import { namespaceContext, namespaceContextNow, prepareForSession } from './namespace-context.js';
import { inferParamTypes } from './param-types.js';
import type { Portal, PreparedStatement } from './session-state.js';
import type { OutputColumn } from '../../storage/engine-messages.js';

type Message<T extends FrontendMessage['type']> = Extract<FrontendMessage, { type: T }>;

const UNKNOWN_PARAM_TYPE = 25;

/**
 * The extended query protocol. After an error every message up to Sync is skipped; Sync ends an
 * implicit transaction (dropping its portals) and answers ReadyForQuery.
 *
 * A message that completes at once (Bind of a prepared statement, a read answered inline, Sync)
 * returns undefined rather than a promise: the connection then handles the next pipelined
 * message without a trip through the microtask queue, and no async frames are allocated for it
 * (they were most of the main thread's garbage per statement).
 */
export function handleExtendedMessage(conn: ClientConnection, message: FrontendMessage): Promise<void> | undefined {
  let pending: Promise<void> | undefined;
  try {
    pending = extendedMessage(conn, message);
  } catch (err) {
    return failMessage(conn, err);
  }
  return pending?.catch((err) => failMessage(conn, err));
}

function extendedMessage(conn: ClientConnection, message: FrontendMessage): Promise<void> | undefined {
  const session = conn.session;
  switch (message.type) {
    case 'parse': return parse(conn, message);
    case 'bind': return bind(conn, message);
    case 'describe': return describe(conn, message);
    case 'execute': return execute(conn, message);
    case 'close':
      close(conn, message);
      return undefined;
    case 'flush':
      return conn.output.flush();
    case 'sync':
      conn.skipUntilSync = false;
      if (!session.txn) session.closeAllPortals();
      session.sendReadyForQuery();
      return undefined;
  }
  return undefined;
}

/** An error: reported, the transaction ends (implicit) or fails, and messages are skipped until Sync. */
function failMessage(conn: ClientConnection, err: unknown): Promise<void> | undefined {
  const session = conn.session;
  session.sendError(err);
  conn.skipUntilSync = true;
  if (session.txn?.implicit) return session.endTransaction(false).catch(() => undefined);
  session.failTransaction();
  return undefined;
}

async function parse(conn: ClientConnection, message: Message<'parse'>): Promise<void> {
  const session = conn.session;
  if (message.name !== '' && session.prepared.has(message.name)) {
    throw new PgError({ code: SqlState.duplicatePreparedStatement, message: `prepared statement "${message.name}" already exists` });
  }
  const { queries, namespaces } = await prepareForSession(session, message.sql);
  if (queries.length > 1) {
    throw new PgError({ code: SqlState.syntaxError, message: 'cannot insert multiple commands into a prepared statement' });
  }
  const query = queries[0] ?? null;
  if (query?.error) throw query.error;
  const count = Math.max(query?.translated?.paramCount ?? 0, message.paramTypes.length);
  const inferred = query ? await inferParamTypes(conn.session, query) : [];
  const untypedParams = Array.from({ length: count }, (_, i) => !message.paramTypes[i] && !inferred[i]);
  // Parameters neither the client nor the context types are described as text.
  const paramTypes = untypedParams.map((untyped, i) => message.paramTypes[i] || inferred[i] || UNKNOWN_PARAM_TYPE);
  const statement: PreparedStatement = { name: message.name, sql: message.sql, query, paramTypes, untypedParams, namespaceKey: namespaces.key };
  session.prepared.set(message.name, statement);
  conn.output.writer.parseComplete();
}

function findStatement(conn: ClientConnection, name: string): PreparedStatement {
  const statement = conn.session.prepared.get(name);
  if (!statement) throw new PgError({ code: SqlState.invalidSqlStatementName, message: `prepared statement "${name}" does not exist` });
  return statement;
}

function findPortal(conn: ClientConnection, name: string): Portal {
  const portal = conn.session.portals.get(name);
  if (!portal) throw new PgError({ code: SqlState.invalidCursorName, message: `portal "${name}" does not exist` });
  return portal;
}

/** A parameter the client sent without a type: a canonical integer binds as an integer, anything else as text. */
function untypedValue(data: Buffer): SqliteValue {
  const text = data.toString('utf8');
  if (/^-?(0|[1-9]\d{0,17})$/.test(text)) return BigInt(text);
  return text;
}

function bind(conn: ClientConnection, message: Message<'bind'>): Promise<void> | undefined {
  const statement = findStatement(conn, message.statement);
  if (statement.query !== null && namespaceContextNow(conn.session)?.key !== statement.namespaceKey) {
    return replanThenBind(conn, message, statement);
  }
  bindPortal(conn, message, statement);
  return undefined;
}

/** Names resolved along another search_path (or schema state) are resolved again, as PostgreSQL replans. */
async function replanThenBind(conn: ClientConnection, message: Message<'bind'>, statement: PreparedStatement): Promise<void> {
  const session = conn.session;
  const namespaces = await namespaceContext(session);
  if (namespaces.key !== statement.namespaceKey) {
    const prepared = await prepareForSession(session, statement.sql);
    statement.query = prepared.queries[0] ?? null;
    statement.namespaceKey = prepared.namespaces.key;
  }
  bindPortal(conn, message, statement);
}

function bindPortal(conn: ClientConnection, message: Message<'bind'>, statement: PreparedStatement): void {
  const session = conn.session;
  if (message.params.length !== statement.paramTypes.length) {
    throw new PgError({
      code: SqlState.protocolViolation,
      message: `bind message supplies ${message.params.length} parameters, but prepared statement "${statement.name}" requires ${statement.paramTypes.length}`,
    });
  }
  if (message.portal !== '' && session.portals.has(message.portal)) {
    throw new PgError({ code: SqlState.duplicateCursor, message: `cursor "${message.portal}" already exists` });
  }
  // A new unnamed portal replaces the old one.
  session.closePortal(message.portal);
  const ctx = { timeZone: session.settings.get('TimeZone') };
  const params = message.params.map((data, i): SqliteValue => {
    if (data === null) return null;
    const format = message.paramFormats.length === 0 ? 0 : message.paramFormats.length === 1 ? message.paramFormats[0] : message.paramFormats[i];
    const oid = statement.paramTypes[i];
    if (format === 0 && statement.untypedParams[i]) return untypedValue(data);
    return decodeParam(oid, format === 1 ? 1 : 0, data, ctx);
  });
  session.portals.set(message.portal, {
    name: message.portal, statement, params, resultFormats: message.resultFormats, rowsSent: 0, done: false,
  });
  conn.output.writer.bindComplete();
}

async function statementColumns(conn: ClientConnection, statement: PreparedStatement) {
  if (statement.describedColumns !== undefined) return statement.describedColumns;
  const query = statement.query;
  if (!query) return (statement.describedColumns = null);
  statement.describedColumns = query.plan.kind === 'engine' ? await conn.session.describeColumns(query) : sessionCommandColumns(query.plan);
  return statement.describedColumns;
}

async function describeStatement(conn: ClientConnection, message: Message<'describe'>): Promise<void> {
  const writer = conn.output.writer;
  const statement = findStatement(conn, message.name);
  const columns = await statementColumns(conn, statement);
  writer.parameterDescription(statement.paramTypes);
  describeColumns(conn, columns, []);
}

async function describeColumnsOf(conn: ClientConnection, portal: Portal): Promise<void> {
  describeColumns(conn, await statementColumns(conn, portal.statement), portal.resultFormats);
}

/** RowDescription of a statement's columns, or NoData when it returns none. */
function describeColumns(conn: ClientConnection, columns: OutputColumn[] | null | undefined, resultFormats: number[]): void {
  if (columns && columns.length > 0) conn.output.writer.rowDescription(fieldsOf(columns, resultFormats));
  else conn.output.writer.noData();
}

function describe(conn: ClientConnection, message: Message<'describe'>): Promise<void> | undefined {
  const writer = conn.output.writer;
  if (message.kind === 'S') return describeStatement(conn, message);
  const cursor = conn.session.portals.has(message.name) ? undefined : conn.session.cursors.get(message.name);
  if (cursor) {
    // A SQL cursor is also a portal by its name (psycopg describes and executes it so).
    writer.rowDescription(fieldsOf(cursor.columns, cursor.binary ? [1] : [0]));
    return;
  }
  const portal = findPortal(conn, message.name);
  const query = portal.statement.query;
  if (!query) {
    writer.noData();
    return;
  }
  if (portal.source) {
    writer.rowDescription(fieldsOf(portal.source.columns, portal.resultFormats));
    return;
  }
  const producesRows = query.plan.kind === 'engine' || (query.plan.kind === 'cursor' && query.plan.type === 'FetchStmt' && !query.plan.node.ismove);
  if (!producesRows || portal.statement.describedColumns !== undefined) return describeColumnsOf(conn, portal);
  // The row types of an engine statement are certain once it ran; the rows wait for Execute.
  // (So a Describe of a portal is where its statement runs: libpq sends one before every Execute.)
  // A read's result is kept only up to portalBufferBytes: a larger one runs again at Execute,
  // streamed, with the types learned here.
  const preview = query.plan.kind === 'engine' && query.plan.access === 'read';
  if (!preview || query.plan.kind !== 'engine' || query.plan.tag.word !== 'SELECT') return describeByRunning(conn, portal, preview);
  // The answer is due at the client's Flush or Sync, so what the client does next can be seen
  // first: its messages often arrive in separate TCP segments (node-postgres writes each alone).
  const arrived = conn.nextMessageArrived();
  if (arrived) return arrived.then(() => describeRead(conn, portal));
  return describeRead(conn, portal);
}

function describeRead(conn: ClientConnection, portal: Portal): Promise<void> | undefined {
  if (conn.isClosed) return undefined;
  return readInSteps(conn, portal) ? describeFromCursor(conn, portal) : describeByRunning(conn, portal, true);
}

function describeByRunning(conn: ClientConnection, portal: Portal, preview: boolean): Promise<void> | undefined {
  const ran = runPortal(conn, portal, false, preview ? conn.session.services.portalBufferBytes : undefined);
  if (ran instanceof Promise) return ran.then(() => describeRanPortal(conn, portal, preview));
  describeRanPortal(conn, portal, preview);
  return undefined;
}

/**
 * Whether the client reads this portal's rows in steps: an Execute of it with a row limit comes
 * next, or a Flush (pg-cursor and pg-query-stream send Describe and Flush, then Execute(n) once
 * the answer came). PostgreSQL answers such a Describe without running anything.
 */
function readInSteps(conn: ClientConnection, portal: Portal): boolean {
  const next = conn.nextMessage();
  return next !== undefined && (next.type === 'flush' || (next.type === 'execute' && next.portal === portal.name && next.maxRows > 0));
}

/**
 * The Describe of a portal read in steps opens the streaming cursor its Execute would open: it
 * runs to the first row (so the row types are as certain as after a preview run), and the rows
 * then come from it. A preview instead read up to portalBufferBytes through the JavaScript
 * encoder and, for a larger result, ran the statement a second time at Execute (~30–40 ms of a
 * reader worker per 1M-row pg-query-stream). Where no streaming cursor can be had (a
 * transaction that wrote, too many cursors) the statement runs as before.
 */
async function describeFromCursor(conn: ClientConnection, portal: Portal): Promise<void> {
  const options = { params: portal.params, resultFormats: portal.resultFormats, fixedTypes: fixedTypesOf(portal) };
  const source = await conn.session.openStreamingCursor(portal.statement.query!, options);
  if (!source) return describeByRunning(conn, portal, true);
  portal.source = source;
  conn.output.writer.rowDescription(fieldsOf(source.columns, portal.resultFormats));
}

function describeRanPortal(conn: ClientConnection, portal: Portal, preview: boolean): void {
  const columns = portal.outcome?.columns;
  if (preview && portal.outcome?.suspended) {
    portal.describedTypes = columns?.map((column) => column.typeOid);
    portal.outcome = undefined;
  }
  if (columns) conn.output.writer.rowDescription(fieldsOf(columns, portal.resultFormats));
  else conn.output.writer.noData();
}

type PortalRun = 'command' | 'rows' | 'copy';

/**
 * Runs the portal's statement. With `stream`, rows go to the client while it runs (an Execute
 * without a row limit); they are then counted as sent. Without a promise when the statement
 * completed at once (may throw then).
 */
function runPortal(conn: ClientConnection, portal: Portal, stream = false, maxBytes?: number): PortalRun | Promise<PortalRun> {
  const query = portal.statement.query!;
  const fixedTypes = fixedTypesOf(portal);
  const onRows = stream
    ? (_columns: unknown, rows: Uint8Array) => {
      conn.output.appendEncoded(rows);
      portal.streamed = true;
      return conn.output.flush();
    }
    : undefined;
  const execution = dispatchStatement(conn, query, { params: portal.params, resultFormats: portal.resultFormats, fixedTypes, onRows, maxBytes });
  if (execution instanceof Promise) return execution.then((done) => keepExecution(portal, done));
  return keepExecution(portal, execution);
}

function keepExecution(portal: Portal, execution: Execution): PortalRun {
  if (execution.kind === 'rows') {
    portal.outcome = execution.outcome;
    portal.tag = execution.tag;
    return 'rows';
  }
  if (execution.kind === 'command') {
    portal.commandResult = execution.result;
    return 'command';
  }
  portal.done = true;
  return 'copy';
}

/** Types promised to the client: by a Describe of the statement, or learned by a Describe of the portal. */
function fixedTypesOf(portal: Portal): number[] | undefined {
  return portal.describedTypes ?? portal.statement.describedColumns?.map((c) => c.typeOid);
}

/** Queues rows for the client; past a few hundred KB waits until the socket takes them (backpressure). */
function sendRows(conn: ClientConnection, rows: Uint8Array): Promise<void> | undefined {
  conn.output.appendEncoded(rows);
  return conn.output.buffered > 256 * 1024 ? conn.output.flush() : undefined;
}

/**
 * Execute. With a row limit, rows come from a source read by position — a streaming cursor for
 * a read, else the result held in memory — and PostgreSQL's rules apply: as many rows as the
 * limit means PortalSuspended (even if none remain), and the tag counts this Execute's rows.
 */
function execute(conn: ClientConnection, message: Message<'execute'>): Promise<void> | undefined {
  const session = conn.session;
  const writer = conn.output.writer;
  const limit = message.maxRows > 0 ? message.maxRows : Infinity;
  const cursor = session.portals.has(message.portal) ? undefined : session.cursors.get(message.portal);
  if (cursor) return executeSqlCursor(conn, cursor, limit);
  const portal = findPortal(conn, message.portal);
  const query = portal.statement.query;
  if (!query) {
    writer.emptyQueryResponse();
    return undefined;
  }
  const isSelect = query.plan.kind === 'engine' && query.plan.tag.word === 'SELECT';
  if (portal.done) {
    // Executing a completed portal again returns no rows, as PostgreSQL does.
    writer.commandComplete(isSelect ? 'SELECT 0' : portal.tag ?? 'SELECT 0');
    return undefined;
  }
  if (!portal.source && !portal.outcome && !portal.commandResult) {
    if (limit !== Infinity) return openThenExecute(conn, portal, limit, isSelect);
    const ran = runPortal(conn, portal, true);
    if (ran instanceof Promise) return ran.then((kind) => (kind === 'copy' ? undefined : finishExecute(conn, portal, limit, isSelect)));
    if (ran === 'copy') return undefined;
  }
  return finishExecute(conn, portal, limit, isSelect);
}

async function executeSqlCursor(conn: ClientConnection, cursor: SqlCursor, limit: number): Promise<void> {
  const sent = await executeCursorPortal(conn.session, cursor, limit, (rows) => sendRows(conn, rows));
  if (sent === limit) conn.output.writer.portalSuspended();
  else conn.output.writer.commandComplete(`SELECT ${sent}`);
}

/** An Execute with a row limit of a portal not run yet: its rows stream from a cursor when they can. */
async function openThenExecute(conn: ClientConnection, portal: Portal, limit: number, isSelect: boolean): Promise<void> {
  const options = { params: portal.params, resultFormats: portal.resultFormats, fixedTypes: fixedTypesOf(portal) };
  portal.source = await conn.session.openStreamingCursor(portal.statement.query!, options) ?? undefined;
  if (!portal.source) {
    const kind = await runPortal(conn, portal, false);
    if (kind === 'copy') return;
  }
  await finishExecute(conn, portal, limit, isSelect);
}

/** Sends the rows of a portal whose statement has run (or streams from its source). */
function finishExecute(conn: ClientConnection, portal: Portal, limit: number, isSelect: boolean): Promise<void> | undefined {
  const writer = conn.output.writer;
  if (portal.commandResult) {
    writeCommandRows(conn, portal.commandResult);
    writer.commandComplete(portal.commandResult.tag);
    portal.done = true;
    return undefined;
  }
  if (!portal.source) {
    const outcome = portal.outcome!;
    if (portal.streamed || !outcome.columns || (limit === Infinity && portal.rowsSent === 0)) {
      // All at once (what streamed while it ran, the rest now): the tag is the whole statement's.
      if (outcome.rows) conn.output.appendEncoded(outcome.rows);
      portal.done = true;
      writer.commandComplete(portal.tag!);
      return undefined;
    }
    portal.source = new MaterializedRows(outcome.columns, outcome.rows ?? new Uint8Array(0));
    portal.outcome = undefined;
  }
  return readPortalRows(conn, portal, portal.source, limit, isSelect);
}

async function readPortalRows(conn: ClientConnection, portal: Portal, source: RowSource, limit: number, isSelect: boolean): Promise<void> {
  const writer = conn.output.writer;
  const read = await conn.session.cancellable((jobId) => readRange(source, portal.rowsSent + 1, limit, (rows) => sendRows(conn, rows), jobId));
  portal.rowsSent += read.count;
  if (read.count === limit) {
    writer.portalSuspended();
    return;
  }
  portal.done = true;
  source.close();
  writer.commandComplete(isSelect || !portal.tag ? `SELECT ${read.count}` : portal.tag);
}

function close(conn: ClientConnection, message: Message<'close'>): void {
  if (message.kind === 'S') conn.session.prepared.delete(message.name);
  else if (!conn.session.closePortal(message.name)) closeCursor(conn.session.cursors, message.name);
  conn.output.writer.closeComplete();
}
