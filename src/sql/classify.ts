import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { nodeType, type AstNode } from './parser.js';

/**
 * What a statement asks of the server. Session-level statements (transactions, settings,
 * COPY, LISTEN/NOTIFY, roles) are handled by the connection; 'engine' statements are
 * translated to SQLite and run by a reader or the writer.
 */
export type StatementPlan =
  | { kind: 'transaction'; action: TransactionAction; savepoint?: string; tag: string; options: TransactionOptions }
  | { kind: 'set'; name: string; values: AstNode[] | null; local: boolean; isReset: boolean; tag: string }
  | { kind: 'show'; name: string }
  | { kind: 'copy'; node: AstNode }
  | { kind: 'listen'; channel: string }
  | { kind: 'unlisten'; channel: string | null }
  | { kind: 'notify'; channel: string; payload: string }
  | { kind: 'discard'; target: string }
  /** DEALLOCATE [PREPARE] name | ALL: prepared statements share one namespace with the protocol's. */
  | { kind: 'deallocate'; name: string | null }
  | { kind: 'role'; node: AstNode; type: string }
  | { kind: 'database'; node: AstNode; type: string; tag: string }
  | { kind: 'cursor'; node: AstNode; type: 'DeclareCursorStmt' | 'FetchStmt' | 'ClosePortalStmt' }
  | { kind: 'engine'; access: 'read' | 'write'; tag: CommandTag; node: AstNode; vacuum?: boolean };

export type TransactionAction = 'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo';
export interface TransactionOptions { isolationLevel?: string; readOnly?: boolean }

/** How the CommandComplete tag is written: a fixed word, or a word followed by the row count. */
export type CommandTag = { word: string; counted: 'none' | 'rows' | 'insert' };

const fixed = (word: string): CommandTag => ({ word, counted: 'none' });

const objectWords: Record<string, string> = {
  OBJECT_TABLE: 'TABLE', OBJECT_INDEX: 'INDEX', OBJECT_VIEW: 'VIEW', OBJECT_SEQUENCE: 'SEQUENCE',
  OBJECT_SCHEMA: 'SCHEMA', OBJECT_TYPE: 'TYPE', OBJECT_FUNCTION: 'FUNCTION', OBJECT_TRIGGER: 'TRIGGER',
  OBJECT_MATVIEW: 'MATERIALIZED VIEW', OBJECT_EXTENSION: 'EXTENSION', OBJECT_DATABASE: 'DATABASE',
};

function stringValue(node: AstNode | undefined): string {
  if (!node) return '';
  if (node.String) return node.String.sval ?? '';
  if (node.A_Const?.sval) return node.A_Const.sval.sval ?? '';
  return '';
}

function transactionPlan(node: AstNode): StatementPlan {
  const kindToAction: Record<string, [TransactionAction, string]> = {
    TRANS_STMT_BEGIN: ['begin', 'BEGIN'],
    TRANS_STMT_START: ['begin', 'START TRANSACTION'],
    TRANS_STMT_COMMIT: ['commit', 'COMMIT'],
    TRANS_STMT_ROLLBACK: ['rollback', 'ROLLBACK'],
    TRANS_STMT_SAVEPOINT: ['savepoint', 'SAVEPOINT'],
    TRANS_STMT_RELEASE: ['release', 'RELEASE'],
    TRANS_STMT_ROLLBACK_TO: ['rollbackTo', 'ROLLBACK'],
  };
  const entry = kindToAction[node.kind as string];
  if (!entry) {
    throw new PgError({ code: SqlState.featureNotSupported, message: `${String(node.kind).replace('TRANS_STMT_', '')} (two-phase commit) is not supported` });
  }
  return { kind: 'transaction', action: entry[0], tag: entry[1], savepoint: node.savepoint_name, options: transactionOptions(node.options ?? []) };
}

