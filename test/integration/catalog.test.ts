import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type pg from 'pg';
import { startTestServer, type TestServer } from '../support/pgsqlite-server.js';

describe('catalog relations', () => {
  let t: TestServer;
  let client: pg.Client;
  before(async () => {
    t = await startTestServer();
    client = await t.connect();
    await client.query(`
      CREATE TABLE authors (id integer PRIMARY KEY, name varchar(100) NOT NULL, email text UNIQUE);
      CREATE TABLE books (id bigint PRIMARY KEY, author_id int NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
        title text NOT NULL DEFAULT 'untitled', price numeric(10,2), qty integer CHECK (qty > 0), tags text[], at timestamp(3));
      CREATE INDEX books_title_idx ON books (title);
      CREATE VIEW cheap AS SELECT id, title FROM books WHERE qty < 10;`);
  });
  after(async () => {
    await t?.close();
  });

  it('joins pg_class with pg_namespace, qualified or not', async () => {
    const qualified = await client.query(`SELECT c.relname, c.relkind FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' ORDER BY c.relname`);
    assert.deepEqual(qualified.rows.map((r) => `${r.relname}:${r.relkind}`),
      ['authors:r', 'authors_email_key:i', 'authors_pkey:i', 'books:r', 'books_pkey:i', 'books_title_idx:i', 'cheap:v']);
    const unqualified = await client.query("SELECT count(*)::int AS n FROM pg_class WHERE relkind = 'r'");
    assert.equal(unqualified.rows[0].n, 2);
  });

  it('types the catalog columns (oid, name, bool)', async () => {
    const result = await client.query("SELECT oid, relname, relhasindex FROM pg_class WHERE relname = 'books'");
    assert.deepEqual(result.fields.map((f) => f.dataTypeID), [26, 19, 16]);
    assert.equal(result.rows[0].relhasindex, true);
    assert.ok(result.rows[0].oid >= 16384);
  });

  it('never lists the server internal tables', async () => {
    const result = await client.query("SELECT relname FROM pg_class WHERE relname LIKE 'sqlite%' OR relname LIKE 'pgsqlite%'");
    assert.equal(result.rowCount, 0);
  });

  it('gives pg_attribute the declared PostgreSQL types', async () => {
    const result = await client.query(`SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull
      FROM pg_attribute a WHERE a.attrelid = 'books'::regclass AND a.attnum > 0 ORDER BY a.attnum`);
    assert.deepEqual(result.rows.map((r) => `${r.attname} ${r.type}${r.attnotnull ? ' not null' : ''}`), [
      'id bigint not null', 'author_id integer not null', 'title text not null', 'price numeric(10,2)', 'qty integer', 'tags text[]',
      'at timestamp(3) without time zone',
    ]);
  });

  it('maps SQLite-only column types to PostgreSQL types', async () => {
    await client.query('SELECT 1');
    const db = new Database(join(t.dataDir, 'base', 'postgres.sqlite'));
    db.exec('CREATE TABLE plain (a INTEGER, b TEXT, c REAL, d BLOB, e)');
    db.close();
    const result = await client.query("SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'plain'::regclass ORDER BY attnum");
    assert.deepEqual(result.rows.map((r) => r.type), ['integer', 'text', 'real', 'bytea', 'text']);
  });

  it('reads constraints, defaults and index definitions', async () => {
    const constraints = await client.query(`SELECT conname, contype, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = 'books'::regclass ORDER BY conname`);
    assert.deepEqual(constraints.rows.map((r) => `${r.conname} ${r.contype} ${r.def}`), [
      'books_author_id_fkey f FOREIGN KEY (author_id) REFERENCES authors(id) ON DELETE CASCADE',
      'books_pkey p PRIMARY KEY (id)',
      'books_qty_check c CHECK (qty > 0)',
    ]);
    const defaults = await client.query(`SELECT pg_get_expr(d.adbin, d.adrelid) AS def FROM pg_attrdef d
      JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE a.attname = 'title'`);
    assert.deepEqual(defaults.rows, [{ def: "'untitled'::text" }]);
    const indexes = await client.query("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'books' ORDER BY indexname");
    assert.deepEqual(indexes.rows, [
      { indexname: 'books_pkey', indexdef: 'CREATE UNIQUE INDEX books_pkey ON public.books USING btree (id)' },
      { indexname: 'books_title_idx', indexdef: 'CREATE INDEX books_title_idx ON public.books USING btree (title)' },
    ]);
  });

  it('casts names and OIDs through regclass', async () => {
    const result = await client.query(`SELECT 'books'::regclass::oid = (SELECT oid FROM pg_class WHERE relname = 'books') AS same,
      (SELECT oid FROM pg_class WHERE relname = 'books')::regclass::text AS name`);
    assert.deepEqual(result.rows, [{ same: true, name: 'books' }]);
  });

  it('keeps OIDs stable across a restart', async () => {
    const before = (await client.query("SELECT oid FROM pg_class WHERE relname = 'books'")).rows[0].oid;
    const other = await startTestServer();
    try {
      const second = await other.connect();
      await second.query('CREATE TABLE books (id bigint PRIMARY KEY)');
      assert.equal((await second.query("SELECT oid FROM pg_class WHERE relname = 'books'")).rows[0].oid, before);
    } finally {
      await other.close();
    }
  });

  it('has information_schema views', async () => {
    const tables = await client.query(`SELECT table_name, table_type FROM information_schema.tables
      WHERE table_schema = 'public' ORDER BY table_name`);
    assert.deepEqual(tables.rows.map((r) => `${r.table_name} ${r.table_type}`), ['authors BASE TABLE', 'books BASE TABLE', 'cheap VIEW', 'plain BASE TABLE']);
    const columns = await client.query(`SELECT column_name, data_type, is_nullable, character_maximum_length FROM information_schema.columns
      WHERE table_name = 'authors' ORDER BY ordinal_position`);
    assert.deepEqual(columns.rows, [
      { column_name: 'id', data_type: 'integer', is_nullable: 'NO', character_maximum_length: null },
      { column_name: 'name', data_type: 'character varying', is_nullable: 'NO', character_maximum_length: 100 },
      { column_name: 'email', data_type: 'text', is_nullable: 'YES', character_maximum_length: null },
    ]);
    const keys = await client.query(`SELECT tc.constraint_name, tc.constraint_type, kcu.column_name FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name WHERE tc.table_name = 'books' ORDER BY 1`);
    assert.deepEqual(keys.rows.map((r) => `${r.constraint_name} ${r.constraint_type} ${r.column_name}`),
      ['books_author_id_fkey FOREIGN KEY author_id', 'books_pkey PRIMARY KEY id']);
    const references = await client.query('SELECT constraint_name, unique_constraint_name, delete_rule FROM information_schema.referential_constraints');
    assert.deepEqual(references.rows, [{ constraint_name: 'books_author_id_fkey', unique_constraint_name: 'authors_pkey', delete_rule: 'CASCADE' }]);
  });

  it('answers the functions clients call', async () => {
    const result = await client.query(`SELECT format_type(1043, 24) AS varchar, pg_table_is_visible('books'::regclass) IS TRUE AS visible,
      has_table_privilege('books', 'SELECT') AS allowed, pg_relation_size('books'::regclass) > 0 AS sized,
      pg_postmaster_start_time() IS NOT NULL AS started, obj_description('books'::regclass, 'pg_class') AS comment`);
    assert.deepEqual(result.rows, [{ varchar: 'character varying(20)', visible: true, allowed: true, sized: true, started: true, comment: null }]);
  });

  it('shows a serial key as PostgreSQL does: owned sequence, nextval default, pg_depend link', async () => {
    await client.query('CREATE TABLE counters (id serial PRIMARY KEY, big_id_note text); CREATE TABLE tickets (id bigserial PRIMARY KEY)');
    const seq = await client.query(`SELECT pg_get_serial_sequence('counters', 'id') AS counters, pg_get_serial_sequence('public.tickets', 'id') AS tickets,
      pg_get_serial_sequence('counters', 'big_id_note') AS none`);
    assert.deepEqual(seq.rows, [{ counters: 'public.counters_id_seq', tickets: 'public.tickets_id_seq', none: null }]);
    const sequences = await client.query("SELECT relname FROM pg_class WHERE relkind = 'S' ORDER BY relname");
    assert.deepEqual(sequences.rows.map((r) => r.relname), ['counters_id_seq', 'tickets_id_seq']);
    const columns = await client.query(`SELECT table_name, column_default, data_type, is_identity FROM information_schema.columns
      WHERE column_name = 'id' AND table_name IN ('counters', 'tickets') ORDER BY table_name`);
    assert.deepEqual(columns.rows, [
      { table_name: 'counters', column_default: "nextval('counters_id_seq'::regclass)", data_type: 'integer', is_identity: 'NO' },
      { table_name: 'tickets', column_default: "nextval('tickets_id_seq'::regclass)", data_type: 'bigint', is_identity: 'NO' },
    ]);
    const depend = await client.query(`SELECT d.objid::regclass::text AS seq, d.refobjid::regclass::text AS tbl, d.refobjsubid, d.deptype
      FROM pg_depend d JOIN pg_class c ON c.oid = d.objid WHERE c.relkind = 'S' ORDER BY 1`);
    assert.deepEqual(depend.rows, [
      { seq: 'counters_id_seq', tbl: 'counters', refobjsubid: 1, deptype: 'a' },
      { seq: 'tickets_id_seq', tbl: 'tickets', refobjsubid: 1, deptype: 'a' },
    ]);
    const attrdef = await client.query("SELECT pg_get_expr(adbin, adrelid) AS def FROM pg_attrdef WHERE adrelid = 'counters'::regclass");
    assert.deepEqual(attrdef.rows, [{ def: "nextval('counters_id_seq'::regclass)" }]);
    await client.query('DROP TABLE counters; DROP TABLE tickets');
  });

  it('stores COMMENT ON and shows it in pg_description, obj_description and col_description', async () => {
    await client.query(`COMMENT ON TABLE books IS 'what we sell'; COMMENT ON COLUMN books.title IS 'as printed';
      COMMENT ON VIEW cheap IS 'bargains'; COMMENT ON INDEX books_title_idx IS 'lookup'`);
    const result = await client.query(`SELECT obj_description('books'::regclass, 'pg_class') AS tbl, col_description('books'::regclass, 3) AS col,
      obj_description('cheap'::regclass) AS view, obj_description('books_title_idx'::regclass, 'pg_class') AS idx`);
    assert.deepEqual(result.rows, [{ tbl: 'what we sell', col: 'as printed', view: 'bargains', idx: 'lookup' }]);
    const rows = await client.query(`SELECT objsubid, description FROM pg_catalog.pg_description
      WHERE objoid = 'books'::regclass AND classoid = 'pg_class'::regclass ORDER BY objsubid`);
    assert.deepEqual(rows.rows, [{ objsubid: 0, description: 'what we sell' }, { objsubid: 3, description: 'as printed' }]);
    await client.query("COMMENT ON TABLE books IS NULL; COMMENT ON COLUMN books.title IS ''");
    const cleared = await client.query("SELECT count(*)::int AS n FROM pg_description WHERE objoid = 'books'::regclass");
    assert.equal(cleared.rows[0].n, 0);
    await assert.rejects(client.query("COMMENT ON TABLE missing IS 'x'"), { code: '42P01', message: 'relation "missing" does not exist' });
    await assert.rejects(client.query("COMMENT ON COLUMN books.nope IS 'x'"), { code: '42703', message: 'column "nope" of relation "books" does not exist' });
  });

  it('expands index and constraint keys as pgjdbc and SQLAlchemy do', async () => {
    const keys = await client.query(`SELECT result.column_name, result.key_seq FROM (SELECT a.attname AS column_name,
        (information_schema._pg_expandarray(i.indkey)).n AS key_seq, information_schema._pg_expandarray(i.indkey) AS keys, a.attnum AS a_attnum
      FROM pg_catalog.pg_index i JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid WHERE i.indrelid = 'books'::regclass AND i.indisprimary) result
      WHERE result.a_attnum = (result.keys).x`);
    assert.deepEqual(keys.rows.map((r) => [r.column_name, Number(r.key_seq)]), [['id', 1]]);
    const lockstep = await client.query(`SELECT unnest(i.indkey) AS attnum, generate_subscripts(i.indkey, 1) AS ord
      FROM pg_catalog.pg_index i WHERE i.indexrelid = 'books_title_idx'::regclass`);
    assert.deepEqual(lockstep.rows, [{ attnum: 3, ord: 0 }]);
    const padded = await client.query("SELECT unnest('{1,2,3}'::int[]) AS a, unnest('{7}'::int[]) AS b");
    assert.deepEqual(padded.rows, [{ a: 1, b: 7 }, { a: 2, b: null }, { a: 3, b: null }]);
  });

  it('lists session settings in pg_settings and roles in pg_roles', async () => {
    const setting = await client.query("SELECT setting FROM pg_settings WHERE name = 'datestyle'");
    assert.equal(setting.rows[0]?.setting, 'ISO, MDY');
    const roles = await client.query("SELECT rolname, rolsuper FROM pg_roles WHERE rolname = 'postgres'");
    assert.deepEqual(roles.rows, [{ rolname: 'postgres', rolsuper: true }]);
  });
});
