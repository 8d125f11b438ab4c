import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { createActor, waitFor, type ActorRefFrom } from 'xstate';
import { DatabaseRuntime, type DatabaseOptions } from '../actors/database/database-runtime.js';
import { databaseMachine } from '../actors/database/database.machine.js';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import {
  DatabaseRegistry, POSTGRES_OID, TEMPLATE0_OID, TEMPLATE1_OID, type DatabaseEntry,
} from '../storage/meta/database-registry.js';
import { databaseFileFor, validateDatabaseName } from './database-names.js';
import type { PoolRow } from '../catalog/live-tables.js';

export type RuntimeSettings = Omit<DatabaseOptions, 'name' | 'path'>;

interface Attached {
  database: string;
  terminate: (error: PgError) => void;
}

export interface CreateDatabaseOptions {
  ownerOid: number;
  template?: string;
  connectionLimit?: number;
  isTemplate?: boolean;
  allowConnections?: boolean;
}

const beingAccessed = (name: string, others: number, what = 'database') => new PgError({
  code: SqlState.objectInUse,
  message: `${what} "${name}" is being accessed by other users`,
  detail: `There ${others === 1 ? 'is 1 other session' : `are ${others} other sessions`} using the database.`,
});

/**
 * The databases of a data directory: the registry in the metadata file, one database actor per
 * open file, and who is connected where. CREATE/DROP/ALTER DATABASE happen here, ordered so that
 * a crash at any point leaves something recover() finishes or undoes.
 */
