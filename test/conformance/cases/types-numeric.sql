-- setup
CREATE TABLE nums (id int PRIMARY KEY, i2 smallint, i4 integer, i8 bigint, n numeric, n2 numeric(10, 2), r real, d double precision);

INSERT INTO nums VALUES (1, 1, 10, 100, 1.5, 2.25, 0.5, 0.25), (2, -3, 7, 9000000000, 10.10, 3.333, 1.25, 3.14159), (3, NULL, 0, -1, 0, 0, 0, 0);

-- case
SELECT 1;

SELECT 1 + 2, 7 - 10, 6 * 7;

SELECT 7 / 2;

SELECT -7 / 2;

SELECT 7 % 3, -7 % 3;

SELECT 7.0 / 2;

SELECT 1.5 + 1;

SELECT 2147483647 + 1;

SELECT 9223372036854775807;

SELECT 2 ^ 10;

SELECT 10::bigint * 3;

SELECT 3.14;

SELECT 0.1 + 0.2;

SELECT 1e3;

SELECT 1.50::numeric;

SELECT 10.0 / 4;

SELECT 1 / 0;

SELECT 1.0 / 0;

SELECT 5 / 0.0;

SELECT i2, i4, i8 FROM nums ORDER BY id;

SELECT n, n2 FROM nums ORDER BY id;

SELECT r, d FROM nums ORDER BY id;

SELECT i4 / 2 FROM nums ORDER BY id;

SELECT i4 * 1.5 FROM nums ORDER BY id;

SELECT i8 + i4 FROM nums ORDER BY id;

SELECT n2 * 2 FROM nums ORDER BY id;

SELECT d * 2 FROM nums ORDER BY id;

SELECT i2 + 1 FROM nums ORDER BY id;

SELECT sum(i4), sum(i8), sum(n) FROM nums;

SELECT avg(i4) FROM nums;

SELECT id FROM nums WHERE n > 1 ORDER BY id;

SELECT id FROM nums WHERE i8 > 1000000000 ORDER BY id;

SELECT 1::smallint + 1::smallint;

SELECT 100000::int * 100000::int;

SELECT 3 = 3.0;

SELECT 1 < 2, 2 <= 2, 3 <> 3;

SELECT -i4 FROM nums ORDER BY id;

SELECT 5 & 3, 5 | 3, 1 << 4, 256 >> 2;

SELECT 'NaN'::float8, 'Infinity'::float8;

SELECT '1.5e2'::float8;

SELECT 1::float8 / 3;

SELECT 0.1::real;

SELECT 12345678901234567890::numeric;

SELECT 123.456::numeric(5, 2);

INSERT INTO nums (id, n2) VALUES (4, 1.005) RETURNING n2;

INSERT INTO nums (id, i2) VALUES (5, 40000);

INSERT INTO nums (id, i4) VALUES (6, '12');

INSERT INTO nums (id, i4) VALUES (7, 'abc');

SELECT max(d), min(r) FROM nums;

UPDATE nums SET i2 = i2 * 20000 WHERE id = 1;

UPDATE nums SET i4 = i4 * 1000000000 WHERE id = 1;

INSERT INTO nums (id, n2) VALUES (20, 123456789.999);

INSERT INTO nums (id, n2) VALUES (21, 99999999.994) RETURNING n2;

-- params: [22, "12x"]
INSERT INTO nums (id, i8) VALUES ($1, $2);

INSERT INTO nums (id, n) VALUES (23, 'NaN') RETURNING n;

SELECT id, i2, i4, n2 FROM nums WHERE id >= 20 ORDER BY id;

SELECT '123456789012345678901234567890.123'::numeric;

SELECT '123456789012345678901234567890.123'::numeric + 1;

SELECT 'NaN'::numeric, 'NaN'::numeric + 1, 1.5::numeric * 'NaN';

SELECT 1::numeric / 3, 2.0 / 3, 1 / 3.0, 100.0 / 0.003;

SELECT 0.1 + 0.2 = 0.3, 1.10 * 3, 5.5 - 0.25, -2.5 % 2;

SELECT 99999999999999999999.5 + 0.5;

SELECT 1.0 / 0;

SELECT i4 + 0.5, i8 * 0.1 FROM nums WHERE id < 20 ORDER BY id;

SELECT id FROM nums WHERE i4 * 0.5 > 4 ORDER BY id;

SELECT id FROM nums WHERE i4 + 0.1 = 7.1 ORDER BY id;

SELECT avg(i4), avg(i8), avg(n2) FROM nums WHERE id < 20;

SELECT i4 % 4, avg(i4) FROM nums WHERE id < 20 GROUP BY 1 HAVING avg(i4) > 5 ORDER BY 1;

SELECT (SELECT avg(i4) FROM nums WHERE id < 20) > 5.6;

SELECT 1.50::text, 12.340::numeric(6, 3), 12.3456::numeric(6, 2);

SELECT 12345.6::numeric(5, 2);

SELECT 'abc'::numeric;

SELECT id, i4 * 1.5 AS x FROM nums WHERE id < 20 ORDER BY x DESC;

