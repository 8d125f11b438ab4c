import { describeNodeOrmProgram } from '../support/orm-program.js';

// Drizzle ORM (drizzle-orm/node-postgres) and drizzle-kit (its CLI, run as a child process with
// --dialect/--url, no config file) drive test/clients/node/drizzle-client.ts. Before a push,
// drizzle-kit reads pg_sequences, pg_policies, pg_roles, information_schema.tables and more; the
// per-table introspection (columns, indexes, foreign keys) is what push-again and pull need:
// the index introspection joins `pg_opclass opc ON opc.oid = ANY(i.indclass)` (PostgreSQL's btree
// operator classes, indclass the key types' defaults), and serial columns are told by
// `pg_get_expr(adbin) = 'nextval(''' || pg_get_serial_sequence(…)::regclass || '''::regclass)'`
// (a run-time name cast to regclass prints as regclass does: unqualified on the search path).
describeNodeOrmProgram({
  title: 'Drizzle ORM + drizzle-kit against pgsqlite',
  program: 'drizzle-client.ts',
  packages: ['drizzle-orm', 'drizzle-kit', 'pg'],
  scenarios: [
    { name: 'push', title: 'drizzle-kit push into an empty database: CREATE TABLE with serial, varchar(n), defaults, UNIQUE; CREATE INDEX … USING btree' },
    { name: 'push-again', title: 'a second push introspects the tables and finds no changes' },
    { name: 'pull', title: 'drizzle-kit pull writes the tables back as a TypeScript schema' },
    { name: 'crud', title: 'insert … returning with defaults, select with and/gt, update with sql``, orderBy, leftJoin + count + groupBy, delete … returning' },
    { name: 'relations', title: 'relational queries: findMany with many(), findFirst with one() (LEFT JOIN LATERAL … ON true)' },
    { name: 'transaction', title: 'db.transaction commits; 23505 inside one rolls it back' },
    { name: 'push-foreign-key', title: 'push a schema that adds a foreign key (ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY)' },
  ],
});
