import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasPgBinaries } from '../support/pg-bin.js';
import { usePsqlPair } from '../support/psql-pair.js';

/**
 * psql 15's tab completion and \conninfo give the same answers on pgsqlite as on PostgreSQL 15.
 *
 * The queries are the SQL text psql 15.18 sent when TAB was pressed after the commented input
 * (captured with log_statement=all on PostgreSQL while driving psql under `script`); `%` stands
 * for the typed prefix, which psql puts in front of a LIKE wildcard. Each runs with an empty prefix
 * and with a typed one, and the rows are compared sorted: psql sorts the matches itself.
 */
const schema = `
CREATE TABLE authors (id integer PRIMARY KEY, name varchar(100) NOT NULL);
CREATE TABLE books (id bigint PRIMARY KEY, author_id int REFERENCES authors(id), title text NOT NULL, qty integer);
CREATE INDEX books_title_idx ON books (title);
CREATE VIEW cheap_books AS SELECT id, title FROM books WHERE qty < 10;
CREATE TABLE counters (id serial PRIMARY KEY, label text);
CREATE SEQUENCE booking_seq;
CREATE SCHEMA sales;
CREATE TABLE sales.orders (id integer PRIMARY KEY, book_id bigint, note text);
CREATE TABLE sales.books (isbn text PRIMARY KEY);
CREATE ROLE bob;
`;

const schemaQueryTail = ` AND pg_catalog.pg_table_is_visible(c.oid) AND c.relnamespace <> (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'pg_catalog')
	UNION ALL
	SELECT NULL::pg_catalog.text, n.nspname FROM pg_catalog.pg_namespace n WHERE n.nspname LIKE '%' AND n.nspname NOT LIKE E'pg\\\\_%'
	LIMIT 1000`;
const relationsOfKinds = (kinds: string) =>
  `SELECT c.relname, NULL::pg_catalog.text FROM pg_catalog.pg_class c WHERE c.relkind IN (${kinds}) AND (c.relname) LIKE '%'${schemaQueryTail}`;
const columnsOf = (table: string) =>
  `SELECT a.attname, NULL::pg_catalog.text FROM pg_catalog.pg_attribute a, pg_catalog.pg_class c WHERE c.oid = a.attrelid and a.attnum > 0 and not a.attisdropped AND (a.attname) LIKE '%' AND c.relname = '${table}' AND pg_catalog.pg_table_is_visible(c.oid)
	LIMIT 1000`;

/**
 * [what was typed before TAB, query psql sent, prefixes whose matches must be the same].
 * A fourth element marks a catalog this server holds a subset of by design (pg_proc lists the
 * functions implemented here, with fewer overloads; pg_settings the settings this server has,
 * docs/catalog.md): for those prefixes, every name completed here must be one PostgreSQL completes.
 */
