import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { runScript as run, startSideBySide, type SideBySide } from '../support/side-by-side.js';



const directions = [
  'FETCH c', 'FETCH NEXT FROM c', 'FETCH 2 FROM c', 'FETCH PRIOR FROM c', 'FETCH FIRST FROM c', 'FETCH LAST FROM c',
  'FETCH ABSOLUTE 3 FROM c', 'FETCH ABSOLUTE -2 FROM c', 'FETCH ABSOLUTE 0 FROM c', 'FETCH RELATIVE 2 FROM c',
  'FETCH RELATIVE -1 FROM c', 'FETCH RELATIVE 0 FROM c', 'FETCH FORWARD 3 FROM c', 'FETCH FORWARD ALL FROM c',
  'FETCH BACKWARD 2 FROM c', 'FETCH BACKWARD ALL FROM c', 'FETCH ALL FROM c', 'FETCH -1 FROM c', 'FETCH 0 FROM c',
  'MOVE 2 FROM c', 'FETCH c', 'MOVE LAST IN c', 'FETCH PRIOR FROM c', 'MOVE BACKWARD ALL IN c', 'FETCH c',
  'MOVE FORWARD ALL IN c', 'MOVE ABSOLUTE 2 IN c', 'FETCH c',
];

describe('SQL cursors against PostgreSQL 15', () => {
  let pair: SideBySide;
  let cluster: SideBySide['cluster'];
  let server: SideBySide['server'];
  let reference: pg.Client;
  let ours: pg.Client;
  before(async () => {
    pair = await startSideBySide();
    ({ cluster, server, reference, ours } = pair);
    for (const client of [reference, ours]) {
      await client.query('CREATE TABLE items (id integer PRIMARY KEY, name text)');
      await client.query("INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, 'three'), (4, 'four'), (5, 'five'), (6, 'six')");
    }
  });
  after(async () => pair?.close());

  it('every FETCH and MOVE direction on a SCROLL cursor: same rows and tags', async () => {
    const script = ['BEGIN', 'DECLARE c SCROLL CURSOR FOR SELECT id, name FROM items ORDER BY id', ...directions, 'CLOSE c', 'COMMIT'];
    assert.deepEqual(await run(ours, script), await run(reference, script));
  });

  it('errors: no HOLD outside a transaction (25P01), unknown (34000), duplicate (42P03), backward on NO SCROLL (55000)', async () => {
    const script = [
      'DECLARE outside CURSOR FOR SELECT 1',
      'FETCH nope',
      'BEGIN', 'DECLARE d NO SCROLL CURSOR FOR SELECT id FROM items ORDER BY id', 'DECLARE d CURSOR FOR SELECT 1', 'ROLLBACK',
      'BEGIN', 'DECLARE f NO SCROLL CURSOR FOR SELECT id FROM items ORDER BY id', 'FETCH 2 FROM f', 'FETCH PRIOR FROM f', 'ROLLBACK',
      'BEGIN', 'DECLARE g CURSOR FOR SELECT id FROM items ORDER BY id', 'CLOSE g', 'FETCH g', 'ROLLBACK',
    ];
    assert.deepEqual(await run(ours, script), await run(reference, script));
  });

  it('WITH HOLD cursors survive COMMIT, die with ROLLBACK of their transaction; CLOSE ALL', async () => {
    const script = [
      'BEGIN', 'DECLARE h CURSOR WITH HOLD FOR SELECT id FROM items ORDER BY id', 'FETCH 2 FROM h', 'COMMIT',
      'FETCH 2 FROM h', 'CLOSE h',
      'BEGIN', 'DECLARE r CURSOR WITH HOLD FOR SELECT id FROM items', 'ROLLBACK', 'FETCH r',
      'DECLARE outside_hold CURSOR WITH HOLD FOR SELECT name FROM items ORDER BY id', 'FETCH LAST FROM outside_hold',
      'CLOSE ALL', 'FETCH outside_hold',
      'BEGIN', 'DECLARE t CURSOR FOR SELECT 1', 'COMMIT', 'FETCH t',
    ];
    assert.deepEqual(await run(ours, script), await run(reference, script));
  });

  it('psql FETCH_COUNT reads through a cursor', async () => {
    const { runCommand } = await import('../support/run-command.js');
    const { psqlPath } = await import('../support/pg-bin.js');
    const output = async (port: number) => (await runCommand(psqlPath(), ['-X', '-At', '-v', 'FETCH_COUNT=2', '-c', 'SELECT id, name FROM items ORDER BY id'], {
      env: { PGHOST: '127.0.0.1', PGPORT: String(port), PGUSER: 'postgres', PGDATABASE: 'postgres' }, timeoutMs: 30_000,
    })).stdout;
    assert.equal(await output(server.port), await output(cluster.port));
  });

  it('psycopg 3 server-side cursors: named, scrollable, WITH HOLD (cursors are portals by name)', async (t) => {
    const { runCommand } = await import('../support/run-command.js');
    const probe = await runCommand('python3', ['-c', 'import psycopg']);
    if (probe.code !== 0) {
      if (process.env.CI) assert.fail('psycopg 3 is not installed (.ci/run installs it)');
      t.skip('psycopg 3 is not installed');
      return;
    }
    const { fileURLToPath } = await import('node:url');
    const script = fileURLToPath(new URL('../clients/python/server_cursors.py', import.meta.url));
    const result = await runCommand('python3', [script], { env: { PGHOST: '127.0.0.1', PGPORT: String(server.port) }, timeoutMs: 60_000 });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /all ok/);
  });
});
