/**
 * ALTER TABLE. SQLite can add, drop and rename columns and rename tables; one PostgreSQL ALTER
 * with several actions becomes one SQLite statement per action. Adding a primary key or unique
 * constraint becomes a unique index. Columns come and go with their input-check triggers
 * (input-checks.ts). Everything else is refused by name.
 */
import type { AlterTableCmd, AlterTableStmt, Constraint } from 'libpg-query';
import { columnChecks, columnDefinition } from './column-definitions.js';
import { dropInputCheckTriggers } from './input-checks.js';
import { checkIndexOptions, columnNames } from './constraints.js';
import { quoteIdentifier } from './identifiers.js';
import { joinColumnNames, makeObjectName } from './index-names.js';
import { objectTypeWords } from './object-types.js';
import { nodeBody, stringsOf } from './parse-tree.js';
import { relationName, sqliteSchemaName } from './qualified-names.js';
import type { TranslationState } from './translation-state.js';
import { addCheckConstraint, dropConstraint, dropNotNull, setNotNull } from './trigger-constraints.js';
import { unsupported } from './unsupported.js';

/** Wording of the refused forms, after "ALTER TABLE … ". */
const actionNames: Record<string, string> = {
  AT_AlterColumnType: 'ALTER COLUMN … TYPE',
  AT_ColumnDefault: 'ALTER COLUMN … SET/DROP DEFAULT',
  AT_SetNotNull: 'ALTER COLUMN … SET NOT NULL',
  AT_DropNotNull: 'ALTER COLUMN … DROP NOT NULL',
  AT_SetExpression: 'ALTER COLUMN … SET EXPRESSION',
  AT_DropExpression: 'ALTER COLUMN … DROP EXPRESSION',
  AT_SetStatistics: 'ALTER COLUMN … SET STATISTICS',
  AT_SetStorage: 'ALTER COLUMN … SET STORAGE',
  AT_SetCompression: 'ALTER COLUMN … SET COMPRESSION',
  AT_AddIdentity: 'ALTER COLUMN … ADD GENERATED … AS IDENTITY',
  AT_SetIdentity: 'ALTER COLUMN … SET identity options',
  AT_DropIdentity: 'ALTER COLUMN … DROP IDENTITY',
  AT_DropConstraint: 'DROP CONSTRAINT',
  AT_AlterConstraint: 'ALTER CONSTRAINT',
  AT_ValidateConstraint: 'VALIDATE CONSTRAINT',
  AT_ChangeOwner: 'OWNER TO',
  AT_SetRelOptions: 'SET (storage parameters)',
  AT_ResetRelOptions: 'RESET (storage parameters)',
  AT_SetTableSpace: 'SET TABLESPACE',
  AT_SetLogged: 'SET LOGGED',
  AT_SetUnLogged: 'SET UNLOGGED',
  AT_EnableRowSecurity: 'ENABLE ROW LEVEL SECURITY',
  AT_DisableRowSecurity: 'DISABLE ROW LEVEL SECURITY',
  AT_ReplicaIdentity: 'REPLICA IDENTITY',
  AT_AttachPartition: 'ATTACH PARTITION',
  AT_DetachPartition: 'DETACH PARTITION',
  AT_AddInherit: 'INHERIT',
  AT_DropInherit: 'NO INHERIT',
  AT_ClusterOn: 'CLUSTER ON',
};

export function alterTable(st: TranslationState, node: AlterTableStmt): string[] {
  const relation = node.relation!;
  if (node.objtype !== undefined && node.objtype !== 'OBJECT_TABLE') {
    unsupported(st, `ALTER ${objectTypeWords(node.objtype)}`, relation.location);
  }
  if (node.missing_ok) unsupported(st, 'ALTER TABLE IF EXISTS', relation.location);
  const table = relationName(st, relation);
  const out: string[] = [];
  for (const cmdNode of node.cmds ?? []) {
    const cmd = nodeBody(cmdNode, 'AlterTableCmd');
    const checked = { name: relation.relname ?? '', schema: relation.schemaname, temp: relation.relpersistence === 't' };
    if (cmd.subtype === 'AT_DropColumn') out.push(...dropInputCheckTriggers(checked, cmd.name ?? ''));
    out.push(...alterAction(st, cmd, table, relation.relname ?? '', relation.schemaname, relation.location));
    if (cmd.subtype === 'AT_AddColumn') out.push(...columnChecks(st, checked, nodeBody(cmd.def!, 'ColumnDef')));
  }
  return out;
}

