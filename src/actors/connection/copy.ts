import { PgError, toPgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { readCopyOptions, type CopyFormatOptions } from '../../protocol/copy/copy-options.js';
import { CopyLineParser } from '../../protocol/copy/copy-line-parser.js';
import { BinaryCopyParser } from '../../protocol/copy/copy-binary.js';
import { binaryRows, textRows } from './copy-in-rows.js';
import { ParamRowsBuilder } from '../../storage/param-rows-wire.js';
import type { AstNode } from '../../sql/parser.js';
import { inferOutputTypes } from '../../sql/infer-output-types.js';
import { translateStatement } from '../../sql/translate/translate-statement.js';
import type { OutputColumn } from '../../storage/engine-messages.js';
import type { WriterLease } from '../database/database-runtime.js';
import type { ClientConnection } from './client-connection.js';
import { CopyInSink } from './copy-in-sink.js';
import { CopyCheckSuspension } from './copy-input-checks.js';
import { quoteIdentifier } from '../../sql/translate/identifiers.js';

/** Rows handed to the writer at a time: large enough to amortise the thread hop, small enough to stream. */
const ROWS_PER_BATCH = 5000;
/**
 * Batches sent to the writer and not yet inserted: while the writer inserts one, the main thread
 * parses the next (awaiting each batch kept one of the two threads idle at any time).
 */
const BATCHES_IN_FLIGHT = 2;
const ROWS_PER_INSERT = 100;
const MAX_PARAMETERS = 32_000;
const COPY_IN_HIGH_WATER = 4 * 1024 * 1024;

function relationSql(relation: AstNode): string {
  return quoteIdentifier(relation.relname);
}

/**
 * COPY … FROM STDIN and COPY … TO STDOUT, text and CSV. COPY FROM is all-or-nothing: it runs in
 * the session's transaction, or holds the writer for its own; rows go to the writer in batches
 * while more data is still arriving.
 */
export async function runCopy(conn: ClientConnection, node: AstNode): Promise<void> {
  if (node.filename || node.is_program) {
    throw new PgError({
      code: SqlState.featureNotSupported,
      message: 'COPY to or from a file or program on the server is not supported',
      hint: "Use COPY … FROM STDIN / TO STDOUT (psql's \\copy does this).",
    });
  }
  if (node.is_from) return copyIn(conn, node);
  return copyOut(conn, node);
}

async function describeTarget(conn: ClientConnection, node: AstNode): Promise<{ columns: OutputColumn[]; selectSql: string }> {
  const attributes: string[] = (node.attlist ?? []).map((a: AstNode) => a.String.sval);
  const list = attributes.length > 0 ? attributes.map(quoteIdentifier).join(', ') : '*';
  const selectSql = `SELECT ${list} FROM ${relationSql(node.relation)}`;
  const session = conn.session;
  const described = await session.describeSql(selectSql);
  return { columns: described.columns ?? [], selectSql };
}

async function copyIn(conn: ClientConnection, node: AstNode): Promise<void> {
  const session = conn.session;
  const { columns } = await describeTarget(conn, node);
  // As for any write (Session.runEngineStatement); PostgreSQL checks after finding the table.
  if (session.readOnlyTransaction()) {
    throw new PgError({ code: SqlState.readOnlySqlTransaction, message: 'cannot execute COPY FROM in a read-only transaction' });
  }
  const names = columns.map((c) => c.name);
  const options = readCopyOptions(node.options, names, true);
  const insertInto = `INSERT INTO ${relationSql(node.relation)} (${names.map(quoteIdentifier).join(', ')}) VALUES `;
  const insertSql = `${insertInto}(${names.map((_, i) => `?${i + 1}`).join(', ')})`;
  // Many rows per INSERT, within SQLite's limit of 32,766 parameters per statement.
  const rowsPerInsert = Math.max(1, Math.min(ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / Math.max(1, names.length))));
  const multiRow = { rows: rowsPerInsert, sql: insertInto + Array.from({ length: rowsPerInsert }, () => `(${names.map(() => '?').join(', ')})`).join(', ') };

  const plainJob = (sql: string, params: (string | number)[] = []) => session.job(sql, { params, resultFormats: [] });
  const ownTransaction = !session.txn;
  let lease: WriterLease;
  if (ownTransaction) {
    lease = await session.acquireWriter();
    await lease.exec(plainJob('BEGIN'));
  } else {
    lease = await session.cancellable(() => session.leaseForTransaction());
  }

  const sink = new CopyInSink(COPY_IN_HIGH_WATER, () => conn.resumeReading());
  conn.startCopyIn(sink);
  session.actor.send({ type: 'copy.in' });
  const binary = options.format === 'binary';
  conn.output.writer.copyInResponse(binary ? 1 : 0, names.map(() => (binary ? 1 : 0)));
  await conn.output.flush();

  const ctx = { timeZone: session.settings.get('TimeZone') };
  const oids = columns.map((c) => c.typeOid);
  const parser = binary ? binaryRows(new BinaryCopyParser(names.length), oids, ctx) : textRows(new CopyLineParser(options, names), oids, ctx);
  const rows = new ParamRowsBuilder(names.length, ROWS_PER_BATCH + ROWS_PER_BATCH / 2);
  let total = 0;
  let failure: unknown;
  /** The first batch the writer refused; its rows came before any line still being parsed. */
  let insertFailure: unknown;
  const inFlight: Promise<void>[] = [];
  const atLine = (err: unknown, line: number) => new PgError({ ...toPgError(err).fields(), where: `COPY ${node.relation.relname}, line ${line}` });
  let rowsSent = 0;
  const sendBatch = () => {
    if (rows.rowCount === 0) return;
    rowsSent += rows.rowCount;
    const paramRows = rows.take();
    const line = parser.lineNumber();
    inFlight.push(lease.exec({ ...plainJob(insertSql), paramRows, multiRow }).then(
      (outcome) => { total += outcome.changes; },
      (err: unknown) => { insertFailure ??= atLine(err, line); },
    ));
  };
  const checks = new CopyCheckSuspension(lease, plainJob, node.relation.relname, names.map((name, i) => ({ name, oid: oids[i]! })));
  const waitForBatches = async (atMost: number) => {
    while (inFlight.length > atMost) await inFlight.shift();
  };
  try {
    for (;;) {
      const message = await sink.next();
      failure ??= insertFailure;
      if (failure) {
        // After an error PostgreSQL reads and drops the rest of the data until CopyDone/CopyFail.
        if (message.type !== 'copyData') break;
        continue;
      }
      try {
        if (message.type === 'copyData') {
          parser.push(message.data, rows);
          if (rows.rowCount >= ROWS_PER_BATCH) {
            // Only a COPY of more than one batch may repay dropping and recreating the triggers.
            await checks.beforeBatch(rowsSent + rows.rowCount);
            sendBatch();
            await waitForBatches(BATCHES_IN_FLIGHT - 1);
          }
        } else if (message.type === 'copyDone') {
          parser.end(rows);
          sendBatch();
          break;
        } else {
          failure = new PgError({ code: SqlState.queryCanceled, message: `COPY from stdin failed: ${message.message}` });
          break;
        }
      } catch (err) {
        failure = atLine(err, parser.failedLine() || parser.lineNumber());
      }
    }
  } catch (err) {
    failure ??= err;
  } finally {
    conn.copySink = null;
    session.actor.send({ type: 'copy.done' });
    conn.resumeReading();
  }
  await waitForBatches(0);
  // A refused batch holds earlier rows than a line that failed to parse, or than a CopyFail.
  failure = insertFailure ?? failure;
  // Back before anything else runs in this transaction, whether the COPY worked or not (a
  // ROLLBACK would bring them back too, but a failed block may still roll back to a savepoint).
  try {
    await checks.restore();
  } catch (err) {
    failure ??= err;
  }
  if (ownTransaction) {
    try {
      await lease.exec(plainJob(failure ? 'ROLLBACK' : 'COMMIT'));
    } catch (err) {
      failure ??= err;
    } finally {
      lease.release();
    }
  }
  if (failure) throw failure;
  conn.output.writer.commandComplete(`COPY ${total}`);
}

