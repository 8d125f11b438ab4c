/**
 * The per-database catalog relations (pg_class, pg_attribute, pg_index, pg_constraint, …, and
 * information_schema's views) as TEMP views, created on every engine connection over
 * `main.sqlite_schema`, SQLite's table-valued pragmas and the attached pg_catalog schema (only a
 * TEMP view may read across attached databases). They are computed when read, so they always show
 * the connection's current schema; nothing is stored or refreshed.
 *
 * Typing: a view column that is an expression has no declared type, so RowDescription would guess
 * from the first value (a bool would come out as int8 1/0). Each view therefore ends in
 * `UNION ALL SELECT * FROM pg_catalog.pgsqlite_shape_<view>`, an empty table in the metadata file
 * whose columns declare the PostgreSQL types: SQLite reports a compound SELECT's declared types
 * from its last arm. OID columns are CAST … AS INTEGER so that `oid = '16397'` compares as numbers.
 */
import { connectionCatalogRelations, informationSchemaRelations } from '../sql/catalog-relations.js';
import { pgTypeColumns } from './pg-type-rows.js';
import { builtinExtension, providedExtensions } from './provided-extensions.js';

/** A view column: name, PostgreSQL type (the shape table's declared type), SQLite expression. */
export type CatalogColumn = readonly [name: string, type: string, expression: string];

export interface CatalogView {
  /** The SQLite name of the TEMP view. */
  name: string;
  columns: readonly CatalogColumn[];
  /** FROM … WHERE … of the view's first arm. */
  from: string;
}

const owner = '(SELECT rolname FROM pg_catalog.pg_authid WHERE oid = 10)';
const oid = (expression: string) => `CAST(${expression} AS INTEGER)`;
const userObject = (column: string) => `${column} NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND ${column} NOT LIKE 'pgsqlite\\_%' ESCAPE '\\'`;

/** The PostgreSQL type of a table's column `cid` as declared, a serial column's from its sequence (bigserial is bigint). */
const columnTypeOf = (table: string, cid: string) => `(SELECT coalesce(q.data_type, x.type) FROM pragma_table_xinfo(${table}, 'main') x
  LEFT JOIN main.pgsqlite_sequences q ON q.owned_table = ${table} AND q.owned_column = x.name WHERE x.cid = ${cid})`;
/**
 * The default btree operator class of a type (pg_opclass, operator-classes.ts), as pg_index.indclass
 * holds it: varchar's is text_ops, an array's array_ops, an enum's enum_ops; 0 when it has none.
 */
const defaultOpclassOf = (type: string) => `coalesce((SELECT o.oid FROM pg_type t, pg_catalog.pg_opclass o
  WHERE t.oid = pgsqlite_type_oid(${type}) AND o.opcmethod = 403 AND o.opcdefault
    AND o.opcintype = CASE WHEN t.oid = 1043 THEN 25 WHEN t.typcategory = 'A' THEN 2277 WHEN t.typtype = 'e' THEN 3500 ELSE t.oid END), 0)`;

/**
 * Internal helper views (not typed, not listed): the database's own tables and views, their
 * constraints (parsed from the DDL by pgsqlite_table_constraints) and every index a client should
 * see — explicit ones, and one per PRIMARY KEY / UNIQUE constraint in place of SQLite's
 * sqlite_autoindex_* (and of the rowid, which a serial primary key is).
 */
const helperViews = `
CREATE TEMP VIEW pgsqlite_relations AS
  SELECT name, type, sql FROM main.sqlite_schema WHERE type IN ('table', 'view') AND ${userObject('name')};
CREATE TEMP VIEW pgsqlite_constraints AS
  SELECT t.name AS tbl, json_extract(c.value, '$.name') AS name, json_extract(c.value, '$.type') AS type,
    json_extract(c.value, '$.columns') AS keys, json_extract(c.value, '$.refTable') AS ref, json_extract(c.value, '$.refColumns') AS refcolumns,
    json_extract(c.value, '$.onUpdate') AS onupdate, json_extract(c.value, '$.onDelete') AS ondelete, json_extract(c.value, '$.match') AS matchtype,
    json_extract(c.value, '$.deferrable') AS "deferrable", json_extract(c.value, '$.deferred') AS "deferred",
    json_extract(c.value, '$.expression') AS expression, json_extract(c.value, '$.indexDef') AS indexdef,
    replace(json_extract(c.value, '$.def'), '{refcols}',
      coalesce((SELECT group_concat(name, ', ') FROM (SELECT name FROM pragma_table_xinfo(json_extract(c.value, '$.refTable'), 'main') WHERE pk > 0 ORDER BY pk)), '')) AS def,
    c.key AS position
  FROM pgsqlite_relations t, json_each(pgsqlite_table_constraints(t.name, t.sql)) c WHERE t.type = 'table';
CREATE TEMP VIEW pgsqlite_indexes AS
  SELECT s.name AS name, s.tbl_name AS tbl, pgsqlite_index_unique(s.sql) AS isunique, 0 AS isprimary, 1 AS immediate,
    pgsqlite_index_def(s.name, s.tbl_name, s.sql) AS def, pgsqlite_index_predicate(s.sql) AS predicate,
    (SELECT group_concat(CASE WHEN cid >= 0 THEN cid + 1 ELSE 0 END, ' ') FROM pragma_index_xinfo(s.name, 'main') WHERE key = 1) AS indkey,
    (SELECT count(*) FROM pragma_index_xinfo(s.name, 'main') WHERE key = 1) AS natts,
    (SELECT group_concat(CASE WHEN "desc" THEN 3 ELSE 0 END, ' ') FROM pragma_index_xinfo(s.name, 'main') WHERE key = 1) AS indoption,
    (SELECT group_concat(CASE WHEN k.cid >= 0 THEN ${defaultOpclassOf(columnTypeOf('s.tbl_name', 'k.cid'))} ELSE 0 END, ' ')
      FROM pragma_index_xinfo(s.name, 'main') k WHERE k.key = 1) AS indclass
  FROM main.sqlite_schema s WHERE s.type = 'index' AND s.sql IS NOT NULL AND ${userObject('s.tbl_name')} AND ${userObject('s.name')}
  UNION ALL
  SELECT c.name, c.tbl, 1, c.type = 'p', NOT c."deferrable", c.indexdef, NULL,
    (SELECT group_concat(value, ' ') FROM json_each(c.keys)), json_array_length(c.keys),
    (SELECT group_concat(0, ' ') FROM json_each(c.keys)),
    (SELECT group_concat(${defaultOpclassOf(columnTypeOf('c.tbl', 'k.value - 1'))}, ' ') FROM json_each(c.keys) k)
  FROM pgsqlite_constraints c WHERE c.type IN ('p', 'u');
CREATE TEMP VIEW pgsqlite_columns AS
  SELECT x.*, CASE WHEN x.seq IS NULL THEN pgsqlite_default_expr(x.dflt_value, x.type)
      WHEN x.identity = '' THEN 'nextval(' || quote(quote_ident(x.seq)) || '::regclass)' END AS default_expr
  FROM (SELECT t.name AS rel, t.type AS reltype, c.name, coalesce(s.data_type, c.type) AS type, c.cid, c."notnull", c.pk, c.dflt_value, c.hidden,
      s.name AS seq, CASE WHEN s.name IS NOT NULL AND EXISTS (SELECT 1 FROM main.sqlite_schema g
        WHERE g.type = 'trigger' AND g.name = 'pgsqlite_identity_' || t.name || '_' || c.name) THEN 'a' ELSE '' END AS identity
    FROM pgsqlite_relations t, pragma_table_xinfo(t.name, 'main') c
      LEFT JOIN main.pgsqlite_sequences s ON s.owned_table = t.name AND s.owned_column = c.name
    WHERE c.hidden <> 1) x;
`;

