/**
 * Catalog functions over the per-database catalog views (src/catalog/catalog-views.ts), as SQL
 * macros: a SQLite function cannot query the connection calling it. Arguments arrive translated.
 */
type Macro = (args: string[]) => string;

/** A relation's OID argument: an OID, or (a regclass literal already folded to one) its name's OID. */
const relationSize = ([relation]: string[]) =>
  `(SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = (SELECT name FROM main.sqlite_schema WHERE pgsqlite_oid(name) = (${relation})))`;

/**
 * A condition that is always true but mentions an argument the macro otherwise ignores (the
 * `pretty` flag), so that a parameter given there (`pg_get_constraintdef(oid, $1)`) stays bound.
 */
const uses = (argument: string | undefined) => (argument === undefined ? '' : ` AND ((${argument}) IS NULL OR 1)`);

export const catalogViewMacros: Record<string, Macro> = {
  // pg_get_indexdef(index, column > 0, …) is that key column's definition (its name here).
  pg_get_indexdef: ([index, column, pretty]) => {
    const whole = `(SELECT def FROM pgsqlite_indexes WHERE pgsqlite_oid(name) = (${index})${uses(pretty)})`;
    if (column === undefined) return whole;
    return `CASE WHEN (${column}) = 0 THEN ${whole} ELSE (SELECT attname FROM pg_attribute WHERE attrelid = (${index}) AND attnum = (${column})) END`;
  },
  pg_get_constraintdef: ([constraint, pretty]) => `(SELECT def FROM pgsqlite_constraints WHERE pgsqlite_oid(tbl, name) = (${constraint})${uses(pretty)})`,
  pg_get_viewdef: ([view, pretty]) =>
    `(SELECT pgsqlite_view_query(sql) FROM pgsqlite_relations WHERE type = 'view' AND (pgsqlite_oid(name) = (${view}) OR name = (${view}))${uses(pretty)})`,
  // pg_description is the connection's TEMP view of COMMENT ON (catalog/catalog-views.ts).
  obj_description: ([object, catalog]) => `(SELECT description FROM pg_description WHERE objoid = (${object}) AND objsubid = 0`
    + (catalog === undefined ? ')' : ` AND classoid = CASE (${catalog}) WHEN 'pg_class' THEN 1259 WHEN 'pg_type' THEN 1247 WHEN 'pg_namespace' THEN 2615 WHEN 'pg_extension' THEN 3079 ELSE 0 END)`),
  col_description: ([relation, column]) =>
    `(SELECT description FROM pg_description WHERE objoid = (${relation}) AND classoid = 1259 AND objsubid = (${column}))`,
  // The path (a JSON array) is added by src/sql/resolve-schema-names.ts. A relation of main is visible
  // when its schema is on the path (a name shadowed by an earlier schema still counts as visible);
  // everything else (catalogs, TEMP tables) is. The set of invisible OIDs is computed once per statement.
  pg_table_is_visible: ([relation, path]) => (path === undefined
    ? `CASE WHEN (${relation}) IS NULL THEN NULL ELSE 1 END`
    : `CASE WHEN (${relation}) IS NULL THEN NULL ELSE (${relation}) NOT IN (SELECT pgsqlite_oid(name) FROM (
        SELECT name FROM main.sqlite_schema WHERE type IN ('table', 'view', 'index') UNION SELECT name FROM pgsqlite_indexes)
      WHERE pgsqlite_nspname(name) NOT IN (SELECT value FROM json_each(${path}))) END`),
  pg_relation_size: relationSize,
  pg_table_size: relationSize,
  pg_total_relation_size: ([relation]) =>
    `(SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN (SELECT name FROM main.sqlite_schema WHERE pgsqlite_oid(name) = (${relation}))
      OR name IN (SELECT s.name FROM main.sqlite_schema s WHERE s.type = 'index' AND s.tbl_name = (SELECT name FROM main.sqlite_schema WHERE pgsqlite_oid(name) = (${relation}))))`,
  pg_indexes_size: ([relation]) =>
    `(SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN (SELECT s.name FROM main.sqlite_schema s WHERE s.type = 'index' AND s.tbl_name = (SELECT name FROM main.sqlite_schema WHERE pgsqlite_oid(name) = (${relation}))))`,
};