function alterAction(
  st: TranslationState, cmd: AlterTableCmd, table: string, relname: string, schema: string | undefined, location: number | undefined,
): string[] {
  const local = sqliteSchemaName(schema) === undefined;
  switch (cmd.subtype) {
    case 'AT_AddColumn': {
      // IF NOT EXISTS would need the catalog to decide whether to do nothing.
      if (cmd.missing_ok) unsupported(st, 'ADD COLUMN IF NOT EXISTS', location);
      return [`ALTER TABLE ${table} ADD COLUMN ${columnDefinition(st, nodeBody(cmd.def!, 'ColumnDef'), undefined)}`];
    }
    case 'AT_DropColumn':
      if (cmd.missing_ok) unsupported(st, 'DROP COLUMN IF EXISTS', location);
      if (cmd.behavior === 'DROP_CASCADE') unsupported(st, 'DROP COLUMN … CASCADE', location);
      return [`ALTER TABLE ${table} DROP COLUMN ${quoteIdentifier(cmd.name ?? '')}`];
    case 'AT_AddConstraint': {
      const constraint = nodeBody(cmd.def!, 'Constraint');
      if (constraint.contype === 'CONSTR_CHECK' && local) return addCheckConstraint(st, constraint, relname);
      return [addConstraint(st, constraint, relname, schema, location)];
    }
    case 'AT_SetNotNull':
      if (local) return setNotNull(relname, cmd.name ?? '');
      break;
    case 'AT_DropNotNull':
      if (local) return dropNotNull(relname, cmd.name ?? '');
      break;
    case 'AT_DropConstraint':
      if (cmd.behavior === 'DROP_CASCADE') unsupported(st, 'DROP CONSTRAINT … CASCADE', location);
      if (local) return dropConstraint(relname, cmd.name ?? '', cmd.missing_ok === true);
      break;
  }
  return unsupportedAction(st, cmd, location);
}

function unsupportedAction(st: TranslationState, cmd: AlterTableCmd, location: number | undefined): never {
  switch (cmd.subtype) {
    default:
      return unsupported(st, `ALTER TABLE … ${actionNames[cmd.subtype ?? ''] ?? String(cmd.subtype).replace('AT_', '')}`, location);
  }
}

/**
 * SQLite cannot add constraints to an existing table. A unique index enforces PRIMARY KEY and
 * UNIQUE's uniqueness under PostgreSQL's default names (t_pkey, t_a_key). PRIMARY KEY's NOT NULL
 * is not added: SQLite cannot add NOT NULL to an existing column either.
 */
function addConstraint(
  st: TranslationState, constraint: Constraint, relname: string, schema: string | undefined, location: number | undefined,
): string {
  const where = constraint.location ?? location;
  switch (constraint.contype) {
    case 'CONSTR_PRIMARY':
    case 'CONSTR_UNIQUE': {
      checkIndexOptions(st, constraint);
      const keys = stringsOf(constraint.keys);
      const name = constraint.conname
        ?? (constraint.contype === 'CONSTR_PRIMARY' ? makeObjectName(relname, undefined, 'pkey') : makeObjectName(relname, joinColumnNames(keys), 'key'));
      const sqliteSchema = sqliteSchemaName(schema);
      const indexName = (sqliteSchema !== undefined ? quoteIdentifier(sqliteSchema) + '.' : '') + quoteIdentifier(name);
      return `CREATE UNIQUE INDEX ${indexName} ON ${quoteIdentifier(relname)} (${columnNames(constraint.keys)})`;
    }
    case 'CONSTR_FOREIGN':
      return unsupported(st, 'ALTER TABLE … ADD FOREIGN KEY', where);
    case 'CONSTR_CHECK':
      return unsupported(st, 'ALTER TABLE … ADD CHECK on a table of another schema', where);
    default:
      return unsupported(st, `ALTER TABLE … ADD ${constraintWords(constraint)}`, where);
  }
}

function constraintWords(constraint: Constraint): string {
  if (constraint.contype === 'CONSTR_EXCLUSION') return 'EXCLUDE';
  return String(constraint.contype).replace('CONSTR_', '');
}