const pgClass: CatalogView = {
  name: 'pg_class',
  columns: [
    ['oid', 'oid', oid('pgsqlite_oid(r.name)')], ['relname', 'name', 'pgsqlite_relname(r.name)'], ['relnamespace', 'oid', 'pgsqlite_nspoid(r.name)'], ['reltype', 'oid', '0'],
    ['reloftype', 'oid', '0'], ['relowner', 'oid', '10'], ['relam', 'oid', "CASE r.kind WHEN 'r' THEN 2 WHEN 'i' THEN 403 ELSE 0 END"],
    ['relfilenode', 'oid', oid("CASE r.kind WHEN 'v' THEN 0 ELSE pgsqlite_oid(r.name) END")], ['reltablespace', 'oid', '0'],
    ['relpages', 'int4', '0'], ['reltuples', 'float4', '-1.0'], ['relallvisible', 'int4', '0'], ['reltoastrelid', 'oid', '0'],
    ['relhasindex', 'bool', "r.kind = 'r' AND EXISTS (SELECT 1 FROM pgsqlite_indexes i WHERE i.tbl = r.name)"], ['relisshared', 'bool', '0'],
    ['relpersistence', '"char"', "'p'"], ['relkind', '"char"', 'r.kind'], ['relnatts', 'int2', 'r.natts'],
    ['relchecks', 'int2', "(SELECT count(*) FROM pgsqlite_constraints c WHERE c.tbl = r.name AND c.type = 'c')"],
    ['relhasrules', 'bool', "r.kind = 'v'"],
    // PostgreSQL implements foreign keys with triggers on both tables; psql reads this to list them.
    ['relhastriggers', 'bool', "r.kind = 'r' AND EXISTS (SELECT 1 FROM pgsqlite_constraints c WHERE c.type = 'f' AND (c.tbl = r.name OR c.ref = r.name))"], ['relhassubclass', 'bool', '0'],
    ['relrowsecurity', 'bool', '0'], ['relforcerowsecurity', 'bool', '0'], ['relispopulated', 'bool', '1'],
    ['relreplident', '"char"', "CASE r.kind WHEN 'r' THEN 'd' ELSE 'n' END"], ['relispartition', 'bool', '0'], ['relrewrite', 'oid', '0'],
    ['relfrozenxid', 'xid', '0'], ['relminmxid', 'xid', '0'], ['relacl', 'aclitem[]', 'NULL'], ['reloptions', 'text[]', 'NULL'],
    ['relpartbound', 'pg_node_tree', 'NULL'],
  ],
  from: `FROM (
    SELECT t.name, CASE t.type WHEN 'table' THEN 'r' ELSE 'v' END AS kind, (SELECT count(*) FROM pragma_table_xinfo(t.name, 'main')) AS natts FROM pgsqlite_relations t
    UNION ALL SELECT name, 'i', natts FROM pgsqlite_indexes
    UNION ALL SELECT name, 'S', 3 FROM main.pgsqlite_sequences) r`,
};

const collatable = "pgsqlite_type_oid(x.type) IN (25, 1043, 1042, 19, 1009, 1015, 1014)";

const pgAttribute: CatalogView = {
  name: 'pg_attribute',
  columns: [
    ['attrelid', 'oid', oid('pgsqlite_oid(x.rel)')], ['attname', 'name', 'x.name'], ['atttypid', 'oid', oid('pgsqlite_type_oid(x.type)')],
    ['attstattarget', 'int4', '-1'], ['attlen', 'int2', 'pgsqlite_type_len(x.type)'], ['attnum', 'int2', 'x.cid + 1'],
    ['attndims', 'int4', "pgsqlite_type_oid(x.type) IN (SELECT oid FROM pg_catalog.pg_type WHERE typcategory = 'A')"],
    ['attcacheoff', 'int4', '-1'], ['atttypmod', 'int4', 'pgsqlite_type_mod(x.type)'],
    ['attbyval', 'bool', 'pgsqlite_type_len(x.type) BETWEEN 1 AND 8'], ['attalign', '"char"', "'i'"],
    ['attstorage', '"char"', "CASE WHEN pgsqlite_type_oid(x.type) = 1700 THEN 'm' WHEN pgsqlite_type_len(x.type) = -1 THEN 'x' ELSE 'p' END"],
    // PostgreSQL's '\0' (no compression method); the wire encoder would send an empty "char" as a space.
    ['attcompression', '"char"', 'NULL'],
    ['attnotnull', 'bool', 'x."notnull" OR x.pk > 0'], ['atthasdef', 'bool', 'x.dflt_value IS NOT NULL'], ['atthasmissing', 'bool', '0'],
    ['attidentity', '"char"', 'x.identity'], ['attgenerated', '"char"', "CASE WHEN x.hidden IN (2, 3) THEN 's' ELSE '' END"],
    ['attisdropped', 'bool', '0'], ['attislocal', 'bool', '1'], ['attinhcount', 'int4', '0'],
    ['attcollation', 'oid', 'coalesce((SELECT typcollation FROM pg_catalog.pg_type WHERE oid = pgsqlite_type_oid(x.type)), 0)'], ['attacl', 'aclitem[]', 'NULL'],
    ['attoptions', 'text[]', 'NULL'], ['attfdwoptions', 'text[]', 'NULL'], ['attmissingval', 'text', 'NULL'],
  ],
  // Columns of tables and views, then the key columns of indexes (named after the table column, or "expr").
  from: `FROM (
    SELECT rel, name, type, cid, "notnull", pk, default_expr AS dflt_value, hidden, identity FROM pgsqlite_columns
    UNION ALL
    SELECT i.name, coalesce(c.name, 'expr'), c.type, k.key, 0, 0, NULL, 0, ''
      FROM pgsqlite_indexes i JOIN json_each('[' || replace(i.indkey, ' ', ',') || ']') k
      LEFT JOIN pragma_table_xinfo(i.tbl, 'main') c ON c.cid + 1 = k.value) x`,
};

