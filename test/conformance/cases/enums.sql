-- Enum types: CREATE TYPE … AS ENUM, ALTER TYPE, DROP TYPE, enum columns, comparison and ordering
-- by sort order, casts, enum_range/enum_first/enum_last, and the catalog (pg_type, pg_enum).
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

CREATE TYPE mood AS ENUM ('x');

CREATE TYPE dup AS ENUM ('a', 'b', 'a');

CREATE TYPE weekday AS ENUM ('mon', 'tue', 'wed');

CREATE TABLE people (id int PRIMARY KEY, name text, m mood);

CREATE TABLE broken (x nosuchtype);

INSERT INTO people VALUES (1, 'ann', 'ok'), (2, 'bob', 'happy'), (3, 'cy', 'sad'), (4, 'di', NULL);

INSERT INTO people VALUES (5, 'ed', 'angry');

UPDATE people SET m = 'meh' WHERE id = 1;

SELECT id, name, m FROM people ORDER BY id;

SELECT name, m FROM people ORDER BY m, name;

SELECT name, m FROM people ORDER BY m DESC NULLS LAST;

SELECT name FROM people WHERE m > 'sad' ORDER BY name;

SELECT name FROM people WHERE m <= 'ok' ORDER BY name;

SELECT name FROM people WHERE m = 'happy';

SELECT name FROM people WHERE m <> 'happy' ORDER BY name;

SELECT name FROM people WHERE m IN ('ok', 'sad') ORDER BY name;

SELECT name FROM people WHERE m = 'furious';

SELECT name FROM people WHERE m IN ('ok', 'furious');

SELECT name FROM people WHERE m NOT IN ('ok', 'happy') ORDER BY name;

SELECT name FROM people WHERE m < 'furious';

SELECT name FROM people WHERE 'happy' = m;

SELECT name FROM people WHERE m != 'sad' ORDER BY name;

SELECT a.name, b.name FROM people a JOIN people b ON a.m < b.m ORDER BY a.name, b.name;

SELECT name FROM people WHERE m = ANY (ARRAY['ok', 'happy']::mood[]) ORDER BY name;

SELECT min(m), max(m) FROM people;

SELECT m, count(*) FROM people GROUP BY m ORDER BY m;

SELECT m FROM people ORDER BY 1;

SELECT m::text, length(m::text) FROM people WHERE id = 2;

SELECT m || '!' FROM people WHERE id = 1;

SELECT 'happy'::mood;

SELECT 'nope'::mood;

SELECT 'ok'::text::mood;

SELECT 'nope'::text::mood;

SELECT NULL::mood IS NULL;

SELECT CAST('sad' AS mood);

SELECT 'x'::nosuchtype;

SELECT 'ok'::mood < 'happy'::mood AS lt, 'happy'::mood > 'sad'::mood AS gt, 'ok'::mood = 'ok'::mood AS eq;

SELECT pg_typeof('ok'::mood), pg_typeof(m) FROM people WHERE id = 1;

SELECT enum_range(NULL::mood);

SELECT enum_first(NULL::mood), enum_last(NULL::mood);

SELECT enum_range('ok'::mood, NULL), enum_range(NULL, 'ok'::mood), enum_range('sad'::mood, 'ok'::mood);

SELECT unnest(enum_range(NULL::mood)) AS label;

SELECT format_type('mood'::regtype, NULL);

SELECT typname, typtype, typcategory, typlen, typbyval, typdelim, typinput, typoutput, typalign, typstorage
FROM pg_type WHERE typname IN ('mood', '_mood') ORDER BY typname;

SELECT t.typname, e.typname AS elem FROM pg_type t JOIN pg_type e ON e.oid = t.typelem WHERE t.typname = '_mood';

SELECT a.typname FROM pg_type a JOIN pg_type b ON b.typarray = a.oid WHERE b.typname = 'mood';

SELECT n.nspname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = 'mood';

SELECT e.enumlabel, e.enumsortorder FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'mood' ORDER BY e.enumsortorder;

SELECT t.typname, count(*) FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid GROUP BY t.typname ORDER BY 1;

SELECT column_name, data_type, udt_schema, udt_name FROM information_schema.columns WHERE table_name = 'people' ORDER BY ordinal_position;

SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'people'::regclass AND a.attnum > 0 ORDER BY a.attnum;

SELECT a.atttypid = t.oid FROM pg_attribute a, pg_type t WHERE a.attrelid = 'people'::regclass AND a.attname = 'm' AND t.typname = 'mood';

ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';

ALTER TYPE mood ADD VALUE 'ecstatic' AFTER 'happy';

ALTER TYPE mood ADD VALUE 'content' AFTER 'ok';

ALTER TYPE mood ADD VALUE 'miserable' BEFORE 'sad';

ALTER TYPE mood ADD VALUE 'bored';

ALTER TYPE mood ADD VALUE 'ok';

ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok';

ALTER TYPE mood ADD VALUE 'x' BEFORE 'nope';

ALTER TYPE nosuchtype ADD VALUE 'x';

SELECT enum_range(NULL::mood);

SELECT e.enumlabel, e.enumsortorder FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'mood' ORDER BY e.enumsortorder;

INSERT INTO people VALUES (6, 'fay', 'meh'), (7, 'gus', 'ecstatic'), (8, 'hal', 'content');

SELECT name, m FROM people ORDER BY m NULLS FIRST, name;

