/** CREATE [TEMP] TABLE [IF NOT EXISTS] name (columns, table constraints). */
import type { ColumnDef, CreateStmt, TableLikeClause } from 'libpg-query';
import { schemaOperationSql } from '../schema-operations.js';
import { columnChecks, columnDefinition, columnSequence, identityOf } from './column-definitions.js';
import { hasConstraint } from './constraints.js';
import { isSerialType } from './type-names.js';
import { tableConstraint } from './constraints.js';
import { asNode, nodeBody, nodeKind, stringsOf, type Node } from './parse-tree.js';
import { relationName, sqliteSchemaName } from './qualified-names.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

/** The table, then its columns' input-check triggers (input-checks.ts). */
export function createTable(st: TranslationState, node: CreateStmt): string[] {
  const relation = node.relation!;
  refuseTableFeatures(st, node);
  // WITH (fillfactor …) and other storage parameters tune PostgreSQL's storage; they are dropped.
  // UNLOGGED only trades crash safety for speed in PostgreSQL; the table is created logged.
  const elements = node.tableElts ?? [];
  const primaryKey = tablePrimaryKey(elements);
  const parts: string[] = [];
  const checks: string[] = [];
  const sequences: string[] = [];
  const table = { name: relation.relname ?? '', schema: relation.schemaname, temp: relation.relpersistence === 't' };
  for (const element of elements) {
    switch (nodeKind(element)) {
      case 'ColumnDef': {
        const column = nodeBody(element, 'ColumnDef');
        parts.push(columnDefinition(st, column, primaryKey));
        checks.push(...columnChecks(st, table, column, node.if_not_exists === true));
        if (rowidKey(column, primaryKey)) sequences.push(...columnSequence(st, table, column, node.if_not_exists === true));
        break;
      }
      case 'Constraint':
        parts.push(tableConstraint(st, nodeBody(element, 'Constraint')));
        break;
      case 'TableLikeClause':
        return tableLike(st, node, nodeBody(element, 'TableLikeClause'));
      default:
        unsupported(st, `${nodeKind(element)} in CREATE TABLE`, relation.location);
    }
  }
  if (parts.length === 0) unsupported(st, 'a table without columns', relation.location);
  const temp = relation.relpersistence === 't' ? 'TEMP ' : '';
  const ifNotExists = node.if_not_exists ? 'IF NOT EXISTS ' : '';
  // The table first: its triggers and (for IF NOT EXISTS) the sequence rows come after it.
  return [`CREATE ${temp}TABLE ${ifNotExists}${relationName(st, relation)} (${parts.join(', ')})`, ...checks, ...dedupe(sequences)];
}

/** PostgreSQL's CREATE_TABLE_LIKE_* option bits (parsenodes.h). */
const likeOptions = { constraints: 1 << 2, defaults: 1 << 3, indexes: 1 << 6 };

/**
 * CREATE TABLE t (LIKE source [INCLUDING …]): the createTableLike schema operation copies the
 * source's columns with their NOT NULL and input checks, and with INCLUDING DEFAULTS /
 * CONSTRAINTS / INDEXES (or ALL) their defaults, CHECK constraints and primary key / unique
 * constraints. COMMENTS, COMPRESSION, STATISTICS and STORAGE have nothing to copy here.
 */
function tableLike(st: TranslationState, node: CreateStmt, like: TableLikeClause): string[] {
  const relation = node.relation!;
  if ((node.tableElts ?? []).length !== 1) unsupported(st, 'LIKE together with other columns in CREATE TABLE', like.relation?.location);
  if (sqliteSchemaName(relation.schemaname) !== undefined || sqliteSchemaName(like.relation?.schemaname) !== undefined) {
    unsupported(st, 'LIKE in CREATE TABLE of another schema', like.relation?.location);
  }
  const options = like.options ?? 0;
  return [schemaOperationSql({
    op: 'createTableLike', table: relation.relname ?? '', temp: relation.relpersistence === 't', ifNotExists: node.if_not_exists === true,
    source: like.relation?.relname ?? '', defaults: (options & likeOptions.defaults) !== 0,
    constraints: (options & likeOptions.constraints) !== 0, indexes: (options & likeOptions.indexes) !== 0,
  })];
}

/** A serial or identity column that became the rowid alias (the others were refused). */
function rowidKey(column: ColumnDef, primaryKey: string[] | undefined): boolean {
  if (!isSerialType(column.typeName) && identityOf(column) === undefined) return false;
  return hasConstraint(column.constraints, 'CONSTR_PRIMARY') || (primaryKey?.length === 1 && primaryKey[0] === column.colname);
}

/** The shared CREATE TABLE IF NOT EXISTS pgsqlite_sequences once. */
function dedupe(statements: string[]): string[] {
  return statements.filter((sql, i) => statements.indexOf(sql) === i);
}

/** Columns of the table-level PRIMARY KEY (…), if any. */
function tablePrimaryKey(elements: Node[]): string[] | undefined {
  for (const element of elements) {
    const constraint = asNode(element, 'Constraint');
    if (constraint?.contype === 'CONSTR_PRIMARY') return stringsOf(constraint.keys);
  }
  return undefined;
}

function refuseTableFeatures(st: TranslationState, node: CreateStmt): void {
  const location = node.relation?.location;
  if (node.inhRelations?.length) unsupported(st, 'INHERITS', location);
  if (node.partspec !== undefined) unsupported(st, 'PARTITION BY', location);
  if (node.partbound !== undefined) unsupported(st, 'PARTITION OF', location);
  if (node.ofTypename !== undefined) unsupported(st, 'CREATE TABLE … OF type', location);
  if (node.oncommit === 'ONCOMMIT_DROP') unsupported(st, 'ON COMMIT DROP', location);
  if (node.oncommit === 'ONCOMMIT_DELETE_ROWS') unsupported(st, 'ON COMMIT DELETE ROWS', location);
  if (node.tablespacename !== undefined) unsupported(st, 'TABLESPACE', location);
  if (node.accessMethod !== undefined) unsupported(st, 'a table access method (USING)', location);
}
