/**
 * Constraints added to an existing table. SQLite cannot change a table's constraints without
 * rebuilding it, and the translator does not know the table's other columns to rebuild it; so
 * ALTER TABLE … ADD CONSTRAINT … CHECK and ALTER COLUMN … SET NOT NULL become BEFORE INSERT/UPDATE
 * triggers that raise PostgreSQL's errors, after a check of the existing rows. The triggers are
 * named after the constraint (`pgsqlite_check_<table>_<name>_insert|update`) or column
 * (`pgsqlite_notnull_<table>_<column>_insert|update`), so DROP CONSTRAINT (the dropConstraint
 * schema operation, src/storage/worker/schema-operations.ts) and DROP NOT NULL find them.
 */
import type { Constraint } from 'libpg-query';
import { expression } from './expressions.js';
import { quoteIdentifier, quoteString } from './identifiers.js';
import { makeObjectName } from './index-names.js';
import type { Node } from './parse-tree.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

const raise = (code: string, message: string) => `SELECT pgsqlite_raise('${code}', ${quoteString(message)})`;

/** The expression with its column references read from the new row (`"new".col`). */
function onNewRow(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(onNewRow);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'ColumnRef') {
      const ref = value as { fields?: Node[] };
      out[key] = ref.fields?.length === 1 ? { ...ref, fields: [{ String: { sval: 'new' } }, ...ref.fields] } : ref;
    } else {
      out[key] = onNewRow(value);
    }
  }
  return out;
}

/** PostgreSQL names an unnamed CHECK after the first column it reads (t_qty_check). */
function firstColumn(node: unknown): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = firstColumn(item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const ref = (node as { ColumnRef?: { fields?: { String?: { sval?: string } }[] } }).ColumnRef;
  if (ref !== undefined) return ref.fields?.at(-1)?.String?.sval;
  return firstColumn(Object.values(node));
}

function triggerPair(name: string, table: string, column: string | undefined, when: string, body: string): string[] {
  const on = quoteIdentifier(table);
  return [
    `CREATE TRIGGER ${quoteIdentifier(name + '_insert')} BEFORE INSERT ON ${on} WHEN ${when} BEGIN ${body}; END`,
    `CREATE TRIGGER ${quoteIdentifier(name + '_update')} BEFORE UPDATE${column !== undefined ? ' OF ' + quoteIdentifier(column) : ''} ON ${on} WHEN ${when} BEGIN ${body}; END`,
  ];
}

/** ADD [CONSTRAINT name] CHECK (expr): existing rows are checked first (23514), as PostgreSQL validates them. */
export function addCheckConstraint(st: TranslationState, constraint: Constraint, table: string): string[] {
  if (constraint.skip_validation) unsupported(st, 'CHECK … NOT VALID', constraint.location);
  if (constraint.is_no_inherit) unsupported(st, 'CHECK … NO INHERIT', constraint.location);
  const name = constraint.conname ?? makeObjectName(table, firstColumn(constraint.raw_expr), 'check');
  const test = expression(st, constraint.raw_expr!);
  const onNew = expression(st, onNewRow(constraint.raw_expr) as Node);
  return [
    `${raise('23514', `check constraint "${name}" of relation "${table}" is violated by some row`)} FROM ${quoteIdentifier(table)} WHERE NOT (${test}) LIMIT 1`,
    ...triggerPair(`pgsqlite_check_${table}_${name}`, table, undefined, `NOT (${onNew})`,
      raise('23514', `new row for relation "${table}" violates check constraint "${name}"`)),
  ];
}

/** ALTER COLUMN … SET NOT NULL: 23502 for an existing NULL, then for each new one. */
export function setNotNull(table: string, column: string): string[] {
  const ref = quoteIdentifier(column);
  return [
    `${raise('23502', `column "${column}" of relation "${table}" contains null values`)} FROM ${quoteIdentifier(table)} WHERE ${ref} IS NULL LIMIT 1`,
    `DROP TRIGGER IF EXISTS ${quoteIdentifier(`pgsqlite_notnull_${table}_${column}_insert`)}`,
    `DROP TRIGGER IF EXISTS ${quoteIdentifier(`pgsqlite_notnull_${table}_${column}_update`)}`,
    ...triggerPair(`pgsqlite_notnull_${table}_${column}`, table, column, `"new".${ref} IS NULL`,
      raise('23502', `null value in column "${column}" of relation "${table}" violates not-null constraint`)),
  ];
}

/** ALTER COLUMN … DROP NOT NULL of a SET NOT NULL; a NOT NULL of CREATE TABLE is refused at run time. */
export function dropNotNull(table: string, column: string): string[] {
  return [
    `${raise('0A000', 'ALTER TABLE … DROP NOT NULL of a column declared NOT NULL in CREATE TABLE is not supported yet')} `
      + `FROM pragma_table_info(${quoteString(table)}) WHERE name = ${quoteString(column)} AND "notnull"`,
    `DROP TRIGGER IF EXISTS ${quoteIdentifier(`pgsqlite_notnull_${table}_${column}_insert`)}`,
    `DROP TRIGGER IF EXISTS ${quoteIdentifier(`pgsqlite_notnull_${table}_${column}_update`)}`,
  ];
}
