import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translate, translationCases } from './testing/translation-test-kit.js';

// rows, where given, are what PostgreSQL 15 returns (booleans as 1/0).

describe('constants and parameters', () => {
  translationCases([
    {
      pg: "SELECT 1, -2, 0, 1.5, -2.5e10, .5, 'it''s', E'a\\nb', TRUE, FALSE, NULL",
      // Decimal constants are numeric: exact text as output columns (target-lists.ts).
      sqlite: "SELECT 1 AS \"?column?\", -2 AS \"?column?\", 0 AS \"?column?\", '1.5' AS \"?column?\", '-25000000000' AS \"?column?\", '0.5' AS \"?column?\", 'it''s' AS \"?column?\", 'a\nb' AS \"?column?\", 1 AS \"?column?\", 0 AS \"?column?\", NULL AS \"?column?\"",
      rows: [[1, -2, 0, '1.5', '-25000000000', '0.5', "it's", 'a\nb', 1, 0, null]],
    },
    { pg: 'SELECT a FROM t WHERE a = $1 OR b = $2 OR c = $1', sqlite: 'SELECT a FROM t WHERE a = ?1 OR b = ?2 OR c = ?1' },
    { pg: 'SELECT 0x1F, 1_000', sqlite: 'SELECT 31 AS "?column?", 1000 AS "?column?"', rows: [[31, 1000]] },
  ]);

  test('paramCount is the highest $n', () => {
    assert.equal(translate('SELECT $2, $1, $2').paramCount, 2);
    assert.equal(translate('SELECT 1').paramCount, 0);
    assert.equal(translate('INSERT INTO t (a) VALUES ($3)').paramCount, 3);
  });
});

describe('operators and precedence', () => {
  translationCases([
    {
      // || binds looser than + in PostgreSQL and tighter in SQLite: the tree decides, parentheses follow.
      pg: "SELECT 'x' || 1 + 2, (1 + 2) * 3, 1 + 2 * 3, 2 - (3 - 4), 7 % 3, 2 ^ 3, 5 & 3, 5 | 3, 1 << 3, ~5",
      sqlite: "SELECT 'x' || (1 + 2) AS \"?column?\", (1 + 2) * 3 AS \"?column?\", 1 + 2 * 3 AS \"?column?\", 2 - (3 - 4) AS \"?column?\", 7 % 3 AS \"?column?\", pow(2, 3) AS \"?column?\", 5 & 3 AS \"?column?\", 5 | 3 AS \"?column?\", 1 << 3 AS \"?column?\", ~5 AS \"?column?\"",
      rows: [['x3', 9, 7, 3, 1, 8, 1, 7, 8, -6]],
    },
    {
      pg: 'SELECT a - -1, -(a + 1), +a, -(-a), (a || b) * 2, a || (b || d) FROM t',
      sqlite: 'SELECT a - -1 AS "?column?", -(a + 1) AS "?column?", +a AS "?column?", - -a AS "?column?", a || b * 2 AS "?column?", a || (b || d) AS "?column?" FROM t',
    },
    {
      pg: 'SELECT a = 1, a <> 1, a != 1, a < 1, a <= 1, a > 1, a >= 1 FROM t',
      sqlite: 'SELECT a = 1 AS "?column?", a <> 1 AS "?column?", a <> 1 AS "?column?", a < 1 AS "?column?", a <= 1 AS "?column?", a > 1 AS "?column?", a >= 1 AS "?column?" FROM t',
    },
    { pg: 'SELECT (a = 1) = (b = \'a\') FROM t', sqlite: 'SELECT (a = 1) = (b = \'a\') AS "?column?" FROM t' },
    { pg: 'SELECT 1 OPERATOR(pg_catalog.+) 2', sqlite: 'SELECT 1 + 2 AS "?column?"', rows: [[3]] },
    { pg: "SELECT d -> 'k', d ->> 'k' FROM t WHERE a = 1", sqlite: "SELECT d -> 'k' AS \"?column?\", pgsqlite_json_text(d -> 'k') AS \"?column?\" FROM t WHERE a = 1" },
    {
      pg: "SELECT NOT (a = 1 OR b = 'b') AND c > 0 FROM t ORDER BY b",
      sqlite: "SELECT NOT (a = 1 OR b = 'b') AND c > 0 AS \"?column?\" FROM t ORDER BY b NULLS LAST",
      rows: [[0], [0], [null]],
    },
    { pg: 'SELECT a FROM t WHERE (a = 1 AND b = \'a\') OR NOT c > 0', sqlite: 'SELECT a FROM t WHERE a = 1 AND b = \'a\' OR NOT c > 0' },
    { pg: 'SELECT a FROM t WHERE a = 1 AND (b = \'a\' OR c > 0)', sqlite: 'SELECT a FROM t WHERE a = 1 AND (b = \'a\' OR c > 0)' },
  ]);
});