SELECT i4 % 4 AS k, avg(i8) FROM nums WHERE id < 20 GROUP BY 1 ORDER BY 2 DESC;

SELECT id FROM nums WHERE id < 20 ORDER BY i4 + 0.5, id;

-- params: ["123456789012345678901234567890.123"]
SELECT $1::numeric, $1::numeric * 2, $1::numeric(40, 1);

SELECT id FROM nums WHERE n * 2 BETWEEN 1 AND 25 ORDER BY id;

SELECT id FROM nums WHERE i4 * 0.5 IN (5, 3.5) ORDER BY id;

SELECT max(i4 * 1.5), min(i4 * 1.5), max(i8 / 3.0) FROM nums WHERE id < 20;

SELECT x FROM (SELECT i4 * 1.5 AS x FROM nums WHERE id < 20) s WHERE x > 3 ORDER BY x;

WITH t AS (SELECT id, i8 / 4.0 AS q FROM nums WHERE id < 20) SELECT id, q FROM t WHERE q BETWEEN 0 AND 30 ORDER BY q DESC;

-- setup
CREATE TABLE exact (id int PRIMARY KEY, n numeric, m numeric(12, 2));

INSERT INTO exact VALUES (1, 10.10, 5), (2, '123456789012345678901234567890.123', 1234567890.125), (3, 'NaN', -0.5), (4, -2.5, 99.999), (5, 9.9, 0.001), (6, 1e3, 7), (7, '-0.00', NULL), (8, '123456789012345678901234567890.12', 12);

-- case
-- numeric columns keep every digit and their scale; numeric(p, s) rounds half away from zero
SELECT id, n, m FROM exact ORDER BY id;

-- ordering and comparisons are by value (NaN sorts last), not as text
SELECT id FROM exact ORDER BY n, id;

SELECT id FROM exact ORDER BY m DESC NULLS LAST, id;

SELECT id FROM exact WHERE n > 10 ORDER BY id;

SELECT id FROM exact WHERE n = 10.1 ORDER BY id;

SELECT id FROM exact WHERE 9 < n AND n < 1001 ORDER BY id;

SELECT id FROM exact WHERE m BETWEEN 0 AND 100 ORDER BY id;

SELECT id FROM exact WHERE n IN (9.9, 1000) ORDER BY id;

SELECT id FROM exact WHERE n > '123456789012345678901234567890.122' ORDER BY id;

SELECT id FROM exact WHERE n = 'NaN';

SELECT min(n), max(n), min(m), max(m), sum(m) FROM exact;

SELECT sum(n), avg(m) FROM exact WHERE id <> 3;

SELECT count(DISTINCT m), count(DISTINCT n) FROM exact;

SELECT e.id, nums.id FROM exact e JOIN nums ON nums.i4 = e.m ORDER BY 1, 2;

SELECT id, sum(m) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM exact WHERE id < 7 ORDER BY id;

CREATE UNIQUE INDEX exact_m ON exact (m);

INSERT INTO exact (id, m) VALUES (10, 5.001);

INSERT INTO exact (id, m) VALUES (11, 5.01) RETURNING m;

UPDATE exact SET m = m * 1.5 WHERE id = 1 RETURNING m;

SELECT id, m FROM exact WHERE id IN (1, 11) ORDER BY m;

INSERT INTO exact (id, m) VALUES (12, 10000000000);

INSERT INTO exact (id, n) VALUES (13, 'abc');

SELECT 9223372036854775807 + 1;

SELECT 32767::smallint + 1::smallint;

-- numeric columns are described as numeric(p, s) whatever SQLite declares
SELECT column_name, data_type, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_name = 'exact' ORDER BY ordinal_position;

SELECT id, m * 2 AS x FROM exact WHERE m IS NOT NULL ORDER BY x DESC, id;

SELECT id, n + 0 AS x FROM exact ORDER BY x, id;

CREATE TABLE numeric_defaults (id int, n numeric DEFAULT 1.50, m numeric(5, 2) DEFAULT 2.5, r real DEFAULT 0.5, neg numeric DEFAULT -0.50);

INSERT INTO numeric_defaults (id) VALUES (1);

SELECT * FROM numeric_defaults;

ALTER TABLE numeric_defaults ADD COLUMN k numeric(6, 3) DEFAULT 7.1;

SELECT id, k FROM numeric_defaults;

SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'numeric_defaults' ORDER BY ordinal_position;

SELECT id, m::int, m::float8, m::text, n::numeric(40, 1), -m, abs(m), round(m, 1) FROM exact WHERE id IN (1, 3, 4, 6) ORDER BY id;

SELECT m, count(*) FROM exact GROUP BY m ORDER BY m NULLS FIRST;

SELECT a.id, b.id FROM exact a JOIN exact b ON a.m = b.m * 1 WHERE a.id < b.id ORDER BY 1, 2;

SELECT -(-m), - -m, -(m * 2), abs(-m), -i4, abs(i4 - 20), (-m)::int FROM exact, nums WHERE exact.id = 1 AND nums.id = 1;
