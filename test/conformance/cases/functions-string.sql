-- setup
CREATE TABLE people (id int PRIMARY KEY, first text, last text, email text);

INSERT INTO people VALUES (1, 'Ada', 'Lovelace', 'ADA@Example.com'), (2, 'alan', 'turing', ' alan@example.com '), (3, NULL, 'Hopper', NULL);

-- case
SELECT lower('ABC'), upper('abc');

SELECT length('hello'), length('');

SELECT char_length('héllo'), character_length('abc');

SELECT octet_length('héllo');

SELECT substring('hello world' FROM 7);

SELECT substring('hello world' FROM 1 FOR 5);

SELECT substring('hello', 2, 3);

SELECT substr('hello', 2), substr('hello', 2, 2);

SELECT substring('abc123def' FROM '[0-9]+');

SELECT position('lo' IN 'hello'), strpos('hello', 'l');

SELECT trim('  x  '), ltrim('  x  '), rtrim('  x  ');

SELECT trim(BOTH 'x' FROM 'xxaxx'), trim(LEADING 'x' FROM 'xxaxx'), trim(TRAILING 'x' FROM 'xxaxx');

SELECT btrim('--a--', '-');

SELECT replace('a-b-c', '-', '+');

SELECT concat('a', NULL, 'b', 1);

SELECT concat_ws(', ', 'a', NULL, 'b');

SELECT first || ' ' || last FROM people ORDER BY id;

SELECT concat(first, ' ', last) FROM people ORDER BY id;

SELECT coalesce(first, '(none)') FROM people ORDER BY id;

SELECT lower(trim(email)) FROM people ORDER BY id;

SELECT initcap('hello wORLD');

SELECT left('abcdef', 2), right('abcdef', 2);

SELECT left('abcdef', -2);

SELECT lpad('7', 3, '0'), rpad('ab', 4, '.');

SELECT lpad('abcdef', 3);

SELECT repeat('ab', 3);

SELECT reverse('abc');

SELECT split_part('a,b,c', ',', 2);

SELECT split_part('a,b,c', ',', 5);

SELECT ascii('A'), chr(66);

SELECT md5('abc');

SELECT to_hex(255);

SELECT format('%s-%s', 'a', 1);

SELECT format('%I.%L', 'my table', 'it''s');

SELECT quote_ident('Foo'), quote_literal('it''s');

SELECT regexp_replace('a1b22c', '[0-9]+', '#');

SELECT regexp_replace('a1b22c', '[0-9]+', '#', 'g');

SELECT regexp_match('abc123', '([a-z]+)([0-9]+)');

SELECT starts_with('hello', 'he');

SELECT translate('hello', 'el', 'ip');

SELECT overlay('Txxxxas' PLACING 'hom' FROM 2 FOR 4);

SELECT 'abc' || 1 || true;

SELECT string_to_array('a b c', ' ');

SELECT upper(first) FROM people WHERE lower(email) LIKE '%example%' ORDER BY id;

SELECT length(first) FROM people ORDER BY id;

SELECT gen_random_uuid() IS NOT NULL;

SELECT length(gen_random_uuid()::text);

-- regex forms of substring, regexp_* (catalog/regex-functions.ts)
SELECT substring('abc123def' FROM '([a-z])[0-9]'), substring('abc123def', '[0-9]{2}'), substring('abc' FROM '[0-9]');

SELECT substring('foobar' FROM '%#"o_b#"%' FOR '#'), substring('foobar' SIMILAR '%#"o_b#"%' ESCAPE '#');

SELECT substring(email FROM '@(.*)$') FROM people ORDER BY id;

SELECT substring('foobar' FROM 2 FOR 3), substring('foobar' FROM 4);

SELECT regexp_match('abc', 'z'), regexp_match('ABC', 'b', 'i'), regexp_match('abc', '(x)?b');

SELECT regexp_match('abc', 'b', 'g');

SELECT regexp_matches('a1b2c3', '[a-z]([0-9])', 'g');

SELECT * FROM regexp_matches('a1b2', '([a-z])([0-9])', 'g') AS m;

SELECT regexp_split_to_array('a,b,,c', ','), regexp_split_to_array('a1b22c', '[0-9]+');

SELECT regexp_count('abcabc', 'b'), regexp_like('abc', 'B', 'i'), regexp_substr('a1b22', '[0-9]+', 1, 2);

-- || prints a non-text operand with its type's output
SELECT 'x' || 1.5::float8 || '/' || 0.1::float4, 'b' || false, 'n' || NULL::bool;

SELECT first || (id > 1) FROM people ORDER BY id;

SELECT 'x' || 1.50, 1.50 || 'x', 'd' || DATE '2024-01-02', 'i' || INTERVAL '90 minutes';