const pgAttrdef: CatalogView = {
  name: 'pg_attrdef',
  columns: [
    ['oid', 'oid', oid("pgsqlite_oid(x.rel, x.name, 'default')")], ['adrelid', 'oid', oid('pgsqlite_oid(x.rel)')],
    ['adnum', 'int2', 'x.cid + 1'], ['adbin', 'pg_node_tree', 'x.default_expr'],
  ],
  // default_expr: a serial column's nextval('…_seq'::regclass), else the DDL's default.
  from: "FROM pgsqlite_columns x WHERE x.reltype = 'table' AND x.default_expr IS NOT NULL",
};

const pgIndex: CatalogView = {
  name: 'pg_index',
  columns: [
    ['indexrelid', 'oid', oid('pgsqlite_oid(i.name)')], ['indrelid', 'oid', oid('pgsqlite_oid(i.tbl)')], ['indnatts', 'int2', 'i.natts'],
    ['indnkeyatts', 'int2', 'i.natts'], ['indisunique', 'bool', 'i.isunique'], ['indnullsnotdistinct', 'bool', '0'],
    ['indisprimary', 'bool', 'i.isprimary'], ['indisexclusion', 'bool', '0'], ['indimmediate', 'bool', 'i.immediate'],
    ['indisclustered', 'bool', '0'], ['indisvalid', 'bool', '1'], ['indcheckxmin', 'bool', '0'], ['indisready', 'bool', '1'],
    ['indislive', 'bool', '1'], ['indisreplident', 'bool', '0'], ['indkey', 'int2vector', 'i.indkey'], ['indcollation', 'oidvector', "''"],
    ['indclass', 'oidvector', 'i.indclass'], ['indoption', 'int2vector', 'i.indoption'], ['indexprs', 'pg_node_tree', 'NULL'], ['indpred', 'pg_node_tree', 'i.predicate'],
  ],
  from: 'FROM pgsqlite_indexes i',
};

const pgConstraint: CatalogView = {
  name: 'pg_constraint',
  columns: [
    ['oid', 'oid', oid('pgsqlite_oid(c.tbl, c.name)')], ['conname', 'name', 'pgsqlite_relname(c.name)'], ['connamespace', 'oid', 'pgsqlite_nspoid(c.tbl)'],
    ['contype', '"char"', 'c.type'], ['condeferrable', 'bool', 'c."deferrable"'], ['condeferred', 'bool', 'c."deferred"'],
    ['convalidated', 'bool', '1'], ['conrelid', 'oid', oid('pgsqlite_oid(c.tbl)')], ['contypid', 'oid', '0'],
    // A foreign key's conindid is the referenced table's unique index over the referenced columns (pgjdbc joins it).
    ['conindid', 'oid', oid(`CASE WHEN c.type IN ('p', 'u') THEN pgsqlite_oid(c.name) WHEN c.type = 'f' THEN coalesce((SELECT pgsqlite_oid(i.name)
      FROM pgsqlite_indexes i WHERE i.tbl = c.ref AND i.isunique AND i.indkey = (SELECT group_concat(x.cid + 1, ' ') FROM pragma_table_xinfo(c.ref, 'main') x
        WHERE CASE WHEN json_array_length(c.refcolumns) > 0 THEN x.name IN (SELECT value FROM json_each(c.refcolumns)) ELSE x.pk > 0 END)
      ORDER BY i.isprimary DESC LIMIT 1), 0) ELSE 0 END`)], ['conparentid', 'oid', '0'],
    ['confrelid', 'oid', oid("CASE WHEN c.type = 'f' THEN pgsqlite_oid(c.ref) ELSE 0 END")],
    ['confupdtype', '"char"', "CASE WHEN c.type = 'f' THEN coalesce(c.onupdate, 'a') ELSE ' ' END"],
    ['confdeltype', '"char"', "CASE WHEN c.type = 'f' THEN coalesce(c.ondelete, 'a') ELSE ' ' END"],
    ['confmatchtype', '"char"', "CASE WHEN c.type = 'f' THEN coalesce(c.matchtype, 's') ELSE ' ' END"],
    ['conislocal', 'bool', '1'], ['coninhcount', 'int4', '0'], ['connoinherit', 'bool', '0'],
    ['conkey', 'int2[]', 'c.keys'],
    ['confkey', 'int2[]', `CASE WHEN c.type = 'f' THEN (SELECT json_group_array(x.cid + 1) FROM pragma_table_xinfo(c.ref, 'main') x
      WHERE CASE WHEN json_array_length(c.refcolumns) > 0 THEN x.name IN (SELECT value FROM json_each(c.refcolumns)) ELSE x.pk > 0 END) END`],
    ['conpfeqop', 'oid[]', 'NULL'], ['conppeqop', 'oid[]', 'NULL'], ['conffeqop', 'oid[]', 'NULL'], ['confdelsetcols', 'int2[]', 'NULL'],
    ['conexclop', 'oid[]', 'NULL'], ['conbin', 'pg_node_tree', 'c.expression'],
    // PostgreSQL's system column (pg_constraint's own OID): psql's \\dd joins it to pg_description.classoid.
    ['tableoid', 'oid', '2606'],
  ],
  from: 'FROM pgsqlite_constraints c',
};

