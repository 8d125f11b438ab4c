-- Statements that differ only in integer literals share one translation with the literals bound as
-- parameters (src/sql/literal-templates.ts; the template is made the second time a shape comes).
-- Each shape runs at least three times, the later ones with values that must still behave as
-- literals: zero divisors, overflow, out-of-range input, positions, limits.
-- setup
CREATE TABLE lt (id int PRIMARY KEY, small smallint, big bigint, num numeric(5, 2), f float8, label text, day date, at timestamp, flag boolean);

INSERT INTO lt VALUES (1, 10, 100, 1.50, 0.5, 'one', '2024-01-01', '2024-01-01 10:00', true), (2, 20, 200, 2.25, 1.5, 'two', '2024-02-01', '2024-02-01 11:00', false), (3, 30, 300, 3.00, 2.5, 'three', '2024-03-01', '2024-03-01 12:00', true);

-- case
SELECT label FROM lt WHERE id = 1;

SELECT label FROM lt WHERE id = 2;

SELECT label FROM lt WHERE id = 3;

SELECT label FROM lt WHERE id = 4;

SELECT id, small + 5 AS s, big - 7 AS b, f * 2 AS ff FROM lt WHERE id >= 1 ORDER BY id;

SELECT id, small + -5 AS s, big - -7 AS b, f * 0 AS ff FROM lt WHERE id >= 2 ORDER BY id;

SELECT id, small + 32767 AS s FROM lt WHERE id = 1;

SELECT id, small * 2 AS s FROM lt WHERE id = 3;

SELECT id, id + 2147483647 AS s FROM lt WHERE id = 0;

SELECT id, id + 2147483647 AS s FROM lt WHERE id = 1;

SELECT id, id + 2147483647 AS s FROM lt WHERE id = 2;

SELECT id, id + 1 AS s FROM lt WHERE id = 3;

SELECT id, big * 2147483647 AS s FROM lt WHERE id = 3;

SELECT id / 2 AS q FROM lt WHERE id = 3;

SELECT id / 0 AS q FROM lt WHERE id = 3;

SELECT id / 0 AS q FROM lt WHERE id = 2;

SELECT id / 0 AS q FROM lt WHERE id = 1;

SELECT id % 2 AS r FROM lt WHERE id = 3;

SELECT id % 0 AS r FROM lt WHERE id = 3;

SELECT id, label FROM lt ORDER BY 1 LIMIT 2;

SELECT id, label FROM lt ORDER BY 2 LIMIT 1;

SELECT id, label FROM lt ORDER BY 2 DESC LIMIT 3 OFFSET 1;

SELECT id, label FROM lt ORDER BY 1 DESC LIMIT 3 OFFSET 1;

SELECT id, label FROM lt ORDER BY 2 DESC LIMIT 1 OFFSET 0;

SELECT id FROM lt WHERE id IN (1, 3) ORDER BY id;

SELECT id FROM lt WHERE id IN (2, 9) ORDER BY id;

SELECT id FROM lt WHERE id IN (0, 3) ORDER BY id;

SELECT id FROM lt WHERE id BETWEEN 2 AND 3 ORDER BY id;

SELECT id FROM lt WHERE id BETWEEN 3 AND 2 ORDER BY id;

SELECT id FROM lt WHERE id NOT BETWEEN 1 AND 1 ORDER BY id;

SELECT id FROM lt WHERE id BETWEEN 1 AND 1 ORDER BY id;

SELECT id FROM lt WHERE num > 2 ORDER BY id;

SELECT id FROM lt WHERE num > 1 ORDER BY id;

SELECT id, num + 1 AS n FROM lt WHERE num < 3 ORDER BY id;

SELECT id, num * 100 AS n FROM lt WHERE num < 3 ORDER BY id;

SELECT id, num * 0 AS n FROM lt WHERE num < 4 ORDER BY id;

SELECT id FROM lt WHERE num > 0 ORDER BY id;

SELECT id, day + 1 AS d FROM lt WHERE id = 1;

SELECT id, day + 30 AS d FROM lt WHERE id = 2;

SELECT id, day - 366 AS d FROM lt WHERE id = 3;

SELECT id, at + interval '1 hour' * 3 AS t FROM lt WHERE id = 1;

