-- setup
CREATE TABLE events (id int PRIMARY KEY, payload jsonb, tags text[], happened_at timestamp);

INSERT INTO events VALUES (1, '{"user": "ann", "items": [{"sku": "a", "qty": 2}, {"sku": "b", "qty": 1.50}], "flags": {"beta": true, "admin": false}}', ARRAY['red', 'blue'], '2024-03-01 10:00:00'), (2, '{"user": "bob", "items": [], "flags": {}}', ARRAY['green'], '2024-03-02 12:30:00'), (3, '{"user": null}', NULL, '2024-03-05 08:15:00');

CREATE TABLE posts (id int PRIMARY KEY, body text, created_on date);

INSERT INTO posts VALUES (1, 'hello big world', '2024-03-01'), (2, 'one', '2024-03-03');

-- case
SELECT * FROM generate_series(1, 5);

SELECT g FROM generate_series(10, 1, -3) g;

SELECT n, n * n AS sq FROM generate_series(1, 4) AS s(n) ORDER BY n DESC;

SELECT * FROM generate_series(0.5, 2, 0.5);

SELECT count(*), sum(i) FROM generate_series(1, 1000) i;

SELECT * FROM generate_series(1, 0);

SELECT * FROM generate_series('2024-03-01 00:00'::timestamp, '2024-03-01 03:00', '90 minutes');

SELECT d::date AS day FROM generate_series('2024-03-01'::date, '2024-03-04'::date, '1 day'::interval) d;

SELECT day::date, count(e.id) FROM generate_series('2024-03-01'::timestamp, '2024-03-05', '1 day') AS day LEFT JOIN events e ON e.happened_at::date = day::date GROUP BY day ORDER BY day;

SELECT * FROM unnest(ARRAY[3, 1, 2]);

SELECT x, ord FROM unnest(ARRAY['a', 'b', 'c']) WITH ORDINALITY AS t(x, ord);

SELECT e.id, t FROM events e, unnest(e.tags) t ORDER BY e.id, t;

SELECT tag, count(*) FROM events, unnest(tags) AS tag GROUP BY tag ORDER BY tag;

SELECT unnest(ARRAY[1, 2, 3]) AS n;

SELECT id, unnest(tags) FROM events ORDER BY id, 2;

SELECT generate_series(1, 3);

SELECT key, value FROM jsonb_each('{"a": 1, "b": [1, 2], "c": {"d": null}}') ORDER BY key;

SELECT * FROM jsonb_each_text('{"a": 1, "b": "two", "c": null}');

SELECT * FROM json_each('{"a": 1, "b": [1,2]}');

SELECT e.id, f.key, f.value FROM events e, jsonb_each(e.payload -> 'flags') f ORDER BY e.id, f.key;

SELECT e.id, item ->> 'sku' AS sku, (item ->> 'qty')::numeric AS qty FROM events e, jsonb_array_elements(e.payload -> 'items') AS item ORDER BY e.id, sku;

SELECT e.id, count(item) FROM events e LEFT JOIN LATERAL jsonb_array_elements(e.payload -> 'items') item ON true GROUP BY e.id ORDER BY e.id;

SELECT value FROM jsonb_array_elements('[1, "two", {"three": 3}, null]');

SELECT value FROM jsonb_array_elements_text('[1, "two", {"three": 3}, null]');

SELECT * FROM json_array_elements('[1, {"a": [2,  3]}]');

SELECT elem, n FROM jsonb_array_elements_text('["x", "y"]') WITH ORDINALITY AS a(elem, n);

SELECT * FROM jsonb_object_keys('{"b": 1, "a": 2}');

SELECT DISTINCT k FROM events, jsonb_object_keys(payload) k ORDER BY k;

SELECT jsonb_object_keys(payload -> 'flags') FROM events WHERE id = 1 ORDER BY 1;

SELECT * FROM jsonb_array_elements('{"a": 1}');

SELECT * FROM jsonb_each('[1, 2]');

SELECT word FROM posts, regexp_split_to_table(body, '\s+') AS word WHERE id = 1;

SELECT * FROM regexp_split_to_table('a1b22c', '[0-9]+');

SELECT p.id, length(w) FROM posts p, regexp_split_to_table(p.body, ' ') w ORDER BY p.id, 2;

SELECT * FROM generate_series(1, 3) a, generate_series(1, 2) b ORDER BY a, b;

SELECT id FROM events WHERE id IN (SELECT * FROM generate_series(2, 3)) ORDER BY id;

SELECT s.a, s.b FROM (SELECT * FROM generate_series(1, 2) AS a, unnest(ARRAY['x']) AS b) s ORDER BY s.a;