const pgProc: CatalogView = {
  name: 'pg_proc',
  columns: [
    ['oid', 'oid', oid("pgsqlite_oid('function', f.name, f.narg)")], ['proname', 'name', 'f.name'], ['pronamespace', 'oid', '11'],
    ['proowner', 'oid', '10'], ['prolang', 'oid', '12'], ['procost', 'float4', '1.0'], ['prorows', 'float4', '0.0'],
    ['provariadic', 'oid', '0'], ['prosupport', 'regproc', "'-'"], ['prokind', '"char"', "CASE f.type WHEN 'a' THEN 'a' WHEN 'w' THEN 'w' ELSE 'f' END"],
    ['prosecdef', 'bool', '0'], ['proleakproof', 'bool', '0'], ['proisstrict', 'bool', '0'], ['proretset', 'bool', '0'],
    ['provolatile', '"char"', "CASE WHEN f.flags & 2048 THEN 'i' ELSE 'v' END"], ['proparallel', '"char"', "'s'"],
    ['pronargs', 'int2', 'max(f.narg, 0)'], ['pronargdefaults', 'int2', '0'], ['prorettype', 'oid', '25'],
    ['proargtypes', 'oidvector', "''"], ['proallargtypes', 'oid[]', 'NULL'], ['proargmodes', '"char"[]', 'NULL'],
    ['proargnames', 'text[]', 'NULL'], ['proargdefaults', 'pg_node_tree', 'NULL'], ['protrftypes', 'oid[]', 'NULL'],
    ['prosrc', 'text', 'f.name'], ['probin', 'text', 'NULL'], ['prosqlbody', 'pg_node_tree', 'NULL'],
    ['proconfig', 'text[]', 'NULL'], ['proacl', 'aclitem[]', 'NULL'],
  ],
  from: `FROM (SELECT name, narg, max(type) AS type, max(flags) AS flags FROM pragma_function_list
    WHERE ${userObject('name')} GROUP BY name, narg) f`,
};

const sequenceTypeOid = "CASE s.data_type WHEN 'smallint' THEN 21 WHEN 'integer' THEN 23 ELSE 20 END";

const pgSequence: CatalogView = {
  name: 'pg_sequence',
  columns: [
    ['seqrelid', 'oid', oid('pgsqlite_oid(s.name)')], ['seqtypid', 'oid', sequenceTypeOid], ['seqstart', 'int8', 's.start_value'],
    ['seqincrement', 'int8', 's.increment'], ['seqmax', 'int8', 's.max_value'], ['seqmin', 'int8', 's.min_value'],
    ['seqcache', 'int8', 's.cache_size'], ['seqcycle', 'bool', 's.cycle'],
  ],
  from: 'FROM main.pgsqlite_sequences s',
};

const pgSequences: CatalogView = {
  name: 'pg_sequences',
  columns: [
    ['schemaname', 'name', 'pgsqlite_nspname(s.name)'], ['sequencename', 'name', 'pgsqlite_relname(s.name)'], ['sequenceowner', 'name', owner], ['data_type', 'regtype', 's.data_type'],
    ['start_value', 'int8', 's.start_value'], ['min_value', 'int8', 's.min_value'], ['max_value', 'int8', 's.max_value'],
    ['increment_by', 'int8', 's.increment'], ['cycle', 'bool', 's.cycle'], ['cache_size', 'int8', 's.cache_size'],
    ['last_value', 'int8', 'CASE WHEN s.is_called THEN s.last_value END'],
  ],
  from: 'FROM main.pgsqlite_sequences s',
};

/** A serial column's sequence depends on it automatically ('a'), an identity column's internally ('i'). */
const pgDepend: CatalogView = {
  name: 'pg_depend',
  columns: [
    ['classid', 'oid', '1259'], ['objid', 'oid', oid('pgsqlite_oid(x.seq)')], ['objsubid', 'int4', '0'], ['refclassid', 'oid', '1259'],
    ['refobjid', 'oid', oid('pgsqlite_oid(x.rel)')], ['refobjsubid', 'int4', 'x.cid + 1'], ['deptype', '"char"', "CASE x.identity WHEN '' THEN 'a' ELSE 'i' END"],
  ],
  from: 'FROM pgsqlite_columns x WHERE x.seq IS NOT NULL',
};

/**
 * The built-in schemas (the metadata file's rows) and the database's own: each schema is a marker
 * view "pgsqlite_namespace.<name>" whose one column is named after its owner (src/sql/schema-names.ts).
 */
const pgNamespace: CatalogView = {
  name: 'pg_namespace',
  columns: [['oid', 'oid', 'n.oid'], ['nspname', 'name', 'n.nspname'], ['nspowner', 'oid', 'n.nspowner'], ['nspacl', 'aclitem[]', 'NULL']],
  from: `FROM (SELECT oid, nspname, nspowner FROM pg_catalog.pg_namespace
    UNION ALL
    SELECT ${oid("pgsqlite_schema_oid(substr(m.name, 20))")}, substr(m.name, 20),
      coalesce((SELECT a.oid FROM pg_catalog.pg_authid a, pragma_table_info(m.name, 'main') o WHERE a.rolname = o.name), 10)
    FROM main.sqlite_schema m WHERE m.type = 'view' AND m.name LIKE 'pgsqlite\\_namespace.%' ESCAPE '\\') n`,
};

/**
 * The built-in plpgsql (the metadata file's row) and the extensions created in the database
 * (pgsqlite_extensions, sql/translate/extension-statements.ts), whose OIDs hash their names.
 */
const extensionOid = (name: string) => `pgsqlite_oid('pg_extension', ${name})`;
const pgExtension: CatalogView = {
  name: 'pg_extension',
  columns: [
    ['oid', 'oid', oid('e.oid')], ['extname', 'name', 'e.extname'], ['extowner', 'oid', '10'], ['extnamespace', 'oid', oid('e.extnamespace')],
    ['extrelocatable', 'bool', 'e.extrelocatable'], ['extversion', 'text', 'e.extversion'], ['extconfig', 'oid[]', 'NULL'], ['extcondition', 'text[]', 'NULL'],
  ],
  from: `FROM (SELECT oid, extname, extnamespace, extrelocatable, extversion FROM pg_catalog.pg_extension
    UNION ALL SELECT ${extensionOid('x.name')}, x.name, pgsqlite_schema_oid(x.schema), 1, x.version FROM main.pgsqlite_extensions x) e`,
};