/** Transaction modes as BEGIN, SET TRANSACTION and SET SESSION CHARACTERISTICS give them (DefElem nodes). */
export function transactionOptions(nodes: AstNode[]): TransactionOptions {
  const options: TransactionOptions = {};
  for (const option of nodes) {
    const def = option.DefElem;
    if (def?.defname === 'transaction_isolation') options.isolationLevel = stringValue(def.arg);
    if (def?.defname === 'transaction_read_only') options.readOnly = Boolean(def.arg?.A_Const?.ival?.ival);
  }
  return options;
}

function variableSetPlan(node: AstNode): StatementPlan {
  const isReset = node.kind === 'VAR_RESET' || node.kind === 'VAR_RESET_ALL';
  const name = node.kind === 'VAR_RESET_ALL' ? 'all' : String(node.name ?? '').toLowerCase();
  if (node.kind === 'VAR_SET_MULTI') {
    // SET TRANSACTION ... / SET SESSION CHARACTERISTICS: accepted, applied as transaction options.
    return { kind: 'set', name, values: node.args ?? [], local: true, isReset: false, tag: 'SET' };
  }
  const values = node.kind === 'VAR_SET_DEFAULT' || isReset ? null : (node.args ?? []);
  return { kind: 'set', name, values, local: Boolean(node.is_local), isReset: isReset || node.kind === 'VAR_SET_DEFAULT', tag: isReset ? 'RESET' : 'SET' };
}

/** A SELECT that only reads: no INTO, no FOR UPDATE/SHARE, no data-modifying WITH. */
function selectIsReadOnly(select: AstNode): boolean {
  if (select.intoClause || select.lockingClause) return false;
  for (const cte of select.withClause?.ctes ?? []) {
    const query = cte.CommonTableExpr?.ctequery;
    if (query && nodeType(query) !== 'SelectStmt') return false;
  }
  return true;
}

/** Sequence functions read or write the session's state on the database's writer (catalog/sequence-functions.ts). */
const sequenceFunctions = new Set(['nextval', 'currval', 'setval', 'lastval']);

/** Whether a FuncCall of a sequence function appears anywhere in the tree. */
function callsSequenceFunction(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(callsSequenceFunction);
  if (node === null || typeof node !== 'object') return false;
  const call = (node as AstNode).FuncCall as AstNode | undefined;
  if (call !== undefined) {
    const names = call.funcname as AstNode[] | undefined;
    const name = names?.[names.length - 1]?.String?.sval;
    if (typeof name === 'string' && sequenceFunctions.has(name)) return true;
  }
  for (const key in node as object) {
    const value = (node as Record<string, unknown>)[key];
    if (typeof value === 'object' && value !== null && callsSequenceFunction(value)) return true;
  }
  return false;
}

/** Statements that run on the writer and whose tag is one fixed text. */
const fixedWriteTags: Record<string, string> = {
  CreateStmt: 'CREATE TABLE', CreateSeqStmt: 'CREATE SEQUENCE', AlterSeqStmt: 'ALTER SEQUENCE',
  ViewStmt: 'CREATE VIEW', IndexStmt: 'CREATE INDEX', TruncateStmt: 'TRUNCATE TABLE',
  CreateSchemaStmt: 'CREATE SCHEMA', CommentStmt: 'COMMENT', CreateEnumStmt: 'CREATE TYPE',
  CreateExtensionStmt: 'CREATE EXTENSION', AlterExtensionStmt: 'ALTER EXTENSION',
  AlterEnumStmt: 'ALTER TYPE',
};

