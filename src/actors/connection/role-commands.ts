import { createScramVerifier, isScramVerifier } from '../../protocol/auth/scram-verifier.js';
import { isMd5Hash, md5PasswordHash } from '../../protocol/auth/md5.js';
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import type { AstNode } from '../../sql/parser.js';
import type { RoleAttributes } from '../../storage/meta/role-store.js';
import type { Session } from './session.js';
import { applyDefault } from './database-commands.js';

/** Stores a password as PostgreSQL does: an already-hashed value as given, else hashed per password_encryption. */
function passwordVerifier(password: string | null, user: string, encryption: string): string | null {
  if (password === null) return null;
  if (isScramVerifier(password) || isMd5Hash(password)) return password;
  return encryption === 'md5' ? md5PasswordHash(password, user) : createScramVerifier(password);
}

function readOptions(options: AstNode[] | undefined, user: string, encryption: string): RoleAttributes {
  const attributes: RoleAttributes = {};
  for (const option of options ?? []) {
    const def = option.DefElem;
    const arg = def.arg;
    const flag = arg?.Boolean ? Boolean(arg.Boolean.boolval) : arg?.Integer ? Boolean(arg.Integer.ival) : true;
    switch (def.defname) {
      case 'password':
        attributes.password = passwordVerifier(arg?.String?.sval ?? null, user, encryption);
        break;
      case 'superuser': attributes.superuser = flag; break;
      case 'canlogin': attributes.canLogin = flag; break;
      case 'createdb': attributes.createDb = flag; break;
      case 'createrole': attributes.createRole = flag; break;
      case 'connectionlimit': attributes.connectionLimit = arg?.Integer?.ival ?? -1; break;
      case 'validUntil': attributes.validUntil = arg?.String?.sval ?? null; break;
      default:
        // inherit, replication, bypassrls, rolemembers, …: accepted, not enforced (single-user storage).
        break;
    }
  }
  return attributes;
}

function roleName(spec: AstNode | undefined): string {
  return spec?.RoleSpec?.rolename ?? spec?.rolename ?? '';
}

/** CREATE/ALTER/DROP ROLE|USER on the metadata file's role table. Returns the command tag. */
export function runRoleCommand(session: Session, node: AstNode, type: string): string {
  const roles = session.services.roles;
  const encryption = session.settings.get('password_encryption');
  const current = roles.get(session.user);
  if (current && !current.superuser && !current.createRole) {
    throw new PgError({ code: SqlState.insufficientPrivilege, message: 'permission denied to create role' });
  }
  switch (type) {
    case 'CreateRoleStmt': {
      const name = node.role as string;
      if (roles.get(name)) throw new PgError({ code: SqlState.duplicateObject, message: `role "${name}" already exists` });
      const attributes = readOptions(node.options, name, encryption);
      // CREATE USER implies LOGIN; CREATE ROLE does not.
      if (attributes.canLogin === undefined) attributes.canLogin = node.stmt_type === 'ROLESTMT_USER';
      roles.create(name, attributes);
      return node.stmt_type === 'ROLESTMT_USER' ? 'CREATE ROLE' : 'CREATE ROLE';
    }
    case 'AlterRoleStmt': {
      const name = roleName(node.role);
      if (!roles.get(name)) throw new PgError({ code: SqlState.undefinedObject, message: `role "${name}" does not exist` });
      roles.alter(name, readOptions(node.options, name, encryption));
      return 'ALTER ROLE';
    }
    case 'DropRoleStmt': {
      for (const spec of node.roles ?? []) {
        const name = roleName(spec);
        if (name === session.user) throw new PgError({ code: SqlState.objectInUse, message: 'current user cannot be dropped' });
        if (!roles.drop(name) && !node.missing_ok) throw new PgError({ code: SqlState.undefinedObject, message: `role "${name}" does not exist` });
      }
      return 'DROP ROLE';
    }
    case 'AlterRoleSetStmt': {
      if (node.database) return alterRoleInDatabase(session, node);
      const name = roleName(node.role);
      const role = roles.get(name);
      if (!role) throw new PgError({ code: SqlState.undefinedObject, message: `role "${name}" does not exist` });
      roles.setSettings(name, applyDefault(role.settings, session, node.setstmt));
      return 'ALTER ROLE';
    }
    default:
      throw new PgError({ code: SqlState.featureNotSupported, message: `${type} is not supported yet` });
  }
}

/**
 * ALTER ROLE name IN DATABASE db SET …: defaults for that role in that database, which win over the
 * role's and the database's own at connect. ALTER ROLE ALL IN DATABASE is ALTER DATABASE … SET, as
 * in PostgreSQL.
 */
function alterRoleInDatabase(session: Session, node: AstNode): string {
  const database = session.services.databases.entry(node.database);
  if (!database) throw new PgError({ code: SqlState.invalidCatalogName, message: `database "${node.database}" does not exist` });
  if (!node.role) {
    session.services.databases.registry.setSettings(database.oid, applyDefault(database.settings, session, node.setstmt));
    return 'ALTER ROLE';
  }
  const roles = session.services.roles;
  const name = roleName(node.role);
  const role = roles.get(name);
  if (!role) throw new PgError({ code: SqlState.undefinedObject, message: `role "${name}" does not exist` });
  roles.setDatabaseSettings(role.oid, database.oid, applyDefault(roles.databaseSettings(role.oid, database.oid), session, node.setstmt));
  return 'ALTER ROLE';
}
