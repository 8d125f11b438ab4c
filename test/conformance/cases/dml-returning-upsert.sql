-- setup
CREATE TABLE products (id serial PRIMARY KEY, sku text NOT NULL UNIQUE, name text NOT NULL, price numeric(10, 2) NOT NULL DEFAULT 0, stock int NOT NULL DEFAULT 0, active boolean NOT NULL DEFAULT true);

CREATE TABLE audit (id serial PRIMARY KEY, product_id int, note text);

-- case
INSERT INTO products (sku, name, price) VALUES ('A1', 'Apple', 1.20);

INSERT INTO products (sku, name, price, stock) VALUES ('B2', 'Banana', 0.50, 10), ('C3', 'Cherry', 3.00, 5);

INSERT INTO products (sku, name) VALUES ('D4', 'Date') RETURNING id, sku, price, stock, active;

INSERT INTO products (sku, name) VALUES ('E5', 'Elder') RETURNING *;

INSERT INTO products AS p (sku, name) VALUES ('F6', 'Fig') RETURNING p.id, p.name;

INSERT INTO products (sku, name) VALUES ('A1', 'Dup');

INSERT INTO products (sku, name) VALUES ('A1', 'Apple2') ON CONFLICT (sku) DO NOTHING;

INSERT INTO products (sku, name) VALUES ('A1', 'Apple2') ON CONFLICT DO NOTHING RETURNING id;

INSERT INTO products (sku, name, price) VALUES ('A1', 'Apple', 1.30) ON CONFLICT (sku) DO UPDATE SET price = EXCLUDED.price RETURNING sku, price;

INSERT INTO products (sku, name, stock) VALUES ('B2', 'Banana', 3) ON CONFLICT (sku) DO UPDATE SET stock = products.stock + EXCLUDED.stock RETURNING stock;

INSERT INTO products (sku, name) VALUES ('C3', 'x') ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name WHERE products.stock > 100 RETURNING name;

INSERT INTO products (sku, name) VALUES ('G7', 'Grape'), ('A1', 'Again') ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name RETURNING sku, name;

INSERT INTO products (sku, name) VALUES (NULL, 'No sku');

INSERT INTO products (sku, name, price) VALUES ('H8', 'Honeydew', DEFAULT) RETURNING price;

INSERT INTO products DEFAULT VALUES;

INSERT INTO audit (product_id, note) SELECT id, 'created ' || name FROM products WHERE price > 1;

SELECT product_id, note FROM audit ORDER BY product_id;

UPDATE products SET stock = stock + 1 WHERE sku = 'A1';

UPDATE products SET stock = stock - 1, active = false WHERE stock > 4 RETURNING sku, stock, active;

UPDATE products SET price = price * 2 WHERE sku = 'nope';

UPDATE products SET price = price * 2 WHERE sku = 'nope' RETURNING id;

UPDATE products p SET name = upper(p.name) WHERE p.sku = 'D4' RETURNING p.name;

UPDATE products SET name = a.note FROM audit a WHERE a.product_id = products.id AND products.sku = 'C3' RETURNING products.name;

UPDATE products SET (name, stock) = ('Apple!', 42) WHERE sku = 'A1' RETURNING name, stock;

UPDATE products SET stock = -1 WHERE sku = 'A1' AND stock < 0;

UPDATE products SET name = NULL WHERE sku = 'A1';

DELETE FROM audit WHERE product_id = 3;

DELETE FROM audit WHERE note LIKE 'created%' RETURNING product_id;

DELETE FROM products WHERE sku IN ('E5', 'F6') RETURNING sku;

DELETE FROM products p USING audit a WHERE a.product_id = p.id;

-- params: ["Z9", "Zucchini", "2.50"]
INSERT INTO products (sku, name, price) VALUES ($1, $2, $3) RETURNING id, price;

-- params: [5, "Z9"]
UPDATE products SET stock = $1 WHERE sku = $2 RETURNING stock;

-- params: ["Z9"]
DELETE FROM products WHERE sku = $1 RETURNING name;

SELECT sku, name, price, stock, active FROM products ORDER BY sku;

BEGIN;

INSERT INTO products (sku, name) VALUES ('T1', 'in tx');

SELECT count(*) FROM products WHERE sku = 'T1';

ROLLBACK;

SELECT count(*) FROM products WHERE sku = 'T1';

BEGIN;

INSERT INTO products (sku, name) VALUES ('T2', 'committed');

COMMIT;

SELECT name FROM products WHERE sku = 'T2';

BEGIN;

SAVEPOINT s1;

INSERT INTO products (sku, name) VALUES ('T3', 'rolled back');

ROLLBACK TO SAVEPOINT s1;

RELEASE SAVEPOINT s1;

COMMIT;

SELECT count(*) FROM products WHERE sku = 'T3';

BEGIN;

INSERT INTO products (sku, name) VALUES ('A1', 'dup in tx');

SELECT 1;

ROLLBACK;

WITH moved AS (DELETE FROM audit RETURNING product_id) SELECT count(*) FROM moved;

INSERT INTO audit (product_id, note) VALUES (1, 'x'), (2, 'y') RETURNING id > 0 AS ok, note;
