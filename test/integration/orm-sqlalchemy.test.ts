import { fileURLToPath } from 'node:url';
import { describeClientProgram, probeTool } from '../support/client-program.js';
import { runCommand } from '../support/run-command.js';

// SQLAlchemy 2 with the psycopg 3 dialect drives test/clients/python/sqlalchemy_client.py:
// metadata.create_all/drop_all (has_table through pg_class ⋈ pg_namespace), ORM CRUD with a
// relationship, session transactions, and inspect(engine) (its reflection queries name columns as
// pg_catalog.pg_class.relname). .ci/run installs it with pip.
const python = process.env.PYTHON ?? 'python3';
const program = fileURLToPath(new URL('../clients/python/sqlalchemy_client.py', import.meta.url));

describeClientProgram({
  title: 'SQLAlchemy 2 (psycopg 3) against pgsqlite',
  missing: await probeTool(python, ['-c', 'import sqlalchemy, psycopg']),
  installHint: '.ci/run installs it (python3 -m pip install "sqlalchemy==2.*")',
  scenarios: [
    { name: 'create-all', title: 'metadata.create_all: two tables, foreign key with ON DELETE CASCADE, UNIQUE, an index; again with checkfirst' },
    { name: 'crud', title: 'ORM add/commit with a relationship, select/where, lazy load, update, join + count + group_by, delete, text() with a parameter' },
    { name: 'transaction', title: 'session.begin() commits; IntegrityError 23505 rolls the block back' },
    { name: 'inspect-tables', title: 'inspect(): get_table_names, get_columns (names, types, varchar length, nullability)' },
    { name: 'inspect-keys', title: 'inspect(): get_pk_constraint, get_foreign_keys, get_indexes, get_unique_constraints' },
    { name: 'inspect-serial', title: 'inspect(): get_columns reports a SERIAL primary key as autoincrement with its nextval default' },
    { name: 'drop-all', title: 'metadata.drop_all in dependency order' },
  ],
  run: (port, names) => runCommand(python, [program, ...names], {
    env: { PGHOST: '127.0.0.1', PGPORT: String(port) },
    timeoutMs: 240_000,
  }),
});
