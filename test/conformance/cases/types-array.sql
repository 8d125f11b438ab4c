-- setup
CREATE TABLE arrs (id int PRIMARY KEY, ints integer[], texts text[], nested int[][]);

INSERT INTO arrs VALUES (1, '{1,2,3}', '{a,b,c}', '{{1,2},{3,4}}'), (2, '{}', '{"x y","q\"r"}', NULL), (3, '{NULL,5}', '{NULL}', NULL), (4, NULL, NULL, NULL);

-- case
SELECT ints, texts, nested FROM arrs ORDER BY id;

SELECT ARRAY[1, 2, 3];

SELECT ARRAY['a', 'b'];

SELECT ARRAY[1, NULL];

SELECT '{1,2,3}'::int[];

SELECT '{"a","b c"}'::text[];

SELECT ARRAY[]::integer[];

SELECT ints[1] FROM arrs ORDER BY id;

SELECT ints[2:3] FROM arrs WHERE id = 1;

SELECT id FROM arrs WHERE 2 = ANY(ints);

SELECT id FROM arrs WHERE 'a' = ANY(texts);

SELECT id FROM arrs WHERE 10 > ALL(ints) ORDER BY id;

SELECT id FROM arrs WHERE ints @> ARRAY[1, 2];

SELECT id FROM arrs WHERE ints && ARRAY[5, 6];

SELECT array_length(ints, 1) FROM arrs ORDER BY id;

SELECT cardinality(ints) FROM arrs ORDER BY id;

SELECT array_upper(ints, 1), array_lower(ints, 1) FROM arrs WHERE id = 1;

SELECT array_append(ints, 4) FROM arrs WHERE id = 1;

SELECT array_prepend(0, ints) FROM arrs WHERE id = 1;

SELECT ints || 9 FROM arrs WHERE id = 1;

SELECT ints || ARRAY[7, 8] FROM arrs WHERE id = 1;

SELECT array_cat(ints, ARRAY[10]) FROM arrs WHERE id = 1;

SELECT array_position(texts, 'b') FROM arrs WHERE id = 1;

SELECT array_remove(ints, 2) FROM arrs WHERE id = 1;

SELECT array_to_string(texts, '-') FROM arrs WHERE id = 1;

SELECT string_to_array('a,b,c', ',');

SELECT unnest(ARRAY[1, 2, 3]);

SELECT * FROM unnest(ARRAY['x', 'y']) AS u(v);

SELECT array_agg(id ORDER BY id) FROM arrs;

SELECT array_agg(id) FROM arrs WHERE id < 3;

-- params: [[1, 2, 3]]
SELECT $1::int[];

-- params: [[1, 2]]
SELECT id FROM arrs WHERE id = ANY($1) ORDER BY id;

-- params: ["{a,b}"]
INSERT INTO arrs (id, texts) VALUES (5, $1) RETURNING texts;

UPDATE arrs SET ints = array_append(ints, 99) WHERE id = 2 RETURNING ints;

SELECT ARRAY[ARRAY[1, 2], ARRAY[3, 4]];

SELECT ints = '{1,2,3}' FROM arrs WHERE id = 1;

SELECT array_replace(ints, 2, 20), array_ndims(nested), cardinality(nested) FROM arrs WHERE id = 1;

SELECT texts[2], nested[2][1] FROM arrs WHERE id = 1;

-- containment and overlap over stored array literals (translate/array-operators.ts)
SELECT id FROM arrs WHERE ARRAY[5] <@ ints ORDER BY id;

SELECT id FROM arrs WHERE ints @> '{}' ORDER BY id;

SELECT id FROM arrs WHERE texts && ARRAY['b', 'q"r'] ORDER BY id;

SELECT id, ints @> ARRAY[NULL::int] FROM arrs ORDER BY id;

SELECT nested @> ARRAY[4, 1], nested[1], nested[2:2] FROM arrs WHERE id = 1;

SELECT id, array_to_string(ints, ',', '*'), array_to_string(texts, '|') FROM arrs ORDER BY id;

SELECT array_position(texts, 'c'), array_positions(ints, 5), array_length(nested, 2) FROM arrs WHERE id = 1;
