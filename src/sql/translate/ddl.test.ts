import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDeclaredType } from '../types/declared-type.js';
import { sequencesTableDdl } from './sequences.js';
import { schemaOperationSql } from '../schema-operations.js';
import { openFixture, runOnSqlite, translate, translationCases } from './testing/translation-test-kit.js';

/** The input-check triggers of a column (input-checks.ts), as the translation writes them. */
function checks(table: string, column: string, test: string, slow: string, temp = false, ifNotExists = false): string[] {
  const q = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name}"`);
  const value = `NEW.${q(column)}`;
  const create = `CREATE ${temp ? 'TEMP ' : ''}TRIGGER ${ifNotExists ? 'IF NOT EXISTS ' : ''}`;
  const when = `WHEN NOT (${value} IS NULL OR ${test.replaceAll('$', value)}) BEGIN SELECT pgsqlite_input_check(${value}, ${slow}); END`;
  return [
    `${create}${q(`pgsqlite_input_${table}_${column}_insert`)} BEFORE INSERT ON ${q(table)} ${when}`,
    `${create}${q(`pgsqlite_input_${table}_${column}_update`)} BEFORE UPDATE OF ${q(column)} ON ${q(table)} ${when}`,
  ];
}
const int4 = (table: string, column: string, temp = false, ifNotExists = false) =>
  checks(table, column, "typeof($) = 'integer' AND $ BETWEEN -2147483648 AND 2147483647", "'int4'", temp, ifNotExists);
const dropChecks = (table: string, column: string) => [
  `DROP TRIGGER IF EXISTS pgsqlite_input_${table}_${column}_insert`, `DROP TRIGGER IF EXISTS pgsqlite_input_${table}_${column}_update`,
  `DROP TRIGGER IF EXISTS pgsqlite_input_${table}_${column}_insert_stored`, `DROP TRIGGER IF EXISTS pgsqlite_input_${table}_${column}_update_stored`,
];
/** A numeric(p, s) column's checks, and the AFTER triggers that store a valid value in numeric_out's form. */
/**
 * A column's BEFORE checks (body: the statement the trigger runs, `$` for the value) and the AFTER
 * triggers that store a valid value in its stored form (`stored`, `$` for the value).
 */
/** The part of a date/time check that refuses impossible days and hours (input-checks.ts). */
const realStamp = "datetime(substr($, 1, 19)) IS substr($, 1, 19) AND $ >= '0001'";
const storedChecks = (table: string, column: string, fast: string, body: string, stored: string) => {
  const value = `NEW.${column}`;
  const when = `WHEN NOT (${value} IS NULL OR ${fast.replaceAll('$', value)})`;
  const rewrite = `${when} BEGIN UPDATE ${table} SET ${column} = ${stored.replaceAll('$', value)} WHERE rowid = NEW.rowid; END`;
  return [
    `CREATE TRIGGER pgsqlite_input_${table}_${column}_insert BEFORE INSERT ON ${table} ${when} BEGIN ${body.replaceAll('$', value)}; END`,
    `CREATE TRIGGER pgsqlite_input_${table}_${column}_update BEFORE UPDATE OF ${column} ON ${table} ${when} BEGIN ${body.replaceAll('$', value)}; END`,
    `CREATE TRIGGER pgsqlite_input_${table}_${column}_insert_stored AFTER INSERT ON ${table} ${rewrite}`,
    `CREATE TRIGGER pgsqlite_input_${table}_${column}_update_stored AFTER UPDATE OF ${column} ON ${table} ${rewrite}`,
  ];
};
const numericChecks = (table: string, column: string, precision: number, scale: number) =>
  storedChecks(table, column, `pgsqlite_numeric_canonical($, ${precision}, ${scale})`,
    `SELECT pgsqlite_input_check($, ${precision < 0 ? "'numeric'" : `'numeric', ${precision}, ${scale}`})`, `pgsqlite_numeric($, ${precision}, ${scale})`);
/** timestamptz(p) with p < 6: a value with more fraction digits is rounded after it is written. */
const roundedStampChecks = (table: string, column: string, precision: number) =>
  storedChecks(table, column, `$ GLOB '${stamp}+[0-9][0-9]*' AND ${realStamp} AND NOT $ GLOB '*.${'[0-9]'.repeat(precision + 1)}*'`,
    "SELECT pgsqlite_input_check($, 'timestamptz')", `pgsqlite_round_seconds($, ${precision})`);
