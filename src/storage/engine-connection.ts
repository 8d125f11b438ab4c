import type Database from 'better-sqlite3';
import { registerCatalogInfoFunctions } from '../catalog/catalog-info-functions.js';
import { registerNamespaceFunctions } from '../catalog/namespace-functions.js';
import { attachCatalog, installCatalogViews } from '../catalog/install-catalog.js';
import { ensureInternalTables } from '../catalog/internal-tables.js';
import { registerSessionFunctions, type FunctionHost } from '../catalog/session-functions.js';
import { registerSettingsRelation } from '../catalog/settings-relation.js';
import type { CatalogLocation } from './engine-messages.js';
import { openConnection } from './open-connection.js';

export interface EngineConnection {
  db: Database.Database;
  /** The native addon's handle for sqlite3_interrupt() from another thread. */
  interruptHandle: number;
}

/**
 * Opens a connection set up as every engine connection is: pragmas, the session and catalog
 * functions, the shared catalog attached as pg_catalog, the per-database catalog views (TEMP
 * views, see docs/catalog.md), and (for readers) query_only — set last, since the catalog schema
 * the connection hosts is filled in first.
 */
export function openEngineConnection(
  path: string,
  options: { pragmas: Record<string, string | number>; catalog: CatalogLocation; readonly: boolean; functions: FunctionHost; beforeReadonly?: (db: Database.Database) => void },
): EngineConnection {
  const db = openConnection(path, { pragmas: options.pragmas });
  registerSessionFunctions(db, options.functions);
  registerCatalogInfoFunctions(db);
  registerNamespaceFunctions(db);
  registerSettingsRelation(db, () => options.functions.context().settings);
  attachCatalog(db, options.catalog.metaPath);
  // The writer opens first (database-runtime.ts): the internal tables exist before any reader's views read them.
  if (!options.readonly) ensureInternalTables(db);
  installCatalogViews(db);
  options.beforeReadonly?.(db);
  if (options.readonly) db.pragma('query_only = ON');
  const interruptHandle = Number(db.prepare('SELECT pgsqlite_interrupt_handle()').pluck().get());
  return { db, interruptHandle };
}
