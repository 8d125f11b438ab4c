import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PgError } from '../../protocol/pg-error.js';
import { translateStatement } from './translate-statement.js';
import { parseOne, refusalCases } from './testing/translation-test-kit.js';

// Every refusal is 0A000 naming the construct, with its position when the parser gives one.

describe('refused queries', () => {
  refusalCases([
    { pg: 'SELECT * FROM t, LATERAL (SELECT 1) s', message: 'LATERAL subquery with its columns selected by *' },
    { pg: 'SELECT s.x FROM t RIGHT JOIN LATERAL (SELECT t.a AS x) s ON true', message: 'LATERAL subquery in a RIGHT or FULL join' },
    { pg: "SELECT * FROM json_to_record('{}') AS r(a int)", message: 'a function in FROM', position: 15 },
    { pg: 'SELECT unnest(a), generate_series(1, 2) FROM t', message: 'several set-returning functions in a SELECT list', position: 19 },
    { pg: 'SELECT b, unnest(a) FROM t GROUP BY b', message: 'a set-returning function in a SELECT list with GROUP BY', position: 11 },
    { pg: 'SELECT * FROM t TABLESAMPLE bernoulli (10)', message: 'TABLESAMPLE', position: 29 },
    { pg: 'SELECT DISTINCT ON (a) * FROM t', message: 'DISTINCT ON with * in the select list' },
    { pg: 'SELECT a FROM t FOR UPDATE', message: 'SELECT FOR UPDATE' },
    { pg: 'SELECT a FROM t FOR SHARE', message: 'SELECT FOR SHARE' },
    { pg: 'SELECT DISTINCT a FROM t GROUP BY ROLLUP (a)', message: 'SELECT DISTINCT with GROUPING SETS, ROLLUP or CUBE' },
    { pg: 'SELECT a, row_number() OVER () FROM t GROUP BY CUBE (a, b)', message: 'window functions with GROUPING SETS, ROLLUP or CUBE' },
    { pg: 'SELECT a FROM t GROUP BY GROUPING SETS ((a), ()) ORDER BY a + 1', message: 'ORDER BY an expression that is not an output column with GROUPING SETS, ROLLUP or CUBE' },
    { pg: 'SELECT a FROM t ORDER BY a FETCH FIRST 1 ROW WITH TIES', message: 'FETCH FIRST … WITH TIES' },
    { pg: 'SELECT a FROM t INTERSECT ALL SELECT a FROM u', message: 'INTERSECT ALL' },
    { pg: 'SELECT a FROM t EXCEPT ALL SELECT a FROM u', message: 'EXCEPT ALL' },
    { pg: 'SELECT * FROM (t JOIN u USING (a)) AS j', message: 'an alias on a JOIN clause' },
    { pg: 'SELECT * FROM t JOIN u USING (a) AS j', message: 'JOIN … USING (…) AS alias' },
    { pg: 'WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d', message: 'RETURNING * in a data-modifying WITH' },
    { pg: 'WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SEARCH DEPTH FIRST BY n SET o SELECT * FROM c', message: 'SEARCH in WITH' },
    { pg: 'SELECT * FROM otherdb.public.t', message: 'a cross-database reference', position: 15 },
  ]);
});