async function copyOut(conn: ClientConnection, node: AstNode): Promise<void> {
  const session = conn.session;
  let selectSql: string;
  let typeHints: (number | null)[] | undefined;
  if (node.query) {
    // COPY (query) TO STDOUT: the inner query goes through the same translation as any SELECT.
    if (!node.query.SelectStmt) {
      throw new PgError({ code: SqlState.featureNotSupported, message: 'COPY (query) supports SELECT queries only' });
    }
    selectSql = translateStatement(node.query as Parameters<typeof translateStatement>[0]).sql.at(-1)!;
    typeHints = inferOutputTypes(node.query);
  } else {
    selectSql = (await describeTarget(conn, node)).selectSql;
  }
  const described = await session.describeSql(selectSql, typeHints);
  const names = (described.columns ?? []).map((c) => c.name);
  const options: CopyFormatOptions = readCopyOptions(node.options, names, false);
  // CopyOutResponse goes first; rows follow as the engine produces them, bounded by the socket.
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    session.actor.send({ type: 'copy.out' });
    const format = options.format === 'binary' ? 1 : 0;
    conn.output.writer.copyOutResponse(format, names.map(() => format));
  };
  const onRows = (_columns: unknown, rows: Uint8Array) => {
    start();
    conn.output.appendEncoded(rows);
    return conn.output.flush();
  };
  const outcome = await session.cancellable((jobId) => {
    const job = { ...session.job(selectSql, { params: [], resultFormats: [], onRows }), typeHints, copyOut: options };
    return session.txn?.lease ? session.txn.lease.exec(job, jobId, onRows) : session.db.read(job, jobId, onRows);
  }).catch((err) => {
    // A COPY that already started streaming ends with an error instead of CopyDone.
    if (started) session.actor.send({ type: 'copy.done' });
    throw err;
  });
  start();
  if (outcome.rows) conn.output.appendEncoded(outcome.rows);
  conn.output.writer.copyDone();
  session.actor.send({ type: 'copy.done' });
  conn.output.writer.commandComplete(`COPY ${outcome.rowCount}`);
}
