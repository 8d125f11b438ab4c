-- Errors an application handles by SQLSTATE: the code must be PostgreSQL's.
-- setup
CREATE TABLE parents (id int PRIMARY KEY, name text NOT NULL UNIQUE);

CREATE TABLE children (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES parents (id), age int CHECK (age >= 0));

INSERT INTO parents VALUES (1, 'one'), (2, 'two');

INSERT INTO children VALUES (1, 1, 5);

-- case
SELECT * FROM no_such_table;

SELECT no_such_column FROM parents;

SELECT parents.nope FROM parents;

SELECT no_such_function(1);

SELEC 1;

SELECT 1 +;

SELECT 'unterminated;

INSERT INTO parents VALUES (1, 'dup');

INSERT INTO parents VALUES (3, 'one');

INSERT INTO parents (id) VALUES (4);

INSERT INTO parents VALUES (NULL, 'x');

INSERT INTO children VALUES (2, 99, 1);

INSERT INTO children VALUES (3, 1, -1);

DELETE FROM parents WHERE id = 1;

UPDATE parents SET id = 2 WHERE id = 1;

INSERT INTO parents VALUES (5, 'five', 'extra');

INSERT INTO parents (id, nope) VALUES (6, 'x');

CREATE TABLE parents (id int);

CREATE INDEX children_age ON children (age);

CREATE INDEX children_age ON children (age);

DROP TABLE no_such_table;

DROP INDEX no_such_index;

SELECT 1 / 0;

SELECT 'abc'::int;

SELECT '2024-13-01'::date;

SELECT 2147483647::int + 1;

SELECT id FROM parents WHERE id = 'abc';

SELECT * FROM parents p JOIN children c ON c.parent_id = p.id WHERE id = 1;

SELECT count(*), name FROM parents;

SELECT name FROM parents GROUP BY id HAVING name = 'x';

SELECT (SELECT id FROM parents);

BEGIN;

SELECT * FROM no_such_table;

SELECT 1;

ROLLBACK;

COMMIT;

ROLLBACK;

SAVEPOINT sp;

RELEASE SAVEPOINT nope;

BEGIN;

SAVEPOINT a;

INSERT INTO parents VALUES (1, 'dup');

ROLLBACK TO SAVEPOINT a;

SELECT count(*) FROM parents;

COMMIT;

SET no_such_setting = 1;

SHOW no_such_setting;

SELECT current_setting('no.such');

SELECT current_setting('no.such', true);

SET statement_timeout = 'abc';

SELECT $1;

DEALLOCATE nope;

FETCH ALL FROM nope;

SELECT 1 UNION SELECT 'a';

SELECT ARRAY[1, 'x'];

SELECT 1 FROM parents ORDER BY 5;

INSERT INTO children (id, parent_id, age) VALUES (9, 1, 'old');

VALUES (1), ('a');

SELECT 1::int + 'a';

SELECT (SELECT id FROM parents WHERE id = 1);

SELECT (SELECT id FROM parents ORDER BY id LIMIT 1);

SELECT id FROM parents WHERE id = '1';

SELECT id FROM parents WHERE id = ' 2 ';

SELECT id FROM parents WHERE id > 'x';

SELECT sum(id), name FROM parents;

SELECT name FROM parents ORDER BY 0;

SELECT ARRAY[1, '2'], ARRAY[1.5, 'x'];

VALUES (1, 'a'), ('2', 'b');

SELECT 1.5 UNION SELECT 'abc';
