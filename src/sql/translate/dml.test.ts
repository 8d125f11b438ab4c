import { describe } from 'node:test';
import { translationCases } from './testing/translation-test-kit.js';

// rows, where given, are what PostgreSQL 15 returns (RETURNING) for the same fixture.

describe('INSERT', () => {
  translationCases([
    {
      pg: "INSERT INTO t (a, b) VALUES (10, 'x'), (11, 'y') RETURNING a, b, a + 1",
      sqlite: "INSERT INTO t (a, b) VALUES (10, 'x'), (11, 'y') RETURNING a, b, a + 1 AS \"?column?\"",
      rows: [[10, 'x', 11], [11, 'y', 12]], columns: ['a', 'b', '?column?'],
    },
    { pg: 'INSERT INTO public.t VALUES ($1, $2, $3, $4)', sqlite: 'INSERT INTO t VALUES (?1, ?2, ?3, ?4)' },
    { pg: 'INSERT INTO "Mixed" ("Id", "select") VALUES ($1, $2) RETURNING "Id" * 2', sqlite: 'INSERT INTO "Mixed" ("Id", "select") VALUES (?1, ?2) RETURNING "Id" * 2 AS "?column?"' },
    { pg: 'INSERT INTO t DEFAULT VALUES RETURNING b', sqlite: 'INSERT INTO t DEFAULT VALUES RETURNING b', rows: [[null]] },
    {
      pg: "INSERT INTO people (name) VALUES ('zed') RETURNING id, name",
      sqlite: "INSERT INTO people (name) VALUES ('zed') RETURNING id, name",
      rows: [[4, 'zed']],
    },
    // SQLite has no DEFAULT inside VALUES: a column that is DEFAULT in every row is left out.
    { pg: "INSERT INTO t (a, b) VALUES (DEFAULT, 'q') RETURNING a, b", sqlite: "INSERT INTO t (b) VALUES ('q') RETURNING a, b", rows: [[null, 'q']] },
    { pg: 'INSERT INTO t (a, b, c) VALUES (20, DEFAULT, 1), (21, DEFAULT, 2)', sqlite: 'INSERT INTO t (a, c) VALUES (20, 1), (21, 2)' },
    { pg: 'INSERT INTO t VALUES (DEFAULT, DEFAULT)', sqlite: 'INSERT INTO t DEFAULT VALUES' },
    { pg: 'INSERT INTO t (a, b) VALUES (DEFAULT, DEFAULT)', sqlite: 'INSERT INTO t DEFAULT VALUES' },
    { pg: 'INSERT INTO t (a, b) SELECT a + 100, y FROM u', sqlite: 'INSERT INTO t (a, b) SELECT a + 100 AS "?column?", y FROM u' },
    {
      pg: 'WITH z AS (SELECT 42 AS n) INSERT INTO t (a) SELECT n FROM z RETURNING a',
      sqlite: 'WITH z AS (SELECT 42 AS n) INSERT INTO t (a) SELECT n FROM z RETURNING a',
      rows: [[42]],
    },
    { pg: 'INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING', sqlite: 'INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING' },
    {
      pg: "INSERT INTO t (a, b) VALUES (1, 'dup') ON CONFLICT (a) DO NOTHING RETURNING a",
      sqlite: "INSERT INTO t (a, b) VALUES (1, 'dup') ON CONFLICT (a) DO NOTHING RETURNING a",
      rows: [],
    },
    {
      // SQLite's RETURNING knows the target only by its table name.
      pg: "INSERT INTO t AS x (a, b) VALUES (1, 'new') ON CONFLICT (a) DO UPDATE SET b = x.b || excluded.b WHERE x.a > 0 RETURNING x.a, b",
      sqlite: "INSERT INTO t AS x (a, b) VALUES (1, 'new') ON CONFLICT (a) DO UPDATE SET b = x.b || excluded.b WHERE x.a > 0 RETURNING t.a, b",
      rows: [[1, 'anew']],
    },
    {
      pg: "INSERT INTO t (a, b) VALUES (2, 'two') ON CONFLICT (a) DO UPDATE SET (b, c) = (excluded.b, 9) RETURNING *",
      sqlite: "INSERT INTO t (a, b) VALUES (2, 'two') ON CONFLICT (a) DO UPDATE SET (b, c) = (excluded.b, 9) RETURNING *",
      rows: [[2, 'two', 9, null]],
    },
    {
      // Without a WHERE, SQLite would read ON CONFLICT as the ON of a join in the SELECT.
      pg: 'INSERT INTO t (a, b) SELECT a + 100, y FROM u ON CONFLICT (a) DO NOTHING RETURNING a',
      sqlite: 'INSERT INTO t (a, b) SELECT * FROM (SELECT a + 100 AS "?column?", y FROM u) WHERE true ON CONFLICT (a) DO NOTHING RETURNING a',
    },
    {
      pg: 'INSERT INTO t (a, b) SELECT a + 100, y FROM u WHERE a > 1 ON CONFLICT (a) DO NOTHING',
      sqlite: 'INSERT INTO t (a, b) SELECT a + 100 AS "?column?", y FROM u WHERE a > 1 ON CONFLICT (a) DO NOTHING',
    },
    {
      pg: "INSERT INTO t (a, b) SELECT a + 100, y FROM u ORDER BY a LIMIT 2 ON CONFLICT (a) DO UPDATE SET b = 'z' RETURNING a, b",
      sqlite: "INSERT INTO t (a, b) SELECT * FROM (SELECT a + 100 AS \"?column?\", y FROM u ORDER BY a NULLS LAST LIMIT 2) WHERE true ON CONFLICT (a) DO UPDATE SET b = 'z' RETURNING a, b",
      rows: [[101, 'p'], [102, null]],
    },
  ]);
});