/** Each extension's description (its control file's comment), as a CASE over its name. */
const extensionDescription = `CASE x.name ${[...providedExtensions].map(([name, e]) => `WHEN '${name}' THEN '${e.description}'`).join(' ')} END`;

/**
 * COMMENT ON (sql/translate/comment-statement.ts), and the extensions' descriptions (psql's \\dx):
 * the built-in plpgsql's and the created ones'; comments of dropped objects are not shown.
 */
const pgDescription: CatalogView = {
  name: 'pg_description',
  columns: [
    ['objoid', 'oid', oid(`CASE d.kind WHEN 'class' THEN pgsqlite_oid(d.object) WHEN 'extension' THEN coalesce((SELECT e.oid FROM pg_extension e WHERE e.extname = d.object), ${builtinExtension.oid})
      WHEN 'type' THEN (SELECT t.oid FROM pg_type t WHERE t.typname = d.object) ELSE (SELECT n.oid FROM pg_namespace n WHERE n.nspname = d.object) END`)],
    ['classoid', 'oid', "CASE d.kind WHEN 'class' THEN 1259 WHEN 'type' THEN 1247 WHEN 'extension' THEN 3079 ELSE 2615 END"],
    ['objsubid', 'int4', "CASE WHEN d.sub = '' THEN 0 ELSE (SELECT x.cid + 1 FROM pragma_table_xinfo(d.object, 'main') x WHERE x.name = d.sub) END"],
    ['description', 'text', 'd.description'],
  ],
  from: `FROM (SELECT kind, object, sub, description FROM main.pgsqlite_comments
      UNION ALL SELECT 'extension', '${builtinExtension.name}', '', '${builtinExtension.description}'
      UNION ALL SELECT 'extension', x.name, '', ${extensionDescription} FROM main.pgsqlite_extensions x) d WHERE CASE d.kind
    WHEN 'extension' THEN 1
    WHEN 'class' THEN EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = d.object)
      AND (d.sub = '' OR EXISTS (SELECT 1 FROM pragma_table_xinfo(d.object, 'main') x WHERE x.name = d.sub))
    WHEN 'type' THEN EXISTS (SELECT 1 FROM pg_type t WHERE t.typname = d.object)
    ELSE EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = d.object) END`,
};

/**
 * pg_type: the metadata file's built-in types, and per enum of the database (its rows of
 * pgsqlite_enums, sql/translate/enum-types.ts) the enum type and its array type `_name`, with
 * PostgreSQL's values for both.
 */
const enumTypeValues: Record<string, [enumType: string, arrayType: string]> = {
  oid: ['pgsqlite_enum_oid(e.name)', 'pgsqlite_enum_array_oid(e.name)'],
  typname: ['pgsqlite_relname(e.name)', "'_' || pgsqlite_relname(e.name)"], typnamespace: ['pgsqlite_nspoid(e.name)', 'pgsqlite_nspoid(e.name)'],
  typowner: ['10', '10'], typlen: ['4', '-1'], typbyval: ['1', '0'], typtype: ["'e'", "'b'"], typcategory: ["'E'", "'A'"],
  typispreferred: ['0', '0'], typisdefined: ['1', '1'], typdelim: ["','", "','"], typrelid: ['0', '0'],
  typsubscript: ["'-'", "'array_subscript_handler'"], typelem: ['0', 'pgsqlite_enum_oid(e.name)'], typarray: ['pgsqlite_enum_array_oid(e.name)', '0'],
  typinput: ["'enum_in'", "'array_in'"], typoutput: ["'enum_out'", "'array_out'"], typreceive: ["'enum_recv'", "'array_recv'"],
  typsend: ["'enum_send'", "'array_send'"], typmodin: ["'-'", "'-'"], typmodout: ["'-'", "'-'"], typanalyze: ["'-'", "'array_typanalyze'"],
  typalign: ["'i'", "'i'"], typstorage: ["'p'", "'x'"], typnotnull: ['0', '0'], typbasetype: ['0', '0'], typtypmod: ['-1', '-1'],
  typndims: ['0', '0'], typcollation: ['0', '0'], typdefault: ['NULL', 'NULL'],
};
const enumNames = '(SELECT DISTINCT type_name AS name FROM main.pgsqlite_enums) e';
const pgType: CatalogView = {
  name: 'pg_type',
  // typacl: psql's \dT+ reads it; no type has privileges here.
  columns: [...pgTypeColumns.map(([name, type]) => [name, type, `t.${name}`] as const), ['typacl', 'aclitem[]', 'NULL']],
  from: `FROM (SELECT ${pgTypeColumns.map(([name]) => name).join(', ')} FROM pg_catalog.pg_type
    UNION ALL SELECT ${pgTypeColumns.map(([name]) => enumTypeValues[name]![0]).join(', ')} FROM ${enumNames}
    UNION ALL SELECT ${pgTypeColumns.map(([name]) => enumTypeValues[name]![1]).join(', ')} FROM ${enumNames}) t`,
};

/** The labels of the database's enums (sql/translate/enum-types.ts). */
const pgEnum: CatalogView = {
  name: 'pg_enum',
  columns: [
    ['oid', 'oid', oid("pgsqlite_oid('pg_enum', e.type_name, e.label)")], ['enumtypid', 'oid', oid('pgsqlite_enum_oid(e.type_name)')],
    ['enumsortorder', 'float4', 'e.sort_order'], ['enumlabel', 'name', 'e.label'],
  ],
  from: 'FROM main.pgsqlite_enums e',
};

const pgTables: CatalogView = {
  name: 'pg_tables',
  columns: [
    ['schemaname', 'name', 'pgsqlite_nspname(t.name)'], ['tablename', 'name', 'pgsqlite_relname(t.name)'], ['tableowner', 'name', owner], ['tablespace', 'name', 'NULL'],
    ['hasindexes', 'bool', 'EXISTS (SELECT 1 FROM pgsqlite_indexes i WHERE i.tbl = t.name)'], ['hasrules', 'bool', '0'],
    ['hastriggers', 'bool', '0'], ['rowsecurity', 'bool', '0'],
  ],
  from: "FROM pgsqlite_relations t WHERE t.type = 'table'",
};