/** Classifies one parsed statement. */
export function planStatement(stmt: AstNode): StatementPlan {
  const type = nodeType(stmt);
  const writeTag = fixedWriteTags[type];
  if (writeTag !== undefined) return { kind: 'engine', access: 'write', tag: fixed(writeTag), node: stmt };
  const node = stmt[type];
  switch (type) {
    case 'SelectStmt':
      if (node.intoClause) return { kind: 'engine', access: 'write', tag: { word: 'SELECT', counted: 'rows' }, node: stmt };
      return { kind: 'engine', access: selectIsReadOnly(node) && !callsSequenceFunction(node) ? 'read' : 'write', tag: { word: 'SELECT', counted: 'rows' }, node: stmt };
    case 'InsertStmt':
      return { kind: 'engine', access: 'write', tag: { word: 'INSERT', counted: 'insert' }, node: stmt };
    case 'UpdateStmt':
      return { kind: 'engine', access: 'write', tag: { word: 'UPDATE', counted: 'rows' }, node: stmt };
    case 'DeleteStmt':
      return { kind: 'engine', access: 'write', tag: { word: 'DELETE', counted: 'rows' }, node: stmt };
    case 'CreateTableAsStmt':
      return { kind: 'engine', access: 'write', tag: { word: 'SELECT', counted: 'rows' }, node: stmt };
    case 'DropStmt':
      return { kind: 'engine', access: 'write', tag: fixed(`DROP ${objectWords[node.removeType] ?? 'TABLE'}`), node: stmt };
    case 'AlterTableStmt':
      return { kind: 'engine', access: 'write', tag: fixed(node.objtype === 'OBJECT_INDEX' ? 'ALTER INDEX' : node.objtype === 'OBJECT_VIEW' ? 'ALTER VIEW' : 'ALTER TABLE'), node: stmt };
    case 'RenameStmt':
      if (node.renameType === 'OBJECT_DATABASE') return { kind: 'database', node, type, tag: 'ALTER DATABASE' };
      return { kind: 'engine', access: 'write', tag: fixed(`ALTER ${objectWords[node.renameType === 'OBJECT_COLUMN' ? 'OBJECT_TABLE' : node.renameType] ?? 'TABLE'}`), node: stmt };
    case 'AlterObjectSchemaStmt':
      return { kind: 'engine', access: 'write', tag: fixed(`ALTER ${objectWords[node.objectType] ?? 'TABLE'}`), node: stmt };
    case 'VacuumStmt':
      return { kind: 'engine', access: 'write', tag: fixed(node.is_vacuumcmd ? 'VACUUM' : 'ANALYZE'), node: stmt, vacuum: true };
    case 'TransactionStmt':
      return transactionPlan(node);
    case 'VariableSetStmt':
      return variableSetPlan(node);
    case 'VariableShowStmt':
      return { kind: 'show', name: String(node.name).toLowerCase() };
    case 'CopyStmt':
      return { kind: 'copy', node };
    case 'ListenStmt':
      return { kind: 'listen', channel: node.conditionname };
    case 'UnlistenStmt':
      return { kind: 'unlisten', channel: node.conditionname ?? null };
    case 'NotifyStmt':
      return { kind: 'notify', channel: node.conditionname, payload: node.payload ?? '' };
    case 'DeallocateStmt':
      return { kind: 'deallocate', name: node.isall || !node.name ? null : node.name };
    case 'DiscardStmt':
      return { kind: 'discard', target: String(node.target ?? 'DISCARD_ALL').replace('DISCARD_', '') };
    case 'DeclareCursorStmt':
    case 'FetchStmt':
    case 'ClosePortalStmt':
      return { kind: 'cursor', node, type };
    case 'CreatedbStmt':
      return { kind: 'database', node, type, tag: 'CREATE DATABASE' };
    case 'DropdbStmt':
      return { kind: 'database', node, type, tag: 'DROP DATABASE' };
    case 'AlterDatabaseStmt':
    case 'AlterDatabaseSetStmt':
      return { kind: 'database', node, type, tag: 'ALTER DATABASE' };
    case 'AlterOwnerStmt':
      if (node.objectType === 'OBJECT_DATABASE') return { kind: 'database', node, type, tag: 'ALTER DATABASE' };
      throw new PgError({ code: SqlState.featureNotSupported, message: 'ALTER … OWNER TO is not supported yet' });
    case 'CreateRoleStmt':
    case 'AlterRoleStmt':
    case 'DropRoleStmt':
    case 'AlterRoleSetStmt':
      return { kind: 'role', node, type };
    default:
      throw new PgError({ code: SqlState.featureNotSupported, message: `${describeNodeType(type)} is not supported yet` });
  }
}

/** 'CreateSeqStmt' → 'CREATE SEQUENCE'-ish wording for the 0A000 message. */
function describeNodeType(type: string): string {
  return type.replace(/Stmt$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase() + ' statement';
}
