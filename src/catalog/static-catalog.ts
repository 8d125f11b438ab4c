/**
 * Catalog relations that are the same for every database, written into the metadata file at each
 * start (see install-catalog.ts): access methods, collations, languages, the extension list, the
 * roles as pg_roles/pg_user show them, and empty relations for what this server does not have
 * (enums, sequences, inheritance, triggers, policies, publications, locks …) so that clients'
 * catalog queries over them run and return nothing.
 */
import { operatorClassValues, operatorFamilyValues } from './operator-classes.js';

/**
 * [table, columns as `name type`] of relations that are always empty here. A `tableoid` column
 * stands for PostgreSQL's system column (the catalog's own OID), which psql's \\dd reads.
 */
const emptyRelations: ReadonlyArray<[string, string]> = [
  ['pg_description', 'objoid oid, classoid oid, objsubid int4, description text'],
  ['pg_enum', 'oid oid, enumtypid oid, enumsortorder float4, enumlabel name'],
  ['pg_sequence', 'seqrelid oid, seqtypid oid, seqstart int8, seqincrement int8, seqmax int8, seqmin int8, seqcache int8, seqcycle bool'],
  // The view over pg_sequence that drizzle-kit reads before a push (sequences stay unlisted here).
  ['pg_sequences', `schemaname name, sequencename name, sequenceowner name, data_type regtype, start_value int8, min_value int8,
    max_value int8, increment_by int8, cycle bool, cache_size int8, last_value int8`],
  ['pg_inherits', 'inhrelid oid, inhparent oid, inhseqno int4, inhdetachpending bool'],
  ['pg_trigger', `oid oid, tgrelid oid, tgparentid oid, tgname name, tgfoid oid, tgtype int2, tgenabled "char", tgisinternal bool,
    tgconstrrelid oid, tgconstrindid oid, tgconstraint oid, tgdeferrable bool, tginitdeferred bool, tgnargs int2, tgattr int2vector,
    tgargs bytea, tgqual pg_node_tree, tgoldtable name, tgnewtable name, tableoid oid`],
  ['pg_locks', `locktype text, database oid, relation oid, page int4, tuple int2, virtualxid text, transactionid xid, classid oid,
    objid oid, objsubid int2, virtualtransaction text, pid int4, mode text, granted bool, fastpath bool, waitstart timestamptz`],
  ['pg_policy', 'oid oid, polname name, polrelid oid, polcmd "char", polpermissive bool, polroles oid[], polqual pg_node_tree, polwithcheck pg_node_tree'],
  ['pg_policies', 'schemaname name, tablename name, policyname name, permissive text, roles name[], cmd text, qual text, with_check text'],
  ['pg_statistic_ext', `oid oid, stxrelid oid, stxname name, stxnamespace oid, stxowner oid, stxstattarget int4, stxkeys int2vector,
    stxkind "char"[], stxexprs pg_node_tree`],
  ['pg_publication', 'oid oid, pubname name, pubowner oid, puballtables bool, pubinsert bool, pubupdate bool, pubdelete bool, pubtruncate bool, pubviaroot bool'],
  ['pg_publication_namespace', 'oid oid, pnpubid oid, pnnspid oid'],
  ['pg_publication_rel', 'oid oid, prpubid oid, prrelid oid, prqual pg_node_tree, prattrs int2vector'],
  ['pg_auth_members', 'roleid oid, member oid, grantor oid, admin_option bool'],
  ['pg_partitioned_table', 'partrelid oid, partstrat "char", partnatts int2, partdefid oid, partattrs int2vector, partclass oidvector, partcollation oidvector, partexprs pg_node_tree'],
  ['pg_depend', 'classid oid, objid oid, objsubid int4, refclassid oid, refobjid oid, refobjsubid int4, deptype "char"'],
  ['pg_foreign_table', 'ftrelid oid, ftserver oid, ftoptions text[]'],
  // Range types: none here (asyncpg's and tokio-postgres's type introspection join it).
  ['pg_range', 'rngtypid oid, rngsubtype oid, rngmultitypid oid, rngcollation oid, rngsubopc oid, rngcanonical regproc, rngsubdiff regproc'],
  // Rules (a view's _RETURN rule included): none listed (psql's \\dd reads them).
  ['pg_rewrite', 'oid oid, rulename name, ev_class oid, ev_type "char", ev_enabled "char", is_instead bool, ev_qual pg_node_tree, ev_action pg_node_tree, tableoid oid'],
  // Operators: none listed (psql's \\do, which hides pg_catalog's, lists none either).
  ['pg_operator', `oid oid, oprname name, oprnamespace oid, oprowner oid, oprkind "char", oprcanmerge bool, oprcanhash bool, oprleft oid,
    oprright oid, oprresult oid, oprcom oid, oprnegate oid, oprcode regproc, oprrest regproc, oprjoin regproc`],
  ['pg_event_trigger', 'oid oid, evtname name, evtevent name, evtowner oid, evtfoid oid, evtenabled "char", evttags text[]'],
];

