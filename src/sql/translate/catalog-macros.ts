/**
 * Catalog functions over the per-database catalog views (src/catalog/catalog-views.ts), as SQL
 * macros: a SQLite function cannot query the connection calling it. Arguments arrive translated.
 */
type Macro = (args: string[]) => string;

/** A relation's OID argument: an OID, or (a regclass literal already folded to one) its name's OID. */
const relationSize = ([relation]: string[]) =>
  `(SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = (SELECT relname FROM pg_class WHERE oid = (${relation})))`;

export const catalogViewMacros: Record<string, Macro> = {
  // pg_get_indexdef(index, column > 0, …) is that key column's definition (its name here).
  pg_get_indexdef: ([index, column]) => {
    const whole = `(SELECT def FROM pgsqlite_indexes WHERE pgsqlite_oid(name) = (${index}))`;
    if (column === undefined) return whole;
    return `CASE WHEN (${column}) = 0 THEN ${whole} ELSE (SELECT attname FROM pg_attribute WHERE attrelid = (${index}) AND attnum = (${column})) END`;
  },
  pg_get_constraintdef: ([constraint]) => `(SELECT def FROM pgsqlite_constraints WHERE pgsqlite_oid(tbl, name) = (${constraint}))`,
  pg_get_viewdef: ([view]) =>
    `(SELECT pgsqlite_view_query(sql) FROM pgsqlite_relations WHERE type = 'view' AND (pgsqlite_oid(name) = (${view}) OR name = (${view})))`,
  obj_description: ([object]) => `(SELECT description FROM pg_catalog.pg_description WHERE objoid = (${object}) AND objsubid = 0)`,
  col_description: ([relation, column]) =>
    `(SELECT description FROM pg_catalog.pg_description WHERE objoid = (${relation}) AND objsubid = (${column}))`,
  pg_relation_size: relationSize,
  pg_table_size: relationSize,
  pg_total_relation_size: ([relation]) =>
    `(SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN (SELECT relname FROM pg_class WHERE oid = (${relation}))
      OR name IN (SELECT s.name FROM main.sqlite_schema s WHERE s.type = 'index' AND s.tbl_name = (SELECT relname FROM pg_class WHERE oid = (${relation}))))`,
  pg_indexes_size: ([relation]) =>
    `(SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN (SELECT s.name FROM main.sqlite_schema s WHERE s.type = 'index' AND s.tbl_name = (SELECT relname FROM pg_class WHERE oid = (${relation}))))`,
};
