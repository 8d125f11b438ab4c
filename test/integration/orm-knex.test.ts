import { describeNodeOrmProgram } from '../support/orm-program.js';

// Knex with the pg driver drives test/clients/node/knex-client.ts: migrate.latest/rollback/list from
// an in-code migration source (its knex_migrations and knex_migrations_lock tables), the schema
// builder (increments, string(n), timestamps(true, true) with now() defaults, composite index),
// hasTable/hasColumn/columnInfo (information_schema.tables and .columns), queries with bindings.
describeNodeOrmProgram({
  title: 'Knex (pg) against pgsqlite',
  program: 'knex-client.ts',
  packages: ['knex', 'pg'],
  scenarios: [
    { name: 'migrate', title: 'migrate.latest() creates two tables (increments, string, boolean default, timestamps, index); a second run applies nothing' },
    { name: 'rollback', title: 'migrate.rollback() drops both in reverse, latest() reapplies them, list() shows them completed' },
    { name: 'introspection', title: 'hasTable, hasColumn, columnInfo (types, max length, nullability, defaults)' },
    { name: 'crud', title: 'insert … returning, multi-row insert, where/join/groupBy with raw, update with a bound raw expression, first, del, count' },
    { name: 'transaction', title: 'knex.transaction commits; 23505 inside one rolls it all back' },
    {
      name: 'foreign-key', title: 'foreign key added by the schema builder (ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY), 23503 and ON DELETE CASCADE',
    },
    { name: 'alter-table', title: 'alterTable: add a column and a named index, then drop both' },
  ],
});
