import { describe } from 'node:test';
import { translationCases } from './testing/translation-test-kit.js';
import { schemaOperationSql } from '../schema-operations.js';

// rows/columns, where given, are what PostgreSQL 15 returns for the same fixture.

describe('SELECT targets and names', () => {
  translationCases([
    { pg: 'SELECT a, b FROM t', sqlite: 'SELECT a, b FROM t' },
    { pg: 'select A, B as "Bee", b AS "select" FROM T', sqlite: 'SELECT a, b AS "Bee", b AS "select" FROM t' },
    { pg: 'SELECT "Id", "select" FROM "Mixed"', sqlite: 'SELECT "Id", "select" FROM "Mixed"', rows: [[7, 'seven']], columns: ['Id', 'select'] },
    { pg: 'SELECT * FROM t', sqlite: 'SELECT * FROM t' },
    { pg: 'SELECT t.*, u.x FROM t, u', sqlite: 'SELECT t.*, u.x FROM t, u' },
    { pg: 'SELECT public.t.a FROM public.t', sqlite: 'SELECT t.a FROM t' },
    {
      pg: 'SELECT count(*), count(a), sum(a), max(b) FROM t',
      sqlite: 'SELECT count(*) AS count, count(a) AS count, sum(a) AS sum, max(b) AS max FROM t',
      rows: [[3, 2, 3, 'c']], columns: ['count', 'count', 'sum', 'max'],
    },
    {
      pg: 'SELECT 1, a + 1, a::text, \'x\'::text, coalesce(a, 0), nullif(a, 1), CASE WHEN a > 1 THEN b END FROM t WHERE a = 2',
      sqlite: 'SELECT 1 AS "?column?", a + 1 AS "?column?", CAST(a AS TEXT) AS a, CAST(\'x\' AS TEXT) AS text, coalesce(a, 0) AS coalesce, nullif(a, 1) AS nullif, CASE WHEN a > 1 THEN b END AS "case" FROM t WHERE a = 2',
      rows: [[1, 3, '2', 'x', 2, 2, 'b']],
      columns: ['?column?', '?column?', 'a', 'text', 'coalesce', 'nullif', 'case'],
    },
    {
      pg: 'SELECT (SELECT max(x) FROM u), EXISTS (SELECT 1 FROM u), CASE WHEN true THEN 1 ELSE a END FROM t WHERE a = 1',
      sqlite: 'SELECT (SELECT max(x) AS max FROM u) AS max, EXISTS (SELECT 1 AS "?column?" FROM u) AS "exists", CASE WHEN 1 THEN 1 ELSE a END AS a FROM t WHERE a = 1',
      columns: ['max', 'exists', 'a'],
    },
    { pg: 'SELECT DISTINCT b FROM t', sqlite: 'SELECT DISTINCT b FROM t' },
    { pg: 'SELECT ALL b FROM t', sqlite: 'SELECT b FROM t' },
    { pg: 'SELECT 1 WHERE true', sqlite: 'SELECT 1 AS "?column?" WHERE 1' },
  ]);
});