/** A column whose literals are stored through the type's input function (bytea, uuid, jsonb). */
const storedInputChecks = (table: string, column: string, fast: string, oid: number) =>
  storedChecks(table, column, fast, `SELECT pgsqlite_stored_input($, ${oid})`, `pgsqlite_stored_input($, ${oid})`);
/** The sequence rows and trigger of serial column n.id (column-definitions.ts columnSequence). */
const serialSequence = (type: string, max: bigint) => [
  sequencesTableDdl,
  `INSERT OR REPLACE INTO pgsqlite_sequences VALUES ('n_id_seq', '${type}', 1, 1, 1, ${max}, 1, 0, 1, 0, 'n', 'id')`,
  'CREATE TRIGGER pgsqlite_serial_n_id AFTER INSERT ON n BEGIN UPDATE pgsqlite_sequences SET last_value = pgsqlite_sequence_used(name, NEW.id, 1), '
    + "is_called = 1 WHERE name = 'n_id_seq' AND (is_called = 0 OR last_value < NEW.id); END",
];
/** A column-level serial key is AUTOINCREMENT, numbered after sqlite_sequence, which follows the sequence. */
const autoincrementKey = [
  "INSERT INTO sqlite_sequence (name, seq) SELECT 'n', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'n')",
  'CREATE TRIGGER IF NOT EXISTS pgsqlite_sequences_key_sync AFTER UPDATE OF last_value, is_called ON pgsqlite_sequences '
    + 'WHEN NEW.owned_table IS NOT NULL BEGIN UPDATE sqlite_sequence SET seq = CASE WHEN NEW.is_called THEN NEW.last_value '
    + 'ELSE NEW.last_value - NEW.increment END WHERE name = NEW.owned_table; END',
];
const stamp = '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]*';

