-- case
SELECT '42'::int;

SELECT '42'::bigint, '42'::smallint;

SELECT ' 42 '::int;

SELECT '4.7'::int;

SELECT 4.7::int, 4.5::int, -4.5::int, 3.5::int;

SELECT 4.7::float8::int;

SELECT '12abc'::int;

SELECT ''::int;

SELECT 3000000000::int;

SELECT 70000::smallint;

SELECT 42::text, 4.20::text, true::text;

SELECT 42::varchar, 'abc'::varchar(2);

SELECT 'true'::boolean, 'f'::boolean, 'yes'::boolean, 'off'::boolean, '1'::boolean;

SELECT 'maybe'::boolean;

SELECT 1::boolean, 0::boolean;

SELECT true::int, false::int;

SELECT '3.14'::numeric, '3.14'::float8, '3.14'::real;

SELECT 10::numeric / 4;

SELECT 1::numeric(5, 2);

SELECT '1e3'::numeric;

SELECT '  1.50  '::numeric;

SELECT 3.99::int8;

SELECT CAST(42 AS text), CAST('7' AS integer), CAST(1.5 AS float8);

SELECT CAST('2024-01-02' AS date);

SELECT '2024-01-02 10:11:12'::timestamp::date;

SELECT '2024-01-02'::date::timestamptz;

SELECT '10:11:12.5'::time;

SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid;

SELECT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid;

SELECT 'not-a-uuid'::uuid;

SELECT '{"a":1}'::jsonb::text;

SELECT '5'::int + 1;

SELECT '5' + 1;

SELECT 5 + '1.5';

SELECT 1.0::float8::text;

SELECT 100000000000::float8::text, 1e100::float8::text;

SELECT 0.1::float4::float8;

SELECT 'abc'::name;

SELECT 'x'::char;

SELECT 'xyz'::char(5) = 'xyz';

SELECT 123::oid;

SELECT int4 '5', float8 '2.5', text 'abc', bool 'true';

SELECT 'pg_class'::regclass::oid > 0;

SELECT pg_typeof(1), pg_typeof(1.5), pg_typeof('a'::text), pg_typeof(now());

SELECT 1::bigint::int;

SELECT (1 = 1)::text;

SELECT null::int, null::text;

SELECT cast(null AS date) IS NULL;

SELECT '1 day'::interval::text;

-- float output (float8out's shortest form) and float4 widening
SELECT 1.5e-7::float8::text, '-0'::float8::text, 'Infinity'::float8::text, 'NaN'::float8::text, 123456789012345678::float8::text;

SELECT 0.1::float4::text, 1e10::float4::text, (0.1::float4)::float8 * 2;

SELECT to_json(1e-7::float8), json_build_array(1e100::float8, 0.5::float8);

SELECT 'abcdef'::char(3), length('x'::char(3)), 'a '::char(3) = 'a'::char(3), 'ab'::bpchar || 'c';

SELECT pg_typeof('a'), pg_typeof(NULL), pg_typeof(1::float4), pg_typeof(ARRAY[1]), pg_typeof(true), pg_typeof(1.5::numeric(5, 2));
