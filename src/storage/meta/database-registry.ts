import type Database from 'better-sqlite3';

export interface DatabaseEntry {
  oid: number;
  name: string;
  ownerOid: number;
  isTemplate: boolean;
  allowConnections: boolean;
  connectionLimit: number;
  /** Path of the SQLite file, relative to the data directory (or absolute for a served file). */
  file: string;
  state: 'creating' | 'ready' | 'dropping';
  /** ALTER DATABASE … SET defaults, applied at connect. */
  settings: Record<string, string>;
}

interface Row {
  oid: number; datname: string; datdba: number; datistemplate: number; datallowconn: number;
  datconnlimit: number; file: string; state: DatabaseEntry['state']; settings: string;
}

/** OIDs PostgreSQL gives its initial databases; new ones start above the fixed range. */
export const TEMPLATE1_OID = 1;
export const TEMPLATE0_OID = 4;
export const POSTGRES_OID = 5;
const FIRST_DATABASE_OID = 16384;
const TEMPLATE_ACL = JSON.stringify(['=c/postgres', 'postgres=CTc/postgres']);

function fromRow(row: Row): DatabaseEntry {
  return {
    oid: row.oid, name: row.datname, ownerOid: row.datdba, isTemplate: row.datistemplate === 1,
    allowConnections: row.datallowconn === 1, connectionLimit: row.datconnlimit, file: row.file,
    state: row.state, settings: JSON.parse(row.settings) as Record<string, string>,
  };
}

/**
 * The database registry: pg_database rows plus where each file is and the state of a CREATE or
 * DROP in progress. Each change is one transaction of the metadata file, written before
 * (CREATE: 'creating') and after (→ 'ready') the file operation, so a restart can finish or undo
 * whatever a crash interrupted.
 */
export class DatabaseRegistry {
  constructor(private readonly db: Database.Database) {}

  private select(where: string, ...args: unknown[]): DatabaseEntry[] {
    const rows = this.db.prepare(`SELECT d.oid, d.datname, d.datdba, d.datistemplate, d.datallowconn, d.datconnlimit,
        f.file, f.state, f.settings
      FROM pg_database d JOIN pgsqlite_database_files f ON f.oid = d.oid ${where} ORDER BY d.oid`).all(...args) as Row[];
    return rows.map(fromRow);
  }

  get(name: string): DatabaseEntry | undefined {
    return this.select('WHERE d.datname = ?', name)[0];
  }

  list(): DatabaseEntry[] {
    return this.select('');
  }

  nextOid(): number {
    return Math.max(FIRST_DATABASE_OID, ((this.db.prepare('SELECT max(oid) m FROM pg_database').get() as { m: number | null }).m ?? 0) + 1);
  }

  /** Records a database about to be created (state 'creating'); returns its entry. */
  begin(entry: { name: string; ownerOid: number; file: string; isTemplate?: boolean; allowConnections?: boolean; connectionLimit?: number; oid?: number; description?: string }): DatabaseEntry {
    const insert = this.db.transaction(() => {
      const oid = entry.oid ?? this.nextOid();
      this.db.prepare(`INSERT INTO pg_database VALUES (?, ?, ?, 6, 'c', ?, ?, ?, 716, 1, 1663, 'C.UTF-8', 'C.UTF-8', NULL, NULL, ?)`).run(
        oid, entry.name, entry.ownerOid, entry.isTemplate ? 1 : 0, entry.allowConnections === false ? 0 : 1,
        entry.connectionLimit ?? -1, entry.isTemplate ? TEMPLATE_ACL : null,
      );
      this.db.prepare(`INSERT INTO pgsqlite_database_files (oid, file, state) VALUES (?, ?, 'creating')`).run(oid, entry.file);
      if (entry.description) this.db.prepare('INSERT OR REPLACE INTO pg_shdescription VALUES (?, 1262, ?)').run(oid, entry.description);
      return oid;
    });
    const oid = insert();
    return this.select('WHERE d.oid = ?', oid)[0];
  }

  setState(oid: number, state: DatabaseEntry['state']): void {
    this.db.prepare('UPDATE pgsqlite_database_files SET state = ? WHERE oid = ?').run(state, oid);
  }

  /** Forgets a database (after its files are gone, or to undo a CREATE). */
  remove(oid: number): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM pgsqlite_database_files WHERE oid = ?').run(oid);
      this.db.prepare('DELETE FROM pg_shdescription WHERE objoid = ? AND classoid = 1262').run(oid);
      this.db.prepare('DELETE FROM pg_database WHERE oid = ?').run(oid);
    })();
  }

  rename(oid: number, name: string, file: string): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE pg_database SET datname = ? WHERE oid = ?').run(name, oid);
      this.db.prepare('UPDATE pgsqlite_database_files SET file = ? WHERE oid = ?').run(file, oid);
    })();
  }

  update(oid: number, changes: { ownerOid?: number; isTemplate?: boolean; allowConnections?: boolean; connectionLimit?: number }): void {
    const current = this.select('WHERE d.oid = ?', oid)[0];
    if (!current) return;
    this.db.prepare('UPDATE pg_database SET datdba = ?, datistemplate = ?, datallowconn = ?, datconnlimit = ? WHERE oid = ?').run(
      changes.ownerOid ?? current.ownerOid, (changes.isTemplate ?? current.isTemplate) ? 1 : 0,
      (changes.allowConnections ?? current.allowConnections) ? 1 : 0, changes.connectionLimit ?? current.connectionLimit, oid,
    );
  }

  setSettings(oid: number, settings: Record<string, string>): void {
    this.db.prepare('UPDATE pgsqlite_database_files SET settings = ? WHERE oid = ?').run(JSON.stringify(settings), oid);
  }
}