export class DatabaseManager {
  private readonly actors = new Map<string, ActorRefFrom<typeof databaseMachine>>();
  private readonly attached = new Map<number, Attached>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly dataDir: string,
    readonly registry: DatabaseRegistry,
    private readonly runtime: RuntimeSettings,
    private readonly logger: Logger,
    /** A database nobody is connected to closes its files after this long (0: never). */
    private readonly idleCloseMs = 60_000,
  ) {}

  private pathOf(entry: Pick<DatabaseEntry, 'file'>): string {
    return isAbsolute(entry.file) ? entry.file : join(this.dataDir, entry.file);
  }

  /** Finishes or undoes what a crash interrupted, then serves SQLite files placed in base/. */
  recover(servedFiles: Record<string, string> = {}): void {
    for (const entry of this.registry.list()) {
      if (entry.state === 'creating') {
        // The file was never acknowledged: remove any part of it and the registry row.
        this.removeFiles(entry);
        removeWithSidecars(`${this.pathOf(entry)}.creating`);
        this.registry.remove(entry.oid);
      } else if (entry.state === 'dropping') {
        this.removeFiles(entry);
        this.registry.remove(entry.oid);
      }
    }
    const known = new Set(this.registry.list().map((e) => e.file));
    for (const file of readdirSync(join(this.dataDir, 'base'))) {
      if (!file.endsWith('.sqlite') || known.has(`base/${file}`)) continue;
      const name = file.slice(0, -'.sqlite'.length);
      if (this.registry.get(name)) continue;
      this.logger.info({ file }, 'serving a SQLite file found in base/ as a database');
      const entry = this.registry.begin({ name, ownerOid: 10, file: `base/${file}` });
      this.registry.setState(entry.oid, 'ready');
    }
    for (const [name, given] of Object.entries(servedFiles)) {
      validateDatabaseName(name);
      // Registered absolute: a relative path means "from where the server was started".
      const path = resolve(given);
      const existing = this.registry.get(name);
      if (existing && existing.file === path) continue;
      if (existing) throw new Error(`--database ${name}=${path}: a database named "${name}" already exists`);
      if (!existsSync(path)) throw new Error(`--database ${name}=${path}: no such file`);
      const entry = this.registry.begin({ name, ownerOid: 10, file: path });
      this.registry.setState(entry.oid, 'ready');
    }
  }

  /** The databases a fresh data directory has: template1, template0 and postgres. */
  bootstrap(ownerOid: number): void {
    const initial: Array<[string, number, boolean, boolean, string]> = [
      ['template1', TEMPLATE1_OID, true, true, 'default template for new databases'],
      ['template0', TEMPLATE0_OID, true, false, 'unmodifiable empty database'],
      ['postgres', POSTGRES_OID, false, true, 'default administrative connection database'],
    ];
    for (const [name, oid, isTemplate, allowConnections, description] of initial) {
      if (this.registry.get(name) || this.registry.list().some((e) => e.oid === oid)) continue;
      const file = `base/${name}.sqlite`;
      const entry = this.registry.begin({ name, oid, ownerOid, file, isTemplate, allowConnections, description });
      initialiseFile(this.pathOf(entry));
      this.registry.setState(entry.oid, 'ready');
    }
  }

  entry(name: string): DatabaseEntry | undefined {
    const entry = this.registry.get(name);
    return entry?.state === 'ready' ? entry : undefined;
  }

  sessionsOf(name: string, except?: number): number[] {
    const ids: number[] = [];
    for (const [processId, a] of this.attached) if (a.database === name && processId !== except) ids.push(processId);
    return ids;
  }

  /** A session joins a database: checks it accepts connections and its connection limit. */
  attach(name: string, processId: number, terminate: (error: PgError) => void, isSuperuser: boolean): DatabaseEntry {
    const entry = this.entry(name);
    if (!entry) throw new PgError({ severity: 'FATAL', code: SqlState.invalidCatalogName, message: `database "${name}" does not exist` });
    if (!entry.allowConnections) {
      throw new PgError({ severity: 'FATAL', code: SqlState.objectNotInPrerequisiteState, message: `database "${name}" is not currently accepting connections` });
    }
    if (entry.connectionLimit >= 0 && !isSuperuser && this.sessionsOf(name).length >= entry.connectionLimit) {
      throw new PgError({ severity: 'FATAL', code: SqlState.tooManyConnections, message: `too many connections for database "${name}"` });
    }
    this.attached.set(processId, { database: name, terminate });
    clearTimeout(this.idleTimers.get(name));
    this.idleTimers.delete(name);
    return entry;
  }

  detach(processId: number): void {
    const gone = this.attached.get(processId);
    this.attached.delete(processId);
    if (!gone || this.idleCloseMs <= 0 || this.sessionsOf(gone.database).length > 0 || !this.actors.has(gone.database)) return;
    // The last session left: close the files unless someone comes back first.
    const timer = setTimeout(() => {
      this.idleTimers.delete(gone.database);
      if (this.sessionsOf(gone.database).length === 0) void this.closeRuntime(gone.database);
    }, this.idleCloseMs);
    timer.unref();
    this.idleTimers.set(gone.database, timer);
  }

  /** pgsqlite_stat_pools: one row per open database (a database still opening is skipped). */
  poolRows(): PoolRow[] {
    const rows: PoolRow[] = [];
    for (const actor of this.actors.values()) {
      const snapshot = actor.getSnapshot();
      if (snapshot.matches('open')) rows.push(snapshot.context.runtime.poolRow());
    }
    return rows.sort((a, b) => a.database.localeCompare(b.database));
  }

  /** Whether a database's files are open now (for tests and the console). */
  isOpen(name: string): boolean {
    return this.actors.has(name);
  }

  /** The running database (its actor opens the files on first use). */
  async open(name: string): Promise<DatabaseRuntime> {
    let actor = this.actors.get(name);
    if (!actor) {
      const entry = this.entry(name);
      if (!entry) throw new PgError({ code: SqlState.invalidCatalogName, message: `database "${name}" does not exist` });
      const runtime = new DatabaseRuntime({ ...this.runtime, name, path: this.pathOf(entry) });
      actor = createActor(databaseMachine, { input: { runtime }, id: `database:${name}` }).start();
      this.actors.set(name, actor);
    }
    const snapshot = await waitFor(actor, (s) => s.status === 'done' || s.matches('open'));
    if (!snapshot.matches('open')) {
      this.actors.delete(name);
      throw snapshot.context.error ?? new Error(`database "${name}" could not be opened`);
    }
    return snapshot.context.runtime;
  }

  /** Closes a database's connections (its file stays); the next open reopens it. */
  private async closeRuntime(name: string): Promise<void> {
    const actor = this.actors.get(name);
    if (!actor) return;
    this.actors.delete(name);
    await waitFor(actor, (s) => s.status === 'done' || s.matches('open'));
    actor.send({ type: 'close' });
    const snapshot = await waitFor(actor, (s) => s.status === 'done');
    if (snapshot.context.error) this.logger.warn({ err: snapshot.context.error, database: name }, 'closing a database failed');
  }

  async create(name: string, options: CreateDatabaseOptions, requester: number): Promise<void> {
    validateDatabaseName(name);
    if (this.registry.get(name)) throw new PgError({ code: SqlState.duplicateDatabase, message: `database "${name}" already exists` });
    const templateName = options.template ?? 'template1';
    const template = this.entry(templateName);
    if (!template) throw new PgError({ code: SqlState.invalidCatalogName, message: `template database "${templateName}" does not exist` });
    const others = this.sessionsOf(templateName, requester);
    if (others.length > 0) throw beingAccessed(templateName, others.length, 'source database');
    const oid = this.registry.nextOid();
    const entry = this.registry.begin({
      name, oid, ownerOid: options.ownerOid, file: databaseFileFor(name, oid), isTemplate: options.isTemplate,
      allowConnections: options.allowConnections, connectionLimit: options.connectionLimit,
    });
    const target = this.pathOf(entry);
    const staging = `${target}.creating`;
    try {
      // The SQLite backup API copies a consistent snapshot even while the template is being read.
      const source = new Database(this.pathOf(template), { readonly: true, fileMustExist: true });
      try {
        await source.backup(staging);
      } finally {
        source.close();
      }
      renameSync(staging, target);
      this.registry.setState(entry.oid, 'ready');
    } catch (err) {
      removeWithSidecars(staging);
      this.removeFiles(entry);
      this.registry.remove(entry.oid);
      throw err;
    }
  }

  async drop(name: string, options: { missingOk: boolean; force: boolean }, requester: number, currentDatabase: string): Promise<boolean> {
    const entry = this.registry.get(name);
    if (!entry || entry.state !== 'ready') {
      if (options.missingOk) return false;
      throw new PgError({ code: SqlState.invalidCatalogName, message: `database "${name}" does not exist` });
    }
    if (name === currentDatabase) throw new PgError({ code: SqlState.objectInUse, message: 'cannot drop the currently open database' });
    if (entry.isTemplate) throw new PgError({ code: SqlState.wrongObjectType, message: 'cannot drop a template database' });
    const others = this.sessionsOf(name, requester);
    if (others.length > 0 && !options.force) throw beingAccessed(name, others.length);
    for (const processId of others) {
      this.attached.get(processId)?.terminate(new PgError({ severity: 'FATAL', code: SqlState.adminShutdown, message: 'terminating connection due to administrator command' }));
      this.attached.delete(processId);
    }
    this.registry.setState(entry.oid, 'dropping');
    await this.closeRuntime(name);
    this.removeFiles(entry);
    this.registry.remove(entry.oid);
    return true;
  }

  async rename(name: string, newName: string, requester: number): Promise<void> {
    validateDatabaseName(newName);
    const entry = this.entry(name);
    if (!entry) throw new PgError({ code: SqlState.invalidCatalogName, message: `database "${name}" does not exist` });
    if (this.registry.get(newName)) throw new PgError({ code: SqlState.duplicateDatabase, message: `database "${newName}" already exists` });
    if (this.sessionsOf(name, requester).length > 0 || this.attached.get(requester)?.database === name) {
      throw new PgError({ code: SqlState.objectInUse, message: 'current database cannot be renamed' });
    }
    await this.closeRuntime(name);
    if (isAbsolute(entry.file)) {
      this.registry.rename(entry.oid, newName, entry.file);
      return;
    }
    const file = databaseFileFor(newName, entry.oid);
    for (const suffix of ['', '-wal', '-shm']) {
      const from = this.pathOf(entry) + suffix;
      if (existsSync(from)) renameSync(from, join(this.dataDir, file) + suffix);
    }
    this.registry.rename(entry.oid, newName, file);
  }

  private removeFiles(entry: Pick<DatabaseEntry, 'file'>): void {
    // A file served from outside the data directory is only unregistered, never deleted.
    if (isAbsolute(entry.file)) return;
    removeWithSidecars(this.pathOf(entry));
  }

  async closeAll(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    for (const name of [...this.actors.keys()]) await this.closeRuntime(name);
  }
}

/** A SQLite file and the files SQLite keeps beside it (WAL, shared memory, rollback journal). */
function removeWithSidecars(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/** Creates an empty database file in WAL mode (so readers can run beside the writer from the start). */
function initialiseFile(path: string): void {
  if (existsSync(path)) return;
  const db = new Database(`${path}.creating`);
  db.pragma('journal_mode = WAL');
  db.close();
  renameSync(`${path}.creating`, path);
}
