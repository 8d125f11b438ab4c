import type { PreparedQuery } from '../../sql/query-cache.js';
import type { OutputColumn } from '../../storage/engine-messages.js';
import type { ClientConnection } from './client-connection.js';
import { dispatchStatement, fieldsOf, writeCommandRows } from './dispatch-statement.js';
import { namespaceContext, prepareForSession } from './namespace-context.js';
import type { NamespaceContext } from '../../sql/search-path.js';

/** A simple query's values are in its text: statements that differ only in numbers share a template. */
const literalTemplates = { literalTemplates: true };

/**
 * The simple query protocol: every statement of the string in order, each answered with its
 * rows and CommandComplete, then one ReadyForQuery. As PostgreSQL, the statements of a
 * multi-statement string form one implicit transaction: an error rolls back the whole string
 * (unless the string itself opened an explicit block) and skips the rest.
 */
export async function handleSimpleQuery(conn: ClientConnection, sql: string): Promise<void> {
  const session = conn.session;
  const writer = conn.output.writer;
  let queries: PreparedQuery[];
  let namespaces: NamespaceContext | undefined;
  try {
    const prepared = prepareForSession(session, sql, literalTemplates);
    ({ queries, namespaces } = prepared instanceof Promise ? await prepared : prepared);
  } catch (err) {
    session.sendError(err);
    if (session.txn && !session.txn.implicit) session.failTransaction();
    session.sendReadyForQuery();
    return;
  }
  if (queries.length === 0) {
    writer.emptyQueryResponse();
    session.sendReadyForQuery();
    return;
  }
  if (queries.length > 1 && !session.txn) session.beginTransaction(true);
  for (let index = 0; index < queries.length; index++) {
    try {
      if (index > 0) {
        // An earlier statement of the string may have changed the schemas or search_path that
        // names resolve through: the rest is translated again (a cache hit when nothing changed).
        const current = await namespaceContext(session);
        if (current !== namespaces) ({ queries, namespaces } = await prepareForSession(session, sql, literalTemplates));
      }
      const query = queries[index]!;
      let described = false;
      const onRows = (columns: OutputColumn[] | undefined, rows: Uint8Array, resultFormats: number[] = []) => {
        if (columns && !described) writer.rowDescription(fieldsOf(columns, resultFormats));
        described = true;
        conn.output.appendEncoded(rows);
        return conn.output.flush();
      };
      const dispatched = dispatchStatement(conn, query, { params: query.literalValues ?? [], resultFormats: [], onRows });
      const execution = dispatched instanceof Promise ? await dispatched : dispatched;
      if (execution.kind === 'rows') {
        const { outcome } = execution;
        if (outcome.columns && !described) writer.rowDescription(fieldsOf(outcome.columns, execution.resultFormats ?? []));
        if (outcome.rows) conn.output.appendEncoded(outcome.rows);
        writer.commandComplete(execution.tag);
      } else if (execution.kind === 'command') {
        if (execution.result.columns) writer.rowDescription(fieldsOf(execution.result.columns, []));
        writeCommandRows(conn, execution.result);
        writer.commandComplete(execution.result.tag);
      }
      if (conn.output.buffered > 1 << 20) await conn.output.flush();
    } catch (err) {
      session.sendError(err);
      if (session.txn?.implicit) await session.endTransaction(false).catch(() => undefined);
      else session.failTransaction();
      break;
    }
  }
  if (session.txn?.implicit) {
    try {
      await session.endTransaction(true);
    } catch (err) {
      session.sendError(err);
    }
  }
  session.sendReadyForQuery();
}