describe('CREATE TABLE', () => {
  translationCases([
    { pg: 'CREATE TABLE n (a int, b text)', sqlite: ['CREATE TABLE n (a integer, b text)', ...int4('n', 'a')] },
    { pg: 'CREATE TEMP TABLE IF NOT EXISTS n (a int)', sqlite: ['CREATE TEMP TABLE IF NOT EXISTS n (a integer)', ...int4('n', 'a', true, true)] },
    { pg: 'CREATE TEMPORARY TABLE n (a int)', sqlite: ['CREATE TEMP TABLE n (a integer)', ...int4('n', 'a', true)] },
    // Storage parameters and UNLOGGED only tune PostgreSQL's storage.
    { pg: 'CREATE UNLOGGED TABLE public.n (a int) WITH (fillfactor = 70, autovacuum_enabled = false)', sqlite: ['CREATE TABLE n (a integer)', ...int4('n', 'a')] },
    {
      pg: 'CREATE TABLE n (b varchar(20), c character varying, d char(3), e character, f float, h double precision, i decimal(10,2), j timestamp(3) with time zone, k timestamptz, l interval year to month, m int[], n integer[3][4], o numeric(10,2)[], q tsvector, r bit varying(5), s interval second(2), u jsonb, v bool, w bigint, x smallint)',
      sqlite: [
        'CREATE TABLE n (b varchar(20), c varchar, d char(3), e char(1), f double precision, h double precision, i numeric_text(10,2) COLLATE pgsqlite_numeric, j "timestamp(3) with time zone", k timestamptz, l "interval year to month", m integer[], n integer[3][4], o "numeric(10,2)[]", q tsvector, r bit varying(5), s interval second(2), u jsonb_text, v bool, w bigint, x smallint)',
        ...checks('n', 'b', 'length($) <= 20', "'varchar', 20"),
        ...checks('n', 'd', 'length($) <= 3', "'bpchar', 3"),
        ...checks('n', 'e', 'length($) <= 1', "'bpchar', 1"),
        ...numericChecks('n', 'i', 10, 2),
        ...roundedStampChecks('n', 'j', 3),
        ...checks('n', 'k', `$ GLOB '${stamp}+[0-9][0-9]*' AND ${realStamp}`, "'timestamptz'"),
        ...storedInputChecks('n', 'u', '$ = pgsqlite_stored_input($, 3802)', 3802),
        ...checks('n', 'w', "typeof($) = 'integer'", "'int8'"),
        ...checks('n', 'x', "typeof($) = 'integer' AND $ BETWEEN -32768 AND 32767", "'int2'"),
      ],
    },
    {
      pg: "CREATE TABLE n (a int NOT NULL DEFAULT 0, b text NULL DEFAULT 'x', c int DEFAULT -1, d bool DEFAULT true, e int DEFAULT (1 + 2), f timestamptz DEFAULT now(), g timestamp DEFAULT CURRENT_TIMESTAMP, h text DEFAULT NULL)",
      sqlite: [
        "CREATE TABLE n (a integer NOT NULL DEFAULT 0, b text NULL DEFAULT 'x', c integer DEFAULT -1, d bool DEFAULT 1, e integer DEFAULT (1 + 2), f timestamptz DEFAULT (pgsqlite_cast_datetime(now(), 1184)), g timestamp DEFAULT (pgsqlite_cast_datetime(now(), 1114)), h text DEFAULT NULL)",
        ...int4('n', 'a'), ...int4('n', 'c'), ...int4('n', 'e'),
        ...checks('n', 'f', `$ GLOB '${stamp}+[0-9][0-9]*' AND ${realStamp}`, "'timestamptz'"),
        ...checks('n', 'g', `$ GLOB '${stamp}' AND ${realStamp}`, "'timestamp'"),
      ],
    },
    {
      pg: 'CREATE TABLE n (a int CONSTRAINT a_positive CHECK (a > 0) UNIQUE, b text COLLATE "C", CONSTRAINT n_pair UNIQUE (a, b), CHECK (a < 100))',
      sqlite: ['CREATE TABLE n (a integer CONSTRAINT a_positive CHECK (a > 0) UNIQUE, b text COLLATE BINARY, CONSTRAINT n_pair UNIQUE (a, b), CHECK (a < 100))', ...int4('n', 'a')],
    },
    {
      pg: 'CREATE TABLE n (a int REFERENCES u (x) ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED, k int, w text, FOREIGN KEY (k, w) REFERENCES v (k, w) ON DELETE RESTRICT, CONSTRAINT fk FOREIGN KEY (a) REFERENCES u ON UPDATE SET DEFAULT DEFERRABLE)',
      sqlite: [
        'CREATE TABLE n (a integer REFERENCES u (x) ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED, k integer, w text, FOREIGN KEY (k, w) REFERENCES v (k, w) ON DELETE RESTRICT, CONSTRAINT fk FOREIGN KEY (a) REFERENCES u ON UPDATE SET DEFAULT DEFERRABLE)',
        ...int4('n', 'a'), ...int4('n', 'k'),
      ],
    },
    { pg: 'CREATE TABLE n (a int REFERENCES u (x) INITIALLY DEFERRED)', sqlite: ['CREATE TABLE n (a integer REFERENCES u (x) DEFERRABLE INITIALLY DEFERRED)', ...int4('n', 'a')] },
    // PRIMARY KEY implies NOT NULL in PostgreSQL; SQLite's rowid tables would accept NULL keys.
    { pg: 'CREATE TABLE n (id text PRIMARY KEY, v int)', sqlite: ['CREATE TABLE n (id text PRIMARY KEY NOT NULL, v integer)', ...int4('n', 'v')] },
    // An integer key spelled int4, which SQLite does not make its rowid alias (that would number a NULL key).
    { pg: 'CREATE TABLE n (id int PRIMARY KEY)', sqlite: ['CREATE TABLE n (id int4 PRIMARY KEY NOT NULL)', ...int4('n', 'id')] },
    { pg: 'CREATE TABLE n (a text, b int NOT NULL, PRIMARY KEY (a, b))', sqlite: ['CREATE TABLE n (a text NOT NULL, b integer NOT NULL, PRIMARY KEY (a, b))', ...int4('n', 'b')] },
    // serial as the whole primary key → INTEGER PRIMARY KEY, SQLite's self-numbering rowid alias.
    // Its sequence n_id_seq follows the rowid through an AFTER INSERT trigger (column-definitions.ts).
    { pg: 'CREATE TABLE n (id serial PRIMARY KEY, name text)', sqlite: ['CREATE TABLE n (id INTEGER PRIMARY KEY AUTOINCREMENT, name text)', ...serialSequence('integer', 2147483647n), ...autoincrementKey] },
    { pg: 'CREATE TABLE n (id bigserial, name text, CONSTRAINT n_pkey PRIMARY KEY (id))', sqlite: ['CREATE TABLE n (id INTEGER, name text, CONSTRAINT n_pkey PRIMARY KEY (id))', ...serialSequence('bigint', 9223372036854775807n)] },
    {
      pg: 'CREATE TABLE n (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY)',
      sqlite: [
        'CREATE TABLE n (id INTEGER PRIMARY KEY AUTOINCREMENT)', ...serialSequence('integer', 2147483647n), ...autoincrementKey,
        `CREATE TRIGGER pgsqlite_identity_n_id BEFORE INSERT ON n WHEN NEW.id <> -1 BEGIN SELECT pgsqlite_raise('428C9', 'cannot insert a non-DEFAULT value into column "id"'); END`,
      ],
    },
    { pg: 'CREATE TABLE n (a int, g int GENERATED ALWAYS AS (a * 2) STORED)', sqlite: ['CREATE TABLE n (a integer, g integer GENERATED ALWAYS AS (a * 2) STORED)', ...int4('n', 'a')] },
    { pg: 'CREATE TABLE "Weird Name" ("Col" int, "order" text)', sqlite: ['CREATE TABLE "Weird Name" ("Col" integer, "order" text)', ...int4('Weird Name', 'Col')] },
  ]);

  test('serial primary keys number new rows', () => {
    const db = openFixture();
    runOnSqlite(db, translate('CREATE TABLE items (id serial PRIMARY KEY, name text)'));
    runOnSqlite(db, translate("INSERT INTO items (name) VALUES ('a'), ('b')"));
    const result = runOnSqlite(db, translate("INSERT INTO items (name) VALUES ('c') RETURNING id"));
    assert.deepEqual(result.rows, [[3]]);
  });

  test('primary key columns reject NULL', () => {
    const db = openFixture();
    runOnSqlite(db, translate('CREATE TABLE keyed (id text PRIMARY KEY)'));
    assert.throws(() => runOnSqlite(db, translate('INSERT INTO keyed VALUES (NULL)')), /NOT NULL/);
  });

  test('declared types read back as their PostgreSQL types', () => {
    const db = openFixture();
    runOnSqlite(db, translate(
      'CREATE TABLE typed (a int, b bigint, c smallint, d varchar(20), e char(3), f text, g numeric(10,2), h double precision, '
      + 'i real, j boolean, k timestamp(3) with time zone, l timestamp, m date, n interval, o json, p jsonb, q uuid, r bytea, s int[], t text[])',
    ));
    const columns = db.prepare("SELECT name, type FROM pragma_table_info('typed')").all() as Array<{ name: string; type: string }>;
    const oids = Object.fromEntries(columns.map((c) => [c.name, parseDeclaredType(c.type)]));
    assert.deepEqual(oids, {
      a: { oid: 23, typmod: -1 }, b: { oid: 20, typmod: -1 }, c: { oid: 21, typmod: -1 }, d: { oid: 1043, typmod: 24 },
      e: { oid: 1042, typmod: 7 }, f: { oid: 25, typmod: -1 }, g: { oid: 1700, typmod: ((10 << 16) | 2) + 4 },
      h: { oid: 701, typmod: -1 }, i: { oid: 700, typmod: -1 }, j: { oid: 16, typmod: -1 }, k: { oid: 1184, typmod: 3 },
      l: { oid: 1114, typmod: -1 }, m: { oid: 1082, typmod: -1 }, n: { oid: 1186, typmod: -1 }, o: { oid: 114, typmod: -1 },
      p: { oid: 3802, typmod: -1 }, q: { oid: 2950, typmod: -1 }, r: { oid: 17, typmod: -1 }, s: { oid: 1007, typmod: -1 },
      t: { oid: 1009, typmod: -1 },
    });
  });
});

