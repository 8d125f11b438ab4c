-- Schemas: CREATE/DROP/ALTER SCHEMA, search_path, schema-qualified names in DDL, DML and queries.
CREATE SCHEMA sales;

CREATE SCHEMA IF NOT EXISTS sales;

CREATE SCHEMA sales;

CREATE SCHEMA public;

CREATE SCHEMA pg_mine;

CREATE TABLE sales.orders (id serial PRIMARY KEY, customer text NOT NULL, amount numeric(10, 2));

CREATE TABLE orders (id int PRIMARY KEY, note text);

CREATE TABLE nosuch.t (a int);

INSERT INTO sales.orders (customer, amount) VALUES ('ann', 10.50), ('bob', 20), ('cy', 3.25);

INSERT INTO orders VALUES (1, 'public one');

SELECT id, customer, amount FROM sales.orders ORDER BY id;

SELECT * FROM orders;

SELECT sales.orders.customer FROM sales.orders ORDER BY 1;

SELECT o.customer, o.amount FROM sales.orders o WHERE o.amount > 5 ORDER BY o.id;

SELECT orders.customer FROM sales.orders WHERE orders.id = 2;

SELECT count(*) FROM sales.orders s JOIN public.orders p ON p.id = s.id;

SELECT * FROM nosuch.t;

SELECT * FROM sales.missing;

UPDATE sales.orders SET amount = amount + 1 WHERE customer = 'ann' RETURNING id, amount;

UPDATE sales.orders SET amount = orders.amount * 2 WHERE orders.customer = 'cy' RETURNING orders.amount;

DELETE FROM sales.orders WHERE customer = 'bob' RETURNING customer;

INSERT INTO sales.orders (customer, amount) VALUES ('dee', 1) RETURNING id, customer;

CREATE INDEX ON sales.orders (customer);

CREATE INDEX orders_amount_idx ON sales.orders (amount);

SELECT indexname FROM pg_indexes WHERE schemaname = 'sales' ORDER BY 1;

CREATE VIEW sales.big AS SELECT customer FROM sales.orders WHERE amount > 5;

SELECT * FROM sales.big ORDER BY 1;

CREATE TABLE sales.lines (order_id int REFERENCES sales.orders (id), qty int);

INSERT INTO sales.lines VALUES (1, 2);

INSERT INTO sales.lines VALUES (99, 2);

SELECT l.qty, o.customer FROM sales.lines l JOIN sales.orders o ON o.id = l.order_id;

SELECT nspname FROM pg_namespace WHERE nspname IN ('public', 'sales', 'pg_catalog', 'information_schema') ORDER BY 1;

SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('public', 'sales') ORDER BY 1;

SELECT schemaname, tablename FROM pg_tables WHERE schemaname IN ('public', 'sales') ORDER BY 1, 2;

SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE table_schema IN ('public', 'sales') ORDER BY 1, 2;

SELECT table_schema, table_name, column_name FROM information_schema.columns WHERE table_schema = 'sales' ORDER BY 2, ordinal_position;

SELECT c.relname, n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'sales' AND c.relkind IN ('r', 'v') ORDER BY 1;

SELECT viewname, schemaname FROM pg_views WHERE schemaname = 'sales';

-- search_path
SHOW search_path;

SELECT current_schema(), current_schemas(false), current_schemas(true);

SET search_path TO sales, public;

SHOW search_path;

SELECT current_schema, current_schemas(false);

SELECT id, customer FROM orders ORDER BY id;

SELECT * FROM big ORDER BY 1;

SELECT note FROM public.orders;

CREATE TABLE regions (code text PRIMARY KEY);

INSERT INTO regions VALUES ('eu');

SELECT * FROM sales.regions;

SELECT relname FROM pg_class WHERE relname = 'regions' AND pg_table_is_visible(oid);

SET search_path TO public;

SELECT * FROM regions;

SELECT * FROM orders;

SET search_path TO nosuch;

SELECT current_schema();

CREATE TABLE lost (a int);

SET search_path TO nosuch, sales;

