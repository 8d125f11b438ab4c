import { describeNodeOrmProgram } from '../support/orm-program.js';

// Kysely with its node-postgres dialect drives test/clients/node/kysely-client.ts: Migrator with an
// in-code provider (its kysely_migration / kysely_migration_lock tables, the lock row taken with
// SELECT … FOR UPDATE), db.introspection.getTables() (pg_attribute ⋈ pg_class ⋈ pg_namespace ⋈
// pg_type, pg_get_serial_sequence, col_description), typed CRUD and transactions.
describeNodeOrmProgram({
  title: 'Kysely (node-postgres dialect) against pgsqlite',
  program: 'kysely-client.ts',
  packages: ['kysely', 'pg'],
  scenarios: [
    { name: 'migrate', title: 'Migrator.migrateToLatest() runs two migrations (createTable with serial, references, createIndex); a second run has nothing to do' },
    { name: 'migrate-down', title: 'Migrator.migrateDown() drops the last migration, migrateToLatest() reapplies it' },
    { name: 'introspection', title: 'db.introspection.getTables(): tables, columns in order, data types, nullability, defaults, auto-increment' },
    { name: 'introspection-serial', title: 'getTables() reports a serial id as auto-incrementing with a default' },
    { name: 'crud', title: 'insert … returning, select with where/join/orderBy, update, delete, count, raw sql with a parameter' },
    { name: 'transaction', title: 'db.transaction() commits; a thrown error rolls back; 23505 on a duplicate unique value' },
    { name: 'insert-default-some-rows', title: 'a multi-row insert where only some rows give a column (Kysely sends DEFAULT for the others)' },
  ],
});