describe('predicates', () => {
  translationCases([
    {
      pg: 'SELECT (a > 1) IS TRUE, (a > 1) IS NOT FALSE, (a > 1) IS UNKNOWN, a ISNULL, a NOTNULL FROM t ORDER BY b',
      sqlite: 'SELECT a > 1 IS TRUE AS "?column?", a > 1 IS NOT FALSE AS "?column?", a > 1 IS NULL AS "?column?", a IS NULL AS "?column?", a IS NOT NULL AS "?column?" FROM t ORDER BY b NULLS LAST',
      rows: [[0, 0, 0, 0, 1], [1, 1, 0, 0, 1], [0, 1, 1, 1, 0]],
    },
    {
      pg: 'SELECT a IS DISTINCT FROM 2, a IS NOT DISTINCT FROM NULL FROM t ORDER BY b',
      sqlite: 'SELECT a IS NOT 2 AS "?column?", a IS NULL AS "?column?" FROM t ORDER BY b NULLS LAST',
      rows: [[1, 0], [0, 0], [1, 1]],
    },
    {
      pg: 'SELECT a BETWEEN 1 AND 1 + 1, a NOT BETWEEN 0 AND 1, a IN (1, 3), a NOT IN (1, $1) FROM t ORDER BY b',
      sqlite: 'SELECT a BETWEEN 1 AND 1 + 1 AS "?column?", a NOT BETWEEN 0 AND 1 AS "?column?", a IN (1, 3) AS "?column?", a NOT IN (1, ?1) AS "?column?" FROM t ORDER BY b NULLS LAST',
    },
    {
      pg: "SELECT (1, 'a') < (2, 'b'), (a, b) IN ((1, 'a'), (2, 'x')) FROM t ORDER BY b",
      sqlite: "SELECT (1, 'a') < (2, 'b') AS \"?column?\", (a, b) IN ((1, 'a'), (2, 'x')) AS \"?column?\" FROM t ORDER BY b NULLS LAST",
      rows: [[1, 1], [1, 0], [1, 0]],
    },
    {
      // PostgreSQL's LIKE escapes with backslash by default; SQLite needs to be told.
      pg: "SELECT 'a_c' LIKE 'a\\_c', 'abc' LIKE 'a\\_c', 'ABC' LIKE 'a%', 'x%' LIKE 'x!%' ESCAPE '!', 'x\\' LIKE 'x\\' ESCAPE ''",
      sqlite: "SELECT 'a_c' LIKE 'a\\_c' ESCAPE '\\' AS \"?column?\", 'abc' LIKE 'a\\_c' ESCAPE '\\' AS \"?column?\", 'ABC' LIKE 'a%' ESCAPE '\\' AS \"?column?\", 'x%' LIKE 'x!%' ESCAPE '!' AS \"?column?\", 'x\\' LIKE 'x\\' AS \"?column?\"",
      rows: [[1, 0, 0, 1, 1]],
    },
    {
      pg: "SELECT b FROM t WHERE b NOT LIKE $1 AND b ~~ 'a%' AND b !~~ 'z'",
      sqlite: "SELECT b FROM t WHERE b NOT LIKE ?1 ESCAPE '\\' AND b LIKE 'a%' ESCAPE '\\' AND b NOT LIKE 'z' ESCAPE '\\'",
    },
  ]);
});

