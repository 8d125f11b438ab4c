/**
 * Column and table constraints. SQLite has the same constraint kinds (NOT NULL, DEFAULT, CHECK,
 * PRIMARY KEY, UNIQUE, REFERENCES, generated columns) with the same names, and the differences
 * are refused here: deferrable keys other than foreign keys, MATCH FULL, NULLS NOT DISTINCT,
 * exclusion constraints, identity columns.
 */
import type { Constraint, RangeVar } from 'libpg-query';
import { expression } from './expressions.js';
import { quoteIdentifier } from './identifiers.js';
import { asNode, nodeBody, stringsOf, type Node } from './parse-tree.js';
import { relationName, sqliteSchemaName } from './qualified-names.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

const referentialActions: Record<string, string> = {
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/**
 * The constraints of one column, in order. PostgreSQL writes DEFERRABLE / INITIALLY DEFERRED as
 * separate entries after the constraint they modify; SQLite wants them inside a REFERENCES clause.
 */
export function columnConstraints(st: TranslationState, constraints: Node[] | undefined, options: { autoincrement?: boolean } = {}): string {
  let text = '';
  let previous: Constraint | undefined;
  let deferrableWritten = false;
  for (const node of constraints ?? []) {
    const constraint = nodeBody(node, 'Constraint');
    switch (constraint.contype) {
      case 'CONSTR_ATTR_DEFERRABLE':
        requireForeignKey(st, previous, constraint);
        text += ' DEFERRABLE';
        deferrableWritten = true;
        break;
      case 'CONSTR_ATTR_NOT_DEFERRABLE':
        break;
      case 'CONSTR_ATTR_DEFERRED':
        requireForeignKey(st, previous, constraint);
        // INITIALLY DEFERRED implies DEFERRABLE in PostgreSQL; SQLite needs the word.
        text += deferrableWritten ? ' INITIALLY DEFERRED' : ' DEFERRABLE INITIALLY DEFERRED';
        deferrableWritten = true;
        break;
      case 'CONSTR_ATTR_IMMEDIATE':
        if (deferrableWritten) text += ' INITIALLY IMMEDIATE';
        break;
      default:
        text += ' ' + columnConstraint(st, constraint);
        // AUTOINCREMENT must follow PRIMARY KEY directly (column-definitions.ts: serial keys).
        if (constraint.contype === 'CONSTR_PRIMARY' && options.autoincrement) text += ' AUTOINCREMENT';
        previous = constraint;
        deferrableWritten = false;
    }
  }
  return text;
}

/** Whether the list has a constraint of this kind (PRIMARY KEY, NOT NULL …). */
export function hasConstraint(constraints: Node[] | undefined, kind: Constraint['contype']): boolean {
  for (const node of constraints ?? []) if (asNode(node, 'Constraint')?.contype === kind) return true;
  return false;
}

function requireForeignKey(st: TranslationState, previous: Constraint | undefined, attribute: Constraint): void {
  if (previous?.contype !== 'CONSTR_FOREIGN') unsupported(st, 'DEFERRABLE on a constraint other than a foreign key', attribute.location);
}

function constraintName(constraint: Constraint): string {
  return constraint.conname !== undefined ? 'CONSTRAINT ' + quoteIdentifier(constraint.conname) + ' ' : '';
}

function columnConstraint(st: TranslationState, constraint: Constraint): string {
  const name = constraintName(constraint);
  switch (constraint.contype) {
    case 'CONSTR_NOTNULL':
      return name + 'NOT NULL';
    case 'CONSTR_NULL':
      return name + 'NULL';
    case 'CONSTR_DEFAULT':
      return name + 'DEFAULT ' + defaultValue(st, constraint.raw_expr!);
    case 'CONSTR_CHECK':
      return name + 'CHECK (' + expression(st, constraint.raw_expr!) + ')';
    case 'CONSTR_PRIMARY':
      checkIndexOptions(st, constraint);
      return name + 'PRIMARY KEY';
    case 'CONSTR_UNIQUE':
      checkIndexOptions(st, constraint);
      return name + 'UNIQUE';
    case 'CONSTR_FOREIGN':
      return name + references(st, constraint);
    case 'CONSTR_GENERATED':
      return name + 'GENERATED ALWAYS AS (' + expression(st, constraint.raw_expr!) + ') STORED';
    default:
      return unsupportedConstraint(st, constraint);
  }
}

export function tableConstraint(st: TranslationState, constraint: Constraint): string {
  const name = constraintName(constraint);
  switch (constraint.contype) {
    case 'CONSTR_PRIMARY':
      checkIndexOptions(st, constraint);
      return name + 'PRIMARY KEY (' + columnNames(constraint.keys) + ')';
    case 'CONSTR_UNIQUE':
      checkIndexOptions(st, constraint);
      return name + 'UNIQUE (' + columnNames(constraint.keys) + ')';
    case 'CONSTR_CHECK':
      return name + 'CHECK (' + expression(st, constraint.raw_expr!) + ')';
    case 'CONSTR_FOREIGN':
      return name + 'FOREIGN KEY (' + columnNames(constraint.fk_attrs) + ') ' + references(st, constraint) + deferrability(constraint);
    default:
      return unsupportedConstraint(st, constraint);
  }
}

/** A comma-separated, quoted column list from String nodes. */
export function columnNames(nodes: Node[] | undefined): string {
  return stringsOf(nodes).map(quoteIdentifier).join(', ');
}

/**
 * Constraint options that only place or tune the backing index (WITH (fillfactor …), INCLUDE
 * columns) are dropped; deferrability and NULLS NOT DISTINCT change behaviour and are refused.
 */
export function checkIndexOptions(st: TranslationState, constraint: Constraint): void {
  if (constraint.deferrable || constraint.initdeferred) unsupported(st, 'DEFERRABLE on a constraint other than a foreign key', constraint.location);
  if (constraint.nulls_not_distinct) unsupported(st, 'NULLS NOT DISTINCT', constraint.location);
  if (constraint.indexspace !== undefined) unsupported(st, 'USING INDEX TABLESPACE', constraint.location);
  if (constraint.indexname !== undefined) unsupported(st, 'a constraint USING INDEX', constraint.location);
}

/** SQLite takes literals bare; any other default expression must be parenthesised. */
export function defaultValue(st: TranslationState, value: Node): string {
  const text = expression(st, value);
  return asNode(value, 'A_Const') !== undefined ? text : '(' + text + ')';
}

function references(st: TranslationState, constraint: Constraint): string {
  const target = constraint.pktable!;
  if (constraint.fk_matchtype === 'f') unsupported(st, 'MATCH FULL', constraint.location);
  if (constraint.fk_matchtype === 'p') unsupported(st, 'MATCH PARTIAL', constraint.location);
  if (constraint.fk_del_set_cols?.length) unsupported(st, 'ON DELETE SET NULL/DEFAULT with a column list', constraint.location);
  let text = 'REFERENCES ' + referencedTable(st, target);
  if (constraint.pk_attrs?.length) text += ' (' + columnNames(constraint.pk_attrs) + ')';
  const onDelete = referentialActions[constraint.fk_del_action ?? 'a'];
  const onUpdate = referentialActions[constraint.fk_upd_action ?? 'a'];
  if (onDelete !== undefined) text += ' ON DELETE ' + onDelete;
  if (onUpdate !== undefined) text += ' ON UPDATE ' + onUpdate;
  return text;
}

/** SQLite foreign keys name a table of main (user schemas' tables included: src/sql/schema-names.ts), unqualified. */
function referencedTable(st: TranslationState, target: RangeVar): string {
  if (sqliteSchemaName(target.schemaname) !== undefined) unsupported(st, 'a foreign key to a table in another schema', target.location);
  return relationName(st, target);
}

function deferrability(constraint: Constraint): string {
  if (constraint.initdeferred) return ' DEFERRABLE INITIALLY DEFERRED';
  return constraint.deferrable ? ' DEFERRABLE' : '';
}

function unsupportedConstraint(st: TranslationState, constraint: Constraint): never {
  const names: Record<string, string> = {
    CONSTR_IDENTITY: 'an identity column',
    CONSTR_EXCLUSION: 'an EXCLUDE constraint',
  };
  return unsupported(st, names[constraint.contype ?? ''] ?? `constraint ${String(constraint.contype)}`, constraint.location);
}
