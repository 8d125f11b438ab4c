/**
 * Catalog relations that differ per database: every engine connection creates them as TEMP views
 * over its own schema (src/catalog/catalog-views.ts), or, for pg_settings, as an eponymous virtual
 * table. A TEMP view is found by an unqualified name (SQLite searches temp first), so
 * `pg_catalog.pg_class` is emitted as `pg_class`. information_schema's views are TEMP views named
 * "information_schema.<view>", so they never shadow a user's table called `tables` or `columns`.
 */
export const connectionCatalogRelations: ReadonlySet<string> = new Set([
  'pg_class', 'pg_attribute', 'pg_attrdef', 'pg_index', 'pg_constraint', 'pg_proc', 'pg_tables', 'pg_views',
  'pg_indexes', 'pg_stat_user_tables', 'pg_stat_all_tables', 'pg_stat_user_indexes', 'pg_statio_user_tables', 'pg_settings',
  'pg_sequence', 'pg_sequences', 'pg_depend', 'pg_description',
  // pg_namespace: the metadata file's built-in schemas plus the database's own (src/catalog/catalog-views.ts).
  'pg_namespace',
  // pg_type and pg_enum: the built-in types plus the database's enums (src/catalog/catalog-views.ts).
  'pg_type', 'pg_enum',
  // pg_extension: plpgsql plus the database's CREATE EXTENSIONs (src/catalog/catalog-views.ts).
  'pg_extension',
]);

export const informationSchemaRelations: ReadonlySet<string> = new Set([
  'tables', 'columns', 'schemata', 'views', 'table_constraints', 'key_column_usage', 'referential_constraints',
  'constraint_column_usage', 'check_constraints',
]);

/** The SQLite name of a catalog relation named `schema.name`, or undefined when it is not one of these. */
export function catalogRelationName(schema: string | undefined, name: string): string | undefined {
  if (schema === 'information_schema') return informationSchemaRelations.has(name) ? `temp."information_schema.${name}"` : undefined;
  if ((schema === undefined || schema === 'pg_catalog') && connectionCatalogRelations.has(name)) return '"' + name + '"';
  return undefined;
}
