import { describeNodeOrmProgram } from '../support/orm-program.js';

// TypeORM (postgres driver over pg) drives test/clients/node/typeorm-client.ts: EntitySchema
// entities with a many-to-one/one-to-many relation, synchronize() (it first reads
// `SELECT * FROM current_schema()`, information_schema.tables, pg_constraint, pg_index …),
// repositories, relations loaded by LEFT JOIN, the query builder and transactions.
describeNodeOrmProgram({
  title: 'TypeORM (postgres) against pgsqlite',
  program: 'typeorm-client.ts',
  packages: ['typeorm', 'pg'],
  scenarios: [
    { name: 'connect', title: 'DataSource.initialize() (SELECT * FROM current_schema(), version()) and a query with a parameter' },
    {
      name: 'synchronize-foreign-key', title: 'synchronize() with the relation as a foreign key',
    },
    { name: 'synchronize', title: 'synchronize() creates both tables (SERIAL, varchar(80), UNIQUE, defaults) with createForeignKeyConstraints: false' },
    {
      name: 'synchronize-again', title: 'a second synchronize finds nothing to change',
    },
    { name: 'crud', title: 'repository save/find with MoreThan/update/findOneByOrFail/countBy/delete/count' },
    { name: 'relations', title: 'findOne with relations both ways; query builder innerJoin with a named parameter' },
    { name: 'transaction', title: 'dataSource.transaction commits; 23505 inside one rolls it back' },
  ],
});