describe('UPDATE', () => {
  translationCases([
    { pg: 'UPDATE t SET b = $1 WHERE a = $2', sqlite: 'UPDATE t SET b = ?1 WHERE a = ?2' },
    { pg: "UPDATE ONLY public.t SET b = 'x', c = c * 2", sqlite: "UPDATE t SET b = 'x', c = c * 2" },
    {
      pg: "UPDATE t AS x SET b = 'up', (c, d) = (SELECT 9, y FROM u WHERE u.a = x.a) WHERE x.a = 1 RETURNING x.a, b, c, d, x.*",
      sqlite: "UPDATE t AS x SET b = 'up', (c, d) = (SELECT 9 AS \"?column?\", y FROM u WHERE u.a = x.a) WHERE x.a = 1 RETURNING t.a, b, c, d, *",
      rows: [[1, 'up', 9, 'p', 1, 'up', 9, 'p']],
    },
    { pg: "UPDATE t SET (b, c) = ('w', 1.5) WHERE a = 2 RETURNING t.*", sqlite: "UPDATE t SET (b, c) = ('w', 1.5) WHERE a = 2 RETURNING *", rows: [[2, 'w', 1.5, null]] },
    {
      pg: 'UPDATE t SET b = u.y FROM u WHERE t.a = u.a RETURNING t.a, t.b',
      sqlite: 'UPDATE t SET b = u.y FROM u WHERE t.a = u.a RETURNING t.a, t.b',
    },
    {
      pg: 'UPDATE t SET a = t.a + 10 FROM u JOIN v ON u.a = v.k WHERE t.a = u.a',
      sqlite: 'UPDATE t SET a = t.a + 10 FROM u JOIN v ON u.a = v.k WHERE t.a = u.a',
    },
  ]);
});

describe('DELETE', () => {
  translationCases([
    { pg: 'DELETE FROM t WHERE a IS NULL RETURNING *', sqlite: 'DELETE FROM t WHERE a IS NULL RETURNING *', rows: [[null, 'c', 3, 'x']] },
    { pg: 'DELETE FROM public.t', sqlite: 'DELETE FROM t' },
    { pg: 'DELETE FROM t AS x WHERE x.a = $1', sqlite: 'DELETE FROM t AS x WHERE x.a = ?1' },
    {
      // DELETE … USING: the joined rows are picked by rowid through a second copy of the target.
      pg: 'DELETE FROM t x USING u WHERE x.a = u.a AND u.x > 15 RETURNING x.a, x.b',
      sqlite: 'DELETE FROM t AS x WHERE rowid IN (SELECT x.rowid FROM t AS x, u WHERE x.a = u.a AND u.x > 15) RETURNING t.a, t.b',
      rows: [[2, 'b']],
    },
    {
      pg: 'DELETE FROM t USING u JOIN v ON u.a = v.k WHERE t.a = u.a',
      sqlite: 'DELETE FROM t WHERE rowid IN (SELECT t.rowid FROM t, (u JOIN v ON u.a = v.k) WHERE t.a = u.a)',
    },
  ]);
});
