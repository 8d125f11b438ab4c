/**
 * The rows a data-modifying statement in WITH returned (`WITH ins AS (INSERT … RETURNING …)`).
 * SQLite has no data-modifying CTEs and RETURNING rows cannot feed another statement, so the
 * translator (src/sql/translate/data-modifying-ctes.ts) runs the statement first with a TEMP
 * trigger that hands each RETURNING row, as a JSON array, to pgsqlite_modified_add; the outer
 * query reads them back with json_each(pgsqlite_modified_rows(k)). All of it runs as one unit on
 * the writer's connection, so the rows never meet another statement's. They are kept per thread
 * until the next such statement clears them; another connection (a Describe) reads no rows.
 */
import type Database from 'better-sqlite3';

const rowsByCte = new Map<number, string[]>();

export function registerModifiedRowsFunctions(db: Database.Database): void {
  db.function('pgsqlite_modified_reset', { deterministic: false }, () => {
    rowsByCte.clear();
    return null;
  });
  db.function('pgsqlite_modified_add', { deterministic: false }, (cte: unknown, row: unknown) => {
    const key = Number(cte);
    let rows = rowsByCte.get(key);
    if (rows === undefined) rowsByCte.set(key, (rows = []));
    rows.push(String(row));
    return null;
  });
  db.function('pgsqlite_modified_rows', { deterministic: false }, (cte: unknown) => '[' + (rowsByCte.get(Number(cte)) ?? []).join(',') + ']');
}