describe('FROM and joins', () => {
  translationCases([
    { pg: 'SELECT * FROM t AS x, u y', sqlite: 'SELECT * FROM t AS x, u AS y' },
    { pg: 'SELECT * FROM t JOIN u ON t.a = u.a', sqlite: 'SELECT * FROM t JOIN u ON t.a = u.a' },
    { pg: 'SELECT * FROM t INNER JOIN u USING (a)', sqlite: 'SELECT * FROM t JOIN u USING (a)' },
    {
      pg: 'SELECT * FROM t LEFT JOIN u USING (a) ORDER BY b',
      sqlite: 'SELECT * FROM t LEFT JOIN u USING (a) ORDER BY b NULLS LAST',
      rows: [[1, 'a', 1.5, '{"k": 1}', 10, 'p'], [2, 'b', null, null, 20, null], [null, 'c', 3, 'x', null, null]],
    },
    { pg: 'SELECT * FROM t RIGHT OUTER JOIN u ON t.a = u.a', sqlite: 'SELECT * FROM t RIGHT JOIN u ON t.a = u.a' },
    {
      pg: 'SELECT t.b, u.x FROM t FULL JOIN u ON t.a = u.a ORDER BY t.b, u.x',
      sqlite: 'SELECT t.b, u.x FROM t FULL JOIN u ON t.a = u.a ORDER BY t.b NULLS LAST, u.x NULLS LAST',
      rows: [['a', 10], ['b', 20], ['c', null], [null, 50]],
    },
    { pg: 'SELECT * FROM t CROSS JOIN v', sqlite: 'SELECT * FROM t CROSS JOIN v' },
    { pg: 'SELECT * FROM t NATURAL JOIN u', sqlite: 'SELECT * FROM t NATURAL JOIN u' },
    { pg: 'SELECT * FROM t NATURAL LEFT JOIN u', sqlite: 'SELECT * FROM t NATURAL LEFT JOIN u' },
    {
      pg: 'SELECT * FROM t JOIN (u JOIN v ON u.a = v.k) ON t.a = u.a',
      sqlite: 'SELECT * FROM t JOIN (u JOIN v ON u.a = v.k) ON t.a = u.a',
    },
    {
      // PostgreSQL groups "u RIGHT JOIN v" before the comma; SQLite would join (t, u) first.
      pg: 'SELECT t.a, v.k FROM t, u RIGHT JOIN v ON u.a = v.k WHERE t.a = 1 ORDER BY v.k',
      sqlite: 'SELECT t.a, v.k FROM t, (u RIGHT JOIN v ON u.a = v.k) WHERE t.a = 1 ORDER BY v.k NULLS LAST',
      rows: [[1, 1], [1, 2]],
    },
    { pg: 'SELECT * FROM (SELECT a FROM t) AS s', sqlite: 'SELECT * FROM (SELECT a FROM t) AS s' },
    { pg: 'SELECT * FROM (SELECT a FROM t) s WHERE s.a > 1', sqlite: 'SELECT * FROM (SELECT a FROM t) AS s WHERE s.a > 1' },
    {
      pg: 'SELECT id, name FROM (VALUES (1, \'x\'), (2, \'y\')) AS v(id, name) ORDER BY id DESC',
      sqlite: 'SELECT id, name FROM (WITH pgsqlite_renamed_1(id, name) AS (VALUES (1, \'x\'), (2, \'y\')) SELECT * FROM pgsqlite_renamed_1) AS v ORDER BY id DESC NULLS FIRST',
      rows: [[2, 'y'], [1, 'x']], columns: ['id', 'name'],
    },
    {
      pg: 'SELECT s.n FROM (SELECT a FROM t WHERE a = 1) AS s(n)',
      sqlite: 'SELECT s.n FROM (WITH pgsqlite_renamed_1(n) AS (SELECT a FROM t WHERE a = 1) SELECT * FROM pgsqlite_renamed_1) AS s',
      rows: [[1]],
    },
    {
      pg: 'SELECT x.p, x.q FROM v AS x(p, q) WHERE x.p = 2',
      sqlite: 'SELECT x.p, x.q FROM (WITH pgsqlite_renamed_1(p, q) AS (SELECT * FROM v) SELECT * FROM pgsqlite_renamed_1) AS x WHERE x.p = 2',
      rows: [[2, 'b']],
    },
    { pg: 'SELECT * FROM ONLY t', sqlite: 'SELECT * FROM t' },
    // Per-database catalog relations are TEMP views of each connection (src/sql/catalog-relations.ts).
    { pg: 'SELECT oid FROM pg_catalog.pg_class', sqlite: 'SELECT oid FROM "pg_class"' },
    { pg: 'SELECT table_name FROM information_schema.tables', sqlite: 'SELECT table_name FROM temp."information_schema.tables" AS tables' },
  ]);
});