describe('refused expressions', () => {
  refusalCases([
    { pg: "SELECT (d::jsonb)['k'] FROM t", message: 'subscripting or field selection' },
    { pg: "SELECT b LIKE ANY ('{x,y}'::text[]) FROM t", message: '~~ ANY (array)', position: 10 },
    { pg: "SELECT b LIKE ALL (SELECT 'x') FROM t", message: '~~ ALL (subquery)', position: 10 },
    { pg: "SELECT a <-> 1 FROM t", message: 'operator <->', position: 10 },
    { pg: 'SELECT a # 1 FROM t', message: 'operator #', position: 10 },
    { pg: 'SELECT @@ 4', message: 'prefix operator @@', position: 8 },
    { pg: 'SELECT a BETWEEN SYMMETRIC 2 AND 1 FROM t', message: 'BETWEEN SYMMETRIC', position: 10 },
    { pg: 'SELECT ROW(a) FROM t', message: 'a row constructor with fewer than two columns', position: 8 },
    { pg: 'SELECT ROW(a, b) IS NULL FROM t', message: 'IS NULL on a row value', position: 18 },
    { pg: "SELECT B'101'", message: 'a bit string constant', position: 8 },
    { pg: 'SELECT 0xFFFFFFFFFFFFFFFFFF', message: 'a non-decimal integer constant beyond the int8 range', position: 8 },
    { pg: 'SELECT b COLLATE "en_US" FROM t', message: 'collation "en_US"', position: 10 },
    { pg: 'SELECT rank(1) WITHIN GROUP (ORDER BY a) FROM t', message: 'rank() WITHIN GROUP', position: 8 },
    { pg: "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM (VALUES ('1 day'::interval)) v(x)", message: 'percentile_cont over intervals', position: 8 },
    { pg: "SELECT concat(VARIADIC ARRAY['a'])", message: 'VARIADIC', position: 8 },
    { pg: 'SELECT lower(x => 1)', message: 'a named function argument', position: 14 },
    { pg: 'SELECT myschema.f(1)', message: 'a function in schema "myschema"', position: 8 },
    { pg: 'SELECT a FROM t WHERE a OPERATOR(myschema.=) 1', message: 'an operator in schema "myschema"', position: 25 },
    { pg: 'SELECT GROUPING(a) FROM t GROUP BY a', message: 'GROUPING()', position: 8 },
    { pg: 'SELECT xmlelement(name x)', message: 'XML syntax', position: 8 },
    { pg: "SELECT json_object('a': 1)", message: 'SQL/JSON syntax', position: 8 },
    { pg: 'SELECT a FROM t ORDER BY a USING ~<~', message: 'ORDER BY … USING ~<~' },
  ]);
});

describe('refused DML', () => {
  refusalCases([
    { pg: 'WITH d AS (DELETE FROM t RETURNING a) INSERT INTO t (a) VALUES (1), (DEFAULT)', message: 'a data-modifying WITH with DEFAULT in only some rows' },
    { pg: 'INSERT INTO t VALUES (1, DEFAULT)', message: 'DEFAULT in VALUES without a column list', position: 26 },
    { pg: 'INSERT INTO t (a) VALUES (DEFAULT), (DEFAULT)', message: 'a multi-row VALUES of only DEFAULT', position: 27 },
    { pg: 'INSERT INTO t DEFAULT VALUES ON CONFLICT DO NOTHING', message: 'ON CONFLICT with DEFAULT VALUES' },
    { pg: 'INSERT INTO t (a) VALUES (1) ON CONFLICT ON CONSTRAINT t_a_unique DO NOTHING', message: 'ON CONFLICT ON CONSTRAINT', position: 42 },
    { pg: 'INSERT INTO t (a) OVERRIDING SYSTEM VALUE VALUES (1)', message: 'OVERRIDING … VALUE' },
    { pg: 'INSERT INTO t (d[1]) VALUES (1)', message: 'INSERT into a subscript or field', position: 16 },
    { pg: 'UPDATE t SET b = DEFAULT', message: 'SET column = DEFAULT', position: 14 },
    { pg: 'UPDATE t SET a = 1 WHERE CURRENT OF c', message: 'WHERE CURRENT OF' },
    { pg: "UPDATE t SET d[1] = 'x'", message: 'assignment to a subscript or field', position: 14 },
    { pg: 'DELETE FROM t WHERE CURRENT OF c', message: 'WHERE CURRENT OF' },
    { pg: 'MERGE INTO t USING u ON t.a = u.a WHEN MATCHED THEN DELETE', message: 'MERGE' },
  ]);
});

