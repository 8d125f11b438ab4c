-- setup
CREATE TABLE nodes (id int PRIMARY KEY, parent_id int, label text);

INSERT INTO nodes VALUES (1, NULL, 'root'), (2, 1, 'a'), (3, 1, 'b'), (4, 2, 'a1'), (5, 4, 'a1x');

CREATE TABLE ledger (id serial PRIMARY KEY, account text, delta int);

INSERT INTO ledger (account, delta) VALUES ('x', 10), ('x', -3), ('y', 7);

-- case
WITH t AS (SELECT 1 AS n) SELECT n FROM t;

WITH a AS (SELECT id FROM nodes WHERE parent_id = 1), b AS (SELECT id FROM nodes WHERE parent_id IN (SELECT id FROM a)) SELECT id FROM b;

WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 5) SELECT n FROM seq;

WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 5) SELECT sum(n) FROM seq;

WITH RECURSIVE tree AS (SELECT id, label, 0 AS depth FROM nodes WHERE parent_id IS NULL UNION ALL SELECT n.id, n.label, t.depth + 1 FROM nodes n JOIN tree t ON n.parent_id = t.id) SELECT id, label, depth FROM tree ORDER BY id;

WITH RECURSIVE up AS (SELECT id, parent_id, label FROM nodes WHERE id = 5 UNION ALL SELECT n.id, n.parent_id, n.label FROM nodes n JOIN up ON n.id = up.parent_id) SELECT label FROM up;

WITH RECURSIVE paths AS (SELECT id, label::text AS path FROM nodes WHERE parent_id IS NULL UNION ALL SELECT n.id, p.path || '/' || n.label FROM nodes n JOIN paths p ON n.parent_id = p.id) SELECT path FROM paths ORDER BY path;

WITH totals AS (SELECT account, sum(delta) AS total FROM ledger GROUP BY account) SELECT account, total FROM totals ORDER BY account;

WITH totals AS MATERIALIZED (SELECT account, sum(delta) AS total FROM ledger GROUP BY account) SELECT count(*) FROM totals;

WITH t AS NOT MATERIALIZED (SELECT id FROM nodes) SELECT count(*) FROM t;

WITH x(a, b) AS (VALUES (1, 'one'), (2, 'two')) SELECT b FROM x WHERE a = 2;

WITH ins AS (INSERT INTO ledger (account, delta) VALUES ('z', 1) RETURNING id, account) SELECT account FROM ins;

WITH upd AS (UPDATE ledger SET delta = delta * 10 WHERE account = 'y' RETURNING delta) SELECT delta FROM upd;

WITH del AS (DELETE FROM ledger WHERE account = 'z' RETURNING account) SELECT count(*) FROM del;

WITH src AS (SELECT 'w' AS account, 5 AS delta) INSERT INTO ledger (account, delta) SELECT account, delta FROM src;

SELECT account, delta FROM ledger ORDER BY id;

WITH t AS (SELECT id FROM nodes) SELECT * FROM t a JOIN t b ON a.id = b.id + 1 ORDER BY a.id;

WITH RECURSIVE fib(a, b, n) AS (SELECT 0::bigint, 1::bigint, 1 UNION ALL SELECT b, a + b, n + 1 FROM fib WHERE n < 10) SELECT a FROM fib ORDER BY n;

WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT n FROM t) SELECT n FROM t;

WITH one AS (SELECT 1 AS v), two AS (SELECT v + 1 AS v FROM one) SELECT one.v, two.v FROM one, two;

WITH c AS (SELECT parent_id, count(*) AS kids FROM nodes GROUP BY parent_id) SELECT n.label, coalesce(c.kids, 0) FROM nodes n LEFT JOIN c ON c.parent_id = n.id ORDER BY n.id;

WITH RECURSIVE tree AS (SELECT id, 1 AS lvl FROM nodes WHERE id = 1 UNION ALL SELECT n.id, lvl + 1 FROM nodes n, tree WHERE n.parent_id = tree.id) SELECT max(lvl) FROM tree;

WITH t AS (SELECT * FROM nodes WHERE label LIKE 'a%') SELECT label FROM t ORDER BY label DESC;

WITH RECURSIVE s AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM s) SELECT n FROM s LIMIT 3;

WITH moved AS (DELETE FROM ledger WHERE account = 'w' RETURNING account, delta) SELECT account, delta FROM moved;

WITH ins AS (INSERT INTO ledger (account, delta) VALUES ('m', 1), ('n', 2) RETURNING account, delta * 2 AS twice) SELECT account, twice FROM ins ORDER BY account;

WITH upd AS (UPDATE ledger SET delta = delta + 1 WHERE account IN ('m', 'n') RETURNING account, delta), cnt AS (SELECT count(*) AS c FROM upd) SELECT c FROM cnt;

WITH gone AS (DELETE FROM ledger WHERE account IN ('m', 'n') RETURNING id) INSERT INTO ledger (account, delta) SELECT 'moved', count(*) FROM gone;

SELECT account, delta FROM ledger ORDER BY id;

SELECT * FROM (WITH d AS (DELETE FROM ledger RETURNING id) SELECT id FROM d) s;