const pgViews: CatalogView = {
  name: 'pg_views',
  columns: [['schemaname', 'name', 'pgsqlite_nspname(v.name)'], ['viewname', 'name', 'pgsqlite_relname(v.name)'], ['viewowner', 'name', owner], ['definition', 'text', 'pgsqlite_view_query(v.sql)']],
  from: "FROM pgsqlite_relations v WHERE v.type = 'view'",
};

const pgIndexes: CatalogView = {
  name: 'pg_indexes',
  columns: [['schemaname', 'name', 'pgsqlite_nspname(i.tbl)'], ['tablename', 'name', 'pgsqlite_relname(i.tbl)'], ['indexname', 'name', 'pgsqlite_relname(i.name)'], ['tablespace', 'name', 'NULL'], ['indexdef', 'text', 'i.def']],
  from: 'FROM pgsqlite_indexes i',
};

const statTableColumns: CatalogColumn[] = [
  ['relid', 'oid', oid('pgsqlite_oid(t.name)')], ['schemaname', 'name', 'pgsqlite_nspname(t.name)'], ['relname', 'name', 'pgsqlite_relname(t.name)'],
  ['seq_scan', 'int8', '0'], ['seq_tup_read', 'int8', '0'], ['idx_scan', 'int8', '0'], ['idx_tup_fetch', 'int8', '0'],
  ['n_tup_ins', 'int8', '0'], ['n_tup_upd', 'int8', '0'], ['n_tup_del', 'int8', '0'], ['n_tup_hot_upd', 'int8', '0'],
  ['n_live_tup', 'int8', '0'], ['n_dead_tup', 'int8', '0'], ['n_mod_since_analyze', 'int8', '0'], ['n_ins_since_vacuum', 'int8', '0'],
  ['last_vacuum', 'timestamptz', 'NULL'], ['last_autovacuum', 'timestamptz', 'NULL'], ['last_analyze', 'timestamptz', 'NULL'],
  ['last_autoanalyze', 'timestamptz', 'NULL'], ['vacuum_count', 'int8', '0'], ['autovacuum_count', 'int8', '0'],
  ['analyze_count', 'int8', '0'], ['autoanalyze_count', 'int8', '0'],
];

const pgStatUserTables: CatalogView = { name: 'pg_stat_user_tables', columns: statTableColumns, from: "FROM pgsqlite_relations t WHERE t.type = 'table'" };
const pgStatAllTables: CatalogView = { name: 'pg_stat_all_tables', columns: statTableColumns, from: "FROM pgsqlite_relations t WHERE t.type = 'table'" };

const pgStatioUserTables: CatalogView = {
  name: 'pg_statio_user_tables',
  columns: [
    ['relid', 'oid', oid('pgsqlite_oid(t.name)')], ['schemaname', 'name', 'pgsqlite_nspname(t.name)'], ['relname', 'name', 'pgsqlite_relname(t.name)'],
    ['heap_blks_read', 'int8', '0'], ['heap_blks_hit', 'int8', '0'], ['idx_blks_read', 'int8', '0'], ['idx_blks_hit', 'int8', '0'],
    ['toast_blks_read', 'int8', 'NULL'], ['toast_blks_hit', 'int8', 'NULL'], ['tidx_blks_read', 'int8', 'NULL'], ['tidx_blks_hit', 'int8', 'NULL'],
  ],
  from: "FROM pgsqlite_relations t WHERE t.type = 'table'",
};

const pgStatUserIndexes: CatalogView = {
  name: 'pg_stat_user_indexes',
  columns: [
    ['relid', 'oid', oid('pgsqlite_oid(i.tbl)')], ['indexrelid', 'oid', oid('pgsqlite_oid(i.name)')], ['schemaname', 'name', 'pgsqlite_nspname(i.tbl)'],
    ['relname', 'name', 'pgsqlite_relname(i.tbl)'], ['indexrelname', 'name', 'pgsqlite_relname(i.name)'], ['idx_scan', 'int8', '0'], ['idx_tup_read', 'int8', '0'], ['idx_tup_fetch', 'int8', '0'],
  ],
  from: 'FROM pgsqlite_indexes i',
};

// information_schema (SQL-standard views; PostgreSQL's domain types shown as their base types).
const isView = (name: string, columns: CatalogColumn[], from: string): CatalogView => ({ name: `information_schema.${name}`, columns, from });
const catalog = 'current_database()';

const isTables = isView('tables', [
  ['table_catalog', 'name', catalog], ['table_schema', 'name', 'pgsqlite_nspname(t.name)'], ['table_name', 'name', 'pgsqlite_relname(t.name)'],
  ['table_type', 'varchar', "CASE t.type WHEN 'table' THEN 'BASE TABLE' ELSE 'VIEW' END"],
  ['self_referencing_column_name', 'name', 'NULL'], ['reference_generation', 'varchar', 'NULL'],
  ['user_defined_type_catalog', 'name', 'NULL'], ['user_defined_type_schema', 'name', 'NULL'], ['user_defined_type_name', 'name', 'NULL'],
  ['is_insertable_into', 'varchar', "CASE t.type WHEN 'table' THEN 'YES' ELSE 'NO' END"], ['is_typed', 'varchar', "'NO'"],
  ['commit_action', 'varchar', 'NULL'],
], 'FROM pgsqlite_relations t');