describe('WHERE, GROUP BY, HAVING, ORDER BY, LIMIT', () => {
  translationCases([
    { pg: 'SELECT a FROM t WHERE a > 1 AND b <> \'x\'', sqlite: 'SELECT a FROM t WHERE a > 1 AND b <> \'x\'' },
    {
      pg: 'SELECT b, count(*) FROM t GROUP BY b HAVING count(*) > 0 ORDER BY 1',
      sqlite: 'SELECT b, count(*) AS count FROM t GROUP BY b HAVING count(*) > 0 ORDER BY 1 NULLS LAST',
    },
    { pg: 'SELECT a FROM t GROUP BY 1', sqlite: 'SELECT a FROM t GROUP BY 1' },
    // PostgreSQL puts NULLs last ascending and first descending; SQLite the other way round.
    { pg: 'SELECT a FROM t ORDER BY a', sqlite: 'SELECT a FROM t ORDER BY a NULLS LAST', rows: [[1], [2], [null]] },
    { pg: 'SELECT a FROM t ORDER BY a DESC', sqlite: 'SELECT a FROM t ORDER BY a DESC NULLS FIRST', rows: [[null], [2], [1]] },
    { pg: 'SELECT a FROM t ORDER BY a ASC NULLS FIRST', sqlite: 'SELECT a FROM t ORDER BY a ASC NULLS FIRST', rows: [[null], [1], [2]] },
    { pg: 'SELECT a FROM t ORDER BY a DESC NULLS LAST', sqlite: 'SELECT a FROM t ORDER BY a DESC NULLS LAST', rows: [[2], [1], [null]] },
    { pg: 'SELECT a FROM t ORDER BY a USING >', sqlite: 'SELECT a FROM t ORDER BY a DESC NULLS FIRST', rows: [[null], [2], [1]] },
    {
      pg: 'SELECT name, age FROM people ORDER BY age DESC, name',
      sqlite: 'SELECT name, age FROM people ORDER BY age DESC NULLS FIRST, name NULLS LAST',
      rows: [['bob', null], ['ann', 31], ['cy', 25]],
    },
    { pg: 'SELECT a FROM t ORDER BY a LIMIT 1 OFFSET 1', sqlite: 'SELECT a FROM t ORDER BY a NULLS LAST LIMIT 1 OFFSET 1', rows: [[2]] },
    { pg: 'SELECT a FROM t ORDER BY a OFFSET 2', sqlite: 'SELECT a FROM t ORDER BY a NULLS LAST LIMIT -1 OFFSET 2', rows: [[null]] },
    { pg: 'SELECT a FROM t LIMIT ALL', sqlite: 'SELECT a FROM t' },
    { pg: 'SELECT a FROM t LIMIT NULL OFFSET NULL', sqlite: 'SELECT a FROM t' },
    { pg: 'SELECT a FROM t ORDER BY a FETCH FIRST 2 ROWS ONLY', sqlite: 'SELECT a FROM t ORDER BY a NULLS LAST LIMIT 2', rows: [[1], [2]] },
    { pg: 'SELECT a FROM t FETCH NEXT ROW ONLY', sqlite: 'SELECT a FROM t LIMIT 1' },
    { pg: 'SELECT a FROM t LIMIT $1 OFFSET $2', sqlite: 'SELECT a FROM t LIMIT coalesce(?1, -1) OFFSET coalesce(?2, 0)' },
  ]);
});

