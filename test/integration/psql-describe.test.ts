import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasPgBinaries } from '../support/pg-bin.js';
import { usePsqlPair } from '../support/psql-pair.js';

/**
 * psql's describe commands print the same on pgsqlite as on PostgreSQL 15 for the same schema.
 * The schema avoids what differs by design (docs/catalog.md): CHECK expressions
 * PostgreSQL deparses with casts, and sizes (\dt+). uuid-ossp goes in a schema off the search
 * path: its functions are not catalog rows here, so \df must not see PostgreSQL's.
 */
const schema = `
CREATE TABLE authors (id integer PRIMARY KEY, name varchar(100) NOT NULL, email text UNIQUE, created timestamptz DEFAULT now());
CREATE TABLE books (id bigint PRIMARY KEY, author_id int NOT NULL REFERENCES authors(id) ON DELETE CASCADE, title text NOT NULL,
  qty integer CHECK (qty > 0), tags text[], published date, rating real DEFAULT 0.5, price numeric(10,2),
  CONSTRAINT books_title_len CHECK (length(title) > 0));
CREATE INDEX books_title_idx ON books (title);
CREATE UNIQUE INDEX books_author_title ON books (author_id, title);
CREATE TABLE reviews (book_id bigint REFERENCES books, stars smallint NOT NULL, body varchar(2000), PRIMARY KEY (book_id, stars));
CREATE VIEW cheap_books AS SELECT id, title FROM books WHERE qty < 10;
CREATE SCHEMA sales;
CREATE TABLE sales.orders (id integer PRIMARY KEY, book_id bigint REFERENCES books, note text);
CREATE INDEX orders_note_idx ON sales.orders (note);
CREATE TABLE sales.books (isbn text PRIMARY KEY);
CREATE TABLE counters (id serial PRIMARY KEY, label text);
COMMENT ON TABLE authors IS 'people who write';
COMMENT ON COLUMN authors.name IS 'full name';
COMMENT ON VIEW cheap_books IS 'under ten left';
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE moods (id integer PRIMARY KEY, m mood NOT NULL DEFAULT 'ok', ms mood[]);
CREATE SCHEMA ext;
CREATE EXTENSION "uuid-ossp" SCHEMA ext;
`;

const commands = [
  '\\dt', '\\d', '\\d books', '\\d authors', '\\d reviews', '\\d+ books', '\\d+ authors', '\\di', '\\dv', '\\d cheap_books',
  '\\dn', '\\du', '\\df', '\\ds', '\\d books_title_idx', '\\d books_pkey', '\\d reviews_pkey',
  '\\dt sales.*', '\\d sales.orders', '\\di sales.*', '\\d sales.books',
  '\\d counters', '\\d+ counters', '\\d counters_id_seq', '\\dT', '\\dT+', '\\d moods', '\\dx', '\\dp',
  // Objects this server has none of (event triggers, foreign tables, materialized views, domains,
  // user operators, object comments \\dd lists), the built-in tablespaces, and S with a user relation.
  '\\dy', '\\dE', '\\dm', '\\dD', '\\do', '\\dd', '\\db', '\\dS books', '\\dS cheap_books',
];

const skip = hasPgBinaries() ? false : 'PostgreSQL 15 binaries not installed';

describe('psql describe commands against PostgreSQL 15', { skip }, () => {
  const pair = usePsqlPair(schema);
  const { ports } = pair;
  const psql = (port: number, command: string) => pair.psql(port, ['-c', command]);

  for (const command of commands) {
    it(`prints the same for ${command}`, async () => {
      assert.equal(await psql(ports().pgsqlite, command), await psql(ports().reference, command));
    });
  }

  it('prints the same for \\dt+ apart from sizes', async () => {
    const withoutSizes = (text: string) => text.replace(/\d+ (bytes|kB)/g, 'SIZE');
    assert.equal(withoutSizes(await psql(ports().pgsqlite, '\\dt+')), withoutSizes(await psql(ports().reference, '\\dt+')));
  });

  it('prints the same for \\l+ apart from sizes (and the column widths they set)', async () => {
    const withoutSizes = (text: string) => text.replace(/\d+ (bytes|kB|MB)/g, 'SIZE').replace(/ {2,}/g, ' ').replace(/-{2,}/g, '-');
    assert.equal(withoutSizes(await psql(ports().pgsqlite, '\\l+')), withoutSizes(await psql(ports().reference, '\\l+')));
  });
});