const isColumns = isView('columns', [
  ['table_catalog', 'name', catalog], ['table_schema', 'name', 'pgsqlite_nspname(x.rel)'], ['table_name', 'name', 'pgsqlite_relname(x.rel)'], ['column_name', 'name', 'x.name'],
  ['ordinal_position', 'int4', 'x.cid + 1'], ['column_default', 'varchar', 'x.default_expr'],
  ['is_nullable', 'varchar', "CASE WHEN x.\"notnull\" OR x.pk > 0 THEN 'NO' ELSE 'YES' END"],
  ['data_type', 'varchar', 'pgsqlite_sql_data_type(x.type)'],
  ['character_maximum_length', 'int4', "CASE WHEN pgsqlite_type_oid(x.type) IN (1042, 1043) AND pgsqlite_type_mod(x.type) >= 4 THEN pgsqlite_type_mod(x.type) - 4 END"],
  ['character_octet_length', 'int4', `CASE WHEN ${collatable} THEN CASE WHEN pgsqlite_type_mod(x.type) >= 4 THEN (pgsqlite_type_mod(x.type) - 4) * 4 ELSE 1073741824 END END`],
  ['numeric_precision', 'int4', "CASE pgsqlite_type_oid(x.type) WHEN 21 THEN 16 WHEN 23 THEN 32 WHEN 20 THEN 64 WHEN 700 THEN 24 WHEN 701 THEN 53 WHEN 1700 THEN CASE WHEN pgsqlite_type_mod(x.type) >= 4 THEN ((pgsqlite_type_mod(x.type) - 4) >> 16) & 65535 END END"],
  ['numeric_precision_radix', 'int4', "CASE WHEN pgsqlite_type_oid(x.type) IN (21, 23, 20, 700, 701) THEN 2 WHEN pgsqlite_type_oid(x.type) = 1700 THEN 10 END"],
  ['numeric_scale', 'int4', "CASE WHEN pgsqlite_type_oid(x.type) IN (21, 23, 20) THEN 0 WHEN pgsqlite_type_oid(x.type) = 1700 AND pgsqlite_type_mod(x.type) >= 4 THEN (pgsqlite_type_mod(x.type) - 4) & 65535 END"],
  ['datetime_precision', 'int4', "CASE WHEN pgsqlite_type_oid(x.type) = 1082 THEN 0 WHEN pgsqlite_type_oid(x.type) IN (1083, 1114, 1184, 1266, 1186) THEN CASE WHEN pgsqlite_type_mod(x.type) >= 0 THEN pgsqlite_type_mod(x.type) ELSE 6 END END"],
  ['interval_type', 'varchar', 'NULL'], ['interval_precision', 'int4', 'NULL'],
  ['character_set_catalog', 'name', 'NULL'], ['character_set_schema', 'name', 'NULL'], ['character_set_name', 'name', 'NULL'],
  ['collation_catalog', 'name', 'NULL'], ['collation_schema', 'name', 'NULL'], ['collation_name', 'name', 'NULL'],
  ['domain_catalog', 'name', 'NULL'], ['domain_schema', 'name', 'NULL'], ['domain_name', 'name', 'NULL'],
  ['udt_catalog', 'name', catalog],
  ['udt_schema', 'name', "coalesce((SELECT n.nspname FROM pg_type t, pg_namespace n WHERE t.oid = pgsqlite_type_oid(x.type) AND n.oid = t.typnamespace), 'pg_catalog')"],
  ['udt_name', 'name', '(SELECT typname FROM pg_type WHERE oid = pgsqlite_type_oid(x.type))'],
  ['scope_catalog', 'name', 'NULL'], ['scope_schema', 'name', 'NULL'], ['scope_name', 'name', 'NULL'],
  ['maximum_cardinality', 'int4', 'NULL'], ['dtd_identifier', 'name', 'x.cid + 1'], ['is_self_referencing', 'varchar', "'NO'"],
  ['is_identity', 'varchar', "CASE WHEN x.identity = '' THEN 'NO' ELSE 'YES' END"],
  ['identity_generation', 'varchar', "CASE x.identity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END"], ['identity_start', 'varchar', 'NULL'],
  ['identity_increment', 'varchar', 'NULL'], ['identity_maximum', 'varchar', 'NULL'], ['identity_minimum', 'varchar', 'NULL'],
  ['identity_cycle', 'varchar', "'NO'"], ['is_generated', 'varchar', "CASE WHEN x.hidden IN (2, 3) THEN 'ALWAYS' ELSE 'NEVER' END"],
  ['generation_expression', 'varchar', 'NULL'], ['is_updatable', 'varchar', "CASE x.reltype WHEN 'table' THEN 'YES' ELSE 'NO' END"],
], 'FROM pgsqlite_columns x');

const isSchemata = isView('schemata', [
  ['catalog_name', 'name', catalog], ['schema_name', 'name', 'n.nspname'], ['schema_owner', 'name', owner],
  ['default_character_set_catalog', 'name', 'NULL'], ['default_character_set_schema', 'name', 'NULL'],
  ['default_character_set_name', 'name', 'NULL'], ['sql_path', 'varchar', 'NULL'],
], 'FROM pg_namespace n');

const isViews = isView('views', [
  ['table_catalog', 'name', catalog], ['table_schema', 'name', 'pgsqlite_nspname(v.name)'], ['table_name', 'name', 'pgsqlite_relname(v.name)'],
  ['view_definition', 'varchar', 'pgsqlite_view_query(v.sql)'], ['check_option', 'varchar', "'NONE'"],
  ['is_updatable', 'varchar', "'NO'"], ['is_insertable_into', 'varchar', "'NO'"], ['is_trigger_updatable', 'varchar', "'NO'"],
  ['is_trigger_deletable', 'varchar', "'NO'"], ['is_trigger_insertable_into', 'varchar', "'NO'"],
], "FROM pgsqlite_relations v WHERE v.type = 'view'");

const constraintTypeName = "CASE c.type WHEN 'p' THEN 'PRIMARY KEY' WHEN 'u' THEN 'UNIQUE' WHEN 'f' THEN 'FOREIGN KEY' ELSE 'CHECK' END";
const yesNo = (expression: string) => `CASE WHEN ${expression} THEN 'YES' ELSE 'NO' END`;

const isTableConstraints = isView('table_constraints', [
  ['constraint_catalog', 'name', catalog], ['constraint_schema', 'name', 'pgsqlite_nspname(c.tbl)'], ['constraint_name', 'name', 'pgsqlite_relname(c.name)'],
  ['table_catalog', 'name', catalog], ['table_schema', 'name', 'pgsqlite_nspname(c.tbl)'], ['table_name', 'name', 'pgsqlite_relname(c.tbl)'],
  ['constraint_type', 'varchar', constraintTypeName], ['is_deferrable', 'varchar', yesNo('c."deferrable"')],
  ['initially_deferred', 'varchar', yesNo('c."deferred"')], ['enforced', 'varchar', "'YES'"], ['nulls_distinct', 'varchar', "CASE WHEN c.type = 'u' THEN 'YES' END"],
], 'FROM pgsqlite_constraints c');