describe('set operations and VALUES', () => {
  translationCases([
    { pg: 'SELECT a FROM t UNION SELECT a FROM u ORDER BY 1', sqlite: 'SELECT a FROM t UNION SELECT a FROM u ORDER BY 1 NULLS LAST', rows: [[1], [2], [5], [null]] },
    { pg: 'SELECT a FROM t UNION ALL SELECT a FROM u', sqlite: 'SELECT a FROM t UNION ALL SELECT a FROM u' },
    { pg: 'SELECT a FROM t INTERSECT SELECT a FROM u', sqlite: 'SELECT a FROM t INTERSECT SELECT a FROM u' },
    { pg: 'SELECT a FROM t EXCEPT SELECT a FROM u', sqlite: 'SELECT a FROM t EXCEPT SELECT a FROM u', rows: [[null]] },
    {
      // INTERSECT binds tighter in PostgreSQL; SQLite goes left to right, so the right side is wrapped.
      pg: 'SELECT 1 UNION SELECT 2 INTERSECT SELECT 3',
      sqlite: 'SELECT 1 AS "?column?" UNION SELECT * FROM (SELECT 2 AS "?column?" INTERSECT SELECT 3 AS "?column?")',
      rows: [[1]],
    },
    {
      pg: '(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL (SELECT x FROM u ORDER BY x DESC LIMIT 1)',
      sqlite: 'SELECT * FROM (SELECT a FROM t ORDER BY a NULLS LAST LIMIT 1) UNION ALL SELECT * FROM (SELECT x FROM u ORDER BY x DESC NULLS FIRST LIMIT 1)',
      rows: [[1], [50]],
    },
    { pg: 'SELECT a FROM t UNION (SELECT a FROM u UNION SELECT k FROM v)', sqlite: 'SELECT a FROM t UNION SELECT * FROM (SELECT a FROM u UNION SELECT k FROM v)' },
    { pg: 'VALUES (1, \'a\'), (2, \'b\')', sqlite: 'VALUES (1, \'a\'), (2, \'b\')', columns: ['column1', 'column2'] },
    { pg: 'VALUES (1), (2) ORDER BY 1 DESC LIMIT 1', sqlite: 'SELECT * FROM (VALUES (1), (2)) ORDER BY 1 DESC NULLS FIRST LIMIT 1', rows: [[2]] },
    { pg: 'SELECT 1 UNION ALL VALUES (2)', sqlite: 'SELECT 1 AS "?column?" UNION ALL VALUES (2)' },
  ]);
});

describe('WITH and window functions', () => {
  translationCases([
    { pg: 'WITH x AS (SELECT a FROM t) SELECT * FROM x', sqlite: 'WITH x AS (SELECT a FROM t) SELECT * FROM x' },
    {
      pg: 'WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3) SELECT n FROM c',
      sqlite: 'WITH RECURSIVE c(n) AS (SELECT 1 AS "?column?" UNION ALL SELECT n + 1 AS "?column?" FROM c WHERE n < 3) SELECT n FROM c',
      rows: [[1], [2], [3]],
    },
    {
      pg: 'WITH x AS MATERIALIZED (SELECT 1), y AS NOT MATERIALIZED (SELECT 2) SELECT * FROM x, y',
      sqlite: 'WITH x AS MATERIALIZED (SELECT 1 AS "?column?"), y AS NOT MATERIALIZED (SELECT 2 AS "?column?") SELECT * FROM x, y',
    },
    {
      pg: 'SELECT * FROM (WITH z AS (SELECT a FROM t) SELECT * FROM z) s',
      sqlite: 'SELECT * FROM (WITH z AS (SELECT a FROM t) SELECT * FROM z) AS s',
    },
    {
      pg: 'SELECT a, sum(c) OVER (ORDER BY a) FROM t ORDER BY a',
      sqlite: 'SELECT a, sum(c) OVER (ORDER BY a NULLS LAST) AS sum FROM t ORDER BY a NULLS LAST',
      rows: [[1, 1.5], [2, 1.5], [null, 4.5]],
    },
    {
      pg: 'SELECT row_number() OVER (PARTITION BY b ORDER BY a DESC), rank() OVER w, sum(a) OVER w FROM t WINDOW w AS (ORDER BY a)',
      sqlite: 'SELECT row_number() OVER (PARTITION BY b ORDER BY a DESC NULLS FIRST) AS row_number, rank() OVER w AS rank, sum(a) OVER w AS sum FROM t WINDOW w AS (ORDER BY a NULLS LAST)',
    },
    {
      pg: 'SELECT sum(a) OVER (w ROWS BETWEEN 1 PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW) FROM t WINDOW w AS (PARTITION BY b ORDER BY a)',
      sqlite: 'SELECT sum(a) OVER (w ROWS BETWEEN 1 PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW) AS sum FROM t WINDOW w AS (PARTITION BY b ORDER BY a NULLS LAST)',
    },
    {
      pg: 'SELECT count(*) OVER (ORDER BY a RANGE UNBOUNDED PRECEDING), count(*) OVER (ORDER BY a GROUPS BETWEEN CURRENT ROW AND 2 FOLLOWING EXCLUDE GROUP), count(*) OVER (ORDER BY a ROWS 3 PRECEDING EXCLUDE TIES) FROM t',
      sqlite: 'SELECT count(*) OVER (ORDER BY a NULLS LAST RANGE UNBOUNDED PRECEDING) AS count, count(*) OVER (ORDER BY a NULLS LAST GROUPS BETWEEN CURRENT ROW AND 2 FOLLOWING EXCLUDE GROUP) AS count, count(*) OVER (ORDER BY a NULLS LAST ROWS 3 PRECEDING EXCLUDE TIES) AS count FROM t',
    },
    {
      pg: 'SELECT count(*) FILTER (WHERE a > 1), string_agg(b, \',\' ORDER BY b DESC), count(DISTINCT b) FROM t',
      sqlite: 'SELECT count(*) FILTER (WHERE a > 1) AS count, string_agg(b, \',\' ORDER BY b DESC NULLS FIRST) AS string_agg, count(DISTINCT b) AS count FROM t',
      rows: [[1, 'c,b,a', 3]],
    },
    {
      // SELECT INTO is CREATE TABLE AS, run by the engine with the query's column types.
      pg: 'SELECT a INTO TEMP t_copy FROM t WHERE a > 1',
      sqlite: schemaOperationSql({ op: 'createTableAs', table: 't_copy', temp: true, ifNotExists: false, query: 'SELECT a FROM t WHERE a > 1', typeHints: [null], noData: false }),
    },
  ]);
});

