/** CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON table [USING method] (…) [WHERE …]. */
import type { IndexStmt } from 'libpg-query';
import { expression } from './expressions.js';
import { quoteIdentifier } from './identifiers.js';
import { indexElements } from './index-elements.js';
import { joinColumnNames, makeObjectName } from './index-names.js';
import { nodeBody, type Node } from './parse-tree.js';
import { sqliteSchemaName } from './qualified-names.js';
import { splitStorageName, storageName } from '../schema-names.js';
import { indexColumnName } from './result-column-names.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

/**
 * btree is SQLite's only index kind; hash indexes answer the same equality lookups, so both map
 * onto it. gin/gist/brin/spgist serve operators (containment, full text, geometry) SQLite lacks.
 */
const btreeLikeMethods = new Set(['btree', 'hash']);

export function createIndex(st: TranslationState, node: IndexStmt): string {
  const relation = node.relation!;
  const method = node.accessMethod ?? 'btree';
  if (!btreeLikeMethods.has(method)) unsupported(st, `index access method ${method}`, relation.location);
  if (node.tableSpace !== undefined) unsupported(st, 'TABLESPACE', relation.location);
  if (node.nulls_not_distinct) unsupported(st, 'NULLS NOT DISTINCT', relation.location);
  if (relation.catalogname !== undefined) unsupported(st, 'a cross-database reference', relation.location);
  // CONCURRENTLY only avoids blocking writers in PostgreSQL; WITH (…) storage parameters and
  // INCLUDE (covering) columns only affect speed. All three are dropped.
  const params = node.indexParams ?? [];
  const table = relation.relname ?? '';
  // A default name is PostgreSQL's for the table's own name, in the table's schema (src/sql/schema-names.ts).
  const owner = splitStorageName(table);
  const name = node.idxname ?? storageName(owner.schema, makeObjectName(owner.name, joinColumnNames(params.map(elementName)), 'idx'));
  // SQLite puts the schema on the index name; the table must be in that schema.
  const schema = sqliteSchemaName(relation.schemaname);
  let text = 'CREATE ' + (node.unique ? 'UNIQUE ' : '') + 'INDEX ' + (node.if_not_exists ? 'IF NOT EXISTS ' : '');
  text += (schema !== undefined ? quoteIdentifier(schema) + '.' : '') + quoteIdentifier(name);
  text += ' ON ' + quoteIdentifier(table) + ' (' + indexElements(st, params, true) + ')';
  if (node.whereClause !== undefined) text += ' WHERE ' + expression(st, node.whereClause);
  return text;
}

/** The name an index column contributes to a default index name. */
function elementName(node: Node): string {
  const element = nodeBody(node, 'IndexElem');
  return element.indexcolname ?? element.name ?? indexColumnName(element.expr);
}
