-- setup
CREATE TABLE visits (id int PRIMARY KEY, at timestamp, atz timestamptz, day date);

INSERT INTO visits VALUES (1, '2024-03-15 14:30:45.25', '2024-03-15 14:30:45+00', '2024-03-15'), (2, '2023-12-31 23:59:59', '2023-12-31 23:59:59+00', '2023-12-31'), (3, NULL, NULL, NULL);

-- case
SELECT date_trunc('month', at) FROM visits ORDER BY id;

SELECT date_trunc('day', at), date_trunc('hour', at), date_trunc('year', at) FROM visits WHERE id = 1;

SELECT date_trunc('week', at) FROM visits WHERE id = 1;

SELECT date_trunc('day', atz) FROM visits WHERE id = 1;

SELECT extract(year FROM at), extract(month FROM at), extract(day FROM at) FROM visits WHERE id = 1;

SELECT extract(hour FROM at), extract(minute FROM at), extract(second FROM at) FROM visits WHERE id = 1;

SELECT extract(dow FROM day), extract(doy FROM day), extract(week FROM day) FROM visits WHERE id = 1;

SELECT extract(epoch FROM atz) FROM visits WHERE id = 1;

SELECT extract(epoch FROM INTERVAL '1 day 2 hours');

SELECT extract(quarter FROM day) FROM visits ORDER BY id;

SELECT date_part('year', at) FROM visits WHERE id = 1;

SELECT date_part('epoch', at) FROM visits WHERE id = 2;

SELECT to_char(at, 'YYYY-MM-DD') FROM visits WHERE id = 1;

SELECT to_char(at, 'YYYY-MM-DD HH24:MI:SS') FROM visits WHERE id = 1;

SELECT to_char(at, 'Mon DD, YYYY') FROM visits WHERE id = 1;

SELECT to_char(day, 'DD/MM/YYYY') FROM visits ORDER BY id;

SELECT to_char(1234.5, '9999.99');

SELECT to_date('15-03-2024', 'DD-MM-YYYY');

SELECT to_timestamp(0);

SELECT to_timestamp(1710513045);

SELECT to_timestamp('2024-03-15 14:30', 'YYYY-MM-DD HH24:MI');

SELECT age(TIMESTAMP '2024-03-15', TIMESTAMP '2020-01-01');

SELECT make_date(2024, 2, 29);

SELECT make_timestamp(2024, 2, 29, 12, 30, 15.5);

SELECT make_interval(days => 3);

SELECT date '2024-03-15' + integer '7';

SELECT date '2024-03-31' + INTERVAL '1 month';

SELECT TIMESTAMP '2024-01-31 10:00' + INTERVAL '1 month';

SELECT day - INTERVAL '1 day' FROM visits WHERE id = 1;

SELECT at - INTERVAL '1 year 2 months' FROM visits WHERE id = 1;

SELECT atz AT TIME ZONE 'America/New_York' FROM visits WHERE id = 1;

SELECT at AT TIME ZONE 'UTC' FROM visits WHERE id = 1;

SELECT timezone('Asia/Tokyo', atz) FROM visits WHERE id = 1;

SELECT justify_hours(INTERVAL '27 hours'), justify_days(INTERVAL '35 days');

SELECT INTERVAL '1 day' > INTERVAL '23 hours';

SELECT isfinite(DATE '2024-01-01'), isfinite('infinity'::timestamp);

SELECT id FROM visits WHERE at > now() - INTERVAL '100 years' ORDER BY id;

SELECT id FROM visits WHERE day >= current_date - 100000 ORDER BY id;

SELECT count(*) FROM visits WHERE atz < now();

SELECT id FROM visits WHERE date_trunc('year', at) = '2024-01-01' ;

SELECT (DATE '2024-03-15' - DATE '2024-01-01');

SELECT to_char(INTERVAL '1 day 03:04:05', 'HH24:MI:SS');

SELECT EXTRACT(YEAR FROM TIMESTAMPTZ '2024-06-01 00:30:00+02');

SELECT date_trunc('day', TIMESTAMPTZ '2024-06-01 23:30:00-05');

SELECT clock_timestamp() >= transaction_timestamp();

SELECT statement_timestamp() IS NOT NULL;

SELECT localtimestamp IS NOT NULL, localtime IS NOT NULL, current_time IS NOT NULL;

-- reporting queries: month buckets, ISO weekdays, readable dates
SELECT date_trunc('month', at) AS month, count(*) FROM visits GROUP BY 1 ORDER BY 1;

SELECT extract(isodow FROM day), to_char(day, 'FMDay, FMDD FMMonth YYYY') FROM visits ORDER BY id;

SELECT age(TIMESTAMP '2024-03-01', TIMESTAMP '2024-01-31'), justify_interval(INTERVAL '1 mon -1 hour');

SELECT at::date, at::time FROM visits ORDER BY id;

-- named arguments (translate/named-arguments.ts)
SELECT make_interval(1, 2, hours => 5, secs => 1.5), make_interval(mins => 90), make_interval(weeks => 2, days => 1);

SELECT make_interval(day => 1);

SELECT make_date(year => 2024, month => 2, day => 29), make_timestamptz(2024, 1, 2, 3, 4, 5.5);

SELECT make_timestamptz(2024, 1, 2, 3, 4, 5, 'Europe/Berlin');

SELECT id FROM visits WHERE date_trunc('day', at) >= '2024-03-15' ORDER BY id;

SELECT id FROM visits WHERE date_trunc('month', atz) = '2023-12-01 00:00:00+00' ORDER BY id;

SELECT pg_sleep(0), pg_notify('chan', 'x');
