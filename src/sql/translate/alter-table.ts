/**
 * ALTER TABLE. SQLite can add, drop and rename columns and rename tables; one PostgreSQL ALTER
 * with several actions becomes one SQLite statement per action. Adding a primary key or unique
 * constraint becomes a unique index. Columns come and go with their input-check triggers
 * (input-checks.ts). What depends on the current schema — a column's DEFAULT or type, a foreign
 * key added or dropped, IF [NOT] EXISTS of a column — becomes a schema operation the engine runs
 * (../schema-operations.ts). Everything else is refused by name.
 */
import type { AlterTableCmd, AlterTableStmt, Constraint } from 'libpg-query';
import { columnChecks, columnDefinition, columnType } from './column-definitions.js';
import { dropInputCheckTriggers, inputCheckTriggers } from './input-checks.js';
import { checkIndexOptions, columnNames, defaultValue, tableConstraint } from './constraints.js';
import { expression } from './expressions.js';
import { schemaOperationSql, type TableEdit } from '../schema-operations.js';
import { postgresTypeText } from './type-names.js';
import { quoteIdentifier } from './identifiers.js';
import { joinColumnNames, makeObjectName } from './index-names.js';
import { objectTypeWords } from './object-types.js';
import { nodeBody, stringsOf, type Node } from './parse-tree.js';
import { relationName, sqliteSchemaName } from './qualified-names.js';
import type { TranslationState } from './translation-state.js';
import { addCheckConstraint, dropNotNull, setNotNull } from './trigger-constraints.js';
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
    const local = sqliteSchemaName(relation.schemaname) === undefined;
    if (cmd.subtype === 'AT_AddColumn' || cmd.subtype === 'AT_DropColumn') {
      const statements: string[] = [];
      if (cmd.subtype === 'AT_DropColumn') statements.push(...dropInputCheckTriggers(checked, cmd.name ?? ''));
      statements.push(...alterAction(st, cmd, table, relation.relname ?? '', relation.schemaname, relation.location));
      if (cmd.subtype === 'AT_AddColumn') statements.push(...columnChecks(st, checked, nodeBody(cmd.def!, 'ColumnDef')));
      if (!cmd.missing_ok) {
        out.push(...statements);
        continue;
      }
      // IF [NOT] EXISTS: the engine decides, with the table's columns at hand.
      if (!local) unsupported(st, `${cmd.subtype === 'AT_AddColumn' ? 'ADD COLUMN IF NOT EXISTS' : 'DROP COLUMN IF EXISTS'} on a table of another schema`, relation.location);
      const column = cmd.subtype === 'AT_AddColumn' ? nodeBody(cmd.def!, 'ColumnDef').colname ?? '' : cmd.name ?? '';
      out.push(schemaOperationSql({ op: 'ifColumn', table: relation.relname ?? '', column, whenExists: cmd.subtype === 'AT_DropColumn', statements }));
      continue;
    }
    if (cmd.subtype === 'AT_AlterColumnType' && local) {
      out.push(...alterColumnType(st, cmd, checked));
      continue;
    }
    out.push(...alterAction(st, cmd, table, relation.relname ?? '', relation.schemaname, relation.location));
  }
  return out;
}

/**
 * ALTER COLUMN … TYPE [USING expr]: the column's input checks follow the new type; the engine
 * changes the declared type and converts the stored values (schema-operations.ts).
 */
function alterColumnType(st: TranslationState, cmd: AlterTableCmd, table: { name: string; schema: string | undefined; temp: boolean }): string[] {
  const column = cmd.name ?? '';
  const def = nodeBody(cmd.def!, 'ColumnDef');
  if (def.collClause !== undefined) unsupported(st, 'ALTER COLUMN … TYPE … COLLATE', def.location);
  const typeName = def.typeName!;
  const columnRef = { ColumnRef: { fields: [{ String: { sval: column } }] } };
  const convert = def.raw_default !== undefined
    ? expression(st, def.raw_default)
    : expression(st, { TypeCast: { arg: columnRef, typeName } } as Node);
  const edit: TableEdit = {
    kind: 'type', column, declared: columnType(st, typeName), convert, usingGiven: def.raw_default !== undefined,
    typeName: postgresTypeText(st, typeName),
  };
  return [
    ...dropInputCheckTriggers(table, column),
    schemaOperationSql({ op: 'alterTable', table: table.name, edits: [edit] }),
    ...inputCheckTriggers(st, table, column, typeName),
  ];
}

function alterAction(
  st: TranslationState, cmd: AlterTableCmd, table: string, relname: string, schema: string | undefined, location: number | undefined,
): string[] {
  const local = sqliteSchemaName(schema) === undefined;
  switch (cmd.subtype) {
    case 'AT_AddColumn': {
      return [`ALTER TABLE ${table} ADD COLUMN ${columnDefinition(st, nodeBody(cmd.def!, 'ColumnDef'), undefined)}`];
    }
    case 'AT_DropColumn':
      if (cmd.behavior === 'DROP_CASCADE') unsupported(st, 'DROP COLUMN … CASCADE', location);
      return [`ALTER TABLE ${table} DROP COLUMN ${quoteIdentifier(cmd.name ?? '')}`];
    case 'AT_AddConstraint': {
      const constraint = nodeBody(cmd.def!, 'Constraint');
      if (constraint.contype === 'CONSTR_CHECK' && local) return addCheckConstraint(st, constraint, relname);
      if (constraint.contype === 'CONSTR_FOREIGN' && local) return [addForeignKey(st, constraint, relname)];
      return [addConstraint(st, constraint, relname, schema, location)];
    }
    case 'AT_ColumnDefault':
      if (!local) break;
      return [schemaOperationSql({
        op: 'alterTable', table: relname,
        edits: [{ kind: 'default', column: cmd.name ?? '', value: cmd.def === undefined ? null : defaultValue(st, cmd.def) }],
      })];
    case 'AT_SetNotNull':
      if (local) return setNotNull(relname, cmd.name ?? '');
      break;
    case 'AT_DropNotNull':
      if (local) return dropNotNull(relname, cmd.name ?? '');
      break;
    case 'AT_DropConstraint':
      if (cmd.behavior === 'DROP_CASCADE') unsupported(st, 'DROP CONSTRAINT … CASCADE', location);
      if (local) return [schemaOperationSql({ op: 'dropConstraint', table: relname, name: cmd.name ?? '', missingOk: cmd.missing_ok === true })];
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

/**
 * ADD [CONSTRAINT name] FOREIGN KEY (…) REFERENCES …: the engine adds the constraint to the
 * table's definition and checks the existing rows (23503), as PostgreSQL validates them.
 */
function addForeignKey(st: TranslationState, constraint: Constraint, relname: string): string {
  if (constraint.skip_validation) unsupported(st, 'FOREIGN KEY … NOT VALID', constraint.location);
  const columns = stringsOf(constraint.fk_attrs);
  const name = constraint.conname ?? makeObjectName(relname, joinColumnNames(columns), 'fkey');
  const text = tableConstraint(st, { ...constraint, conname: name });
  return schemaOperationSql({
    op: 'alterTable', table: relname,
    edits: [{ kind: 'addForeignKey', name, text, columns, refTable: constraint.pktable?.relname ?? '', refColumns: stringsOf(constraint.pk_attrs) }],
  });
}

function constraintWords(constraint: Constraint): string {
  if (constraint.contype === 'CONSTR_EXCLUSION') return 'EXCLUDE';
  return String(constraint.contype).replace('CONSTR_', '');
}