describe('CREATE TABLE AS', () => {
  // The engine declares the columns with the query's types (schema-operations.ts).
  translationCases([
    {
      pg: 'CREATE TABLE n AS SELECT a, count(*) FROM t GROUP BY a',
      sqlite: schemaOperationSql({
        op: 'createTableAs', table: 'n', temp: false, ifNotExists: false, query: 'SELECT a, count(*) AS count FROM t GROUP BY a', typeHints: [null, 20], noData: false,
      }),
    },
    {
      pg: 'CREATE TABLE IF NOT EXISTS n (x, y) AS SELECT 1, 2',
      sqlite: schemaOperationSql({
        op: 'createTableAs', table: 'n', temp: false, ifNotExists: true,
        query: 'WITH pgsqlite_renamed_1(x, y) AS (SELECT 1 AS "?column?", 2 AS "?column?") SELECT * FROM pgsqlite_renamed_1',
        typeHints: [23, 23], noData: false,
      }),
    },
    {
      pg: 'CREATE TEMP TABLE n AS SELECT * FROM t WITH NO DATA',
      sqlite: schemaOperationSql({ op: 'createTableAs', table: 'n', temp: true, ifNotExists: false, query: 'SELECT * FROM t', typeHints: [], noData: true }),
    },
  ]);
});

