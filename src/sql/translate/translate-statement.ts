/**
 * PostgreSQL parse tree → SQLite SQL. One walk over the tree per statement, building the text
 * directly; constructs SQLite cannot express faithfully are refused with 0A000 rather than
 * translated into a query that means something else.
 */
import type { NamespaceContext } from '../search-path.js';
import { alterTable } from './alter-table.js';
import { commentStatement } from './comment-statement.js';
import { createIndex } from './create-index.js';
import { createTable } from './create-table.js';
import { createTableAs } from './create-table-as.js';
import { createView } from './create-view.js';
import { deleteStatement } from './delete-statement.js';
import { dropStatement } from './drop-statement.js';
import { alterEnum, createEnum, dropEnums, renameEnum } from './enum-types.js';
import { alterExtension, createExtension, dropExtensions } from './extension-statements.js';
import { insertStatements } from './insert-statement.js';
import { nodeBody, nodeKind, type Node, type NodeKind } from './parse-tree.js';
import { renameStatement } from './rename-statement.js';
import { createSchema, creationChecks, dropSchema, renameSchema, setSchema } from './schema-statements.js';
import { selectStatement } from './select-statement.js';
import { alterSequence, createSequence, sequenceCallStatement } from './sequences.js';
import { TranslationState } from './translation-state.js';
import { truncateStatement } from './truncate-statement.js';
import { notTranslatable, unsupported } from './unsupported.js';
import { updateStatement } from './update-statement.js';
import { vacuumStatement } from './vacuum-statement.js';

export interface TranslationContext {
  /**
   * The whole query string the tree was parsed from. libpg-query reports byte offsets; with the
   * text, error positions become the 1-based character positions PostgreSQL reports. Without it a
   * position is byte offset + 1, which is exact for ASCII queries.
   */
  queryText?: string;
  /** The session's search path and the database's schemas (undefined: everything is public). */
  namespaces?: NamespaceContext;
  /** Called when the translation read `namespaces.snapshot` (it is then cached for that snapshot only). */
  dependsOnSnapshot?: () => void;
}

export interface TranslatedStatement {
  /**
   * One or more SQLite statements to run in order (e.g. DROP TABLE a, b → two statements).
   * Several statements are one PostgreSQL statement: run them as a unit (all or nothing).
   */
  sql: string[];
  /** Highest $n used; parameters become ?n (SQLite numbered parameters). */
  paramCount: number;
  /**
   * When more than one: the last this many statements together are the result (their rows
   * follow each other, their counts add up), as a multi-row INSERT split by DEFAULT.
   */
  resultStatements?: number;
}

/** Translates one statement: the `stmt` of an entry of parseSync(sql).stmts. */
export function translateStatement(stmt: Node, ctx: TranslationContext = {}): TranslatedStatement {
  const st = new TranslationState(ctx);
  st.topLevelStatement = stmt;
  st.topLevelWith = (nodeBody(stmt, nodeKind(stmt)) as { withClause?: unknown } | undefined)?.withClause;
  const sql = statementSql(st, stmt);
  // A data-modifying WITH runs its statements first (data-modifying-ctes.ts).
  return {
    sql: st.prelude.length > 0 ? [...st.prelude, ...sql] : sql, paramCount: st.paramCount,
    ...(st.resultStatements > 1 ? { resultStatements: st.resultStatements } : {}),
  };
}

