import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveSearchPath, formatSearchPath, parseSearchPath, schemaOfRelation, type NamespaceContext } from './search-path.js';

test('parses bare and quoted names', () => {
  assert.deepEqual(parseSearchPath('"$user", public'), ['$user', 'public']);
  assert.deepEqual(parseSearchPath('S1 ,  "My ""x"" Schema",public'), ['s1', 'My "x" Schema', 'public']);
  assert.deepEqual(parseSearchPath(''), []);
});

test('formats as PostgreSQL prints the setting', () => {
  assert.equal(formatSearchPath('$user, public'), '"$user", public');
  assert.equal(formatSearchPath('s, public'), 's, public');
  assert.equal(formatSearchPath('"My Schema"'), '"My Schema"');
});

test('the effective path keeps existing schemas once, resolving $user', () => {
  const schemas = new Map([['alice', ''], ['sales', '']]);
  assert.deepEqual(effectiveSearchPath(['$user', 'public'], 'bob', schemas), ['public']);
  assert.deepEqual(effectiveSearchPath(['$user', 'public'], 'alice', schemas), ['alice', 'public']);
  assert.deepEqual(effectiveSearchPath(['nosuch', 'sales', 'public', 'sales', 'pg_catalog'], 'bob', schemas), ['sales', 'public']);
});

test('an unqualified relation resolves to the first schema of the path that has it', () => {
  const context: NamespaceContext = {
    key: 'k', searchPath: ['sales', 'public'],
    snapshot: { id: 1, complete: true, schemas: new Map([['sales', '']]), relations: new Map([['orders', 'table'], ['sales.orders', 'table'], ['users', 'view']]), indexes: new Set(), sequences: undefined },
  };
  assert.equal(schemaOfRelation(context, 'orders'), 'sales');
  assert.equal(schemaOfRelation(context, 'users'), 'public');
  assert.equal(schemaOfRelation(context, 'missing'), undefined);
});
