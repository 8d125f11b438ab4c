-- setup
CREATE TABLE authors (id int PRIMARY KEY, name text NOT NULL, country text);

CREATE TABLE books (id int PRIMARY KEY, author_id int REFERENCES authors (id), title text NOT NULL, year int, price numeric(6, 2));

INSERT INTO authors VALUES (1, 'Austen', 'UK'), (2, 'Tolstoy', 'RU'), (3, 'Twain', 'US'), (4, 'Nobody', NULL);

INSERT INTO books VALUES (1, 1, 'Emma', 1815, 9.99), (2, 1, 'Persuasion', 1817, 7.50), (3, 2, 'War and Peace', 1869, 15.00), (4, 3, 'Huckleberry Finn', 1884, 8.25), (5, NULL, 'Anonymous', NULL, 1.00);

-- case
SELECT a.name, b.title FROM authors a JOIN books b ON b.author_id = a.id ORDER BY b.id;

SELECT a.name, b.title FROM authors a INNER JOIN books b ON b.author_id = a.id WHERE a.country = 'UK';

SELECT a.name, b.title FROM authors a LEFT JOIN books b ON b.author_id = a.id ORDER BY a.id, b.id;

SELECT a.name, b.title FROM books b RIGHT JOIN authors a ON b.author_id = a.id ORDER BY a.id, b.id;

SELECT a.name, b.title FROM authors a FULL OUTER JOIN books b ON b.author_id = a.id ORDER BY a.id, b.id;

SELECT count(*) FROM authors CROSS JOIN books;

SELECT a.name, b.title FROM authors a, books b WHERE a.id = b.author_id AND b.year > 1850;

SELECT name, title FROM authors JOIN books ON authors.id = books.author_id ORDER BY title LIMIT 2;

SELECT * FROM authors NATURAL JOIN (SELECT author_id AS id, title FROM books) x ORDER BY title;

SELECT id, name, title FROM authors JOIN (SELECT author_id AS id, title FROM books) x USING (id) ORDER BY title;

SELECT name FROM authors WHERE id IN (SELECT author_id FROM books WHERE year < 1820);

SELECT name FROM authors WHERE id NOT IN (SELECT author_id FROM books WHERE author_id IS NOT NULL);

SELECT name FROM authors a WHERE EXISTS (SELECT 1 FROM books b WHERE b.author_id = a.id) ORDER BY name;

SELECT name FROM authors a WHERE NOT EXISTS (SELECT 1 FROM books b WHERE b.author_id = a.id);

SELECT name, (SELECT count(*) FROM books b WHERE b.author_id = a.id) AS n FROM authors a ORDER BY id;

SELECT title FROM books WHERE price > (SELECT avg(price) FROM books);

SELECT title FROM books WHERE price = (SELECT max(price) FROM books);

SELECT t.title FROM (SELECT title, year FROM books WHERE year IS NOT NULL) AS t ORDER BY t.year DESC LIMIT 1;

SELECT title FROM books ORDER BY id LIMIT 2 OFFSET 1;

SELECT title FROM books ORDER BY id OFFSET 3;

SELECT title FROM books ORDER BY id FETCH FIRST 2 ROWS ONLY;

SELECT DISTINCT author_id FROM books WHERE author_id IS NOT NULL;

SELECT DISTINCT ON (author_id) author_id, title FROM books ORDER BY author_id, year DESC;

SELECT name FROM authors UNION SELECT title FROM books ORDER BY 1;

SELECT country FROM authors UNION ALL SELECT country FROM authors;

SELECT author_id FROM books INTERSECT SELECT id FROM authors;

SELECT id FROM authors EXCEPT SELECT author_id FROM books;

SELECT title, year FROM books WHERE year BETWEEN 1810 AND 1870 ORDER BY year;

SELECT title FROM books WHERE author_id = ANY (SELECT id FROM authors WHERE country IN ('UK', 'US')) ORDER BY id;

SELECT title FROM books WHERE price > ALL (SELECT price FROM books WHERE author_id = 1);

SELECT a.name, b.title FROM authors a LEFT JOIN LATERAL (SELECT title FROM books WHERE author_id = a.id ORDER BY year DESC LIMIT 1) b ON true ORDER BY a.id;