describe('CREATE INDEX', () => {
  translationCases([
    { pg: 'CREATE INDEX i ON t (a)', sqlite: 'CREATE INDEX i ON t (a)' },
    { pg: 'CREATE UNIQUE INDEX IF NOT EXISTS i ON public.t USING btree (a DESC, b ASC NULLS FIRST)', sqlite: 'CREATE UNIQUE INDEX IF NOT EXISTS i ON t (a DESC, b ASC)' },
    // A missing name gets PostgreSQL's default: <table>_<columns>_idx.
    { pg: 'CREATE INDEX ON t (a)', sqlite: 'CREATE INDEX t_a_idx ON t (a)' },
    { pg: 'CREATE UNIQUE INDEX CONCURRENTLY ON t (b, c)', sqlite: 'CREATE UNIQUE INDEX t_b_c_idx ON t (b, c)' },
    {
      pg: 'CREATE INDEX ON t USING hash ((a + 1), lower(b) text_pattern_ops, (c::int), (d || b) COLLATE "C") INCLUDE (c) WITH (fillfactor = 50) WHERE a > 0',
      sqlite: 'CREATE INDEX t_expr_lower_c_expr_idx ON t (a + 1, lower(b), CAST(c AS INTEGER), (d || b) COLLATE BINARY) WHERE a > 0',
    },
    { pg: 'CREATE INDEX ON "Mixed" ("Id")', sqlite: 'CREATE INDEX "Mixed_Id_idx" ON "Mixed" ("Id")' },
  ]);

  test('default index names are cut to 63 bytes like PostgreSQL', () => {
    const table = 'averyveryveryveryveryveryverylongtablenamethatgoesonandon';
    const sql = translate(`CREATE INDEX ON ${table} (averyveryveryveryverylongcolumnname, b)`).sql[0];
    // The name PostgreSQL 15 chose for the same statement.
    assert.ok(sql!.startsWith('CREATE INDEX averyveryveryveryveryveryvery_averyveryveryveryverylongcolu_idx ON'));
  });
});

describe('CREATE VIEW', () => {
  translationCases([
    { pg: 'CREATE VIEW w AS SELECT a, b FROM t', sqlite: 'CREATE VIEW w AS SELECT a, b FROM t' },
    { pg: 'CREATE TEMP VIEW w (x, y) AS SELECT a, b FROM t', sqlite: 'CREATE TEMP VIEW w (x, y) AS SELECT a, b FROM t' },
    {
      pg: 'CREATE OR REPLACE VIEW old_view AS SELECT a, count(*) FROM t GROUP BY a',
      sqlite: ['DROP VIEW IF EXISTS old_view', 'CREATE VIEW old_view AS SELECT a, count(*) AS count FROM t GROUP BY a'],
    },
  ]);
});

