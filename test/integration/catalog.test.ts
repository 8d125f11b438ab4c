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

  it('lists session settings in pg_settings and roles in pg_roles', async () => {
    const setting = await client.query("SELECT setting FROM pg_settings WHERE name = 'datestyle'");
    assert.equal(setting.rows[0]?.setting, 'ISO, MDY');
    const roles = await client.query("SELECT rolname, rolsuper FROM pg_roles WHERE rolname = 'postgres'");
    assert.deepEqual(roles.rows, [{ rolname: 'postgres', rolsuper: true }]);
  });
});
