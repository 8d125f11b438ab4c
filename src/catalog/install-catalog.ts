import type Database from 'better-sqlite3';
import { pgTypeColumns, pgTypeRows } from './pg-type-rows.js';

/**
 * Attaches an in-memory schema named pg_catalog to an engine connection, so `pg_catalog.pg_type`
 * in a query resolves as in PostgreSQL (SQLite reads `schema.table` as attached-database.table).
 * Only what drivers need before the catalog issue lands: pg_type and pg_namespace.
 */
export function installCatalog(db: Database.Database): void {
  db.exec("ATTACH DATABASE ':memory:' AS pg_catalog");
  db.exec(`CREATE TABLE pg_catalog.pg_type (${pgTypeColumns.map(([name, type]) => `${name} ${type}`).join(', ')})`);
  const insert = db.prepare(`INSERT INTO pg_catalog.pg_type VALUES (${pgTypeColumns.map(() => '?').join(', ')})`);
  db.transaction(() => {
    for (const row of pgTypeRows()) insert.run(...row);
  })();
  db.exec(`CREATE TABLE pg_catalog.pg_namespace (oid oid, nspname name, nspowner oid, nspacl text);
    INSERT INTO pg_catalog.pg_namespace VALUES (11, 'pg_catalog', 10, NULL), (2200, 'public', 10, NULL), (13000, 'information_schema', 10, NULL);`);
}