describe('subqueries', () => {
  translationCases([
    {
      pg: 'SELECT a, (SELECT x FROM u WHERE u.a = t.a), a = ANY (SELECT a FROM u), a <> ALL (SELECT a FROM u WHERE a > 1) FROM t ORDER BY b',
      sqlite: 'SELECT a, (WITH pgsqlite_scalar(v) AS (SELECT x FROM u WHERE u.a = t.a) SELECT iif(count(*) > 1, pgsqlite_more_than_one_row(), min(v)) FROM (SELECT v FROM pgsqlite_scalar LIMIT 2)) AS x, a IN (SELECT a FROM u) AS "?column?", a NOT IN (SELECT a FROM u WHERE a > 1) AS "?column?" FROM t ORDER BY b NULLS LAST',
      rows: [[1, 10, 1, 1], [2, 20, 1, 0], [null, null, null, null]],
    },
    {
      pg: 'SELECT a FROM t WHERE a IN (SELECT a FROM u) AND a NOT IN (SELECT x FROM u) AND EXISTS (SELECT 1 FROM v WHERE v.k = t.a) AND NOT EXISTS (SELECT 1)',
      sqlite: 'SELECT a FROM t WHERE a IN (SELECT a FROM u) AND NOT a IN (SELECT x FROM u) AND EXISTS (SELECT 1 AS "?column?" FROM v WHERE v.k = t.a) AND NOT EXISTS (SELECT 1 AS "?column?")',
    },
    { pg: 'SELECT a FROM t WHERE (a, b) = (SELECT k, w FROM v WHERE k = 1)', sqlite: 'SELECT a FROM t WHERE (a, b) = (SELECT k, w FROM v WHERE k = 1)', rows: [[1]] },
    { pg: 'SELECT (SELECT a FROM t UNION SELECT 5 LIMIT 1)', sqlite: 'SELECT (SELECT a FROM t UNION SELECT 5 AS "?column?" LIMIT 1) AS a' },
  ]);
});

describe('conditional expressions', () => {
  translationCases([
    {
      pg: "SELECT CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'other' END, CASE WHEN a > 1 THEN 'big' END FROM t ORDER BY b",
      sqlite: "SELECT CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'other' END AS \"case\", CASE WHEN a > 1 THEN 'big' END AS \"case\" FROM t ORDER BY b NULLS LAST",
      rows: [['one', null], ['two', 'big'], ['other', null]],
    },
    {
      pg: 'SELECT coalesce(NULL, NULL, 3), coalesce(a), nullif(1, 1) FROM t WHERE a = 1',
      sqlite: 'SELECT coalesce(NULL, NULL, 3) AS coalesce, coalesce(a, NULL) AS coalesce, nullif(1, 1) AS nullif FROM t WHERE a = 1',
      rows: [[3, 1, null]],
    },
    {
      // GREATEST/LEAST skip NULLs in PostgreSQL; SQLite's max()/min() would return NULL.
      pg: 'SELECT greatest(1, NULL, 3), least(NULL, 2), greatest(NULL::int, NULL), least(3), greatest(a, c) FROM t WHERE b = \'b\'',
      sqlite: 'SELECT max(coalesce(1, NULL, 3), coalesce(NULL, 3, 1), coalesce(3, 1, NULL)) AS greatest, min(coalesce(NULL, 2), coalesce(2, NULL)) AS least, max(coalesce(CAST(NULL AS INTEGER), NULL), coalesce(NULL, CAST(NULL AS INTEGER))) AS greatest, 3 AS least, max(coalesce(a, c), coalesce(c, a)) AS greatest FROM t WHERE b = \'b\'',
      rows: [[3, 2, null, 3, 2]],
    },
  ]);
});

describe('function calls', () => {
  translationCases([
    {
      pg: 'SELECT lower(b), pg_catalog.upper(b), public.length(b), abs(-1), round(c, 1) FROM t',
      sqlite: 'SELECT lower(b) AS lower, upper(b) AS upper, length(b) AS length, abs(-1) AS abs, pgsqlite_round(700, c, 1) AS round FROM t',
    },
    // SQLite keywords used as function names are quoted.
    { pg: "SELECT replace(b, 'a', 'z') FROM t", sqlite: "SELECT \"replace\"(b, 'a', 'z') AS \"replace\" FROM t" },
    { pg: 'SELECT count(*), count(DISTINCT b) FROM t', sqlite: 'SELECT count(*) AS count, count(DISTINCT b) AS count FROM t', rows: [[3, 3]] },
    { pg: 'SELECT max(a) FILTER (WHERE b <> \'b\') FROM t', sqlite: 'SELECT max(a) FILTER (WHERE b <> \'b\') AS max FROM t', rows: [[1]] },
  ]);
});

