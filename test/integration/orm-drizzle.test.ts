import { describeNodeOrmProgram } from '../support/orm-program.js';

// Drizzle ORM (drizzle-orm/node-postgres) and drizzle-kit (its CLI, run as a child process with
// --dialect/--url, no config file) drive test/clients/node/drizzle-client.ts. Before a push,
// drizzle-kit reads pg_sequences, pg_policies, pg_roles, information_schema.tables and more; the
// per-table introspection (columns, indexes, foreign keys) is what push-again and pull need.
const emptyTargetList = "drizzle-kit's column introspection has EXISTS (SELECT FROM pg_attrdef ad WHERE …): 0A000 SELECT with an empty target list is not supported yet";
describeNodeOrmProgram({
  title: 'Drizzle ORM + drizzle-kit against pgsqlite',
  program: 'drizzle-client.ts',
  packages: ['drizzle-orm', 'drizzle-kit', 'pg'],
  scenarios: [
    { name: 'push', title: 'drizzle-kit push into an empty database: CREATE TABLE with serial, varchar(n), defaults, UNIQUE; CREATE INDEX … USING btree' },
    { name: 'push-again', title: 'a second push introspects the tables and finds no changes', blocked: emptyTargetList },
    { name: 'pull', title: 'drizzle-kit pull writes the tables back as a TypeScript schema', blocked: emptyTargetList },
    { name: 'crud', title: 'insert … returning with defaults, select with and/gt, update with sql``, orderBy, leftJoin + count + groupBy, delete … returning' },
    {
      name: 'relations', title: 'relational queries: findMany with many(), findFirst with one()',
      blocked: 'drizzle-orm builds them with LEFT JOIN LATERAL (SELECT coalesce(json_agg(json_build_array(…)), \'[]\'::json) …): LATERAL is not supported yet',
    },
    { name: 'transaction', title: 'db.transaction commits; 23505 inside one rolls it back' },
    {
      name: 'push-foreign-key', title: 'push a schema that adds a foreign key (ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY)',
      blocked: `${emptyTargetList}; then the foreign key: 0A000 ALTER TABLE … ADD FOREIGN KEY is not supported yet`,
    },
  ],
});