SELECT current_schema(), current_schemas(false);

SELECT code FROM regions;

RESET search_path;

SELECT current_schema();

-- schema elements and AUTHORIZATION
CREATE SCHEMA inventory CREATE TABLE items (sku text PRIMARY KEY, qty int) CREATE VIEW low AS SELECT sku FROM items WHERE qty < 5;

INSERT INTO inventory.items VALUES ('a', 1), ('b', 10);

SELECT * FROM inventory.low;

CREATE SCHEMA owned AUTHORIZATION nosuchrole;

-- a public table whose name contains a dot is not a schema
CREATE TABLE "sales.orders" (x int);

INSERT INTO "sales.orders" VALUES (42);

SELECT * FROM "sales.orders";

SELECT count(*) FROM sales.orders;

SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'sales%';

-- moving and renaming
CREATE SCHEMA archive;

ALTER TABLE sales.lines SET SCHEMA archive;

SELECT * FROM archive.lines;

SELECT * FROM sales.lines;

ALTER TABLE public.orders SET SCHEMA nosuch;

ALTER SCHEMA archive RENAME TO old_archive;

SELECT * FROM old_archive.lines;

SELECT * FROM archive.lines;

ALTER SCHEMA old_archive RENAME TO sales;

ALTER TABLE old_archive.lines RENAME TO order_lines;

SELECT * FROM old_archive.order_lines;

-- dropping
DROP SCHEMA nosuch;

DROP SCHEMA IF EXISTS nosuch;

DROP SCHEMA inventory;

DROP TABLE inventory.items;

DROP VIEW inventory.low;

DROP TABLE inventory.items;

DROP SCHEMA inventory;

SELECT nspname FROM pg_namespace WHERE nspname = 'inventory';

DROP SCHEMA old_archive CASCADE;

SELECT * FROM old_archive.order_lines;

DROP INDEX sales.orders_amount_idx;

DROP TABLE sales.regions;

SELECT count(*) FROM sales.orders;

DROP SCHEMA sales CASCADE;

SELECT * FROM sales.orders;

SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' ORDER BY 1;

SELECT * FROM orders;

-- visibility and regclass follow the search path
CREATE SCHEMA crm;

CREATE TABLE crm.contacts (id int PRIMARY KEY, name text);

CREATE TABLE crm.notes (contact_id int REFERENCES crm.contacts (id), body text);

SELECT relname, pg_table_is_visible(oid) FROM pg_class WHERE relname IN ('contacts', 'notes') ORDER BY 1;

SELECT 'crm.contacts'::regclass::oid = (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'crm' AND c.relname = 'contacts');

SELECT conname, conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint WHERE contype = 'f' AND conrelid = 'crm.notes'::regclass;

SELECT table_name, constraint_type FROM information_schema.table_constraints WHERE table_schema = 'crm' AND constraint_type <> 'CHECK' ORDER BY 1, 2;

SET search_path = crm, public;

SELECT relname, pg_table_is_visible(oid) FROM pg_class WHERE relname IN ('contacts', 'notes') ORDER BY 1;

SELECT conname, conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint WHERE contype = 'f' AND conrelid = 'notes'::regclass;

INSERT INTO contacts VALUES (1, 'ann');

INSERT INTO notes VALUES (1, 'hello');

SELECT c.name, n.body FROM contacts c JOIN notes n ON n.contact_id = c.id;

CREATE SEQUENCE ticket_seq;

SELECT nextval('ticket_seq');

SELECT nextval('crm.ticket_seq');

SELECT currval('crm.ticket_seq');

SELECT sequencename, schemaname FROM pg_sequences WHERE sequencename = 'ticket_seq';

-- a search path that starts with the session user's schema
SET search_path = "$user", crm;

SHOW search_path;

SELECT current_schemas(false);

RESET search_path;

-- params: ["ann"]
SELECT id FROM crm.contacts WHERE name = $1;

DROP SCHEMA crm;

DROP SCHEMA crm CASCADE;

SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'crm';