/** [table, columns, rows as SQL VALUES] of small fixed relations (PostgreSQL 15's OIDs). */
const fixedRelations: ReadonlyArray<[string, string, string]> = [
  ['pg_am', 'oid oid, amname name, amhandler regproc, amtype "char"',
    "(2, 'heap', 'heap_tableam_handler', 't'), (403, 'btree', 'bthandler', 'i'), (405, 'hash', 'hashhandler', 'i'), " +
    "(783, 'gist', 'gisthandler', 'i'), (2742, 'gin', 'ginhandler', 'i'), (4000, 'spgist', 'spghandler', 'i'), (3580, 'brin', 'brinhandler', 'i')"],
  ['pg_collation', `oid oid, collname name, collnamespace oid, collowner oid, collprovider "char", collisdeterministic bool,
    collencoding int4, collcollate text, collctype text, colliculocale text, collversion text`,
    "(100, 'default', 11, 10, 'd', 1, -1, NULL, NULL, NULL, NULL), (950, 'C', 11, 10, 'c', 1, -1, 'C', 'C', NULL, NULL), " +
    "(951, 'POSIX', 11, 10, 'c', 1, -1, 'POSIX', 'POSIX', NULL, NULL)"],
  ['pg_language', 'oid oid, lanname name, lanowner oid, lanispl bool, lanpltrusted bool, lanplcallfoid oid, laninline oid, lanvalidator oid, lanacl aclitem[]',
    "(12, 'internal', 10, 0, 0, 0, 0, 2246, NULL), (13, 'c', 10, 0, 0, 0, 0, 2247, NULL), (14, 'sql', 10, 0, 1, 0, 0, 2248, NULL), " +
    "(13576, 'plpgsql', 10, 1, 1, 13573, 13574, 13575, NULL)"],
  ['pg_extension', 'oid oid, extname name, extowner oid, extnamespace oid, extrelocatable bool, extversion text, extconfig oid[], extcondition text[]',
    "(13577, 'plpgsql', 10, 11, 0, '1.0', NULL, NULL)"],
  // btree and hash operator classes (operator-classes.ts): every index here uses its type's default btree one.
  ['pg_opfamily', 'oid oid, opfmethod oid, opfname name, opfnamespace oid, opfowner oid, tableoid oid', operatorFamilyValues()],
  ['pg_opclass', 'oid oid, opcmethod oid, opcname name, opcnamespace oid, opcowner oid, opcfamily oid, opcintype oid, opcdefault bool, opckeytype oid, tableoid oid',
    operatorClassValues()],
];

/** Statements that (re)create the static relations in the metadata file. */
/**
 * PostgreSQL 15's predefined roles (with its OIDs): pg_roles lists them, so psql's completion
 * of role names and clients that read pg_roles see the same names. They cannot log in, and they
 * are not pg_authid rows here: authentication and ownership only know created roles.
 */
const predefinedRoles: ReadonlyArray<readonly [number, string]> = [
  [6171, 'pg_database_owner'], [6181, 'pg_read_all_data'], [6182, 'pg_write_all_data'], [3373, 'pg_monitor'],
  [3374, 'pg_read_all_settings'], [3375, 'pg_read_all_stats'], [3377, 'pg_stat_scan_tables'], [4569, 'pg_read_server_files'],
  [4570, 'pg_write_server_files'], [4571, 'pg_execute_server_program'], [4200, 'pg_signal_backend'], [4544, 'pg_checkpoint'],
];

export function staticCatalogScript(): string {
  const parts: string[] = [];
  for (const [table, columns] of emptyRelations) parts.push(`DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (${columns});`);
  for (const [table, columns, rows] of fixedRelations) {
    parts.push(`DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (${columns}); INSERT INTO ${table} VALUES ${rows};`);
  }
  // Roles as PostgreSQL's pg_roles / pg_user views show them, typed by an empty shape table (last arm).
  parts.push(`
    DROP VIEW IF EXISTS pg_roles; DROP VIEW IF EXISTS pg_user;
    DROP TABLE IF EXISTS pgsqlite_shape_pg_roles; DROP TABLE IF EXISTS pgsqlite_shape_pg_user;
    CREATE TABLE pgsqlite_shape_pg_roles (rolname name, rolsuper bool, rolinherit bool, rolcreaterole bool, rolcreatedb bool,
      rolcanlogin bool, rolreplication bool, rolconnlimit int4, rolpassword text, rolvaliduntil timestamptz, rolbypassrls bool,
      rolconfig text[], oid oid);
    CREATE VIEW pg_roles AS
      SELECT name AS rolname, superuser AS rolsuper, 1 AS rolinherit, create_role AS rolcreaterole, create_db AS rolcreatedb,
        can_login AS rolcanlogin, oid = 10 AS rolreplication, connection_limit AS rolconnlimit, '********' AS rolpassword,
        valid_until AS rolvaliduntil, superuser AS rolbypassrls, NULL AS rolconfig, oid AS oid FROM roles
      UNION ALL
      SELECT column2, 0, 1, 0, 0, 0, 0, -1, '********', NULL, 0, NULL, column1 FROM (VALUES ${predefinedRoles.map(([oid, name]) => `(${oid}, '${name}')`).join(', ')})
      UNION ALL SELECT * FROM pgsqlite_shape_pg_roles;
    CREATE TABLE pgsqlite_shape_pg_user (usename name, usesysid oid, usecreatedb bool, usesuper bool, userepl bool, usebypassrls bool,
      passwd text, valuntil timestamptz, useconfig text[]);
    CREATE VIEW pg_user AS
      SELECT name AS usename, oid AS usesysid, create_db AS usecreatedb, superuser AS usesuper, oid = 10 AS userepl, superuser AS usebypassrls,
        '********' AS passwd, valid_until AS valuntil, NULL AS useconfig FROM roles WHERE can_login
      UNION ALL SELECT * FROM pgsqlite_shape_pg_user;`);
  return parts.join('\n');
}
