import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initParser, parseStatements } from './parser.js';
import { resolveSchemaNames } from './resolve-schema-names.js';
import { SnapshotNeeded, type NamespaceContext } from './search-path.js';
import { translateStatement } from './translate/translate-statement.js';

before(() => initParser());

const snapshot = {
  id: 7, complete: true, schemas: new Map([['sales', '']]),
  relations: new Map<string, 'table' | 'view'>([['orders', 'table'], ['sales.orders', 'table'], ['sales.regions', 'table'], ['users', 'table']]),
  indexes: new Set(['sales.orders_idx']), sequences: new Set(['sales.orders_id_seq']),
};
const onPath: NamespaceContext = { key: '7:sales,public', searchPath: ['sales', 'public'], snapshot };
const publicOnly: NamespaceContext = { key: '', searchPath: ['public'], snapshot };
const noSchema: NamespaceContext = { key: '7:', searchPath: [], snapshot };

function sql(text: string, context?: NamespaceContext): string {
  const stmt = resolveSchemaNames(parseStatements(text)[0]!.stmt, context);
  return translateStatement(stmt as Parameters<typeof translateStatement>[0], { namespaces: context }).sql.join('; ');
}

test('a qualified relation is the SQLite table "schema.name", aliased by its name', () => {
  assert.equal(sql('SELECT orders.id, sales.orders.amount FROM sales.orders', publicOnly),
    'SELECT orders.id, orders.amount FROM "sales.orders" AS orders');
  assert.equal(sql('SELECT o.id FROM sales.orders o JOIN public.users u ON u.id = o.id'), 'SELECT o.id FROM "sales.orders" AS o JOIN users AS u ON u.id = o.id');
  assert.equal(sql('UPDATE sales.orders SET amount = 1 WHERE orders.id = 2'), 'UPDATE "sales.orders" AS orders SET amount = 1 WHERE orders.id = 2');
});

test('unqualified names follow the search path; CTE names and unknown names are left alone', () => {
  assert.equal(sql('SELECT * FROM orders', onPath), 'SELECT * FROM "sales.orders" AS orders');
  assert.equal(sql('SELECT * FROM users', onPath), 'SELECT * FROM users');
  assert.equal(sql('SELECT * FROM scratch', onPath), 'SELECT * FROM scratch');
  assert.equal(sql('WITH orders AS (SELECT 1 AS a) SELECT a FROM orders', onPath), 'WITH orders AS (SELECT 1 AS a) SELECT a FROM orders');
  assert.equal(sql('SELECT * FROM orders', publicOnly), 'SELECT * FROM orders');
});

test('CREATE goes to the first schema of the path, and needs one', () => {
  assert.match(sql('CREATE TABLE t (a text)', onPath), /CREATE TABLE "sales\.t" \(a TEXT\)/i);
  assert.throws(() => sql('CREATE TABLE t (a int)', noSchema), { code: '3F000' });
});

test('a public table whose name has a dot is not a schema', () => {
  assert.equal(sql('SELECT * FROM "sales.orders"'), 'SELECT * FROM "public.sales.orders" AS "sales.orders"');
});

test('DROP, indexes, renames and sequence names use the schema', () => {
  assert.match(sql('DROP INDEX orders_idx', onPath), /sales\.orders_idx/);
  assert.match(sql('CREATE INDEX orders_amount ON sales.orders (amount)'), /CREATE INDEX "sales\.orders_amount" ON "sales\.orders"/);
  assert.equal(sql('ALTER TABLE sales.orders RENAME TO old_orders'), 'ALTER TABLE "sales.orders" RENAME TO "sales.old_orders"');
  assert.match(sql("SELECT nextval('orders_id_seq')", onPath), /'sales\.orders_id_seq'/);
});

test('current_schema() and current_schemas() receive the effective path', () => {
  assert.equal(sql('SELECT current_schema()', onPath), "SELECT current_schema('sales') AS current_schema");
  assert.equal(sql('SELECT current_schemas(true)', onPath), 'SELECT current_schemas(1, \'["sales","public"]\') AS current_schemas');
  assert.equal(sql('SELECT current_schema', noSchema), 'SELECT current_schema(NULL) AS current_schema');
});

test('schema elements are created in the new schema and see each other', () => {
  const out = sql('CREATE SCHEMA inv CREATE TABLE items (sku text) CREATE VIEW low AS SELECT sku FROM items');
  assert.match(out, /CREATE VIEW "pgsqlite_namespace\.inv"/);
  assert.match(out, /CREATE TABLE "inv\.items"/);
  assert.match(out, /CREATE VIEW "inv\.low" AS SELECT sku FROM "inv\.items" AS items/);
});

test('DROP SCHEMA … CASCADE drops what the snapshot lists; RESTRICT checks at run time', () => {
  const withSales: NamespaceContext = {
    ...publicOnly,
    snapshot: { ...snapshot, relations: new Map([...snapshot.relations, ['sales.big', 'view']]) },
  };
  const cascade = sql('DROP SCHEMA sales CASCADE', withSales);
  assert.match(cascade, /DROP VIEW IF EXISTS "sales\.big"; DROP TABLE IF EXISTS "sales\.orders"; DROP TABLE IF EXISTS "sales\.regions"/);
  assert.match(cascade, /DELETE FROM pgsqlite_sequences WHERE substr\(name, 1, 6\) = 'sales\.'/);
  assert.match(cascade, /DROP VIEW IF EXISTS "pgsqlite_namespace\.sales"$/);
  assert.match(sql('DROP SCHEMA sales', withSales), /pgsqlite_raise\('2BP01', 'cannot drop schema sales because other objects depend on it'\)/);
  assert.throws(() => sql('CREATE SCHEMA pg_x'), { code: '42939' });
  assert.throws(() => sql('CREATE SCHEMA public'), { code: '42P06' });
});

test('an index without a name is named after the table within its schema', () => {
  assert.match(sql('CREATE INDEX ON sales.orders (customer)'), /CREATE INDEX "sales\.orders_customer_idx" ON "sales\.orders"/);
});

test('a statement that needs the relations of a schemas-only snapshot asks for them', () => {
  const schemasOnly: NamespaceContext = { ...publicOnly, snapshot: { ...snapshot, complete: false } };
  assert.throws(() => sql('DROP SCHEMA sales CASCADE', schemasOnly), SnapshotNeeded);
  assert.equal(sql('SELECT * FROM sales.orders', schemasOnly), 'SELECT * FROM "sales.orders" AS orders');
});