const completions: Array<[string, string, string[], string[]?]> = [
  ['SELECT * FROM ', relationsOfKinds(`'r', 'S', 'v', 'm', 'f', 'p'`), ['bo', 'sa', 'zz']],
  ['INSERT INTO ', relationsOfKinds(`'r', 'f', 'v', 'p'`), ['ch']],
  ['DROP INDEX ', relationsOfKinds(`'i', 'I'`), ['books_']],
  ['DROP SEQUENCE ', relationsOfKinds(`'S'`), ['co']],
  ['DROP VIEW ', relationsOfKinds(`'v'`), ['ch']],
  ['\\d ', `SELECT c.relname, NULL::pg_catalog.text FROM pg_catalog.pg_class c WHERE (c.relname) LIKE '%'${schemaQueryTail}`, ['books']],
  ['UPDATE books SET / ALTER TABLE books ALTER COLUMN ', columnsOf('books'), ['a', 'ti']],
  ['SELECT * FROM sales.', `SELECT c.relname, n.nspname FROM pg_catalog.pg_class c, pg_catalog.pg_namespace n WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'S', 'v', 'm', 'f', 'p') AND (c.relname) LIKE '%' AND n.nspname = 'sales'
	LIMIT 1000`, ['o']],
  ['DROP FUNCTION ', `SELECT p.proname, NULL::pg_catalog.text FROM pg_catalog.pg_proc p WHERE p.prokind != 'p' AND (p.proname) LIKE '%' AND pg_catalog.pg_function_is_visible(p.oid)
	UNION ALL
	SELECT NULL::pg_catalog.text, n.nspname FROM pg_catalog.pg_namespace n WHERE n.nspname LIKE '%' AND n.nspname NOT LIKE E'pg\\\\_%'
	LIMIT 1000`, ['now', 'array_len', 'zz'], ['lower', 'array_l', 'pg_']],
  ['DROP SCHEMA ', `SELECT nspname FROM pg_catalog.pg_namespace  WHERE nspname LIKE '%'
	LIMIT 1000`, ['sa', 'pg_']],
  ['ALTER ROLE ', ` SELECT rolname    FROM pg_catalog.pg_roles   WHERE rolname LIKE '%'
	LIMIT 1000`, ['bo']],
  ['\\c ', `SELECT datname FROM pg_catalog.pg_database  WHERE datname LIKE '%'
	LIMIT 1000`, ['po']],
  ['SET ', `SELECT pg_catalog.lower(name) FROM pg_catalog.pg_settings  WHERE context IN ('user', 'superuser')    AND pg_catalog.lower(name) LIKE pg_catalog.lower('%')
	LIMIT 1000`, ['search_', 'datesty', 'client_enc'], ['']],
  ['SHOW ', `SELECT pg_catalog.lower(name) FROM pg_catalog.pg_settings  WHERE pg_catalog.lower(name) LIKE pg_catalog.lower('%')
	LIMIT 1000`, ['server_ver', 'timezone'], ['', 'time']],
];

/** psql escapes the typed text and appends `%`; the prefixes used here need no escaping. */
const withPrefix = (query: string, prefix: string) => query.replace(/LIKE (pg_catalog\.lower\()?'%'/g, (_m, lower = '') => `LIKE ${lower}'${prefix}%'`);

const skip = hasPgBinaries() ? false : 'PostgreSQL 15 binaries not installed';

describe('psql tab completion and \\conninfo against PostgreSQL 15', { skip }, () => {
  const { ports, psql } = usePsqlPair(schema);
  const sortedRows = async (port: number, query: string) =>
    (await psql(port, ['-A', '-t', '-c', query])).split('\n').filter(Boolean).sort().join('\n');

  it('prints the same for \\conninfo apart from the port', async () => {
    const withoutPort = (text: string, port: number) => text.replaceAll(`"${port}"`, '"PORT"');
    assert.equal(withoutPort(await psql(ports().pgsqlite, ['-c', '\\conninfo']), ports().pgsqlite), withoutPort(await psql(ports().reference, ['-c', '\\conninfo']), ports().reference));
  });

  for (const [typed, query, prefixes, subsetPrefixes] of completions) {
    for (const prefix of subsetPrefixes ? prefixes : ['', ...prefixes]) {
      it(`completes "${typed}${prefix}" like PostgreSQL`, async () => {
        const instantiated = withPrefix(query, prefix);
        assert.equal(await sortedRows(ports().pgsqlite, instantiated), await sortedRows(ports().reference, instantiated));
      });
    }
    for (const prefix of subsetPrefixes ?? []) {
      it(`completes "${typed}${prefix}" with names PostgreSQL completes too`, async () => {
        const instantiated = withPrefix(query, prefix);
        const ours = new Set((await sortedRows(ports().pgsqlite, instantiated)).split('\n'));
        const theirs = new Set((await sortedRows(ports().reference, instantiated)).split('\n'));
        assert.ok(ours.size > 0 && !ours.has(''), `no completions for "${prefix}"`);
        // This server's own settings (pgsqlite.*) are the one addition PostgreSQL cannot have.
        assert.deepEqual([...ours].filter((name) => !theirs.has(name) && !name.startsWith('pgsqlite.')), []);
      });
    }
  }
});
