import type Database from 'better-sqlite3';

export interface Role {
  oid: number;
  name: string;
  /** A SCRAM verifier or an md5 hash; never the password itself. */
  password: string | null;
  superuser: boolean;
  canLogin: boolean;
  createDb: boolean;
  createRole: boolean;
  connectionLimit: number;
  validUntil: string | null;
  /** ALTER ROLE … SET defaults, applied at connect. */
  settings: Record<string, string>;
}

export type RoleAttributes = Partial<Omit<Role, 'oid' | 'name' | 'settings'>>;

interface RoleRow {
  oid: number; name: string; password: string | null; superuser: number; can_login: number;
  create_db: number; create_role: number; connection_limit: number; valid_until: string | null; settings: string;
}

/** First OID handed to roles, above PostgreSQL's fixed catalog OIDs (bootstrap superuser is 10). */
const FIRST_ROLE_OID = 16384;

function fromRow(row: RoleRow): Role {
  return {
    oid: row.oid, name: row.name, password: row.password, superuser: row.superuser === 1,
    canLogin: row.can_login === 1, createDb: row.create_db === 1, createRole: row.create_role === 1,
    connectionLimit: row.connection_limit, validUntil: row.valid_until,
    settings: JSON.parse(row.settings ?? '{}') as Record<string, string>,
  };
}

/** Roles (users) in the metadata file. */
export class RoleStore {
  constructor(private readonly db: Database.Database) {}

  get(name: string): Role | undefined {
    const row = this.db.prepare('SELECT * FROM roles WHERE name = ?').get(name) as RoleRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  list(): Role[] {
    return (this.db.prepare('SELECT * FROM roles ORDER BY oid').all() as RoleRow[]).map(fromRow);
  }

  create(name: string, attributes: RoleAttributes, oid?: number): Role {
    const nextOid = oid ?? Math.max(FIRST_ROLE_OID, ((this.db.prepare('SELECT max(oid) m FROM roles').get() as { m: number | null }).m ?? 0) + 1);
    this.db.prepare(`INSERT INTO roles (oid, name, password, superuser, can_login, create_db, create_role, connection_limit, valid_until)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      nextOid, name, attributes.password ?? null, attributes.superuser ? 1 : 0, attributes.canLogin ? 1 : 0,
      attributes.createDb ? 1 : 0, attributes.createRole ? 1 : 0, attributes.connectionLimit ?? -1, attributes.validUntil ?? null,
    );
    return this.get(name)!;
  }

  alter(name: string, attributes: RoleAttributes): void {
    const current = this.get(name);
    if (!current) return;
    const next = { ...current, ...attributes };
    this.db.prepare(`UPDATE roles SET password = ?, superuser = ?, can_login = ?, create_db = ?, create_role = ?,
      connection_limit = ?, valid_until = ? WHERE name = ?`).run(
      next.password, next.superuser ? 1 : 0, next.canLogin ? 1 : 0, next.createDb ? 1 : 0, next.createRole ? 1 : 0,
      next.connectionLimit, next.validUntil, name,
    );
  }

  setSettings(name: string, settings: Record<string, string>): void {
    this.db.prepare('UPDATE roles SET settings = ? WHERE name = ?').run(JSON.stringify(settings), name);
  }

  /** ALTER ROLE … IN DATABASE … SET defaults of a role in one database. */
  databaseSettings(roleOid: number, databaseOid: number): Record<string, string> {
    const row = this.db.prepare('SELECT settings FROM pgsqlite_role_database_settings WHERE role_oid = ? AND database_oid = ?').get(roleOid, databaseOid) as { settings: string } | undefined;
    return row ? JSON.parse(row.settings) as Record<string, string> : {};
  }

  setDatabaseSettings(roleOid: number, databaseOid: number, settings: Record<string, string>): void {
    if (Object.keys(settings).length === 0) {
      this.db.prepare('DELETE FROM pgsqlite_role_database_settings WHERE role_oid = ? AND database_oid = ?').run(roleOid, databaseOid);
      return;
    }
    this.db.prepare(`INSERT INTO pgsqlite_role_database_settings (role_oid, database_oid, settings) VALUES (?, ?, ?)
      ON CONFLICT (role_oid, database_oid) DO UPDATE SET settings = excluded.settings`).run(roleOid, databaseOid, JSON.stringify(settings));
  }

  /** A dropped database's role defaults go with it (its OID may be given to a new database). */
  forgetDatabase(databaseOid: number): void {
    this.db.prepare('DELETE FROM pgsqlite_role_database_settings WHERE database_oid = ?').run(databaseOid);
  }

  rename(name: string, newName: string): void {
    this.db.prepare('UPDATE roles SET name = ? WHERE name = ?').run(newName, name);
  }

  drop(name: string): boolean {
    const role = this.get(name);
    if (role) this.db.prepare('DELETE FROM pgsqlite_role_database_settings WHERE role_oid = ?').run(role.oid);
    return this.db.prepare('DELETE FROM roles WHERE name = ?').run(name).changes > 0;
  }
}
