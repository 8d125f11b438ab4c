-- case
SELECT abs(-5), abs(-2.5);

SELECT round(2.5), round(-2.5), round(2.4);

SELECT round(3.14159, 2);

SELECT round(2.5::float8);

SELECT ceil(1.2), ceiling(-1.2), floor(1.8), floor(-1.2);

SELECT trunc(1.99), trunc(-1.99), trunc(3.14159, 3);

SELECT sign(-3), sign(0), sign(2.5);

SELECT mod(10, 3), mod(-10, 3);

SELECT div(7, 2);

SELECT power(2, 10), power(2.0, 0.5);

SELECT sqrt(16), sqrt(2);

SELECT cbrt(27);

SELECT exp(1), ln(10), log(100), log(2, 8);

SELECT pi();

SELECT sin(0), cos(0), tan(0);

SELECT atan2(1, 1), degrees(pi()), radians(180);

SELECT greatest(1, 5, 3), least(1, 5, 3);

SELECT greatest('a', 'c', 'b');

SELECT greatest(1, NULL, 3);

SELECT random() >= 0 AND random() < 1;

SELECT width_bucket(5.35, 0.024, 10.06, 5);

SELECT gcd(12, 18), lcm(4, 6);

SELECT factorial(5);

SELECT 10 % 4, 10.5 % 4;

SELECT abs(-9223372036854775807);

SELECT sqrt(-1);

SELECT ln(0);

SELECT 2 * 3 + 4, 2 * (3 + 4), 2 + 3 * 4 - 1;

SELECT -2 ^ 2;

SELECT 2 ^ 3 ^ 2;

SELECT @ -5;

SELECT |/ 25;

SELECT 5 !;

SELECT 7 / 2 * 2, 7.0 / 2 * 2;

SELECT 1 - 2 - 3;

SELECT round(1234.5678, -2);

SELECT numeric '1.10' + numeric '2.205';

SELECT 0.1::float8 + 0.2::float8;

SELECT 1e-10::float8, 1e20::float8, 123456789012345678::float8;

SELECT 1.0::float4 / 3;

SELECT scale(1.2300), trim_scale(1.2300);

SELECT setseed(0.5) IS NULL;

SELECT round(2.345, 2), round(-2.5), round(0.5::float8), round(1.5::float8), round(-1234.5, -1);

SELECT min_scale(1.2300), scale(5), trim_scale(10.000);

SELECT round(avg(x), 3) FROM (VALUES (1), (2), (2)) v(x);

-- numeric sqrt/exp/ln/log/power with numeric.c's result scales
SELECT sqrt(2.0), sqrt(4.0), exp(1.0), ln(10.0), log(100.0), log(2.0, 1024);

SELECT power(2.5, 2), power(10.0, -2), 2.0 ^ 0.5, power(2, 0.5), power(1.5, 100.5);

SELECT sqrt(-1.0);

SELECT ln(0.0);

SELECT power(0.0, -1);

SELECT power(-8.0, 0.5);

SELECT log(1.0, 10);

SELECT cbrt(-8), cbrt(2), cbrt(1000), cbrt(0.001);

SELECT width_bucket(0, 1, 10, 3), width_bucket(11, 1, 10, 3), width_bucket(5.0::float8, 10, 0, 4);

SELECT width_bucket(5, 1, 10, 0);

SELECT setseed(0.25), random(), random();

SELECT setseed(2);
