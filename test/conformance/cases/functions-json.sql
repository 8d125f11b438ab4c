-- setup
CREATE TABLE orders (id int PRIMARY KEY, data jsonb);

INSERT INTO orders VALUES (1, '{"customer": "ann", "items": [{"sku": "a", "qty": 2}, {"sku": "b", "qty": 1}], "paid": true, "total": 12.5}'), (2, '{"customer": "bob", "items": [], "paid": false, "total": 0}'), (3, '{"customer": null}');

-- case
SELECT json_build_object('a', 1, 'b', 'two', 'c', NULL);

SELECT jsonb_build_object('a', 1, 'b', true);

SELECT json_build_array(1, 'x', NULL, false);

SELECT jsonb_build_array(1, 2);

SELECT to_json('text'::text), to_json(42), to_jsonb(ARRAY[1, 2]);

SELECT to_jsonb(true);

SELECT row_to_json(t) FROM (SELECT 1 AS a, 'x' AS b) t;

SELECT json_agg(t ORDER BY id) FROM (SELECT id, data ->> 'customer' AS customer FROM orders) t;

SELECT jsonb_array_length(data -> 'items') FROM orders WHERE id = 1;

SELECT json_array_length('[1,2,3]');

SELECT jsonb_typeof(data -> 'paid'), jsonb_typeof(data -> 'total'), jsonb_typeof(data -> 'items') FROM orders WHERE id = 1;

SELECT json_typeof('"s"'), json_typeof('null');

SELECT jsonb_object_keys(data) FROM orders WHERE id = 1;

SELECT key, value FROM jsonb_each(data) WHERE key <> 'items' AND data ? 'paid' ORDER BY key;

SELECT key, value FROM orders, jsonb_each_text(data) WHERE id = 2 ORDER BY key;

SELECT e ->> 'sku' FROM orders, jsonb_array_elements(data -> 'items') e WHERE id = 1;

SELECT value FROM json_array_elements_text('["a", "b"]');

SELECT sum((e ->> 'qty')::int) FROM orders, jsonb_array_elements(data -> 'items') e;

SELECT jsonb_set(data, '{paid}', 'false') -> 'paid' FROM orders WHERE id = 1;

SELECT jsonb_set('{"a": {"b": 1}}', '{a,b}', '2');

SELECT jsonb_insert('{"a": [1, 2]}', '{a,0}', '0');

SELECT jsonb_strip_nulls('{"a": null, "b": 1}');

SELECT jsonb_pretty('{"a": 1}');

SELECT data -> 'items' -> 0 ->> 'sku' FROM orders WHERE id = 1;

SELECT id FROM orders WHERE data @> '{"paid": true}';

SELECT id FROM orders WHERE data ? 'items' ORDER BY id;

SELECT id FROM orders WHERE (data ->> 'total')::numeric > 10;

SELECT id FROM orders WHERE data ->> 'customer' IS NULL;

SELECT data #>> '{items,1,sku}' FROM orders WHERE id = 1;

SELECT jsonb_path_query_array(data, '$.items[*].sku') FROM orders WHERE id = 1;

SELECT json_extract_path_text('{"a": {"b": "c"}}', 'a', 'b');

SELECT jsonb_extract_path(data, 'items', '0') FROM orders WHERE id = 1;

SELECT '{"a": 1}'::jsonb || '{"b": 2}'::jsonb;

SELECT '{"a": 1, "b": 2}'::jsonb - 'a';

SELECT '[1, 2, 3]'::jsonb - 1;

SELECT '{"a": {"b": 1}}'::jsonb #- '{a,b}';

SELECT '{"a": 1}'::jsonb @> '{}'::jsonb, '{"a": 1}'::jsonb <@ '{"a": 1, "b": 2}'::jsonb;

SELECT '{"a": 1}'::json::text;

SELECT '{"a":   1}'::jsonb::text;

SELECT data ->> 'paid' FROM orders ORDER BY id;

SELECT (data -> 'total')::text FROM orders ORDER BY id;

UPDATE orders SET data = data || '{"note": "hi"}' WHERE id = 2 RETURNING data ->> 'note';

UPDATE orders SET data = data - 'note' WHERE id = 2 RETURNING data;

SELECT '[1, 2, 3]'::jsonb - -1, '["a", "b", "a"]'::jsonb - 'a', '{"a": 1, "b": 2}'::jsonb - '{a,b}'::text[];

SELECT '[1]'::jsonb || '[2, 3]'::jsonb, '{"a": 1}'::jsonb || '[2]'::jsonb;

SELECT '{"a": [1, {"b": 2}]}'::jsonb #- '{a,1,b}';

SELECT json_build_object('ok', 1 < 2, 'n', 1.50, 'j', '{"x": true}'::jsonb);

SELECT jsonb_agg(x ORDER BY x) FROM (VALUES (true), (false)) v(x);

SELECT row_to_json(r) FROM (SELECT 1.50 AS price, true AS ok, NULL AS nothing) r;

SELECT '{"n": 1.50, "t": true, "s": "x", "o": {"k": [1]}}'::jsonb ->> 'n', '{"n": 1.50, "t": true}'::jsonb ->> 't';

SELECT '{"o": {"k": [1]}, "z": null}'::jsonb ->> 'o', '{"z": null}'::jsonb ->> 'z' IS NULL;

SELECT json_extract_path_text('{"a": [10, 20]}', 'a', '1');

SELECT jsonb_path_query_array('{"a": [{"b": 1}, {"b": 2}, {"c": 3}]}', '$.a[*].b'), jsonb_path_query_first('{"a": [5, 6]}', '$.a[last]');

SELECT jsonb_path_exists('{"a": {"b": null}}', '$.a.b'), jsonb_path_exists('{"a": 1}', '$.z');