describe('DROP', () => {
  const drop = (kind: 'TABLE' | 'VIEW', names: string[], missingOk = false, cascade = false) => schemaOperationSql({ op: 'drop', kind, names, missingOk, cascade });
  translationCases([
    // The fixture's old_view reads t: without CASCADE, 2BP01 (see the test below).
    { pg: 'DROP TABLE t CASCADE', sqlite: drop('TABLE', ['t'], false, true) },
    { pg: 'DROP TABLE IF EXISTS u, public.missing RESTRICT', sqlite: drop('TABLE', ['u', 'missing'], true) },
    { pg: 'DROP VIEW old_view CASCADE', sqlite: drop('VIEW', ['old_view'], false, true) },
    { pg: 'DROP INDEX CONCURRENTLY IF EXISTS old_index, t_a_unique', sqlite: ['DROP INDEX IF EXISTS old_index', 'DROP INDEX IF EXISTS t_a_unique'] },
    { pg: 'DROP TABLE "Mixed"', sqlite: drop('TABLE', ['Mixed']) },
  ]);

  test('dependants: views and foreign keys give 2BP01, CASCADE drops them (not the referencing rows)', () => {
    const db = openFixture();
    const code = (expected: string) => (err: { code?: string }) => err.code === expected;
    runOnSqlite(db, translate('CREATE TABLE p (id int PRIMARY KEY)'));
    runOnSqlite(db, translate('CREATE TABLE c (id int PRIMARY KEY, p_id int REFERENCES p (id) ON DELETE CASCADE)'));
    runOnSqlite(db, translate('CREATE VIEW pv AS SELECT id FROM p'));
    runOnSqlite(db, translate('INSERT INTO p VALUES (1)'));
    runOnSqlite(db, translate('INSERT INTO c VALUES (1, 1)'));
    assert.throws(() => runOnSqlite(db, translate('DROP TABLE p')), code('2BP01'));
    assert.throws(() => runOnSqlite(db, translate('DROP TABLE nope')), code('42P01'));
    runOnSqlite(db, translate('DROP TABLE p CASCADE'));
    assert.deepEqual(runOnSqlite(db, translate('SELECT id, p_id FROM c')).rows, [[1, 1]]);
    assert.equal(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('p', 'pv')").pluck().get(), 0);
    // c no longer references p: a new p does not constrain it.
    runOnSqlite(db, translate('CREATE TABLE p (id int PRIMARY KEY)'));
    runOnSqlite(db, translate('INSERT INTO c VALUES (2, 99)'));
  });
});

describe('ALTER TABLE', () => {
  translationCases([
    { pg: 'ALTER TABLE t ADD COLUMN e int DEFAULT 5 NOT NULL', sqlite: ['ALTER TABLE t ADD COLUMN e integer DEFAULT 5 NOT NULL', ...int4('t', 'e')] },
    { pg: 'ALTER TABLE ONLY public.t ADD e text', sqlite: 'ALTER TABLE t ADD COLUMN e text' },
    { pg: 'ALTER TABLE t DROP COLUMN d', sqlite: [...dropChecks('t', 'd'), 'ALTER TABLE t DROP COLUMN d'] },
    { pg: 'ALTER TABLE t DROP d RESTRICT', sqlite: [...dropChecks('t', 'd'), 'ALTER TABLE t DROP COLUMN d'] },
    // A renamed column's input-check triggers go (their names follow the column).
    { pg: 'ALTER TABLE t RENAME COLUMN b TO "B2"', sqlite: [...dropChecks('t', 'b'), 'ALTER TABLE t RENAME COLUMN b TO "B2"'] },
    { pg: 'ALTER TABLE t RENAME b TO b2', sqlite: [...dropChecks('t', 'b'), 'ALTER TABLE t RENAME COLUMN b TO b2'] },
    { pg: 'ALTER TABLE t RENAME TO t2', sqlite: 'ALTER TABLE t RENAME TO t2' },
    // SQLite cannot add constraints to a table: a unique index enforces the uniqueness.
    { pg: 'ALTER TABLE u ADD PRIMARY KEY (a)', sqlite: 'CREATE UNIQUE INDEX u_pkey ON u (a)' },
    { pg: 'ALTER TABLE u ADD CONSTRAINT u_pk PRIMARY KEY (a, y)', sqlite: 'CREATE UNIQUE INDEX u_pk ON u (a, y)' },
    { pg: 'ALTER TABLE t ADD UNIQUE (b, c)', sqlite: 'CREATE UNIQUE INDEX t_b_c_key ON t (b, c)' },
    { pg: 'ALTER TABLE t ADD CONSTRAINT t_b_unique UNIQUE (b)', sqlite: 'CREATE UNIQUE INDEX t_b_unique ON t (b)' },
    {
      pg: 'ALTER TABLE t ADD COLUMN e int, DROP COLUMN d, ADD UNIQUE (b)',
      sqlite: ['ALTER TABLE t ADD COLUMN e integer', ...int4('t', 'e'), ...dropChecks('t', 'd'), 'ALTER TABLE t DROP COLUMN d', 'CREATE UNIQUE INDEX t_b_key ON t (b)'],
    },
  ]);
});

describe('TRUNCATE', () => {
  translationCases([
    { pg: 'TRUNCATE t', sqlite: schemaOperationSql({ op: 'truncate', tables: ['t'], cascade: false, restartIdentity: false }) },
    {
      pg: 'TRUNCATE TABLE ONLY t, public.u RESTART IDENTITY CASCADE',
      sqlite: schemaOperationSql({ op: 'truncate', tables: ['t', 'u'], cascade: true, restartIdentity: true }),
    },
  ]);

  test('CASCADE empties the tables that reference the emptied ones, children first', () => {
    const db = openFixture();
    const code = (expected: string) => (err: { code?: string }) => err.code === expected;
    runOnSqlite(db, translate('CREATE TABLE ta (id int PRIMARY KEY)'));
    runOnSqlite(db, translate('CREATE TABLE tb (id int PRIMARY KEY, a int REFERENCES ta (id))'));
    runOnSqlite(db, translate('CREATE TABLE tc (id int PRIMARY KEY, b int REFERENCES tb (id))'));
    runOnSqlite(db, translate('INSERT INTO ta VALUES (1)'));
    runOnSqlite(db, translate('INSERT INTO tb VALUES (1, 1)'));
    runOnSqlite(db, translate('INSERT INTO tc VALUES (1, 1)'));
    assert.throws(() => runOnSqlite(db, translate('TRUNCATE ta')), code('0A000'));
    assert.throws(() => runOnSqlite(db, translate('TRUNCATE ta, tb')), code('0A000'));
    runOnSqlite(db, translate('TRUNCATE tb, ta, tc'));
    runOnSqlite(db, translate('INSERT INTO ta VALUES (1)'));
    runOnSqlite(db, translate('INSERT INTO tb VALUES (1, 1)'));
    runOnSqlite(db, translate('INSERT INTO tc VALUES (1, 1)'));
    runOnSqlite(db, translate('TRUNCATE ta CASCADE'));
    assert.equal(db.prepare('SELECT (SELECT count(*) FROM ta) + (SELECT count(*) FROM tb) + (SELECT count(*) FROM tc)').pluck().get(), 0);
  });
});

describe('ALTER TABLE rewriting the table definition', () => {
  const code = (expected: string) => (err: { code?: string }) => err.code === expected;

  test('ADD FOREIGN KEY validates the rows, then enforces the key and its actions', () => {
    const db = openFixture();
    runOnSqlite(db, translate('CREATE TABLE fp (id int PRIMARY KEY)'));
    runOnSqlite(db, translate('CREATE TABLE fc (id int PRIMARY KEY, p int)'));
    runOnSqlite(db, translate('INSERT INTO fp VALUES (1)'));
    runOnSqlite(db, translate('INSERT INTO fc VALUES (1, 1), (2, 2)'));
    db.exec('SAVEPOINT s');
    assert.throws(() => runOnSqlite(db, translate('ALTER TABLE fc ADD FOREIGN KEY (p) REFERENCES fp (id) ON DELETE CASCADE')), code('23503'));
    db.exec('ROLLBACK TO s');
    db.exec('RELEASE s');
    runOnSqlite(db, translate('DELETE FROM fc WHERE id = 2'));
    runOnSqlite(db, translate('ALTER TABLE fc ADD FOREIGN KEY (p) REFERENCES fp (id) ON DELETE CASCADE'));
    assert.match(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'fc'").pluck().get() as string, /CONSTRAINT fc_p_fkey FOREIGN KEY/);
    assert.throws(() => runOnSqlite(db, translate('INSERT INTO fc VALUES (3, 9)')), /FOREIGN KEY/);
    runOnSqlite(db, translate('DELETE FROM fp'));
    assert.equal(db.prepare('SELECT count(*) FROM fc').pluck().get(), 0);
    runOnSqlite(db, translate('ALTER TABLE fc DROP CONSTRAINT fc_p_fkey'));
    runOnSqlite(db, translate('INSERT INTO fc VALUES (3, 9)'));
  });

  test('ALTER COLUMN TYPE converts the values; without USING only where PostgreSQL casts by assignment', () => {
    const db = openFixture();
    runOnSqlite(db, translate('CREATE TABLE ty (id int PRIMARY KEY, n text)'));
    runOnSqlite(db, translate("INSERT INTO ty VALUES (1, '42')"));
    assert.throws(() => runOnSqlite(db, translate('ALTER TABLE ty ALTER COLUMN n TYPE integer')), code('42804'));
    runOnSqlite(db, translate('ALTER TABLE ty ALTER COLUMN n TYPE bigint USING n::bigint'));
    assert.deepEqual(db.prepare('SELECT typeof(n), n FROM ty').raw().get(), ['integer', 42]);
    runOnSqlite(db, translate("ALTER TABLE ty ALTER COLUMN n SET DEFAULT 7, ALTER COLUMN n TYPE text"));
    assert.deepEqual(db.prepare('SELECT typeof(n), n FROM ty').raw().get(), ['text', '42']);
    runOnSqlite(db, translate('INSERT INTO ty (id) VALUES (2)'));
    assert.equal(db.prepare('SELECT n FROM ty WHERE id = 2').pluck().get(), '7');
    runOnSqlite(db, translate('ALTER TABLE ty ALTER COLUMN n DROP DEFAULT'));
    assert.throws(() => runOnSqlite(db, translate('ALTER TABLE ty ALTER COLUMN nope TYPE text')), code('42703'));
  });
});

describe('VACUUM and ANALYZE', () => {
  translationCases([
    { pg: 'VACUUM', sqlite: 'VACUUM' },
    { pg: 'VACUUM FULL ANALYZE t', sqlite: 'VACUUM' },
    { pg: 'ANALYZE', sqlite: 'ANALYZE' },
    { pg: 'ANALYZE public.t', sqlite: 'ANALYZE t' },
    { pg: 'ANALYZE t, u', sqlite: 'ANALYZE' },
  ]);
});

describe('input checks', () => {
  const db = openFixture();
  runOnSqlite(db, translate('CREATE TABLE checked (i2 smallint, i4 int, n numeric(5, 2), v varchar(3), d date, j jsonb)'));
  const insert = (sql: string) => () => runOnSqlite(db, translate(sql));

  test('valid values go in', () => {
    insert("INSERT INTO checked VALUES (1, '42', 999.994, 'abc', '2024-01-02', '{\"a\": 1}')")();
    insert("INSERT INTO checked VALUES (NULL, NULL, 'NaN', 'ab   ', 'Jan 5 2024', NULL)")();
    assert.deepEqual(runOnSqlite(db, translate('SELECT count(*) FROM checked')).rows, [[2]]);
  });

  test('out-of-range and malformed values raise PostgreSQL errors', () => {
    const code = (sql: string) => {
      try {
        insert(sql)();
      } catch (err) {
        return (err as { code?: string }).code;
      }
      return 'no error';
    };
    assert.equal(code('INSERT INTO checked (i2) VALUES (40000)'), '22003');
    assert.equal(code("INSERT INTO checked (i4) VALUES ('abc')"), '22P02');
    assert.equal(code('INSERT INTO checked (n) VALUES (1000)'), '22003');
    assert.equal(code("INSERT INTO checked (v) VALUES ('abcd')"), '22001');
    assert.equal(code("INSERT INTO checked (d) VALUES ('not a date')"), '22007');
    assert.equal(code("INSERT INTO checked (j) VALUES ('{')"), '22P02');
    assert.equal(code('UPDATE checked SET i4 = 2147483647 + 1'), '22003');
  });

  test('a dropped column takes its checks along', () => {
    runOnSqlite(db, translate('ALTER TABLE checked DROP COLUMN v'));
    runOnSqlite(db, translate('ALTER TABLE checked ADD COLUMN w varchar(2)'));
    assert.throws(insert("INSERT INTO checked (w) VALUES ('abc')"), { code: '22001' });
  });
});