describe('casts', () => {
  translationCases([
    {
      pg: "SELECT '5'::int + 1, '5'::bigint, 5::smallint, c::float8, c::real, c::numeric, c::decimal, a::text, a::varchar, 'x'::bpchar, b::bytea FROM t",
      // Literals cast to integer types are read at translation, as PostgreSQL's input functions would.
      // c is real: widening to float8 rounds the stored double to float32 (float-casts.ts).
      sqlite: "SELECT 5 + 1 AS \"?column?\", 5 AS int8, 5 AS int2, pgsqlite_float4_round(c) AS c, CAST(c AS REAL) AS c, pgsqlite_numeric(c, -1, 0) AS c, pgsqlite_numeric(c, -1, 0) AS c, CAST(a AS TEXT) AS a, CAST(a AS TEXT) AS a, rtrim(CAST('x' AS TEXT), ' ') AS bpchar, CAST(b AS BLOB) AS b FROM t",
    },
    {
      pg: "SELECT 'abc'::varchar(2), 2.567::numeric(10,2), CAST(a AS double precision) FROM t WHERE a = 1",
      sqlite: "SELECT substr(CAST('abc' AS TEXT), 1, 2) AS varchar, '2.57' AS numeric, CAST(a AS REAL) AS a FROM t WHERE a = 1",
      rows: [['ab', '2.57', 1]],
    },
    {
      // Types without a SQLite storage class keep the value; the type layer types them.
      pg: "SELECT '2020-01-01'::date, DATE '2020-01-01', d::jsonb, '{1}'::int[], b::\"char\", '1 day'::interval FROM t",
      sqlite: "SELECT '2020-01-01' AS date, '2020-01-01' AS date, d, '[1]' AS int4, b, '1 day' AS interval FROM t",
    },
    {
      // bytea input is decoded now: CAST(text AS BLOB) would keep the text's own bytes.
      pg: "SELECT '\\x41 42'::bytea, 'a\\\\b\\001'::bytea, 'é'::bytea",
      sqlite: "SELECT X'4142' AS bytea, X'615C6201' AS bytea, X'C3A9' AS bytea",
      rows: [[Buffer.from('AB'), Buffer.from([0x61, 0x5c, 0x62, 0x01]), Buffer.from('é')]],
    },
  ]);
});

describe('collations, session values, quoting', () => {
  translationCases([
    {
      pg: 'SELECT b COLLATE "C", (a || b) COLLATE "C", b COLLATE "default", b COLLATE pg_catalog."POSIX" FROM t',
      sqlite: 'SELECT b COLLATE BINARY AS b, (a || b) COLLATE BINARY AS "?column?", b, b COLLATE BINARY AS b FROM t',
    },
    {
      pg: 'SELECT current_timestamp, current_date, current_time, localtimestamp, localtime, current_timestamp(3)',
      sqlite: 'SELECT now() AS "current_timestamp", pgsqlite_cast_datetime(now(), 1082) AS "current_date", CURRENT_TIME AS "current_time", pgsqlite_cast_datetime(now(), 1114) AS localtimestamp, pgsqlite_cast_datetime(now(), 1083) AS localtime, now() AS "current_timestamp"',
      columns: ['current_timestamp', 'current_date', 'current_time', 'localtimestamp', 'localtime', 'current_timestamp'],
    },
    {
      pg: 'SELECT current_user, session_user, user, current_role, current_schema, current_catalog, current_schema()',
      sqlite: 'SELECT pgsqlite_current_user() AS current_user, pgsqlite_current_user() AS session_user, pgsqlite_current_user() AS user, pgsqlite_current_user() AS current_role, current_schema() AS current_schema, current_database() AS current_catalog, current_schema() AS current_schema',
      rows: [['postgres', 'postgres', 'postgres', 'postgres', 'public', 'postgres', 'public']],
    },
    {
      pg: 'SELECT a AS "order", a AS "Order", a AS "weird col", a AS "x""y", a AS café FROM t',
      sqlite: 'SELECT a AS "order", a AS "Order", a AS "weird col", a AS "x""y", a AS "café" FROM t',
      columns: ['order', 'Order', 'weird col', 'x"y', 'café'],
    },
  ]);
});

describe('arrays (stored as JSON arrays)', () => {
  translationCases([
    { pg: 'SELECT ARRAY[1, 2]', sqlite: 'SELECT json_array(1, 2) AS array', rows: [['[1,2]']] },
    {
      pg: "SELECT a = ANY ('{1,2}'::int[]), a <> ALL ('{1,2}'::int[]) FROM t",
      sqlite: 'SELECT a IN (SELECT value FROM json_each(\'[1,2]\')) AS "?column?", a NOT IN (SELECT value FROM json_each(\'[1,2]\')) AS "?column?" FROM t',
    },
    { pg: "SELECT '{a,\"b c\",NULL}'::text[]", sqlite: 'SELECT \'["a","b c",null]\' AS text', rows: [['["a","b c",null]']] },
  ]);

  test('a malformed array literal is 22P02 at translation, as PostgreSQL reports it', () => {
    assert.throws(() => translate("SELECT '{1,'::int[]"), (err: { code?: string }) => err.code === '22P02');
  });
});