describe('refused DDL', () => {
  refusalCases([
    { pg: 'CREATE TABLE n (id serial, a int)', message: 'a serial column that is not the whole primary key', position: 17 },
    { pg: 'CREATE TABLE n (id serial PRIMARY KEY, x bigserial)', message: 'a serial column that is not the whole primary key', position: 40 },
    { pg: 'CREATE TABLE n (a int, b serial, PRIMARY KEY (a, b))', message: 'a serial column that is not the whole primary key', position: 24 },
    { pg: 'CREATE TABLE n (id int GENERATED ALWAYS AS IDENTITY)', message: 'an identity column that is not the whole primary key', position: 17 },
    { pg: 'CREATE TABLE n (a int UNIQUE DEFERRABLE)', message: 'DEFERRABLE on a constraint other than a foreign key', position: 30 },
    { pg: 'CREATE TABLE n (a int, PRIMARY KEY (a) DEFERRABLE INITIALLY DEFERRED)', message: 'DEFERRABLE on a constraint other than a foreign key', position: 24 },
    { pg: 'CREATE TABLE n (a int, b int, FOREIGN KEY (a, b) REFERENCES v MATCH FULL)', message: 'MATCH FULL', position: 31 },
    { pg: 'CREATE TABLE n (a int REFERENCES pg_catalog.pg_class (oid))', message: 'a foreign key to a table in another schema', position: 34 },
    { pg: 'CREATE TABLE n (a int UNIQUE NULLS NOT DISTINCT)', message: 'NULLS NOT DISTINCT', position: 23 },
    { pg: 'CREATE TABLE n (LIKE t, b int)', message: 'LIKE together with other columns in CREATE TABLE', position: 22 },
    { pg: 'CREATE TABLE n (a int) INHERITS (t)', message: 'INHERITS', position: 14 },
    { pg: 'CREATE TABLE n (a int) PARTITION BY RANGE (a)', message: 'PARTITION BY', position: 14 },
    { pg: 'CREATE TEMP TABLE n (a int) ON COMMIT DROP', message: 'ON COMMIT DROP', position: 19 },
    { pg: 'CREATE TEMP TABLE n (a int) ON COMMIT DELETE ROWS', message: 'ON COMMIT DELETE ROWS', position: 19 },
    { pg: 'CREATE TABLE n (a int) TABLESPACE fast', message: 'TABLESPACE', position: 14 },
    { pg: 'CREATE TABLE n ()', message: 'a table without columns', position: 14 },
    { pg: 'CREATE TABLE n (c circle, EXCLUDE USING gist (c WITH &&))', message: 'an EXCLUDE constraint', position: 27 },
    { pg: 'CREATE TABLE n (a text COLLATE "de_DE")', message: 'collation "de_DE"', position: 24 },
    { pg: 'CREATE MATERIALIZED VIEW mv AS SELECT 1', message: 'CREATE MATERIALIZED VIEW', position: 26 },
    { pg: 'CREATE VIEW w AS SELECT a FROM t WITH CASCADED CHECK OPTION', message: 'WITH CHECK OPTION', position: 13 },
    { pg: 'CREATE VIEW w WITH (security_barrier) AS SELECT a FROM t', message: 'a view option (WITH (…))', position: 13 },
    { pg: 'CREATE INDEX ON t USING gin (d)', message: 'index access method gin', position: 17 },
    { pg: 'CREATE INDEX ON t (b COLLATE "en_US")', message: 'collation "en_US"' },
    { pg: 'CREATE UNIQUE INDEX ON t (a) NULLS NOT DISTINCT', message: 'NULLS NOT DISTINCT', position: 24 },
    { pg: 'CREATE INDEX ON t (a) TABLESPACE fast', message: 'TABLESPACE', position: 17 },
    // Dependants are found in the database's own schema (and user schemas, tables of main); not in attached ones.
    { pg: 'DROP TABLE other.t CASCADE', message: 'DROP TABLE … CASCADE' },
    { pg: 'DROP VIEW IF EXISTS other.v CASCADE', message: 'DROP VIEW … CASCADE' },
    { pg: 'DROP SCHEMA public', message: 'DROP SCHEMA public' },
    { pg: 'DROP MATERIALIZED VIEW mv', message: 'DROP MATERIALIZED VIEW' },
    { pg: 'DROP FUNCTION f()', message: 'DROP FUNCTION' },
    { pg: 'ALTER TABLE IF EXISTS t ADD COLUMN e int', message: 'ALTER TABLE IF EXISTS', position: 23 },
    { pg: 'ALTER TABLE t DROP COLUMN d CASCADE', message: 'DROP COLUMN … CASCADE', position: 13 },
    { pg: 'ALTER TABLE t ALTER COLUMN b TYPE text COLLATE "C"', message: 'ALTER COLUMN … TYPE … COLLATE' },
    { pg: 'ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES u (x) NOT VALID', message: 'FOREIGN KEY … NOT VALID', position: 19 },
    { pg: 'ALTER TABLE t ADD CHECK (a > 0) NOT VALID', message: 'CHECK … NOT VALID', position: 19 },
    { pg: 'ALTER TABLE t ADD PRIMARY KEY (a) DEFERRABLE', message: 'DEFERRABLE on a constraint other than a foreign key' },
    { pg: 'ALTER TABLE t DROP CONSTRAINT c CASCADE', message: 'DROP CONSTRAINT … CASCADE', position: 13 },
    { pg: 'ALTER TABLE t OWNER TO bob', message: 'ALTER TABLE … OWNER TO', position: 13 },
    { pg: 'ALTER INDEX i RENAME TO j', message: 'ALTER INDEX … RENAME', position: 13 },
    { pg: 'ALTER VIEW w RENAME TO w2', message: 'ALTER VIEW … RENAME', position: 12 },
    { pg: 'ALTER VIEW w RENAME COLUMN a TO b', message: 'ALTER VIEW … RENAME COLUMN', position: 12 },
    { pg: 'ALTER TABLE t ADD EXCLUDE USING gist (c WITH &&)', message: 'ALTER TABLE … ADD EXCLUDE', position: 19 },
    { pg: 'CREATE SCHEMA "a.b"', message: 'a schema name containing "."' },
    { pg: "CREATE FUNCTION f() RETURNS int AS 'select 1' LANGUAGE sql", message: 'CREATE FUNCTION' },
    { pg: 'CREATE TYPE pair AS (a int, b int)', message: 'CREATE TYPE' },
    { pg: 'CREATE EXTENSION hstore', message: 'extension "hstore" is not supported by pgsqlite' },
    { pg: 'CREATE EXTENSION IF NOT EXISTS postgis', message: 'extension "postgis" is not supported by pgsqlite' },
    { pg: 'DROP EXTENSION plpgsql', message: 'DROP EXTENSION plpgsql' },
    { pg: "COMMENT ON FUNCTION f() IS 'x'", message: 'COMMENT ON function' },
    { pg: 'GRANT SELECT ON t TO bob', message: 'GRANT/REVOKE' },
    { pg: 'ALTER DATABASE d SET x = 1', message: 'ALTER DATABASE SET' },
  ]);
});

