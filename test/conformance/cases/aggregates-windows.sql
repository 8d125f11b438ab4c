-- setup
CREATE TABLE sales (id int PRIMARY KEY, region text, rep text, amount numeric(10, 2), qty int, sold_on date);

INSERT INTO sales VALUES (1, 'east', 'ann', 100.00, 1, '2024-01-05'), (2, 'east', 'bob', 250.50, 3, '2024-01-07'), (3, 'west', 'cat', 75.25, 2, '2024-02-01'), (4, 'west', 'cat', 300.00, 5, '2024-02-11'), (5, 'north', 'dan', NULL, 1, '2024-03-01'), (6, 'east', 'ann', 50.00, 2, '2024-03-02');

-- case
SELECT count(*) FROM sales;

SELECT count(amount), count(DISTINCT region) FROM sales;

SELECT sum(qty), avg(qty), min(qty), max(qty) FROM sales;

SELECT sum(amount), avg(amount), min(amount), max(amount) FROM sales;

SELECT region, count(*) FROM sales GROUP BY region ORDER BY region;

SELECT region, sum(amount) AS total FROM sales GROUP BY region ORDER BY total DESC;

SELECT region, sum(qty) FROM sales GROUP BY region HAVING sum(qty) > 3 ORDER BY region;

SELECT region, rep, count(*) FROM sales GROUP BY region, rep ORDER BY 1, 2;

SELECT region, count(*) FROM sales GROUP BY 1 ORDER BY 2 DESC, 1;

SELECT count(*) FROM sales WHERE false;

SELECT sum(qty) FROM sales WHERE false;

SELECT avg(qty)::numeric(10, 2) FROM sales;

SELECT round(avg(amount), 2) FROM sales;

SELECT bool_and(qty > 0), bool_or(qty > 4) FROM sales;

SELECT every(qty > 1) FROM sales;

SELECT string_agg(rep, ', ' ORDER BY id) FROM sales;

SELECT string_agg(DISTINCT region, '|' ORDER BY region) FROM sales;

SELECT array_agg(qty ORDER BY qty DESC) FROM sales;

SELECT json_agg(rep ORDER BY id) FROM sales WHERE region = 'east';

SELECT jsonb_agg(qty ORDER BY id) FROM sales WHERE region = 'west';

SELECT json_object_agg(rep, qty ORDER BY id) FROM sales WHERE region = 'west';

SELECT count(*) FILTER (WHERE amount > 100), sum(qty) FILTER (WHERE region = 'east') FROM sales;

SELECT region, max(sold_on) FROM sales GROUP BY region ORDER BY region;

SELECT stddev(qty), variance(qty) FROM sales;

SELECT id, row_number() OVER (ORDER BY id) FROM sales ORDER BY id;

SELECT id, rank() OVER (ORDER BY qty), dense_rank() OVER (ORDER BY qty) FROM sales ORDER BY id;

SELECT id, row_number() OVER (PARTITION BY region ORDER BY amount DESC) FROM sales ORDER BY id;

SELECT id, sum(qty) OVER (ORDER BY id) FROM sales ORDER BY id;

SELECT id, sum(qty) OVER (PARTITION BY region) FROM sales ORDER BY id;

SELECT id, sum(qty) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM sales ORDER BY id;

SELECT id, avg(qty) OVER (PARTITION BY region) FROM sales ORDER BY id;

SELECT id, lag(qty) OVER (ORDER BY id), lead(qty, 1, 0) OVER (ORDER BY id) FROM sales ORDER BY id;

SELECT id, first_value(rep) OVER w, last_value(rep) OVER w FROM sales WINDOW w AS (PARTITION BY region ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ORDER BY id;

SELECT id, ntile(2) OVER (ORDER BY id) FROM sales ORDER BY id;

SELECT id, percent_rank() OVER (ORDER BY qty), cume_dist() OVER (ORDER BY qty) FROM sales ORDER BY id;

SELECT id, count(*) OVER () FROM sales ORDER BY id;

SELECT region, sum(amount), rank() OVER (ORDER BY sum(amount) DESC NULLS LAST) FROM sales GROUP BY region ORDER BY region;

SELECT * FROM (SELECT id, region, row_number() OVER (PARTITION BY region ORDER BY id) AS rn FROM sales) s WHERE rn = 1 ORDER BY id;

SELECT region, count(*) FROM sales GROUP BY ROLLUP (region) ORDER BY region;

SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY qty) FROM sales;

SELECT mode() WITHIN GROUP (ORDER BY region) FROM sales;

SELECT count(*), region FROM sales GROUP BY region HAVING count(*) = 1;

SELECT sum(qty)::float8 / count(*) FROM sales;

SELECT date_trunc('month', sold_on)::date AS month, sum(qty) FROM sales GROUP BY 1 ORDER BY 1;

SELECT max(rep), min(region) FROM sales;

SELECT region FROM sales GROUP BY region HAVING max(amount) IS NULL;

SELECT region, array_agg(rep ORDER BY id) FROM sales GROUP BY region ORDER BY region;

-- grouping sets: one grouped SELECT per set, UNION ALL (grouping-sets.ts)
SELECT region, rep, sum(qty), grouping(region, rep) FROM sales GROUP BY CUBE (region, rep) ORDER BY 1, 2;

SELECT region, rep, count(*) FROM sales GROUP BY GROUPING SETS ((region), (rep), ()) ORDER BY 1, 2;

SELECT region, rep, sum(qty) FROM sales GROUP BY ROLLUP (region, rep) ORDER BY 1, 2;

SELECT region, sum(qty) FROM sales GROUP BY ROLLUP (region) HAVING sum(qty) > 3 ORDER BY sum(qty);

SELECT region, count(*) FROM sales GROUP BY region, ROLLUP (rep) ORDER BY 1, 2;

SELECT region, rep FROM sales GROUP BY DISTINCT ROLLUP (region), ROLLUP (region, rep) ORDER BY 1, 2;

SELECT upper(region), count(*) AS n FROM sales GROUP BY ROLLUP (upper(region)) ORDER BY n DESC, 1 LIMIT 3;

-- ordered-set and statistical aggregates
SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY amount), percentile_disc(0.25) WITHIN GROUP (ORDER BY amount) FROM sales;

SELECT percentile_cont(ARRAY[0.25, 0.5]) WITHIN GROUP (ORDER BY qty), percentile_disc(0.5) WITHIN GROUP (ORDER BY sold_on) FROM sales;

SELECT qty, percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY amount), mode() WITHIN GROUP (ORDER BY rep DESC) FROM sales GROUP BY qty ORDER BY qty;

SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY qty) FROM sales WHERE false;

SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY qty) FROM sales;

SELECT stddev(amount), variance(amount), stddev_pop(amount), var_pop(amount) FROM sales;

SELECT stddev_samp(qty::float8), var_samp(qty::float8), stddev_pop(qty::real) FROM sales;

SELECT region, stddev(qty) FROM sales GROUP BY region ORDER BY region;

SELECT id, stddev(qty) OVER (ORDER BY id) FROM sales ORDER BY id;

SELECT string_agg(DISTINCT region, ',') FROM sales;

SELECT string_agg(DISTINCT rep, ', ' ORDER BY rep DESC) FILTER (WHERE qty > 1) FROM sales;

SELECT json_object_agg(region, amount ORDER BY id), jsonb_object_agg(region, amount) FROM sales;

SELECT count(DISTINCT (region, rep)) FROM sales;
