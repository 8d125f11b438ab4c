import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { runCommand } from '../support/run-command.js';
import { startPostgresCluster, type PostgresCluster } from '../support/pg-cluster.js';
import { hasPgBinaries, pgBinary, psqlPath } from '../support/pg-bin.js';
import { startTestServer, type TestServer } from '../support/pgsqlite-server.js';

const skipClients = !hasPgBinaries() && !process.env.CI ? 'PostgreSQL 15 client tools are not installed' : false;

describe('multi-database', () => {
  let t: TestServer;
  let admin: pg.Client;
  const env = () => ({ PGHOST: t.host, PGPORT: String(t.port), PGUSER: 'postgres' });
  before(async () => {
    t = await startTestServer({ idleCloseMs: 200 });
    admin = await t.connect();
  });
  after(async () => t.close());

  it('createdb and dropdb work against the server', { skip: skipClients }, async () => {
    const created = await runCommand(pgBinary('createdb'), ['made_by_createdb'], { env: env(), timeoutMs: 30_000 });
    assert.equal(created.code, 0, created.stderr);
    const client = await t.connect({ database: 'made_by_createdb' });
    assert.equal((await client.query('SELECT current_database() AS d')).rows[0].d, 'made_by_createdb');
    await client.end();
    const dropped = await runCommand(pgBinary('dropdb'), ['made_by_createdb'], { env: env(), timeoutMs: 30_000 });
    assert.equal(dropped.code, 0, dropped.stderr);
    const gone = new pg.Client(t.clientConfig({ database: 'made_by_createdb' }));
    await assert.rejects(gone.connect(), (err: pg.DatabaseError) => err.code === '3D000');
  });

  it('keeps databases isolated, each a standalone SQLite file', async () => {
    await admin.query('CREATE DATABASE iso_a');
    await admin.query('CREATE DATABASE iso_b');
    const a = await t.connect({ database: 'iso_a' });
    const b = await t.connect({ database: 'iso_b' });
    await a.query('CREATE TABLE only_in_a (n integer)');
    await a.query('INSERT INTO only_in_a VALUES (42)');
    await assert.rejects(b.query('SELECT * FROM only_in_a'), (err: pg.DatabaseError) => err.code === '42P01');
    const file = new Database(join(t.dataDir, 'base', 'iso_a.sqlite'), { readonly: true });
    assert.deepEqual(file.prepare('SELECT n FROM only_in_a').all(), [{ n: 42 }]);
    file.close();
  });

  it('reports PostgreSQL errors: 42P04, 25001, 3D000, 42602, 55006', async () => {
    await assert.rejects(admin.query('CREATE DATABASE iso_a'), (err: pg.DatabaseError) => err.code === '42P04');
    await admin.query('BEGIN');
    await assert.rejects(admin.query('CREATE DATABASE in_tx'), (err: pg.DatabaseError) => err.code === '25001');
    await admin.query('ROLLBACK');
    await assert.rejects(admin.query('CREATE DATABASE "../escape"'), (err: pg.DatabaseError) => err.code === '42602');
    await assert.rejects(admin.query('CREATE DATABASE "a/b"'), (err: pg.DatabaseError) => err.code === '42602');
    assert.ok(!existsSync(join(t.dataDir, 'escape.sqlite')));
    await assert.rejects(admin.query('DROP DATABASE nope'), (err: pg.DatabaseError) => err.code === '3D000');
    await admin.query('DROP DATABASE IF EXISTS nope');
    await assert.rejects(admin.query('DROP DATABASE postgres'), (err: pg.DatabaseError) => err.code === '55006');
    const busy = await t.connect({ database: 'iso_b' });
    await assert.rejects(admin.query('DROP DATABASE iso_b'), (err: pg.DatabaseError) => err.code === '55006');
    await busy.end();
  });

  it('20 sessions create databases at once', async () => {
    const clients = await Promise.all(Array.from({ length: 20 }, () => t.connect()));
    await Promise.all(clients.map((c, i) => c.query(`CREATE DATABASE parallel_${i}`)));
    const names = (await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'parallel\\_%' ORDER BY datname")).rows.map((r) => r.datname);
    assert.equal(names.length, 20);
    await Promise.all(clients.map((c, i) => c.query(`DROP DATABASE parallel_${i}`)));
    await Promise.all(clients.map((c) => c.end()));
  });

  it('DROP DATABASE … WITH (FORCE) ends the sessions of 10 busy clients with 57P01', async () => {
    await admin.query('CREATE DATABASE forced');
    const victims = await Promise.all(Array.from({ length: 10 }, () => t.connect({ database: 'forced' })));
    const errors: (pg.DatabaseError | Error)[] = [];
    for (const v of victims) v.on('error', (err) => errors.push(err));
    const running = victims.map(async (v) => {
      for (;;) await v.query('SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000) SELECT x FROM c)');
    });
    // Observed from the start: the loops end by rejecting when their sessions are terminated.
    const settled = Promise.allSettled(running);
    await new Promise((r) => setTimeout(r, 100));
    await admin.query('DROP DATABASE forced WITH (FORCE)');
    const outcomes = await settled;
    assert.ok(outcomes.every((o) => o.status === 'rejected'));
    assert.ok(errors.some((e) => (e as pg.DatabaseError).code === '57P01') || outcomes.some((o) => o.status === 'rejected' && (o.reason as pg.DatabaseError).code === '57P01'));
    assert.ok(!existsSync(join(t.dataDir, 'base', 'forced.sqlite')));
  });

  it('CREATE DATABASE … TEMPLATE copies a database with 100k rows; a template in use is refused', async () => {
    await admin.query('CREATE DATABASE source_db');
    const source = await t.connect({ database: 'source_db' });
    await source.query('CREATE TABLE rows100k (id integer PRIMARY KEY, v text)');
    await source.query("INSERT INTO rows100k WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000) SELECT x, 'value ' || x FROM c");
    await assert.rejects(admin.query('CREATE DATABASE copy_db TEMPLATE source_db'), (err: pg.DatabaseError) => err.code === '55006');
    await source.end();
    await admin.query('CREATE DATABASE copy_db TEMPLATE source_db');
    const copy = await t.connect({ database: 'copy_db' });
    assert.equal((await copy.query('SELECT count(*) AS n FROM rows100k')).rows[0].n, '100000');
    await copy.end();
  });

  it('ALTER DATABASE: rename, connection limit (53300), allow_connections, SET defaults at connect', async () => {
    await admin.query('CREATE DATABASE altered');
    await admin.query('ALTER DATABASE altered RENAME TO renamed');
    const renamed = await t.connect({ database: 'renamed' });
    assert.equal((await renamed.query('SELECT current_database() AS d')).rows[0].d, 'renamed');
    await admin.query("ALTER DATABASE renamed SET statement_timeout = '7s'");
    const second = await t.connect({ database: 'renamed' });
    assert.equal((await second.query('SHOW statement_timeout')).rows[0].statement_timeout, '7s');
    await second.end();
    await renamed.end();
    // Limits do not bind superusers, as in PostgreSQL: use an ordinary role.
    await admin.query("CREATE ROLE limited LOGIN PASSWORD 'pw'");
    await admin.query('ALTER DATABASE renamed CONNECTION LIMIT 1');
    const first = await t.connect({ database: 'renamed', user: 'limited', password: 'pw' });
    const over = new pg.Client(t.clientConfig({ database: 'renamed', user: 'limited', password: 'pw' }));
    await assert.rejects(over.connect(), (err: pg.DatabaseError) => err.code === '53300');
    await first.end();
    await admin.query('ALTER DATABASE renamed ALLOW_CONNECTIONS false');
    const refused = new pg.Client(t.clientConfig({ database: 'renamed' }));
    await assert.rejects(refused.connect(), (err: pg.DatabaseError) => err.code === '55000');
    await admin.query('ALTER DATABASE renamed OWNER TO limited');
    const row = (await admin.query("SELECT datconnlimit, datallowconn, pg_catalog.pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = 'renamed'")).rows[0];
    assert.deepEqual(row, { datconnlimit: 1, datallowconn: false, owner: 'limited' });
    await admin.query('ALTER DATABASE renamed ALLOW_CONNECTIONS true');
    await admin.query('ALTER DATABASE renamed RESET statement_timeout');
    const third = await t.connect({ database: 'renamed' });
    assert.equal((await third.query('SHOW statement_timeout')).rows[0].statement_timeout, '0');
    await third.end();
  });

  it('closes the files of a database nobody uses, and reopens them on demand', async () => {
    await admin.query('CREATE DATABASE idle_db');
    const c = await t.connect({ database: 'idle_db' });
    await c.query('CREATE TABLE x (a integer)');
    await c.end();
    await new Promise((r) => setTimeout(r, 600));
    // Closed files leave no WAL behind (the last connection checkpoints on close).
    assert.ok(!existsSync(join(t.dataDir, 'base', 'idle_db.sqlite-wal')));
    const again = await t.connect({ database: 'idle_db' });
    assert.deepEqual((await again.query('SELECT count(*) AS n FROM x')).rows[0], { n: '0' });
    await again.end();
  });

  it('serves a SQLite file placed in base/ and one named with the databases option', async () => {
    const placed = new Database(join(t.dataDir, 'base', 'placed.sqlite'));
    placed.exec("CREATE TABLE greetings (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO greetings (text) VALUES ('hi')");
    placed.close();
    const outside = join(t.dataDir, '..', `outside-${process.pid}.sqlite`);
    const external = new Database(outside);
    external.exec('CREATE TABLE ext (n INTEGER); INSERT INTO ext VALUES (7)');
    external.close();
    // A second server on the same data directory finds placed.sqlite, and serves the outside file.
    await t.server.close();
    const second = await startTestServer({ dataDir: t.dataDir, databases: { external: outside } });
    try {
      const ext = await second.connect({ database: 'external' });
      assert.deepEqual((await ext.query('SELECT n FROM ext')).rows, [{ n: 7 }]);
      const greeting = await second.connect({ database: 'placed' });
      assert.deepEqual((await greeting.query('SELECT text FROM greetings')).rows, [{ text: 'hi' }]);
      await greeting.end();
      await ext.end();
    } finally {
      await second.close();
    }
  });
});

describe('psql \\l against PostgreSQL 15', { skip: skipClients }, () => {
  let cluster: PostgresCluster;
  let t: TestServer;
  before(async () => {
    cluster = await startPostgresCluster();
    t = await startTestServer();
  });
  after(async () => {
    await t?.close();
    await cluster?.stop();
  });

  it('prints the same list of databases', async () => {
    const list = async (port: number) => {
      const env = { PGHOST: '127.0.0.1', PGPORT: String(port), PGUSER: 'postgres', PGDATABASE: 'postgres' };
      await runCommand(psqlPath(), ['-X', '-q', '-c', 'CREATE DATABASE listed'], { env, timeoutMs: 30_000 });
      const result = await runCommand(psqlPath(), ['-X', '-c', '\\l'], { env, timeoutMs: 30_000 });
      assert.equal(result.code, 0, result.stderr);
      return result.stdout;
    };
    assert.equal(await list(t.port), await list(cluster.port));
  });
});