describe('set-returning functions', () => {
  translationCases([
    {
      pg: 'SELECT * FROM generate_series(1, 3)',
      sqlite: 'SELECT * FROM (SELECT value AS generate_series FROM pgsqlite_generate_series(1, 3)) AS generate_series',
      columns: ['generate_series'],
    },
    {
      pg: 'SELECT n FROM unnest(ARRAY[1, 2]) WITH ORDINALITY AS u(n, i) ORDER BY i DESC',
      sqlite: 'SELECT n FROM (SELECT value AS n, rowid AS i FROM pgsqlite_unnest(json_array(1, 2))) AS u ORDER BY i DESC NULLS FIRST',
      rows: [[2], [1]],
    },
    {
      pg: "SELECT t.a, e.key, value FROM t, jsonb_each(t.d) e WHERE a = 1",
      sqlite: 'SELECT t.a, e."key", e.value FROM t, pgsqlite_jsonb_each(t.d) AS e WHERE a = 1',
    },
    {
      pg: 'SELECT t.a, g FROM t, generate_series(1, t.a) g ORDER BY 1, 2',
      sqlite: 'SELECT t.a, g.value AS g FROM t, pgsqlite_generate_series(1, t.a) AS g ORDER BY 1 NULLS LAST, 2 NULLS LAST',
      columns: ['a', 'g'],
    },
    {
      pg: "SELECT a, x ->> 'k' FROM t, json_array_elements(t.d) x WHERE a = 2",
      sqlite: "SELECT a, pgsqlite_json_get_text(x.value, 'k') AS \"?column?\" FROM t, pgsqlite_json_array_elements(t.d) AS x WHERE a = 2",
      rows: [],
    },
    {
      pg: 'SELECT a, unnest(ARRAY[a, a]) FROM t WHERE a = 2',
      sqlite: 'SELECT a, pgsqlite_srf.value AS unnest FROM t, pgsqlite_unnest(json_array(a, a)) AS pgsqlite_srf WHERE a = 2',
      rows: [[2, 2], [2, 2]], columns: ['a', 'unnest'],
    },
  ]);
});
