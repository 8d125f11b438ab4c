/**
 * Data-modifying statements in WITH: `WITH ins AS (INSERT … RETURNING id) SELECT … FROM ins`.
 * SQLite has no such CTEs, and the rows of a RETURNING clause cannot feed another statement, so
 * the one PostgreSQL statement becomes several SQLite statements run as a unit on the writer
 * (translateStatement's list; the session runs them in one transaction):
 *
 *   SELECT 1 WHERE pgsqlite_modified_reset() IS NOT NULL
 *   CREATE TEMP TRIGGER pgsqlite_modified_1_insert AFTER INSERT ON t BEGIN
 *     SELECT pgsqlite_modified_add(1, json_array(<RETURNING expressions>)) FROM t WHERE rowid = NEW.rowid; END
 *   INSERT INTO t …                       -- the statement, without RETURNING
 *   DROP TRIGGER temp.pgsqlite_modified_1_insert
 *   WITH ins(…) AS (SELECT value ->> 0 … FROM json_each(pgsqlite_modified_rows(1))) SELECT …
 *
 * The trigger hands each returned row to the engine (src/catalog/modified-rows-functions.ts) in
 * the order the statement touched them; an UPDATE's rows are read after the change, a DELETE's
 * before it. The outer statement is the last one, so its rows and command tag are the result.
 */
import type { CommonTableExpr, DeleteStmt, InsertStmt, UpdateStmt } from 'libpg-query';
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { modifyTypeScope } from '../infer-output-types.js';
import type { AstNode } from '../parser.js';
import { deleteStatement } from './delete-statement.js';
import { expression } from './expressions.js';
import { quoteIdentifier } from './identifiers.js';
import { insertStatements } from './insert-statement.js';
import { asNode, nodeBody, nodeKind, stringOf, type Node } from './parse-tree.js';
import { relationName } from './qualified-names.js';
import { resultColumnName } from './result-column-names.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';
import { updateStatement } from './update-statement.js';

type ModifyingStatement = { kind: 'InsertStmt'; body: InsertStmt } | { kind: 'UpdateStmt'; body: UpdateStmt } | { kind: 'DeleteStmt'; body: DeleteStmt };

/** True when the CTE's query is an INSERT, UPDATE, DELETE or MERGE rather than a SELECT. */
export function isDataModifying(node: CommonTableExpr): boolean {
  return node.ctequery !== undefined && nodeKind(node.ctequery) !== 'SelectStmt';
}

/**
 * Adds the statements that carry out the CTE's statement to st.prelude and returns the query that
 * reads its RETURNING rows, for the CTE's body.
 * @param topLevel whether the WITH clause belongs to the statement itself (PostgreSQL's rule).
 */
export function dataModifyingCte(st: TranslationState, node: CommonTableExpr, topLevel: boolean): string {
  const query = node.ctequery!;
  const kind = nodeKind(query);
  if (kind !== 'InsertStmt' && kind !== 'UpdateStmt' && kind !== 'DeleteStmt') {
    return unsupported(st, `${kind === 'MergeStmt' ? 'MERGE' : kind} in WITH`, node.location);
  }
  if (!topLevel) {
    throw new PgError({ code: SqlState.featureNotSupported, message: 'WITH clause containing a data-modifying statement must be at the top level' });
  }
  const statement = { kind, body: nodeBody(query, kind) } as ModifyingStatement;
  const returning = statement.body.returningList ?? [];
  const id = ++st.modifyingCtes;
  // No row comes back from it: the statements before the result must not return rows.
  if (id === 1) st.prelude.push('SELECT 1 WHERE pgsqlite_modified_reset() IS NOT NULL');
  const triggers = returning.length > 0 ? captureTriggers(st, statement, id) : [];
  st.prelude.push(...triggers.map((t) => t.create));
  st.prelude.push(...statementWithoutReturning(st, statement));
  st.prelude.push(...triggers.map((t) => `DROP TRIGGER temp.${t.name}`));
  if (returning.length === 0) return 'SELECT NULL LIMIT 0';
  const columns = returning.map((target, i) => `value ->> ${i} AS ${quoteIdentifier(outputName(nodeBody(target, 'ResTarget')))}`);
  return `SELECT ${columns.join(', ')} FROM json_each(pgsqlite_modified_rows(${id}))`;
}

function outputName(target: { name?: string; val?: Node }): string {
  return target.name ?? stringOf(asNode(target.val, 'ColumnRef')?.fields?.at(-1)) ?? resultColumnName(target.val);
}