describe('statements the server handles itself', () => {
  refusalCases([
    { pg: 'EXPLAIN SELECT 1', message: 'EXPLAIN is not supported yet' },
    { pg: 'BEGIN', message: 'transaction control is handled by the session' },
    { pg: 'COMMIT', message: 'transaction control is handled by the session' },
    { pg: 'SET search_path TO public', message: 'SET is handled by the session' },
    { pg: 'SHOW server_version', message: 'SHOW is handled by the session' },
    { pg: 'COPY t FROM STDIN', message: 'COPY is handled by the session' },
    { pg: 'LISTEN ch', message: 'LISTEN is handled by the session' },
    { pg: 'NOTIFY ch', message: 'NOTIFY is handled by the session' },
    { pg: 'PREPARE p AS SELECT 1', message: 'PREPARE is handled by the session' },
  ]);
});

describe('error positions', () => {
  test('count characters, not the parser\'s bytes, when the query text is given', () => {
    const pg = "SELECT 'é😀', b # 1 FROM t";
    const stmt = parseOne(pg);
    const position = (ctx?: { queryText?: string }): number | undefined => {
      try {
        translateStatement(stmt, ctx);
      } catch (err) {
        assert.ok(err instanceof PgError);
        return err.position;
      }
      return undefined;
    };
    // "#" is the 16th character (the emoji is one character, two UTF-16 units, four bytes).
    assert.equal(position({ queryText: pg }), 16);
    // Without the text, the byte offset + 1 is the best there is.
    assert.equal(position(), 20);
  });
});
