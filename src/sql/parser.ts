import { loadModule, parseSync } from 'libpg-query';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';

/** One node of libpg-query's JSON parse tree: `{ NodeType: { ...fields } }`. */
export type AstNode = Record<string, any>;

export interface RawStatement {
  /** The statement node, e.g. `{ SelectStmt: {...} }`. */
  stmt: AstNode;
  /** The statement's own text (without the separating semicolon). */
  text: string;
  /** 0-based character offset of `text` in the whole query string. */
  offset: number;
}

let loaded: Promise<void> | undefined;

/** Loads PostgreSQL's grammar (a WASM build of the real parser) once; parsing is synchronous after. */
export function initParser(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

/**
 * Splits and parses a query string with PostgreSQL's own grammar. Syntax errors become 42601 with
 * the 1-based character position PostgreSQL reports.
 */
export function parseStatements(sql: string): RawStatement[] {
  // The parser refuses a blank string; PostgreSQL answers it with EmptyQueryResponse.
  if (sql.trim() === '') return [];
  let tree: { stmts?: Array<{ stmt: AstNode; stmt_location?: number; stmt_len?: number }> };
  try {
    tree = parseSync(sql);
  } catch (err) {
    throw syntaxError(err, sql);
  }
  const stmts = tree.stmts ?? [];
  if (stmts.length === 0) return [];
  const ascii = isAscii(sql);
  const bytes = ascii ? undefined : Buffer.from(sql, 'utf8');
  return stmts.map((entry) => {
    // libpg-query reports byte offsets; stmt_len 0 means "to the end".
    const startByte = entry.stmt_location ?? 0;
    const endByte = entry.stmt_len ? startByte + entry.stmt_len : ascii ? sql.length : bytes!.length;
    if (ascii) {
      const raw = sql.slice(startByte, endByte);
      const lead = raw.length - raw.trimStart().length;
      return { stmt: entry.stmt, text: raw.trim(), offset: startByte + lead };
    }
    const raw = bytes!.subarray(startByte, endByte).toString('utf8');
    const lead = raw.length - raw.trimStart().length;
    return { stmt: entry.stmt, text: raw.trim(), offset: bytes!.subarray(0, startByte).toString('utf8').length + lead };
  });
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function syntaxError(err: unknown, sql: string): PgError {
  const details = (err as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
  const message = details?.message ?? (err instanceof Error ? err.message : String(err));
  // cursorPosition is a 0-based byte offset; PostgreSQL reports a 1-based character position.
  let position: number | undefined;
  if (details?.cursorPosition !== undefined && details.cursorPosition >= 0) {
    position = Buffer.from(sql, 'utf8').subarray(0, details.cursorPosition).toString('utf8').length + 1;
  }
  return new PgError({ code: SqlState.syntaxError, message, position }, { cause: err });
}

/** The node type name of a statement, e.g. 'SelectStmt'. */
export function nodeType(node: AstNode): string {
  for (const key in node) return key;
  return '';
}