function statementWithoutReturning(st: TranslationState, statement: ModifyingStatement): string[] {
  switch (statement.kind) {
    case 'InsertStmt':
      return insertStatements(st, { ...statement.body, returningList: undefined });
    case 'UpdateStmt':
      return [updateStatement(st, { ...statement.body, returningList: undefined })];
    case 'DeleteStmt':
      return [deleteStatement(st, { ...statement.body, returningList: undefined })];
  }
}

/**
 * The TEMP triggers that capture the RETURNING rows: AFTER INSERT / AFTER UPDATE read the new
 * row, BEFORE DELETE the row about to go. An upsert that updates returns the updated rows too.
 */
function captureTriggers(st: TranslationState, statement: ModifyingStatement, id: number): { name: string; create: string }[] {
  const body = statement.body;
  const relation = body.relation!;
  for (const target of body.returningList ?? []) {
    const fields = asNode(nodeBody(target, 'ResTarget').val, 'ColumnRef')?.fields;
    if (fields?.some((f) => asNode(f, 'A_Star') !== undefined)) unsupported(st, 'RETURNING * in a data-modifying WITH', nodeBody(target, 'ResTarget').location);
  }
  if ((statement.kind === 'UpdateStmt' && statement.body.fromClause?.length) || (statement.kind === 'DeleteStmt' && statement.body.usingClause?.length)) {
    unsupported(st, `${statement.kind === 'UpdateStmt' ? 'UPDATE … FROM' : 'DELETE … USING'} with RETURNING in WITH`, relation.location);
  }
  const table = relationName(st, relation);
  const alias = quoteIdentifier(relation.alias?.aliasname ?? relation.relname ?? '');
  const values = st.inTypeScope(modifyTypeScope(body as AstNode, st.typeScope), () =>
    (body.returningList ?? []).map((target) => expression(st, nodeBody(target, 'ResTarget').val!)).join(', '));
  const trigger = (event: 'insert' | 'update' | 'delete'): { name: string; create: string } => {
    const name = `pgsqlite_modified_${id}_${event}`;
    const row = event === 'delete' ? 'OLD' : 'NEW';
    const timing = event === 'delete' ? 'BEFORE' : 'AFTER';
    return {
      name,
      create: `CREATE TEMP TRIGGER ${name} ${timing} ${event.toUpperCase()} ON ${table} BEGIN `
        + `SELECT pgsqlite_modified_add(${id}, json_array(${values})) FROM ${table} AS ${alias} WHERE ${alias}.rowid = ${row}.rowid; END`,
    };
  };
  switch (statement.kind) {
    case 'InsertStmt':
      return statement.body.onConflictClause?.action === 'ONCONFLICT_UPDATE' ? [trigger('insert'), trigger('update')] : [trigger('insert')];
    case 'UpdateStmt':
      return [trigger('update')];
    case 'DeleteStmt':
      return [trigger('delete')];
  }
}

/**
 * PostgreSQL runs every part of the statement on one snapshot: the rest of the statement reads a
 * table as it was before the data-modifying CTEs changed it. Here they run first, so a statement
 * that also reads (or updates, or deletes from) a table one of them modifies would see the
 * change: refused (0A000) rather than answered differently. Reading the CTE's rows is fine, and so
 * are the outer INSERT's target and a data-modifying statement's reads of its own target.
 */
export function checkSnapshotReads(st: TranslationState, statement: Node, ctes: Node[]): void {
  const modified = new Map<object, string>();
  for (const cte of ctes) {
    const body = nodeBody(cte, 'CommonTableExpr');
    if (!isDataModifying(body)) continue;
    const query = body.ctequery!;
    const relation = (nodeBody(query, nodeKind(query)) as { relation?: { relname?: string } }).relation;
    if (relation?.relname !== undefined) modified.set(query, relation.relname);
  }
  if (modified.size === 0) return;
  const names = new Set(modified.values());
  // A RangeVar in FROM is a node ({ RangeVar: … }); a statement's target (`relation`) is a bare body.
  const kind = nodeKind(statement);
  const target = (nodeBody(statement, kind) as { relation?: { relname?: string; location?: number } }).relation;
  if ((kind === 'UpdateStmt' || kind === 'DeleteStmt') && target?.relname !== undefined && names.has(target.relname)) {
    unsupported(st, `a data-modifying WITH in a statement that also changes "${target.relname}", the table it modifies`, target.location);
  }
  const visit = (value: unknown, owner: string | undefined): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, owner);
      return;
    }
    const own = modified.get(value);
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'RangeVar') {
        const name = (child as { relname?: string }).relname;
        if (name !== undefined && names.has(name) && name !== (own ?? owner)) {
          unsupported(st, `a data-modifying WITH in a statement that also reads "${name}", the table it modifies`, (child as { location?: number }).location);
        }
        continue;
      }
      visit(child, own ?? owner);
    }
  };
  visit(statement, undefined);
}