SELECT name FROM people WHERE m BETWEEN 'meh' AND 'content' ORDER BY name;

SELECT name FROM people WHERE m < 'ok' ORDER BY name;

SELECT min(m), max(m) FROM people WHERE id > 1;

ALTER TYPE weekday RENAME VALUE 'wed' TO 'wednesday';

ALTER TYPE weekday RENAME VALUE 'nope' TO 'x';

ALTER TYPE weekday RENAME VALUE 'mon' TO 'tue';

SELECT enum_range(NULL::weekday);

ALTER TYPE weekday RENAME TO dayname;

ALTER TYPE dayname RENAME TO mood;

SELECT enum_last(NULL::dayname);

SELECT 'mon'::weekday;

CREATE TABLE tasks (id int, day dayname);

INSERT INTO tasks VALUES (1, 'tue'), (2, 'mon');

ALTER TABLE tasks ADD COLUMN feeling mood;

UPDATE tasks SET feeling = 'happy' WHERE id = 1;

UPDATE tasks SET feeling = 'furious' WHERE id = 2;

SELECT id, day, feeling FROM tasks ORDER BY day;

SELECT day FROM tasks WHERE day > 'mon';

ALTER TYPE dayname RENAME VALUE 'tue' TO 'tuesday';

SELECT id, day FROM tasks ORDER BY id;

INSERT INTO tasks (id, day) VALUES (3, 'tue');

INSERT INTO tasks (id, day) VALUES (3, 'tuesday');

SELECT day, count(*) FROM tasks GROUP BY day ORDER BY day;

DROP TYPE dayname;

DROP TYPE nosuchtype;

DROP TYPE IF EXISTS nosuchtype;

DROP TYPE mood, nosuchtype;

DROP TABLE tasks;

DROP TYPE dayname;

SELECT 'mon'::dayname;

SELECT count(*) FROM pg_type WHERE typname IN ('dayname', '_dayname');

CREATE TYPE empty_label AS ENUM ('');

SELECT enum_range(NULL::empty_label);

CREATE TYPE "Quoted Type" AS ENUM ('A b', 'c"d', 'e,f');

CREATE TABLE qt (v "Quoted Type");

INSERT INTO qt VALUES ('A b'), ('c"d'), ('e,f');

SELECT v FROM qt ORDER BY v DESC;

SELECT enum_range(NULL::"Quoted Type");

SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'qt'::regclass AND attname = 'v';

CREATE TABLE moods_arr (id int, ms mood[]);

INSERT INTO moods_arr VALUES (1, '{ok,sad}'), (2, ARRAY['happy']::mood[]);

SELECT id, ms FROM moods_arr ORDER BY id;

SELECT ms[1] FROM moods_arr WHERE id = 1;

SELECT ARRAY['ok', 'sad']::mood[];

CREATE TABLE people2 AS SELECT name, m FROM people WHERE m IS NOT NULL;

SELECT count(*) FROM people2;

ALTER TABLE people2 ALTER COLUMN m TYPE text;

SELECT name, m FROM people2 ORDER BY m;

ALTER TABLE people2 ALTER COLUMN m TYPE mood USING m::mood;

SELECT name, m FROM people2 ORDER BY m;

CREATE TEMP TABLE tmp_moods (m mood);

INSERT INTO tmp_moods VALUES ('sad'), ('happy');

INSERT INTO tmp_moods VALUES ('nope');

SELECT m, count(*) OVER (ORDER BY m) FROM people2 ORDER BY m, name;

SELECT name, min(m) OVER (), max(m) OVER () FROM people2 ORDER BY name;

SELECT DISTINCT m FROM people ORDER BY m;

CREATE TYPE shade AS ENUM ('light', 'dark');

CREATE TABLE paints (id int PRIMARY KEY, s shade, note text);

INSERT INTO paints VALUES (1, 'dark', 'a');

DROP TYPE shade;

DROP TYPE shade CASCADE;

SELECT * FROM paints;

INSERT INTO paints VALUES (2, 'b');

SELECT count(*) FROM pg_type WHERE typname = 'shade';

CREATE TYPE size AS ENUM ('s', 'm', 'l');

CREATE TABLE shirts (id int, sz size, szs size[]);

INSERT INTO shirts VALUES (1, 'm', '{s,l}'), (2, 'l', NULL);

ALTER TYPE size RENAME TO shirt_size;

SELECT id, sz, szs FROM shirts ORDER BY sz DESC;

INSERT INTO shirts VALUES (3, 'xl', NULL);

INSERT INTO shirts VALUES (3, 's', NULL);

SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'shirts'::regclass AND a.attnum > 0 ORDER BY a.attnum;

SELECT 's'::size;

SELECT min(sz), max(sz) FROM shirts;

-- params: [9, "ivy", "happy"]
INSERT INTO people VALUES ($1, $2, $3);

-- params: ["happy"]
SELECT name FROM people WHERE m = $1 ORDER BY name;

-- params: ["sad"]
SELECT name FROM people WHERE m > $1 ORDER BY name;

-- params: ["nope"]
INSERT INTO people VALUES (10, 'jo', $1);

-- params: ["ok"]
SELECT $1::mood;

COMMENT ON TYPE mood IS 'how it feels';

SELECT obj_description('mood'::regtype, 'pg_type');

SELECT t.typname, d.description FROM pg_description d JOIN pg_type t ON t.oid = d.objoid WHERE t.typname = 'mood';
