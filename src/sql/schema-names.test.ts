import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitStorageName, storageName } from './schema-names.js';

test('public names stay plain unless they contain a dot', () => {
  assert.equal(storageName('public', 'users'), 'users');
  assert.equal(storageName('public', 'a.b'), 'public.a.b');
  assert.deepEqual(splitStorageName('users'), { schema: 'public', name: 'users' });
  assert.deepEqual(splitStorageName('public.a.b'), { schema: 'public', name: 'a.b' });
});

test('a relation of another schema is prefixed with the schema', () => {
  assert.equal(storageName('sales', 'orders'), 'sales.orders');
  assert.equal(storageName('sales', 'x.y'), 'sales.x.y');
  assert.deepEqual(splitStorageName('sales.orders'), { schema: 'sales', name: 'orders' });
  assert.deepEqual(splitStorageName('sales.x.y'), { schema: 'sales', name: 'x.y' });
});

test('encoding round-trips for every schema and name', () => {
  for (const schema of ['public', 's', 'Mixed Case']) {
    for (const name of ['t', 'a.b', '.x', 'y.', 'p.q.r']) {
      assert.deepEqual(splitStorageName(storageName(schema, name)), { schema, name });
    }
  }
});
