import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import postgres from 'postgres';
import { startTestServer, type TestServer } from '../support/pgsqlite-server.js';

const passwordOf = { scram: 'scram-secret', md5: 'md5-secret', clear: 'clear-secret' };

describe('authentication methods over TCP, TLS and a unix socket', () => {
  let socketDir: string;
  let scram: TestServer;
  before(async () => {
    socketDir = mkdtempSync(join(tmpdir(), 'pgsqlite-sock-'));
    scram = await startTestServer({ password: passwordOf.scram, tls: { mode: 'self-signed' }, socketDir });
  });
  after(async () => {
    await scram.close();
    rmSync(socketDir, { recursive: true, force: true });
  });

  it('SCRAM-SHA-256 is the default for a role with a password (node-postgres)', async () => {
    const client = new pg.Client(scram.clientConfig({ password: passwordOf.scram }));
    await client.connect();
    assert.equal((await client.query('SELECT 1 AS x')).rows[0].x, 1);
    await client.end();
  });

  it('a wrong password gets 28P01 and the server keeps serving', async () => {
    const client = new pg.Client(scram.clientConfig({ password: 'wrong' }));
    await assert.rejects(client.connect(), (err: pg.DatabaseError) => err.code === '28P01');
    const good = new pg.Client(scram.clientConfig({ password: passwordOf.scram }));
    await good.connect();
    await good.end();
  });

  it('an unknown role gets the same 28P01 answer', async () => {
    const client = new pg.Client(scram.clientConfig({ user: 'nobody', password: 'x' }));
    await assert.rejects(client.connect(), (err: pg.DatabaseError) => err.code === '28P01');
  });

  it('TLS with a self-signed certificate (node-postgres and postgres.js)', async () => {
    const client = new pg.Client(scram.clientConfig({ password: passwordOf.scram, ssl: { rejectUnauthorized: false } }));
    await client.connect();
    assert.equal((await client.query('SELECT 3 AS x')).rows[0].x, 3);
    await client.end();
    const sql = postgres({ host: scram.host, port: scram.port, user: 'postgres', password: passwordOf.scram, database: 'postgres', ssl: { rejectUnauthorized: false }, max: 1 });
    const rows = await sql`SELECT ${5}::int AS x`;
    assert.equal(rows[0].x, 5);
    await sql.end();
  });

  it('a unix socket in the socket directory', async () => {
    const client = new pg.Client({ host: socketDir, port: scram.port, user: 'postgres', password: passwordOf.scram, database: 'postgres' });
    await client.connect();
    assert.equal((await client.query('SELECT 4 AS x')).rows[0].x, 4);
    await client.end();
    const sql = postgres({ path: join(socketDir, `.s.PGSQL.${scram.port}`), user: 'postgres', password: passwordOf.scram, database: 'postgres', max: 1 });
    assert.equal((await sql`SELECT 6 AS x`)[0].x, 6);
    await sql.end();
  });

  it('roles made with CREATE ROLE log in; md5 and password methods work', async () => {
    const admin = new pg.Client(scram.clientConfig({ password: passwordOf.scram }));
    await admin.connect();
    await admin.query(`CREATE ROLE alice LOGIN PASSWORD '${passwordOf.scram}'`);
    await admin.query("SET password_encryption = 'md5'");
    await admin.query(`CREATE USER bob PASSWORD '${passwordOf.md5}'`);
    await admin.end();
    const alice = new pg.Client(scram.clientConfig({ user: 'alice', password: passwordOf.scram }));
    await alice.connect();
    assert.equal((await alice.query('SELECT current_setting($1) AS u', ['session_authorization'])).rows[0].u, 'alice');
    await alice.end();
    // bob's password is stored as md5, so a server in md5 mode does the md5 exchange.
    const md5Server = await startTestServer({ authMethod: 'md5', password: passwordOf.scram });
    try {
      const setup = new pg.Client(md5Server.clientConfig({ password: passwordOf.scram }));
      await setup.connect();
      await setup.query("SET password_encryption = 'md5'");
      await setup.query(`CREATE USER bob PASSWORD '${passwordOf.md5}'`);
      await setup.end();
      const bob = new pg.Client(md5Server.clientConfig({ user: 'bob', password: passwordOf.md5 }));
      await bob.connect();
      await bob.end();
      const wrong = new pg.Client(md5Server.clientConfig({ user: 'bob', password: 'nope' }));
      await assert.rejects(wrong.connect(), (err: pg.DatabaseError) => err.code === '28P01');
    } finally {
      await md5Server.close();
    }
    const clearServer = await startTestServer({ authMethod: 'password', password: passwordOf.clear });
    try {
      const client = new pg.Client(clearServer.clientConfig({ password: passwordOf.clear }));
      await client.connect();
      await client.end();
      const sql = postgres({ host: clearServer.host, port: clearServer.port, user: 'postgres', password: passwordOf.clear, database: 'postgres', max: 1 });
      assert.equal((await sql`SELECT 1 AS x`)[0].x, 1);
      await sql.end();
    } finally {
      await clearServer.close();
    }
  });
});

describe('trust authentication', () => {
  it('lets a role without a password in over loopback, with no password exchange', async () => {
    await using t = await startTestServer();
    const client = await t.connect();
    assert.equal((await client.query('SELECT 1 AS x')).rows[0].x, 1);
    const sql = postgres({ host: t.host, port: t.port, user: 'postgres', database: 'postgres', max: 1 });
    assert.equal((await sql`SELECT ${'a'} AS x`)[0].x, 'a');
    await sql.end();
  });

  it('refuses an unknown database with 3D000', async () => {
    await using t = await startTestServer();
    const client = new pg.Client(t.clientConfig({ database: 'nope' }));
    await assert.rejects(client.connect(), (err: pg.DatabaseError) => err.code === '3D000');
  });

  it('refuses to listen on a non-loopback address without a password', async () => {
    const { createServer } = await import('../../src/index.js');
    const server = createServer({ host: '0.0.0.0', port: 0, inMemory: true, logLevel: 'silent' });
    await assert.rejects(server.listen(), /without a password/);
  });
});
