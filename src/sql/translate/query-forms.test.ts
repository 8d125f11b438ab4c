/**
 * Query forms SQLite lacks, rewritten on the parse tree or run as several statements: DISTINCT ON,
 * op ANY/ALL over subqueries and arrays, LATERAL subqueries, data-modifying WITH, DEFAULT in only
 * some rows of VALUES, empty target lists. Rows are PostgreSQL's answers for the fixture.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PgError } from '../../protocol/pg-error.js';
import { translate, translationCases } from './testing/translation-test-kit.js';

describe('query forms', () => {
  translationCases([
    {
      pg: 'SELECT DISTINCT ON (a > 1) a, x FROM u ORDER BY a > 1, x DESC',
      sqlite: 'SELECT pgsqlite_distinct_1 AS a, pgsqlite_distinct_2 AS x FROM (SELECT a AS pgsqlite_distinct_1, x AS pgsqlite_distinct_2, a > 1 AS pgsqlite_sort_1, x AS pgsqlite_sort_2, row_number() OVER (PARTITION BY a > 1 ORDER BY a > 1 NULLS LAST, x DESC NULLS FIRST) AS pgsqlite_distinct_row FROM u) AS pgsqlite_distinct WHERE pgsqlite_distinct_row = 1 ORDER BY pgsqlite_sort_1 NULLS LAST, pgsqlite_sort_2 DESC NULLS FIRST',
      rows: [[1, 10], [5, 50]],
    },
    {
      pg: 'SELECT a, x > ALL (SELECT t.a * 10 FROM t) FROM u ORDER BY a',
      sqlite: 'SELECT a, (WITH pgsqlite_quantified_values(pgsqlite_quantified_value) AS (SELECT t.a * 10 AS "?column?" FROM t) SELECT CASE WHEN min(pgsqlite_quantified_test) = 0 THEN 0 WHEN count(pgsqlite_quantified_test) < count(*) THEN NULL ELSE 1 END FROM (SELECT (x) > pgsqlite_quantified_value AS pgsqlite_quantified_test FROM pgsqlite_quantified_values)) AS "?column?" FROM u ORDER BY a NULLS LAST',
      rows: [[1, 0], [2, 0], [5, null]],
    },
    {
      pg: "SELECT 3 > ALL ('{1,2}'::int[]), 1 < ANY ('{}'::int[]), 1 <> ANY (ARRAY[1, NULL])",
      sqlite: "SELECT (WITH pgsqlite_quantified_values(pgsqlite_quantified_value) AS (SELECT value FROM json_each('[1,2]')) SELECT CASE WHEN ('[1,2]') IS NULL THEN NULL WHEN min(pgsqlite_quantified_test) = 0 THEN 0 WHEN count(pgsqlite_quantified_test) < count(*) THEN NULL ELSE 1 END FROM (SELECT (3) > pgsqlite_quantified_value AS pgsqlite_quantified_test FROM pgsqlite_quantified_values)) AS \"?column?\", (WITH pgsqlite_quantified_values(pgsqlite_quantified_value) AS (SELECT value FROM json_each('[]')) SELECT CASE WHEN ('[]') IS NULL THEN NULL WHEN max(pgsqlite_quantified_test) = 1 THEN 1 WHEN count(pgsqlite_quantified_test) < count(*) THEN NULL ELSE 0 END FROM (SELECT (1) < pgsqlite_quantified_value AS pgsqlite_quantified_test FROM pgsqlite_quantified_values)) AS \"?column?\", (WITH pgsqlite_quantified_values(pgsqlite_quantified_value) AS (SELECT value FROM json_each(json_array(1, NULL))) SELECT CASE WHEN (json_array(1, NULL)) IS NULL THEN NULL WHEN max(pgsqlite_quantified_test) = 1 THEN 1 WHEN count(pgsqlite_quantified_test) < count(*) THEN NULL ELSE 0 END FROM (SELECT (1) <> pgsqlite_quantified_value AS pgsqlite_quantified_test FROM pgsqlite_quantified_values)) AS \"?column?\"",
      rows: [[1, 0, null]],
    },
    {
      pg: 'SELECT t.a, s.x FROM t LEFT JOIN LATERAL (SELECT x FROM u WHERE u.a = t.a ORDER BY x DESC LIMIT 1) s ON true ORDER BY t.a',
      sqlite: 'SELECT t.a, (WITH pgsqlite_lateral(x) AS (SELECT x FROM u WHERE u.a = t.a ORDER BY x DESC NULLS FIRST LIMIT 1) SELECT x FROM pgsqlite_lateral) AS x FROM t ORDER BY t.a NULLS LAST',
      rows: [[1, 10], [2, 20], [null, null]],
    },
    {
      pg: 'SELECT t.b, s.y FROM t JOIN LATERAL (SELECT y FROM u WHERE u.a >= t.a AND y IS NOT NULL) s ON true ORDER BY t.b, s.y',
      sqlite: 'SELECT t.b, pgsqlite_lateral_1.value ->> 0 AS y FROM t JOIN json_each((WITH pgsqlite_lateral(y) AS (SELECT y FROM u WHERE u.a >= t.a AND y IS NOT NULL) SELECT json_group_array(json_array(y)) FROM pgsqlite_lateral)) AS pgsqlite_lateral_1 ON 1 ORDER BY t.b NULLS LAST, pgsqlite_lateral_1.value ->> 0 NULLS LAST',
      rows: [["a", "p"], ["a", "q"], ["b", "q"]],
    },
    {
      pg: 'SELECT t.a, s.n FROM t, LATERAL (SELECT count(*) AS n FROM u WHERE u.a <= t.a) s ORDER BY t.a',
      sqlite: 'SELECT t.a, (WITH pgsqlite_lateral(n) AS (SELECT count(*) AS n FROM u WHERE u.a <= t.a) SELECT n FROM pgsqlite_lateral) AS n FROM t ORDER BY t.a NULLS LAST',
      rows: [[1, 1], [2, 2], [null, 0]],
    },
    {
      pg: "WITH ins AS (INSERT INTO u (a, x, y) VALUES (7, 70, 'r'), (8, 80, 's') RETURNING a, y) SELECT y FROM ins ORDER BY a",
      sqlite: [
        'SELECT 1 WHERE pgsqlite_modified_reset() IS NOT NULL',
        'CREATE TEMP TRIGGER pgsqlite_modified_1_insert AFTER INSERT ON u BEGIN SELECT pgsqlite_modified_add(1, json_array(a, y)) FROM u AS u WHERE u.rowid = NEW.rowid; END',
        "INSERT INTO u (a, x, y) VALUES (7, 70, 'r'), (8, 80, 's')",
        'DROP TRIGGER temp.pgsqlite_modified_1_insert',
        'WITH ins AS (SELECT value ->> 0 AS a, value ->> 1 AS y FROM json_each(pgsqlite_modified_rows(1))) SELECT y FROM ins ORDER BY a NULLS LAST',
      ],
      rows: [["r"], ["s"]],
    },
    {
      pg: 'WITH d AS (DELETE FROM u WHERE x > 15 RETURNING x) SELECT count(*) FROM d',
      sqlite: [
        'SELECT 1 WHERE pgsqlite_modified_reset() IS NOT NULL',
        'CREATE TEMP TRIGGER pgsqlite_modified_1_delete BEFORE DELETE ON u BEGIN SELECT pgsqlite_modified_add(1, json_array(x)) FROM u AS u WHERE u.rowid = OLD.rowid; END',
        'DELETE FROM u WHERE x > 15',
        'DROP TRIGGER temp.pgsqlite_modified_1_delete',
        'WITH d AS (SELECT value ->> 0 AS x FROM json_each(pgsqlite_modified_rows(1))) SELECT count(*) AS count FROM d',
      ],
      rows: [[2]],
    },
    {
      pg: 'WITH up AS (UPDATE u SET x = x + 1 WHERE a = 1 RETURNING x) SELECT x FROM up',
      sqlite: [
        'SELECT 1 WHERE pgsqlite_modified_reset() IS NOT NULL',
        'CREATE TEMP TRIGGER pgsqlite_modified_1_update AFTER UPDATE ON u BEGIN SELECT pgsqlite_modified_add(1, json_array(x)) FROM u AS u WHERE u.rowid = NEW.rowid; END',
        'UPDATE u SET x = x + 1 WHERE a = 1',
        'DROP TRIGGER temp.pgsqlite_modified_1_update',
        'WITH up AS (SELECT value ->> 0 AS x FROM json_each(pgsqlite_modified_rows(1))) SELECT x FROM up',
      ],
      rows: [[11]],
    },
    {
      pg: "INSERT INTO people (name, age) VALUES ('dee', $1), ($2, DEFAULT) RETURNING name",
      sqlite: [
        "INSERT INTO people (name, age) VALUES ('dee', ?1) RETURNING name",
        'INSERT INTO people (name) SELECT * FROM (VALUES (?2)) WHERE 1 OR ?1 RETURNING name',
      ],
      rows: [[null]],
    },
    {
      pg: 'SELECT FROM t WHERE a = 1',
      sqlite: 'SELECT NULL AS pgsqlite_no_columns FROM t WHERE a = 1',
      rows: [[null]],
    },
    {
      pg: 'SELECT EXISTS (SELECT FROM u WHERE x = 20)',
      sqlite: 'SELECT EXISTS (SELECT NULL AS pgsqlite_no_columns FROM u WHERE x = 20) AS "exists"',
      rows: [[1]],
    },
  ]);

  test('DISTINCT ON expressions must lead ORDER BY (42P10), in any order among the leading items', () => {
    assert.throws(() => translate('SELECT DISTINCT ON (b) a, b FROM t ORDER BY a, b'),
      (err: unknown) => err instanceof PgError && err.code === '42P10' && err.message === 'SELECT DISTINCT ON expressions must match initial ORDER BY expressions');
    assert.doesNotThrow(() => translate('SELECT DISTINCT ON (a, b) a, b FROM t ORDER BY b, a, c'));
    assert.doesNotThrow(() => translate('SELECT DISTINCT ON (a, b) a, b FROM t ORDER BY a'));
  });

  test('a data-modifying WITH whose statement reads or changes the modified table is refused (it would see the change)', () => {
    for (const pg of ['WITH d AS (DELETE FROM t RETURNING a) SELECT count(*) FROM t', 'WITH d AS (DELETE FROM t RETURNING a) UPDATE t SET a = 1',
      'WITH d AS (DELETE FROM t RETURNING a), e AS (UPDATE u SET x = 1 FROM t RETURNING u.a) SELECT 1']) {
      assert.throws(() => translate(pg), (err: unknown) => err instanceof PgError && err.code === '0A000' && err.message.startsWith('a data-modifying WITH in a statement that also'));
    }
    assert.doesNotThrow(() => translate('WITH d AS (DELETE FROM t WHERE a IN (SELECT a FROM t) RETURNING a) INSERT INTO t SELECT * FROM d'));
  });

  test('a data-modifying WITH only at the top level (0A000, PostgreSQL\'s message)', () => {
    assert.throws(() => translate('SELECT * FROM (WITH d AS (DELETE FROM t RETURNING a) SELECT a FROM d) s'),
      (err: unknown) => err instanceof PgError && err.code === '0A000'
        && err.message === 'WITH clause containing a data-modifying statement must be at the top level');
  });
});
