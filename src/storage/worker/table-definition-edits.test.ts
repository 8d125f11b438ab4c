import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  collateClauseOf, declaredTypeOf, defaultOf, joinTableDefinition, removeConstraint, setColumnDefault, setColumnType, splitTableDefinition, withDeclaredType, withDefault,
} from './table-definition-edits.js';

describe('table definition edits', () => {
  test('split and join keep the text', () => {
    const sql = 'CREATE TABLE t (id int4 PRIMARY KEY NOT NULL, "name" text DEFAULT \'a, b\', CHECK (id > 0)) STRICT';
    const definition = splitTableDefinition(sql);
    assert.deepEqual(definition.elements, ['id int4 PRIMARY KEY NOT NULL', '"name" text DEFAULT \'a, b\'', 'CHECK (id > 0)']);
    assert.equal(joinTableDefinition(definition), 'CREATE TABLE t (id int4 PRIMARY KEY NOT NULL, "name" text DEFAULT \'a, b\', CHECK (id > 0)) STRICT');
  });

  test('DEFAULT is replaced, added or removed', () => {
    assert.equal(withDefault("nickname varchar(50) DEFAULT 'none' NOT NULL", "'x'"), "nickname varchar(50) NOT NULL DEFAULT 'x'");
    assert.equal(withDefault('n integer DEFAULT (1 + 2)', null), 'n integer');
    assert.equal(withDefault('n integer CONSTRAINT d DEFAULT -1 NOT NULL', null), 'n integer NOT NULL');
    assert.equal(withDefault('n integer', '5'), 'n integer DEFAULT 5');
    assert.equal(defaultOf("a text NOT NULL DEFAULT 'x' COLLATE BINARY"), "'x'");
    assert.equal(defaultOf('a text'), undefined);
  });

  test('the declared type is replaced; a numeric collation goes with the old type', () => {
    assert.equal(withDeclaredType('age integer NOT NULL', 'bigint'), 'age bigint NOT NULL');
    assert.equal(withDeclaredType('"ts" timestamp with time zone', 'text'), '"ts" text');
    assert.equal(withDeclaredType('p numeric_text(10,2) COLLATE pgsqlite_numeric NOT NULL', 'text'), 'p text NOT NULL');
    assert.equal(declaredTypeOf('"default" double precision DEFAULT 1'), 'double precision');
    assert.equal(collateClauseOf('p numeric_text(10,2) COLLATE pgsqlite_numeric NOT NULL'), 'COLLATE pgsqlite_numeric');
    assert.equal(collateClauseOf('p text'), '');
  });

  test('columns are found by name, without regard to case', () => {
    const definition = splitTableDefinition('CREATE TABLE t ("Id" integer, name text)');
    assert.equal(setColumnDefault(definition, 'id', '0'), true);
    assert.equal(setColumnType(definition, 'NAME', 'varchar(3)'), true);
    assert.equal(setColumnDefault(definition, 'missing', null), false);
    assert.equal(joinTableDefinition(definition), 'CREATE TABLE t ("Id" integer DEFAULT 0, name varchar(3))');
  });

  test('CHECK and FOREIGN KEY constraints are removed by their catalog names', () => {
    const sql = 'CREATE TABLE c (id integer PRIMARY KEY, p_id integer NOT NULL REFERENCES p (id) ON DELETE SET NULL, q integer CHECK (q > 0), '
      + 'CONSTRAINT c_q_fk FOREIGN KEY (q) REFERENCES p (id))';
    const definition = splitTableDefinition(sql);
    assert.equal(removeConstraint('c', definition, 'c_p_id_fkey')?.type, 'f');
    assert.equal(removeConstraint('c', definition, 'c_q_check')?.type, 'c');
    assert.equal(removeConstraint('c', definition, 'c_q_fk')?.type, 'f');
    assert.equal(removeConstraint('c', definition, 'nope'), undefined);
    assert.equal(joinTableDefinition(definition), 'CREATE TABLE c (id integer PRIMARY KEY, p_id integer NOT NULL, q integer)');
  });
});
