-- setup
CREATE TABLE texts (id int PRIMARY KEY, t text, v varchar(10), c char(4), n name);

INSERT INTO texts VALUES (1, 'hello', 'abc', 'ab', 'nm'), (2, 'World', 'xyz  ', 'abcd', 'pg_class'), (3, '', '', '', ''), (4, NULL, NULL, NULL, NULL);

-- case
SELECT 'hello';

SELECT 'it''s';

SELECT E'tab\there';

SELECT E'line\nbreak';

SELECT $$dollar 'quoted'$$;

SELECT 'ünïcödé';

SELECT U&'\0041BC';

SELECT 'a' || 'b';

SELECT 'a' || NULL;

SELECT 'n=' || 42;

SELECT 42 || '!';

SELECT t, v, c, n FROM texts ORDER BY id;

SELECT t || v FROM texts ORDER BY id;

SELECT id FROM texts WHERE t = 'hello';

SELECT id FROM texts WHERE t LIKE 'h%';

SELECT id FROM texts WHERE t LIKE '_ello';

SELECT id FROM texts WHERE t NOT LIKE '%o%' ORDER BY id;

SELECT id FROM texts WHERE t ILIKE 'WORLD';

SELECT id FROM texts WHERE t ~ '^[hW]' ORDER BY id;

SELECT id FROM texts WHERE t ~* 'world';

SELECT id FROM texts WHERE t !~ 'o' ORDER BY id;

SELECT id FROM texts WHERE t SIMILAR TO 'h(e|a)llo';

SELECT 'abc' < 'abd', 'B' < 'a', 'a' = 'a ';

SELECT id FROM texts ORDER BY t;

SELECT length(c), c = 'ab', c || '|' FROM texts ORDER BY id;

SELECT 'x'::char(3) || '|';

SELECT 'abcdef'::varchar(3);

SELECT octet_length('ünï'), char_length('ünï');

INSERT INTO texts (id, v) VALUES (5, 'this is too long for ten');

INSERT INTO texts (id, v) VALUES (6, 'exactly10!') RETURNING v;

INSERT INTO texts (id, c) VALUES (7, 'abcdefg');

SELECT id FROM texts WHERE t IS NULL;

SELECT id FROM texts WHERE t = '' ORDER BY id;

SELECT 'abc' LIKE 'a\_c', 'a_c' LIKE 'a\_c';

SELECT 'a%c' LIKE 'a!%c' ESCAPE '!';

SELECT lower(t), upper(t) FROM texts ORDER BY id;

SELECT count(DISTINCT t) FROM texts;

SELECT t FROM texts WHERE t IN ('hello', 'World') ORDER BY t;

SELECT t FROM texts WHERE t BETWEEN 'a' AND 'z' ORDER BY t;

SELECT string_agg(t, ',' ORDER BY id) FROM texts;

SELECT 'abc'::bytea;

SELECT '\x010203'::bytea;

SELECT decode('68656c6c6f', 'hex');

SELECT encode('hello'::bytea, 'hex');

SELECT md5('hello');

SELECT 'Ab' COLLATE "C" < 'aB';

UPDATE texts SET v = 'a value longer than ten' WHERE id = 1;

-- params: [9, "way too long for varchar ten"]
INSERT INTO texts (id, v) VALUES ($1, $2);

INSERT INTO texts (id, v, c) VALUES (10, 'ten chars!', 'abcd') RETURNING v, c;

INSERT INTO texts (id, c) VALUES (11, 'xy') RETURNING c, c || '|', length(c);

SELECT id, c FROM texts WHERE id IN (10, 11) ORDER BY id;

-- literals written into bytea and uuid columns go through the types' input functions
CREATE TABLE literal_inputs (id int, b bytea, u uuid);
INSERT INTO literal_inputs VALUES (1, '\x00ff5c', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'), (2, 'abc', '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12}');
SELECT id, b, u, length(b) FROM literal_inputs ORDER BY id;
UPDATE literal_inputs SET b = '\xdead', u = 'A0EEBC999C0B4EF8BB6D6BB9BD380A13' WHERE id = 2;
SELECT b, u FROM literal_inputs WHERE id = 2;
SELECT id FROM literal_inputs WHERE u = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11';
INSERT INTO literal_inputs VALUES (3, '\xzz', NULL);
INSERT INTO literal_inputs VALUES (4, NULL, 'not-a-uuid');
