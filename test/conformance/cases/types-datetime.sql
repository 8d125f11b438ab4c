-- setup
CREATE TABLE events (id int PRIMARY KEY, d date, t time, ts timestamp, tz timestamptz, iv interval);

INSERT INTO events VALUES (1, '2024-02-29', '13:45:06', '2024-01-02 03:04:05', '2024-01-02 03:04:05+02', '1 day'), (2, '1999-12-31', '00:00:00', '1999-12-31 23:59:59.5', '1999-12-31 23:59:59Z', '2 hours 30 minutes'), (3, NULL, NULL, NULL, NULL, NULL);

-- case
SELECT d, t, ts, tz, iv FROM events ORDER BY id;

SELECT DATE '2024-03-01';

SELECT TIMESTAMP '2024-03-01 10:00:00';

SELECT TIMESTAMPTZ '2024-03-01 10:00:00+05';

SELECT TIME '10:11:12';

SELECT INTERVAL '1 year 2 months';

SELECT '2024-03-01'::date;

SELECT '2024-03-01 10:00'::timestamp;

SELECT '2024-03-01T10:00:00Z'::timestamptz;

SELECT 'March 5, 2024'::date;

SELECT '2024-02-30'::date;

SELECT '90 minutes'::interval;

SELECT '1 day 2 hours'::interval;

SELECT '-1 day'::interval;

SELECT d + 1 FROM events ORDER BY id;

SELECT d - 1 FROM events ORDER BY id;

SELECT d - DATE '2024-01-01' FROM events ORDER BY id;

SELECT ts + INTERVAL '1 day' FROM events ORDER BY id;

SELECT ts - INTERVAL '2 hours' FROM events ORDER BY id;

SELECT tz + iv FROM events ORDER BY id;

SELECT ts - TIMESTAMP '2024-01-01 00:00:00' FROM events ORDER BY id;

SELECT d + TIME '10:00' FROM events ORDER BY id;

SELECT INTERVAL '1 hour' * 3;

SELECT INTERVAL '1 day' + INTERVAL '3 hours';

SELECT id FROM events WHERE d > '2000-01-01';

SELECT id FROM events WHERE ts BETWEEN '1999-01-01' AND '2000-01-01';

SELECT id FROM events WHERE tz < '2020-01-01T00:00:00Z';

SELECT id FROM events ORDER BY ts DESC;

SELECT max(ts), min(d) FROM events;

SELECT ts::date FROM events ORDER BY id;

SELECT tz::date FROM events ORDER BY id;

SELECT d::timestamp FROM events ORDER BY id;

SELECT ts::time FROM events ORDER BY id;

SELECT tz::timestamp FROM events ORDER BY id;

SELECT 'infinity'::timestamp, '-infinity'::date;

SELECT '2024-01-02 03:04:05.123456'::timestamp;

SELECT '2024-01-02 03:04:05.1234567'::timestamp;

INSERT INTO events (id, ts) VALUES (4, '2024-06-01 12:00:00') RETURNING ts;

INSERT INTO events (id, tz) VALUES (5, '2024-06-01 12:00:00 America/New_York') RETURNING tz;

INSERT INTO events (id, d) VALUES (6, 'not a date');

SET TimeZone = 'America/New_York';

SELECT tz FROM events WHERE id = 1;

SELECT '2024-07-01 12:00:00'::timestamptz;

RESET TimeZone;

SELECT tz FROM events WHERE id = 1;

SELECT now() IS NOT NULL, current_date IS NOT NULL, current_timestamp IS NOT NULL;

SELECT now() = now();

SELECT now() = current_timestamp;

SELECT date_trunc('day', now()) <= now();

SELECT DATE '2024-01-01' < DATE '2024-01-02';

SELECT TIMESTAMP '2024-01-01 00:00' = DATE '2024-01-01';

INSERT INTO events (id, ts) VALUES (30, 'yesterday at noon');

UPDATE events SET tz = 'soon' WHERE id = 1;

INSERT INTO events (id, d, ts) VALUES (31, '2024-02-29', '2024-02-29 12:00:00') RETURNING d, ts;

-- column operands typed by the engine (translate/datetime-operators.ts)
SELECT ts + iv, iv * 2, iv + iv, d + t FROM events ORDER BY id;

SELECT tz - INTERVAL '1 hour', d - d, ts - ts FROM events ORDER BY id;

SELECT id FROM events WHERE d + 1 = DATE '2024-03-01';

SELECT id FROM events WHERE ts::date = '2024-01-02';

SELECT now() = transaction_timestamp(), current_timestamp = now(), localtimestamp = now()::timestamp, current_date = now()::date;

INSERT INTO events (id, iv) VALUES (40, '90 minutes'), (41, '1 day 25 hours'), (42, '-1 year 2 mons') RETURNING iv;

-- timestamp(p) keeps p fraction digits, rounded half up on input
CREATE TABLE stamps_p (id int, t3 timestamp(3), t0 timestamptz(0));
INSERT INTO stamps_p VALUES (1, '2024-05-06 07:08:09.123456', '2024-05-06 07:08:09.5+00'), (2, '2024-12-31 23:59:59.9996', '2024-05-06 07:08:09.4+00');
SELECT id, t3, t0 FROM stamps_p ORDER BY id;
UPDATE stamps_p SET t3 = '2024-01-01 00:00:00.0005' WHERE id = 1;
SELECT t3 FROM stamps_p WHERE id = 1;

-- impossible dates and times are refused on INSERT and UPDATE (22008), not stored as given
INSERT INTO events (id, d) VALUES (50, '2023-02-29');

INSERT INTO events (id, ts) VALUES (51, '2023-01-01 25:00:00');

INSERT INTO events (id, tz) VALUES (52, '2023-13-01 00:00:00+00');

INSERT INTO events (id, ts) VALUES (53, '2023-04-31 10:00:00.5');

INSERT INTO events (id, d) VALUES (54, '0000-01-01');

UPDATE events SET d = '2023-02-30' WHERE id = 1;

INSERT INTO events (id, d, ts, tz) VALUES (55, '2024-02-29', '0500-03-01 00:00:00.25', '2024-12-31 23:59:59.999999+00') RETURNING d, ts, tz;
