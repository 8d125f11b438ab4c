import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { startTestServer } from '../support/pgsqlite-server.js';

const priorityOf = async (client: pg.Client) => (await client.query('SHOW pgsqlite.write_priority')).rows[0]['pgsqlite.write_priority'];

describe('write priorities per role, per database, per role in a database', () => {
  it('ALTER ROLE … IN DATABASE … SET wins over the role\'s and the database\'s defaults; ALTER ROLE ALL IN DATABASE sets the database\'s', async () => {
    await using t = await startTestServer();
    const admin = await t.connect();
    await admin.query("CREATE ROLE loader LOGIN PASSWORD 'pw'");
    await admin.query('CREATE DATABASE reports');
    await admin.query("ALTER DATABASE reports SET pgsqlite.write_priority = 'low'");
    await admin.query("ALTER ROLE loader SET pgsqlite.write_priority = 'normal'");
    await admin.query("ALTER ROLE loader IN DATABASE postgres SET pgsqlite.write_priority = 'high'");
    const as = (database: string, user = 'loader') => t.connect({ user, password: 'pw', database });
    const inPostgres = await as('postgres');
    assert.equal(await priorityOf(inPostgres), 'high', 'role in this database');
    const inReports = await as('reports');
    assert.equal(await priorityOf(inReports), 'normal', 'the role default beats the database default');
    await admin.query('ALTER ROLE loader IN DATABASE postgres RESET pgsqlite.write_priority');
    assert.equal(await priorityOf(await as('postgres')), 'normal');
    await admin.query("ALTER ROLE ALL IN DATABASE postgres SET pgsqlite.write_priority = 'low'");
    assert.equal(await priorityOf(await t.connect()), 'low', 'ALTER ROLE ALL IN DATABASE is the database default');
    await admin.query('ALTER DATABASE postgres RESET pgsqlite.write_priority');
    await assert.rejects(admin.query("ALTER ROLE loader IN DATABASE nowhere SET pgsqlite.write_priority = 'low'"), (err: pg.DatabaseError) => err.code === '3D000');
    await assert.rejects(admin.query("ALTER ROLE nobody IN DATABASE postgres SET pgsqlite.write_priority = 'low'"), (err: pg.DatabaseError) => err.code === '42704');
    // Dropping the database drops its role defaults: a new database that gets the same OID starts clean.
    await admin.query("ALTER ROLE loader IN DATABASE reports SET pgsqlite.write_priority = 'high'");
    await inReports.end();
    await admin.query('DROP DATABASE reports');
    await admin.query('CREATE DATABASE reports');
    assert.equal(await priorityOf(await as('reports')), 'normal');
  });
});

describe('reader pool', () => {
  it('a read that waits longer than readerMaxWaitMs for a reader fails with 55P03; the session goes on', async () => {
    // One reader, every read in a worker: a long read occupies the only reader.
    await using t = await startTestServer({ readers: 1, inlineBudgetMs: 0, readerMaxWaitMs: 200 });
    const busy = await t.connect();
    const waiting = await t.connect();
    const long = busy.query('SELECT pg_sleep(1.5)');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await assert.rejects(waiting.query('SELECT 1 AS one'), (err: pg.DatabaseError) => err.code === '55P03' && /no reader was free within 200 ms/.test(err.message));
    await long;
    assert.deepEqual((await waiting.query('SELECT 1 AS one')).rows, [{ one: 1 }]);
  });
});