function statementSql(st: TranslationState, stmt: Node): string[] {
  const kind = nodeKind(stmt);
  switch (kind) {
    case 'SelectStmt': {
      const select = nodeBody(stmt, 'SelectStmt');
      if (select.intoClause !== undefined) {
        // SELECT … INTO t is CREATE TABLE t AS SELECT …; the query is the SELECT minus INTO.
        return [createTableAs(st, select.intoClause, { SelectStmt: { ...select, intoClause: undefined } }, false)];
      }
      return [sequenceCallStatement(st, select) ?? selectStatement(st, select)];
    }
    case 'InsertStmt': {
      const inserts = insertStatements(st, nodeBody(stmt, 'InsertStmt'));
      st.resultStatements = inserts.length;
      return inserts;
    }
    case 'UpdateStmt':
      return [updateStatement(st, nodeBody(stmt, 'UpdateStmt'))];
    case 'DeleteStmt':
      return [deleteStatement(st, nodeBody(stmt, 'DeleteStmt'))];
    case 'CreateStmt': {
      // Relation names are SQLite names here (src/sql/resolve-schema-names.ts); their schema must exist.
      const node = nodeBody(stmt, 'CreateStmt');
      return [...creationChecks(node.relation?.relname, node.relation?.relpersistence === 't'), ...createTable(st, node)];
    }
    case 'CreateTableAsStmt': {
      const node = nodeBody(stmt, 'CreateTableAsStmt');
      if (node.objtype === 'OBJECT_MATVIEW') return unsupported(st, 'CREATE MATERIALIZED VIEW', node.into?.rel?.location);
      const checks = creationChecks(node.into?.rel?.relname, node.into?.rel?.relpersistence === 't');
      return [...checks, createTableAs(st, node.into!, node.query!, node.if_not_exists === true)];
    }
    case 'IndexStmt':
      return [createIndex(st, nodeBody(stmt, 'IndexStmt'))];
    case 'ViewStmt': {
      const node = nodeBody(stmt, 'ViewStmt');
      return [...creationChecks(node.view?.relname, node.view?.relpersistence === 't'), ...createView(st, node)];
    }
    case 'DropStmt': {
      const node = nodeBody(stmt, 'DropStmt');
      if (node.removeType === 'OBJECT_TYPE') return dropEnums(st, node);
      if (node.removeType === 'OBJECT_EXTENSION') return dropExtensions(st, node);
      return node.removeType === 'OBJECT_SCHEMA' ? dropSchema(st, node) : dropStatement(st, node);
    }
    case 'AlterTableStmt':
      return alterTable(st, nodeBody(stmt, 'AlterTableStmt'));
    case 'RenameStmt': {
      const node = nodeBody(stmt, 'RenameStmt');
      if (node.renameType === 'OBJECT_TYPE') return renameEnum(st, node);
      return node.renameType === 'OBJECT_SCHEMA' ? renameSchema(st, node) : renameStatement(st, node);
    }
    case 'CreateSchemaStmt':
      return createSchema(st, nodeBody(stmt, 'CreateSchemaStmt'), (element) => statementSql(st, element));
    case 'AlterObjectSchemaStmt':
      return setSchema(st, nodeBody(stmt, 'AlterObjectSchemaStmt'));
    case 'TruncateStmt':
      return truncateStatement(st, nodeBody(stmt, 'TruncateStmt'));
    case 'CreateSeqStmt': {
      const node = nodeBody(stmt, 'CreateSeqStmt');
      return [...creationChecks(node.sequence?.relname, node.sequence?.relpersistence === 't'), ...createSequence(st, node)];
    }
    case 'AlterSeqStmt':
      return alterSequence(st, nodeBody(stmt, 'AlterSeqStmt'));
    case 'VacuumStmt':
      return [vacuumStatement(st, nodeBody(stmt, 'VacuumStmt'))];
    case 'CreateEnumStmt':
      return createEnum(st, nodeBody(stmt, 'CreateEnumStmt'));
    case 'AlterEnumStmt':
      return alterEnum(st, nodeBody(stmt, 'AlterEnumStmt'));
    case 'CommentStmt':
      return commentStatement(st, nodeBody(stmt, 'CommentStmt'));
    case 'CreateExtensionStmt':
      return createExtension(st, nodeBody(stmt, 'CreateExtensionStmt'));
    case 'AlterExtensionStmt':
      return alterExtension(st, nodeBody(stmt, 'AlterExtensionStmt'));
    default: {
      const session = sessionStatements[kind];
      if (session !== undefined) return notTranslatable(st, `${session} is handled by the session, not translated to SQLite`);
      return unsupported(st, statementWords(kind));
    }
  }
}

/** Statements the server itself carries out; asking the translator for them is a caller's mistake. */
const sessionStatements: Partial<Record<NodeKind, string>> = {
  TransactionStmt: 'transaction control',
  VariableSetStmt: 'SET',
  VariableShowStmt: 'SHOW',
  CopyStmt: 'COPY',
  ListenStmt: 'LISTEN',
  UnlistenStmt: 'UNLISTEN',
  NotifyStmt: 'NOTIFY',
  DiscardStmt: 'DISCARD',
  PrepareStmt: 'PREPARE',
  ExecuteStmt: 'EXECUTE',
  DeallocateStmt: 'DEALLOCATE',
  DeclareCursorStmt: 'DECLARE CURSOR',
  FetchStmt: 'FETCH',
  ClosePortalStmt: 'CLOSE',
  CreateRoleStmt: 'CREATE ROLE',
  AlterRoleStmt: 'ALTER ROLE',
  DropRoleStmt: 'DROP ROLE',
  AlterRoleSetStmt: 'ALTER ROLE … SET',
};

const statementNames: Partial<Record<NodeKind, string>> = {
  ExplainStmt: 'EXPLAIN',
  MergeStmt: 'MERGE',
  CreateSeqStmt: 'CREATE SEQUENCE',
  AlterSeqStmt: 'ALTER SEQUENCE',
  CreateFunctionStmt: 'CREATE FUNCTION',
  CreateTrigStmt: 'CREATE TRIGGER',
  CreateEnumStmt: 'CREATE TYPE … AS ENUM',
  CompositeTypeStmt: 'CREATE TYPE',
  CreateDomainStmt: 'CREATE DOMAIN',
  CommentStmt: 'COMMENT',
  GrantStmt: 'GRANT/REVOKE',
  GrantRoleStmt: 'GRANT/REVOKE role',
  LockStmt: 'LOCK',
  DoStmt: 'DO',
  CallStmt: 'CALL',
  RefreshMatViewStmt: 'REFRESH MATERIALIZED VIEW',
  CreatedbStmt: 'CREATE DATABASE',
  DropdbStmt: 'DROP DATABASE',
  ReindexStmt: 'REINDEX',
  ClusterStmt: 'CLUSTER',
  CheckPointStmt: 'CHECKPOINT',
  RuleStmt: 'CREATE RULE',
  CreatePolicyStmt: 'CREATE POLICY',
  AlterOwnerStmt: 'ALTER … OWNER TO',
  DefineStmt: 'CREATE AGGREGATE/OPERATOR/TYPE',
};

/** 'CreateSeqStmt' → 'CREATE SEQUENCE' from the table, else the node name in words. */
function statementWords(kind: NodeKind): string {
  const known = statementNames[kind];
  if (known !== undefined) return known;
  const base = kind.endsWith('Stmt') ? kind.slice(0, -4) : kind;
  let words = '';
  for (let i = 0; i < base.length; i++) {
    const c = base[i]!;
    if (i > 0 && c >= 'A' && c <= 'Z') words += ' ';
    words += c.toUpperCase();
  }
  return words;
}
