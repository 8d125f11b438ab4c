import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import type { AstNode } from '../../sql/parser.js';
import type { Session } from './session.js';
import { settingValueText } from './session-commands.js';

/** A DefElem's value as PostgreSQL reads it for CREATE/ALTER DATABASE options. */
function optionValue(arg: AstNode | undefined): string | number | boolean | undefined {
  if (!arg) return undefined;
  if (arg.Integer) return arg.Integer.ival ?? 0;
  if (arg.String) return arg.String.sval as string;
  if (arg.Boolean) return Boolean(arg.Boolean.boolval);
  if (arg.TypeName) return (arg.TypeName.names ?? []).map((n: AstNode) => n.String?.sval).join('.');
  return undefined;
}

function booleanOption(name: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  const text = String(value).toLowerCase();
  if (['true', 'on', '1', 'yes'].includes(text)) return true;
  if (['false', 'off', '0', 'no'].includes(text)) return false;
  throw new PgError({ code: SqlState.syntaxError, message: `${name} requires a Boolean value` });
}

function roleOid(session: Session, name: string): number {
  const role = session.services.roles.get(name);
  if (!role) throw new PgError({ code: SqlState.undefinedObject, message: `role "${name}" does not exist` });
  return role.oid;
}

function requireCreateDb(session: Session): void {
  const role = session.services.roles.get(session.user);
  if (role && !role.superuser && !role.createDb) {
    throw new PgError({ code: SqlState.insufficientPrivilege, message: 'permission denied to create database' });
  }
}

/**
 * CREATE / DROP / ALTER DATABASE: never inside a transaction block (25001, as PostgreSQL),
 * carried out by the server's database manager. Returns the command tag.
 */
export async function runDatabaseCommand(session: Session, node: AstNode, type: string, tag: string): Promise<string> {
  if (type === 'CreatedbStmt' || type === 'DropdbStmt') {
    if (session.txn) {
      throw new PgError({ code: SqlState.activeSqlTransaction, message: `${tag} cannot run inside a transaction block` });
    }
  }
  const manager = session.services.databases;
  switch (type) {
    case 'CreatedbStmt': {
      requireCreateDb(session);
      const options: Parameters<typeof manager.create>[1] = { ownerOid: roleOid(session, session.user) };
      for (const option of node.options ?? []) {
        const def = option.DefElem;
        const value = optionValue(def.arg);
        switch (def.defname) {
          case 'owner': options.ownerOid = roleOid(session, String(value)); break;
          case 'template': options.template = String(value); break;
          case 'encoding':
            if (!['utf8', 'utf-8', 'unicode', '6'].includes(String(value).toLowerCase())) {
              throw new PgError({ code: SqlState.featureNotSupported, message: `encoding "${String(value)}" is not supported: databases are UTF8` });
            }
            break;
          case 'connection_limit': options.connectionLimit = Number(value); break;
          case 'is_template': options.isTemplate = booleanOption('is_template', value); break;
          case 'allow_connections': options.allowConnections = booleanOption('allow_connections', value); break;
          case 'locale': case 'lc_collate': case 'lc_ctype': case 'locale_provider': case 'icu_locale':
          case 'collation_version': case 'tablespace': case 'strategy': case 'oid':
            // Accepted for compatibility: SQLite files have no locale, tablespace or copy strategy.
            break;
          default:
            throw new PgError({ code: SqlState.syntaxError, message: `option "${def.defname}" not recognized` });
        }
      }
      await manager.create(node.dbname, options, session.processId);
      return tag;
    }
    case 'DropdbStmt': {
      const force = (node.options ?? []).some((o: AstNode) => o.DefElem?.defname === 'force');
      const oid = manager.entry(node.dbname)?.oid;
      const dropped = await manager.drop(node.dbname, { missingOk: Boolean(node.missing_ok), force }, session.processId, session.databaseName);
      if (dropped && oid !== undefined) session.services.roles.forgetDatabase(oid);
      if (!dropped) session.sendNotice(`database "${node.dbname}" does not exist, skipping`);
      return tag;
    }
    case 'RenameStmt':
      await manager.rename(node.subname, node.newname, session.processId);
      return tag;
    case 'AlterOwnerStmt': {
      const entry = existing(session, node.object.String.sval);
      manager.registry.update(entry.oid, { ownerOid: roleOid(session, node.newowner.rolename) });
      return tag;
    }
    case 'AlterDatabaseStmt': {
      const entry = existing(session, node.dbname);
      const changes: Parameters<typeof manager.registry.update>[1] = {};
      for (const option of node.options ?? []) {
        const def = option.DefElem;
        const value = optionValue(def.arg);
        if (def.defname === 'connection_limit') changes.connectionLimit = Number(value);
        else if (def.defname === 'allow_connections') changes.allowConnections = booleanOption('allow_connections', value);
        else if (def.defname === 'is_template') changes.isTemplate = booleanOption('is_template', value);
        else if (def.defname === 'tablespace') throw new PgError({ code: SqlState.featureNotSupported, message: 'ALTER DATABASE … SET TABLESPACE is not supported' });
        else throw new PgError({ code: SqlState.syntaxError, message: `option "${def.defname}" not recognized` });
      }
      manager.registry.update(entry.oid, changes);
      return tag;
    }
    case 'AlterDatabaseSetStmt': {
      const entry = existing(session, node.dbname);
      manager.registry.setSettings(entry.oid, applyDefault(entry.settings, session, node.setstmt));
      return tag;
    }
    default:
      throw new PgError({ code: SqlState.featureNotSupported, message: `${type} is not supported` });
  }
}

/** A default for ALTER DATABASE/ROLE … SET: checked now (unknown name → 42704), applied at connect. */
function checkedDefault(session: Session, set: AstNode): string {
  if (!session.settings.definition(set.name) && !String(set.name).includes('.')) {
    throw new PgError({ code: SqlState.undefinedObject, message: `unrecognized configuration parameter "${set.name}"` });
  }
  return settingValueText(set.args ?? []);
}

/** Applies a SET/RESET of a stored defaults map (database or role). */
export function applyDefault(settings: Record<string, string>, session: Session, set: AstNode): Record<string, string> {
  const next = { ...settings };
  if (set.kind === 'VAR_RESET_ALL') return {};
  if (set.kind === 'VAR_RESET' || set.kind === 'VAR_SET_DEFAULT') delete next[set.name];
  else next[set.name] = checkedDefault(session, set);
  return next;
}

function existing(session: Session, name: string) {
  const entry = session.services.databases.entry(name);
  if (!entry) throw new PgError({ code: SqlState.invalidCatalogName, message: `database "${name}" does not exist` });
  return entry;
}
