/**
 * What one statement did on one server, reduced to what the wire shows a client: the command
 * tag, the column names and type OIDs, the values as text, or the error's SQLSTATE.
 */
import pg from 'pg';
import type { Statement } from './corpus.js';

export type Outcome =
  | { kind: 'result'; tag: string; columns: string[]; oids: number[]; rows: (string | null)[][] }
  | { kind: 'error'; code: string; message: string };

/** Every column as the server's text, untouched by node-postgres's parsers. */
const raw = { getTypeParser: () => (value: unknown) => value };

export async function runStatement(client: pg.Client, statement: Statement): Promise<Outcome> {
  // node-postgres keeps only the tag's first word; the full tag comes from the protocol message.
  const tags: string[] = [];
  const onComplete = (message: { text: string }) => tags.push(message.text);
  client.connection.on('commandComplete', onComplete);
  try {
    const result = await client.query({
      text: statement.sql, values: statement.params, rowMode: 'array', types: raw,
    } as pg.QueryConfig);
    // A simple-protocol string with several statements answers with one result each; the last counts.
    const last = (Array.isArray(result) ? result.at(-1) : result) as pg.QueryResult<unknown[]>;
    return {
      kind: 'result',
      tag: tags.at(-1) ?? '',
      columns: (last.fields ?? []).map((f) => f.name),
      oids: (last.fields ?? []).map((f) => f.dataTypeID),
      rows: (last.rows ?? []).map((row) => row.map((v) => (v === null ? null : String(v)))),
    };
  } catch (err) {
    const e = err as Partial<pg.DatabaseError>;
    return { kind: 'error', code: e.code ?? 'client', message: e.message ?? String(err) };
  } finally {
    client.connection.off('commandComplete', onComplete);
  }
}

/** Undefined when the outcomes match, else one line saying how they differ (expected vs got). */
export function difference(expected: Outcome, actual: Outcome, ordered: boolean): string | undefined {
  if (expected.kind === 'error') {
    if (actual.kind === 'error') return expected.code === actual.code ? undefined : `error ${expected.code} vs error ${actual.code} (${oneLine(actual.message)})`;
    return `error ${expected.code} (${oneLine(expected.message)}) vs ${summary(actual)}`;
  }
  if (actual.kind === 'error') return `${summary(expected)} vs error ${actual.code} (${oneLine(actual.message)})`;
  if (expected.tag !== actual.tag) return `tag ${expected.tag} vs ${actual.tag}`;
  if (!sameList(expected.columns, actual.columns)) return `columns ${show(expected.columns)} vs ${show(actual.columns)}`;
  if (expected.oids.length !== actual.oids.length || expected.oids.some((oid, i) => !sameTypeOid(oid, actual.oids[i]!))) {
    const at = expected.oids.findIndex((oid, i) => !sameTypeOid(oid, actual.oids[i]!));
    const column = at >= 0 ? expected.columns[at] : undefined;
    return `type OIDs ${show(expected.oids)} vs ${show(actual.oids)}${column !== undefined ? ` (column ${column})` : ''}`;
  }
  const want = expected.rows.map((r) => JSON.stringify(r));
  const got = actual.rows.map((r) => JSON.stringify(r));
  if (!ordered) {
    want.sort();
    got.sort();
  }
  if (want.length !== got.length) return `${want.length} rows vs ${got.length} rows (first: ${want[0] ?? '-'} vs ${got[0] ?? '-'})`;
  const row = want.findIndex((r, i) => r !== got[i]);
  if (row < 0) return undefined;
  if (!ordered || got.slice().sort().join('\n') !== want.slice().sort().join('\n')) return `row ${row + 1} ${clip(want[row]!)} vs ${clip(got[row]!)}`;
  return `same rows in another order (row ${row + 1} ${clip(want[row]!)} vs ${clip(got[row]!)})`;
}

function summary(outcome: Outcome & { kind: 'result' }): string {
  if (outcome.columns.length === 0) return `tag ${outcome.tag}`;
  return `${outcome.rows.length} rows${outcome.rows[0] ? ` ${clip(JSON.stringify(outcome.rows[0]))}` : ''}`;
}

/**
 * User types' OIDs (an enum's) are whatever the server assigned: any two user OIDs
 * (FirstNormalObjectId, 16384, and up) match; built-in types must be the same.
 */
function sameTypeOid(expected: number, actual: number): boolean {
  return expected === actual || (expected >= 16384 && actual >= 16384);
}

function sameList<T>(a: T[], b: T[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function show(values: unknown[]): string {
  return clip(values.join(','));
}

function clip(text: string, max = 80): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

function oneLine(text: string): string {
  return clip(text.replace(/\s+/g, ' '), 100);
}
