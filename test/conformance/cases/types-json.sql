-- setup
CREATE TABLE docs (id int PRIMARY KEY, j json, jb jsonb);

INSERT INTO docs VALUES (1, '{"a": 1, "b": [1, 2, 3], "c": {"d": "x"}}', '{"a": 1, "b": [1, 2, 3], "c": {"d": "x"}}'), (2, '[1, "two", null]', '[1, "two", null]'), (3, '"str"', '"str"'), (4, 'null', 'null'), (5, NULL, NULL);

-- case
SELECT j, jb FROM docs ORDER BY id;

SELECT '{"b": 1, "a": 2}'::json;

SELECT '{"b": 1, "a": 2}'::jsonb;

SELECT '{"a": 1, "a": 2}'::jsonb;

SELECT '[1,2,  3]'::jsonb;

SELECT '{"x": 1.50}'::jsonb;

SELECT '{bad json}'::json;

SELECT jb -> 'a' FROM docs WHERE id = 1;

SELECT jb ->> 'a' FROM docs WHERE id = 1;

SELECT j -> 'c' -> 'd' FROM docs WHERE id = 1;

SELECT jb -> 'c' ->> 'd' FROM docs WHERE id = 1;

SELECT jb -> 'b' -> 0 FROM docs WHERE id = 1;

SELECT jb -> 1 FROM docs WHERE id = 2;

SELECT jb ->> 1 FROM docs WHERE id = 2;

SELECT jb -> 'missing' FROM docs WHERE id = 1;

SELECT jb #> '{c,d}' FROM docs WHERE id = 1;

SELECT jb #>> '{c,d}' FROM docs WHERE id = 1;

SELECT id FROM docs WHERE jb @> '{"a": 1}';

SELECT id FROM docs WHERE jb ? 'a';

SELECT id FROM docs WHERE jb ?| array['a', 'z'];

SELECT id FROM docs WHERE jb ->> 'a' = '1';

SELECT id FROM docs WHERE (jb ->> 'a')::int = 1;

SELECT jb || '{"z": 0}' FROM docs WHERE id = 1;

SELECT jb - 'a' FROM docs WHERE id = 1;

SELECT '{"a": true}'::jsonb -> 'a';

SELECT '{"a": null}'::jsonb ->> 'a';

SELECT '{"a": {"b": 2}}'::json -> 'a';

SELECT jb = '{"c": {"d": "x"}, "b": [1, 2, 3], "a": 1}'::jsonb FROM docs WHERE id = 1;

INSERT INTO docs (id, jb) VALUES (6, '{"k": "v"}') RETURNING jb;

INSERT INTO docs (id, j) VALUES (7, 'not json');

-- params: ["{\"p\": [1, 2]}"]
INSERT INTO docs (id, jb) VALUES (8, $1) RETURNING jb;

UPDATE docs SET jb = jsonb_set(jb, '{a}', '5') WHERE id = 1 RETURNING jb;

SELECT id, jb ->> 'k' AS k FROM docs WHERE jb ->> 'k' IS NOT NULL;

UPDATE docs SET jb = '{"unterminated": ' WHERE id = 1;

INSERT INTO docs (id, j) VALUES (30, '{"a": [1, 2,]}');

INSERT INTO docs (id, j, jb) VALUES (31, '{"ok": true}', '[1, 2]') RETURNING j, jb;

-- json keeps its text in -> and ->> (translate/json-operators.ts)
SELECT '[1, [2,  3]]'::json -> 1, '[1, [2,  3]]'::json -> -1, '{"a": {"b":  2}}'::json ->> 'a', '{"a": {"b":  2}}'::jsonb ->> 'a';

SELECT j -> 'c', j ->> 'c', j -> 'b' -> 1, jb -> 'c' FROM docs WHERE id = 1;

SELECT id, j -> 1, j ->> 1 FROM docs WHERE id IN (2, 3) ORDER BY id;

-- a jsonb literal is stored as jsonb_out prints it; json keeps its text
CREATE TABLE literal_json (id int, j json, jb jsonb);
INSERT INTO literal_json VALUES (1, '{"b":1,  "a":[1,2]}', '{"b":1,  "a":[1,2], "a":3}');
SELECT j, jb, jb->'a' FROM literal_json;

-- a bare number keeps its digits (json: its text; jsonb: the exact numeric)
CREATE TABLE jnum (id int, j jsonb, k json);
INSERT INTO jnum VALUES (1, '12345678901234567890', '12345678901234567890'), (2, '1.50', '1.50'), (3, '-0.0', '1e3'), (4, '[1.50, 12345678901234567890]', '{"a": 1.50}');
SELECT id, j, k FROM jnum ORDER BY id;

SELECT id, j::text, k::text, jsonb_typeof(j) FROM jnum ORDER BY id;

CREATE TABLE jnum_copy AS SELECT * FROM jnum;
SELECT id, j, k FROM jnum_copy ORDER BY id;