SELECT id, at + interval '1 hour' * 25 AS t FROM lt WHERE id = 1;

SELECT id, at + interval '1 hour' * -48 AS t FROM lt WHERE id = 2;

SELECT id, at + interval '1 hour' * 0 AS t FROM lt WHERE id = 3;

SELECT id FROM lt WHERE flag = 1;

SELECT id FROM lt WHERE label = 1;

SELECT id, 3 - id AS d, -id * 2 AS m FROM lt ORDER BY id;

SELECT id, 7 - id AS d, -id * 9 AS m FROM lt ORDER BY id;

SELECT id, 0 - id AS d, -id * 2147483647 AS m FROM lt ORDER BY id;

SELECT count(*) FROM lt WHERE id > 0 AND small < 25;

SELECT count(*) FROM lt WHERE id > 1 AND small < 35;

SELECT count(*) FROM lt WHERE id > 2 AND small < 99999;

SELECT id, (SELECT count(*) FROM lt b WHERE b.id < a.id + 1) AS c FROM lt a WHERE a.id < 3 ORDER BY id;

SELECT id, (SELECT count(*) FROM lt b WHERE b.id < a.id + 2) AS c FROM lt a WHERE a.id < 4 ORDER BY id;

INSERT INTO lt (id, small, big) VALUES (10, 5, 50);

INSERT INTO lt (id, small, big) VALUES (11, 40000, 50);

INSERT INTO lt (id, small, big) VALUES (12, -32768, 2147483647);

INSERT INTO lt (id, small, big) VALUES (13, -32769, 0);

INSERT INTO lt (id, small, big) VALUES (10, 6, 60);

INSERT INTO lt (id, small, big) VALUES (14, 32767, 70);

INSERT INTO lt (id, small, big) VALUES (15, 32768, 80);

INSERT INTO lt (id, num) VALUES (20, 5);

INSERT INTO lt (id, num) VALUES (21, 1000);

INSERT INTO lt (id, num) VALUES (27, 999);

INSERT INTO lt (id, num) VALUES (28, 1000);

INSERT INTO lt (id, label) VALUES (22, 5);

INSERT INTO lt (id, label) VALUES (23, 77);

INSERT INTO lt (id, label) VALUES (29, 0);

INSERT INTO lt (id, f) VALUES (25, 3);

INSERT INTO lt (id, f) VALUES (26, 4);

SELECT id, small, big, num, f, label, flag FROM lt WHERE id >= 10 ORDER BY id;

UPDATE lt SET small = 7 WHERE id = 10;

UPDATE lt SET small = 70000 WHERE id = 10;

UPDATE lt SET small = 8 WHERE id = 10;

UPDATE lt SET small = 32768 WHERE id = 10;

UPDATE lt SET small = small + 1 WHERE id = 10;

UPDATE lt SET small = small + 32767 WHERE id = 10;

UPDATE lt SET small = small + 2 WHERE id = 10;

UPDATE lt SET small = small + 32767 WHERE id = 10;

UPDATE lt SET num = 9 WHERE id = 20;

UPDATE lt SET num = 99999 WHERE id = 20;

UPDATE lt SET num = 999 WHERE id = 20;

UPDATE lt SET num = 1000 WHERE id = 20;

UPDATE lt SET label = 5 WHERE id = 22;

UPDATE lt SET label = 6 WHERE id = 22;

UPDATE lt SET big = big * 3 WHERE id = 12 RETURNING big;

UPDATE lt SET big = big * 5 WHERE id = 12 RETURNING big;

UPDATE lt SET big = big * 2147483647 WHERE id = 12 RETURNING big;

UPDATE lt SET big = big * 0 WHERE id = 12 RETURNING big;

SELECT id, small, big, num, label FROM lt WHERE id >= 10 ORDER BY id;

DELETE FROM lt WHERE id = 25;

DELETE FROM lt WHERE id = 26 RETURNING id, f;

DELETE FROM lt WHERE id = 27 RETURNING id, f;

DELETE FROM lt WHERE id IN (21, 22, 23) RETURNING id;

DELETE FROM lt WHERE id IN (14, 15, 28) RETURNING id;

DELETE FROM lt WHERE id IN (0, 0, 29) RETURNING id;

SELECT id FROM lt WHERE id >= 10 ORDER BY id;