const isKeyColumnUsage = isView('key_column_usage', [
  ['constraint_catalog', 'name', catalog], ['constraint_schema', 'name', 'pgsqlite_nspname(c.tbl)'], ['constraint_name', 'name', 'pgsqlite_relname(c.name)'],
  ['table_catalog', 'name', catalog], ['table_schema', 'name', 'pgsqlite_nspname(c.tbl)'], ['table_name', 'name', 'pgsqlite_relname(c.tbl)'],
  ['column_name', 'name', '(SELECT name FROM pragma_table_xinfo(c.tbl, \'main\') WHERE cid + 1 = k.value)'],
  ['ordinal_position', 'int4', 'k.key + 1'],
  ['position_in_unique_constraint', 'int4', "CASE WHEN c.type = 'f' THEN k.key + 1 END"],
], "FROM pgsqlite_constraints c, json_each(c.keys) k WHERE c.type IN ('p', 'u', 'f')");

const isReferentialConstraints = isView('referential_constraints', [
  ['constraint_catalog', 'name', catalog], ['constraint_schema', 'name', 'pgsqlite_nspname(c.tbl)'], ['constraint_name', 'name', 'pgsqlite_relname(c.name)'],
  ['unique_constraint_catalog', 'name', catalog], ['unique_constraint_schema', 'name', 'pgsqlite_nspname(c.ref)'],
  ['unique_constraint_name', 'name', "(SELECT u.name FROM pgsqlite_constraints u WHERE u.tbl = c.ref AND u.type IN ('p', 'u') ORDER BY u.type = 'u' LIMIT 1)"],
  ['match_option', 'varchar', "CASE c.matchtype WHEN 'f' THEN 'FULL' WHEN 'p' THEN 'PARTIAL' ELSE 'NONE' END"],
  ['update_rule', 'varchar', "CASE c.onupdate WHEN 'c' THEN 'CASCADE' WHEN 'r' THEN 'RESTRICT' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END"],
  ['delete_rule', 'varchar', "CASE c.ondelete WHEN 'c' THEN 'CASCADE' WHEN 'r' THEN 'RESTRICT' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END"],
], "FROM pgsqlite_constraints c WHERE c.type = 'f'");

const isConstraintColumnUsage = isView('constraint_column_usage', [
  ['table_catalog', 'name', catalog], ['table_schema', 'name', 'pgsqlite_nspname(u.tbl)'], ['table_name', 'name', 'pgsqlite_relname(u.tbl)'], ['column_name', 'name', 'u.col'],
  ['constraint_catalog', 'name', catalog], ['constraint_schema', 'name', 'pgsqlite_nspname(u.owner)'], ['constraint_name', 'name', 'pgsqlite_relname(u.name)'],
], `FROM (
    SELECT c.tbl AS tbl, (SELECT name FROM pragma_table_xinfo(c.tbl, 'main') WHERE cid + 1 = k.value) AS col, c.name AS name, c.tbl AS owner
      FROM pgsqlite_constraints c, json_each(c.keys) k WHERE c.type IN ('p', 'u', 'c')
    UNION ALL
    SELECT c.ref, x.name, c.name, c.tbl FROM pgsqlite_constraints c, pragma_table_xinfo(c.ref, 'main') x
      WHERE c.type = 'f' AND CASE WHEN json_array_length(c.refcolumns) > 0 THEN x.name IN (SELECT value FROM json_each(c.refcolumns)) ELSE x.pk > 0 END) u`);

const isCheckConstraints = isView('check_constraints', [
  ['constraint_catalog', 'name', catalog], ['constraint_schema', 'name', 'pgsqlite_nspname(c.tbl)'], ['constraint_name', 'name', 'pgsqlite_relname(c.name)'],
  ['check_clause', 'varchar', "'(' || c.expression || ')'"],
], "FROM pgsqlite_constraints c WHERE c.type = 'c'");

/** Every typed catalog view, in creation order. */
export const catalogViews: readonly CatalogView[] = [
  pgNamespace, pgExtension, pgType, pgEnum, pgClass, pgAttribute, pgAttrdef, pgIndex, pgConstraint, pgProc, pgSequence, pgSequences, pgDepend, pgDescription, pgTables, pgViews, pgIndexes,
  pgStatUserTables, pgStatAllTables, pgStatioUserTables, pgStatUserIndexes,
  isTables, isColumns, isSchemata, isViews, isTableConstraints, isKeyColumnUsage, isReferentialConstraints,
  isConstraintColumnUsage, isCheckConstraints,
];

const viewsByName = new Map(catalogViews.map((view) => [view.name, view]));

/** The PostgreSQL column types of the catalog view a statement names (`pg_index`, `information_schema.columns`), or undefined. */
export function catalogViewColumnTypes(name: string): { name: string; type: string }[] | undefined {
  return viewsByName.get(name)?.columns.map(([column, type]) => ({ name: column, type }));
}

/** The metadata file's empty table whose declared types type a view's columns. */
export function shapeTableName(view: CatalogView): string {
  return 'pgsqlite_shape_' + view.name.replace('.', '_');
}

export function shapeTableDdl(view: CatalogView): string {
  // Types are written as pg_type's are (`"char"`, `text[]`): SQLite keeps the text as the declared type.
  // SQLite drops the quotes of a type written `"char"` (then read as bpchar); a string keeps them.
  const declared = (type: string) => (type.includes('"') ? `'${type}'` : type);
  return `CREATE TABLE ${shapeTableName(view)} (${view.columns.map(([name, type]) => `"${name}" ${declared(type)}`).join(', ')})`;
}

function viewDdl(view: CatalogView): string {
  const select = view.columns.map(([name, , expression]) => `${expression} AS "${name}"`).join(', ');
  return `CREATE TEMP VIEW "${view.name}" AS SELECT ${select} ${view.from} UNION ALL SELECT * FROM pg_catalog.${shapeTableName(view)}`;
}

/** The script that creates every per-connection catalog view (run once per engine connection). */
export const catalogViewsScript: string = helperViews + catalogViews.map((view) => viewDdl(view) + ';\n').join('');

/** The SQLite names the translator emits for these relations, for the consistency test. */
export function catalogViewNames(): string[] {
  return catalogViews.map((view) => view.name);
}

export { connectionCatalogRelations, informationSchemaRelations };
