import type Database from 'better-sqlite3';
import { catalogViews, catalogViewsScript, shapeTableDdl, shapeTableName } from './catalog-views.js';
import { pgTypeColumns, pgTypeRows } from './pg-type-rows.js';
import { staticCatalogScript } from './static-catalog.js';

/**
 * The catalog relations every database shares live in the metadata file (see
 * storage/meta/meta-store.ts). This writes the static ones — rebuilt at each start, so a new
 * server version brings its own type list — on the main thread's metadata connection, with the
 * empty shape tables that type the per-connection catalog views (catalog-views.ts).
 */
export function writeStaticCatalog(meta: Database.Database): void {
  meta.transaction(() => {
    meta.exec('DROP TABLE IF EXISTS pg_type; DROP TABLE IF EXISTS pg_namespace;');
    meta.exec(`CREATE TABLE pg_type (${pgTypeColumns.map(([name, type]) => `${name} ${type}`).join(', ')})`);
    const insert = meta.prepare(`INSERT INTO pg_type VALUES (${pgTypeColumns.map(() => '?').join(', ')})`);
    for (const row of pgTypeRows()) insert.run(...row);
    meta.exec(`CREATE TABLE pg_namespace (oid oid, nspname name, nspowner oid, nspacl text[]);
      INSERT INTO pg_namespace VALUES (11, 'pg_catalog', 10, NULL), (2200, 'public', 6171, NULL), (13000, 'information_schema', 10, NULL), (99, 'pg_toast', 10, NULL);`);
    meta.exec(staticCatalogScript());
    for (const view of catalogViews) meta.exec(`DROP TABLE IF EXISTS ${shapeTableName(view)}; ${shapeTableDdl(view)};`);
  })();
}

/**
 * Attaches the metadata file to an engine connection as the schema `pg_catalog`, so
 * `pg_catalog.pg_type` in a query resolves as in PostgreSQL (SQLite reads `schema.table` as
 * attached-database.table). Engine connections only read it; the main thread writes it.
 */
export function attachCatalog(db: Database.Database, metaPath: string): void {
  db.prepare('ATTACH DATABASE ? AS pg_catalog').run(metaPath);
}

/**
 * Creates the per-database catalog relations on an engine connection: TEMP views over the
 * connection's own schema (pg_class, pg_attribute, information_schema.tables, …). Runs after
 * attachCatalog, whose shape tables the views read.
 */
export function installCatalogViews(db: Database.Database): void {
  db.exec(catalogViewsScript);
}
