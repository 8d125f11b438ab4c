-- setup
CREATE TABLE scores (id int PRIMARY KEY, player text, score int, bonus int, flag boolean);

INSERT INTO scores VALUES (1, 'a', 10, NULL, true), (2, 'b', NULL, 5, false), (3, 'c', 30, 1, NULL), (4, NULL, 20, NULL, true), (5, 'e', NULL, NULL, NULL);

-- case
SELECT id FROM scores ORDER BY score;

SELECT id FROM scores ORDER BY score DESC;

SELECT id FROM scores ORDER BY score ASC NULLS FIRST;

SELECT id FROM scores ORDER BY score DESC NULLS LAST;

SELECT id FROM scores ORDER BY player, id;

SELECT id FROM scores ORDER BY flag, id;

SELECT id FROM scores ORDER BY flag DESC, id;

SELECT id, score + bonus FROM scores ORDER BY id;

SELECT id, coalesce(score, 0) + coalesce(bonus, 0) AS total FROM scores ORDER BY total DESC, id;

SELECT NULL = NULL, NULL <> 1, NULL IS NULL;

SELECT NULL::int + 1;

SELECT 'x' || NULL::text;

SELECT concat('x', NULL);

SELECT id FROM scores WHERE score > 15 ORDER BY id;

SELECT id FROM scores WHERE NOT (score > 15) ORDER BY id;

SELECT id FROM scores WHERE score IS NULL ORDER BY id;

SELECT id FROM scores WHERE score IS NOT NULL ORDER BY id;

SELECT id FROM scores WHERE flag IS TRUE ORDER BY id;

SELECT id FROM scores WHERE flag IS NOT FALSE ORDER BY id;

SELECT id FROM scores WHERE flag IS UNKNOWN ORDER BY id;

SELECT id FROM scores WHERE flag ORDER BY id;

SELECT id FROM scores WHERE NOT flag;

SELECT flag FROM scores ORDER BY id;

SELECT flag AND true, flag OR false, NOT flag FROM scores ORDER BY id;

SELECT id FROM scores WHERE score IN (10, NULL);

SELECT id FROM scores WHERE score NOT IN (10, NULL);

SELECT count(*), count(score), count(bonus), sum(bonus), avg(bonus) FROM scores;

SELECT nullif(score, 10) FROM scores ORDER BY id;

SELECT coalesce(NULL, NULL, 'third');

SELECT coalesce(score, bonus, -1) FROM scores ORDER BY id;

SELECT max(score), min(bonus) FROM scores WHERE score IS NULL;

SELECT player FROM scores ORDER BY player NULLS FIRST;

SELECT score FROM scores ORDER BY 1 DESC NULLS FIRST, id;

SELECT id, rank() OVER (ORDER BY score) FROM scores ORDER BY id;

SELECT array_agg(score ORDER BY score) FROM scores;

SELECT string_agg(player, ',' ORDER BY player DESC) FROM scores;

SELECT DISTINCT score FROM scores ORDER BY score;

SELECT score FROM scores UNION SELECT NULL ORDER BY 1;

SELECT CASE WHEN score IS NULL THEN 'none' ELSE score::text END FROM scores ORDER BY id;

SELECT true, false;

SELECT 1 = 1, 1 = 2;

SELECT id, score > 15 AS high FROM scores ORDER BY id;

SELECT id, player IS NULL FROM scores ORDER BY id;

SELECT id FROM scores ORDER BY score IS NULL, score;

SELECT bool_and(flag), bool_or(flag) FROM scores;

SELECT id FROM scores ORDER BY bonus DESC, score ASC NULLS FIRST, id;

SELECT (SELECT score FROM scores WHERE id = 2) IS NULL;

SELECT EXISTS (SELECT 1 WHERE NULL);