SELECT * FROM authors WHERE (id, name) = (1, 'Austen');

SELECT * FROM authors WHERE (id, country) IN (SELECT 2, 'RU');

SELECT b.* FROM books b WHERE b.id = 3;

SELECT authors.*, books.title FROM authors JOIN books ON books.author_id = authors.id WHERE books.id = 1;

SELECT 1 AS one, 'x' AS "Quoted Name", b.title AS t FROM books b WHERE b.id = 1;

SELECT count(*) AS total FROM (SELECT DISTINCT country FROM authors) s;

SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(n, s) ORDER BY n;

SELECT title FROM books WHERE title LIKE '%a%' ORDER BY title DESC;

SELECT CASE WHEN year < 1850 THEN 'old' WHEN year IS NULL THEN 'unknown' ELSE 'newer' END AS era, title FROM books ORDER BY id;

SELECT title FROM books ORDER BY price DESC, title LIMIT 3;

SELECT b.title, a.name FROM books b JOIN authors a ON a.id = b.author_id AND a.country <> 'RU' ORDER BY b.title;

SELECT count(*) FILTER (WHERE year > 1850) AS modern, count(*) AS all_books FROM books;

SELECT title FROM books b WHERE year = (SELECT min(year) FROM books WHERE author_id = b.author_id) ORDER BY id;

SELECT EXISTS (SELECT 1 FROM books WHERE price > 100);

SELECT name FROM authors ORDER BY length(name), name;

SELECT name FROM authors WHERE country IS DISTINCT FROM 'UK' ORDER BY id;

SELECT name FROM authors WHERE country IS NOT DISTINCT FROM NULL;

SELECT title FROM books WHERE NOT (year > 1850) ORDER BY id;

SELECT title FROM books WHERE year > 1850 OR author_id IS NULL ORDER BY id;

SELECT title FROM books LIMIT 0;

SELECT 'const' FROM books WHERE false;

SELECT DISTINCT ON (author_id) author_id, title, year FROM books WHERE author_id IS NOT NULL ORDER BY author_id, year;

SELECT DISTINCT ON (1) author_id AS a, title FROM books ORDER BY 1, price DESC LIMIT 2;

SELECT DISTINCT ON (country) name FROM authors ORDER BY country, name DESC;

SELECT DISTINCT ON (title) author_id, title FROM books ORDER BY author_id, title;

SELECT title FROM books WHERE price >= ALL (SELECT price FROM books) ORDER BY id;

SELECT title FROM books WHERE year > ALL (SELECT year FROM books WHERE author_id = 1) ORDER BY id;

SELECT name, id < ANY (SELECT author_id FROM books) FROM authors ORDER BY id;

SELECT title FROM books WHERE price < ALL (SELECT price FROM books WHERE false) ORDER BY id;

SELECT a.name, b.n, b.newest FROM authors a CROSS JOIN LATERAL (SELECT count(*) AS n, max(year) AS newest FROM books WHERE author_id = a.id) b ORDER BY a.id;

SELECT a.name, b.title FROM authors a JOIN LATERAL (SELECT title FROM books WHERE author_id = a.id ORDER BY year LIMIT 1) b ON true ORDER BY a.id;

SELECT a.name, b.title FROM authors a, LATERAL (SELECT title FROM books WHERE author_id = a.id) b ORDER BY a.id, b.title;

SELECT a.name, b.title FROM authors a LEFT JOIN LATERAL (SELECT title, year FROM books WHERE author_id = a.id) b ON b.year > 1816 ORDER BY a.id, b.title;

SELECT EXISTS (SELECT FROM books WHERE year > 1880);

SELECT FROM authors WHERE country = 'UK';

SELECT (SELECT FROM books LIMIT 1);

SELECT name FROM authors WHERE id IN (SELECT FROM books);

SELECT a.name, title, (SELECT count(*) FROM books WHERE title = 'Emma') AS emmas FROM authors a LEFT JOIN LATERAL (SELECT title FROM books WHERE author_id = a.id ORDER BY year LIMIT 1) b ON true ORDER BY a.id;
