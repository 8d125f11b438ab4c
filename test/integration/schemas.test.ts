import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../support/pgsqlite-server.js';

describe('schemas and search_path across statements, sessions and prepared statements', () => {
  it('a named prepared statement resolves its names again after SET search_path (schema per tenant)', async () => {
    await using t = await startTestServer();
    const client = await t.connect();
    await client.query('CREATE SCHEMA tenant_a; CREATE SCHEMA tenant_b');
    await client.query("CREATE TABLE tenant_a.items (name text); INSERT INTO tenant_a.items VALUES ('from a')");
    await client.query("CREATE TABLE tenant_b.items (name text); INSERT INTO tenant_b.items VALUES ('from b')");
    const items = { name: 'items', text: 'SELECT name FROM items' };
    await client.query('SET search_path TO tenant_a');
    assert.deepEqual((await client.query(items)).rows, [{ name: 'from a' }]);
    await client.query('SET search_path TO tenant_b');
    assert.deepEqual((await client.query(items)).rows, [{ name: 'from b' }]);
  });

  it('later statements of one query string see schemas and search_path set by earlier ones', async () => {
    await using t = await startTestServer();
    const client = await t.connect();
    const results = await client.query(
      "CREATE SCHEMA app; SET search_path TO app, public; CREATE TABLE notes (body text); INSERT INTO notes VALUES ('x'); SELECT body, current_schema() AS s FROM notes",
    );
    const last = (results as unknown as { rows: unknown[] }[]).at(-1)!;
    assert.deepEqual(last.rows, [{ body: 'x', s: 'app' }]);
    const other = await t.connect();
    assert.deepEqual((await other.query('SELECT body FROM app.notes')).rows, [{ body: 'x' }]);
    await assert.rejects(other.query('SELECT body FROM notes'), { code: '42P01' });
  });

  it('inside a transaction, a schema and its tables created there resolve before COMMIT and vanish on ROLLBACK', async () => {
    await using t = await startTestServer();
    const client = await t.connect();
    await client.query('BEGIN');
    await client.query('CREATE SCHEMA scratch');
    await client.query('SET LOCAL search_path TO scratch');
    await client.query('CREATE TABLE t (a int)');
    await client.query('INSERT INTO t VALUES (1)');
    assert.deepEqual((await client.query('SELECT a FROM t')).rows, [{ a: 1 }]);
    await client.query('ROLLBACK');
    assert.deepEqual((await client.query("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'scratch'")).rows, [{ n: 0 }]);
    await assert.rejects(client.query('SELECT a FROM scratch.t'), { code: '42P01' });
  });
});
