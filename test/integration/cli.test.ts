import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../support/free-port.js';
import { killOnExit } from '../support/kill-on-exit.js';

/**
 * The `pgsqlite` command as a user runs it: a child process started from bin/pgsqlite.js, talked
 * to over TCP or a unix socket, stopped with signals. Every child is killed in `after`, and
 * killOnExit covers a test process that dies before that.
 */

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(repoRoot, 'bin', 'pgsqlite.js');
const STARTUP_TIMEOUT_MS = 20_000;
const EXIT_TIMEOUT_MS = 15_000;

interface Started {
  child: ChildProcess;
  host: string;
  port: number;
  /** The rest of the "accepting connections" line: ` and <socket>` and `(data: <dir>)`. */
  line: string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children = new Set<ChildProcess>();
const tempDirs: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** The environment without any PGSQLITE_* of the caller's, and without node:test's own markers. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('PGSQLITE_') || key === 'NODE_TEST_CONTEXT') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

function launch(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot, env: cleanEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const unregister = killOnExit(child, 'SIGKILL');
  let stderr = '';
  let stdout = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.once('exit', (code, signal) => {
      unregister();
      resolveExit({ code, signal });
    });
  });
  return { child, exited, stderr: () => stderr, stdout: () => stdout };
}

/** Starts the server and waits for its "accepting connections on HOST:PORT" line. */
async function startCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<Started> {
  const launched = launch(args, options);
  const pattern = /accepting connections on (\S+):(\d+)(.*)/;
  const match = await new Promise<RegExpExecArray>((resolveLine, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no "accepting connections" line within ${STARTUP_TIMEOUT_MS} ms; stderr:\n${launched.stderr()}`));
    }, STARTUP_TIMEOUT_MS);
    const check = () => {
      const m = pattern.exec(launched.stderr());
      if (m) {
        clearTimeout(timer);
        launched.child.stderr!.off('data', check);
        resolveLine(m);
      }
    };
    launched.child.stderr!.on('data', check);
    void launched.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`pgsqlite exited (code ${code}, signal ${signal}) before accepting connections; stderr:\n${launched.stderr()}`));
    });
  });
  return { child: launched.child, host: match[1], port: Number(match[2]), line: match[3], stderr: launched.stderr, exited: launched.exited };
}

/** Runs the command to completion (for the invocations that must refuse to start). */
async function runToExit(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  const launched = launch(args, options);
  const timer = setTimeout(() => launched.child.kill('SIGKILL'), STARTUP_TIMEOUT_MS);
  const { code, signal } = await launched.exited;
  clearTimeout(timer);
  return { code, signal, stderr: launched.stderr(), stdout: launched.stdout() };
}

/** Waits for exit, failing (and killing the child) if it takes longer than `ms`. */
async function exitWithin(server: Started, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      server.child.kill('SIGKILL');
      reject(new Error(`pgsqlite did not exit within ${ms} ms; stderr:\n${server.stderr()}`));
    }, ms);
  });
  try {
    return await Promise.race([server.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function connect(config: pg.ClientConfig): Promise<pg.Client> {
  const client = new pg.Client({ user: 'postgres', database: 'postgres', connectionTimeoutMillis: 10_000, ...config });
  // The server ends sessions with 57P01 at shutdown; an unhandled 'error' would crash the test file.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Where --in-memory puts its data (mirrors src/server/data-directory.ts). */
const inMemoryBase = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const inMemoryDirs = () => new Set(readdirSync(inMemoryBase).filter((name) => /^pgsqlite-[A-Za-z0-9]{6}$/.test(name)));

after(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('pgsqlite CLI: where the configuration comes from', () => {
  it('--port and --data-dir: starts, and a pg client connects as postgres/postgres', async () => {
    const port = await freePort();
    const dataDir = tempDir('pgsqlite-cli-data-');
    const server = await startCli(['--port', String(port), '--data-dir', dataDir, '--log-level', 'warn']);
    assert.equal(server.host, '127.0.0.1');
    assert.equal(server.port, port);
    assert.match(server.line, new RegExp(`data: ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const client = await connect({ host: '127.0.0.1', port });
    const { rows } = await client.query('SELECT current_user AS u, current_database() AS d, 2 AS two');
    assert.deepEqual(rows, [{ u: 'postgres', d: 'postgres', two: 2 }]);
    await client.end();
    assert.ok(existsSync(join(dataDir, 'base', 'postgres.sqlite')), 'the database file is in the data dir');
    server.child.kill('SIGINT');
    assert.equal((await exitWithin(server, EXIT_TIMEOUT_MS)).code, 0);
  });

  it('PGSQLITE_PORT and PGSQLITE_DATA_DIR work like the flags', async () => {
    const port = await freePort();
    const dataDir = tempDir('pgsqlite-cli-env-');
    const server = await startCli([], { env: { PGSQLITE_PORT: String(port), PGSQLITE_DATA_DIR: dataDir, PGSQLITE_LOG_LEVEL: 'warn' } });
    assert.equal(server.port, port);
    const client = await connect({ host: '127.0.0.1', port });
    assert.equal((await client.query('SELECT 42 AS n')).rows[0].n, 42);
    await client.end();
    assert.ok(existsSync(join(dataDir, 'base', 'postgres.sqlite')));
    server.child.kill('SIGINT');
    assert.equal((await exitWithin(server, EXIT_TIMEOUT_MS)).code, 0);
  });

  it('--config file.json with port and dataDir', async () => {
    const port = await freePort();
    const dir = tempDir('pgsqlite-cli-config-');
    const dataDir = join(dir, 'data');
    const configFile = join(dir, 'pgsqlite.json');
    writeFileSync(configFile, JSON.stringify({ port, dataDir, logLevel: 'warn' }));
    const server = await startCli(['--config', configFile]);
    assert.equal(server.port, port);
    const client = await connect({ host: '127.0.0.1', port });
    assert.equal((await client.query("SELECT 'from config' AS s")).rows[0].s, 'from config');
    await client.end();
    assert.ok(existsSync(join(dataDir, 'base', 'postgres.sqlite')), 'dataDir from the config file is used');
    server.child.kill('SIGINT');
    assert.equal((await exitWithin(server, EXIT_TIMEOUT_MS)).code, 0);
  });

  it('a flag wins over the environment, which wins over the config file', async () => {
    const [filePort, envPort, flagPort] = [await freePort(), await freePort(), await freePort()];
    const dir = tempDir('pgsqlite-cli-precedence-');
    const configFile = join(dir, 'pgsqlite.json');
    writeFileSync(configFile, JSON.stringify({ port: filePort, dataDir: join(dir, 'data'), logLevel: 'warn' }));
    for (const [args, expected] of [[['--port', String(flagPort)], flagPort], [[], envPort]] as const) {
      const server = await startCli(['--config', configFile, ...args], { env: { PGSQLITE_PORT: String(envPort) } });
      assert.equal(server.port, expected);
      // A round-trip proves the port is really served (and that the server is past its startup).
      const client = await connect({ host: '127.0.0.1', port: expected });
      assert.equal((await client.query('SELECT 1 AS x')).rows[0].x, 1);
      await client.end();
      server.child.kill('SIGINT');
      assert.equal((await exitWithin(server, EXIT_TIMEOUT_MS)).code, 0);
    }
  });

  it('starts when run from another working directory', async () => {
    // `cd /somewhere && node /path/to/bin/pgsqlite.js` must not depend on the caller's directory.
    const port = await freePort();
    const cwd = tempDir('pgsqlite-cli-cwd-');
    const server = await startCli(['--port', String(port), '--data-dir', join(cwd, 'data'), '--log-level', 'warn'], { cwd });
    const client = await connect({ host: '127.0.0.1', port });
    assert.equal((await client.query('SELECT 1 AS x')).rows[0].x, 1);
    await client.end();
    server.child.kill('SIGINT');
    assert.equal((await exitWithin(server, EXIT_TIMEOUT_MS)).code, 0);
  });
});

describe('pgsqlite CLI: refusing to start', () => {
  it('--port 99999 exits with code 2 and a message naming the option', async () => {
    const result = await runToExit(['--port', '99999', '--data-dir', tempDir('pgsqlite-cli-bad-')]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /invalid configuration/);
    assert.match(result.stderr, /\bport\b.*65535/);
    assert.doesNotMatch(result.stderr, /accepting connections/);
    assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
  });

  it('PGSQLITE_READERS=0 exits with code 2 and a message naming readers', async () => {
    const result = await runToExit(['--data-dir', tempDir('pgsqlite-cli-bad-')], { env: { PGSQLITE_READERS: '0' } });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /\breaders\b/);
    assert.doesNotMatch(result.stderr, /accepting connections/);
    assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
  });

  it('a config file with a wrong type exits with code 2 naming the key', async () => {
    const dir = tempDir('pgsqlite-cli-bad-');
    const configFile = join(dir, 'bad.json');
    writeFileSync(configFile, JSON.stringify({ port: 'five', dataDir: dir }));
    const result = await runToExit(['--config', configFile]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /\bport\b/);
  });

  it('a config file that is missing or not JSON exits with code 2 and a message naming the file', async () => {
    const dir = tempDir('pgsqlite-cli-bad-');
    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '{ "port": 5432, ');
    for (const file of [notJson, join(dir, 'missing.json')]) {
      const result = await runToExit(['--config', file]);
      assert.equal(result.code, 2, `exit code for ${file}; stderr:\n${result.stderr}`);
      assert.ok(result.stderr.includes(file), `the message names ${file}`);
      assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
    }
  });

  describe('when the port is taken', () => {
    let blocker: net.Server;
    let port: number;
    before(async () => {
      port = await freePort();
      blocker = net.createServer();
      await new Promise<void>((resolveListen, reject) => {
        blocker.once('error', reject);
        blocker.listen({ host: '127.0.0.1', port }, resolveListen);
      });
    });
    after(() => new Promise<void>((resolveClose) => blocker.close(() => resolveClose())));

    it('prints one line saying the port is in use and suggesting --port, exit code 1', async () => {
      const result = await runToExit(['--port', String(port), '--data-dir', tempDir('pgsqlite-cli-busy-')]);
      assert.equal(result.code, 1);
      const lines = result.stderr.split('\n').filter((l) => l.trim() !== '');
      assert.equal(lines.length, 1, `exactly one line, got:\n${result.stderr}`);
      assert.match(lines[0], new RegExp(`port ${port}\\b.*in use`));
      assert.match(lines[0], /--port/);
      assert.equal(result.stdout, '');
    });

    it('with --in-memory, a failed start removes its temporary data directory', async () => {
      const before = inMemoryDirs();
      const result = await runToExit(['--port', String(port), '--in-memory']);
      assert.equal(result.code, 1);
      const leaked = [...inMemoryDirs()].filter((name) => !before.has(name));
      // Clean up what this test caused before asserting, so a failure leaves nothing behind.
      for (const name of leaked) rmSync(join(inMemoryBase, name), { recursive: true, force: true });
      assert.deepEqual(leaked, [], `left behind in ${inMemoryBase}`);
    });
  });
});

describe('pgsqlite CLI: signals and shutdown', () => {
  it('SIGINT while idle exits 0 within a few seconds, and the data persists across a restart', async () => {
    const dataDir = tempDir('pgsqlite-cli-persist-');
    const first = await startCli(['--port', String(await freePort()), '--data-dir', dataDir, '--log-level', 'warn']);
    const client = await connect({ host: '127.0.0.1', port: first.port });
    await client.query('CREATE TABLE kept (id integer PRIMARY KEY, name text)');
    await client.query("INSERT INTO kept VALUES (1, 'one'), (2, 'two')");
    await client.query("INSERT INTO kept VALUES (3, 'three')");
    await client.end();

    first.child.kill('SIGINT');
    const { code } = await exitWithin(first, EXIT_TIMEOUT_MS);
    assert.equal(code, 0);
    assert.match(first.stderr(), /SIGINT received, shutting down/);

    const second = await startCli(['--port', String(await freePort()), '--data-dir', dataDir, '--log-level', 'warn']);
    const again = await connect({ host: '127.0.0.1', port: second.port });
    const { rows } = await again.query('SELECT id, name FROM kept ORDER BY id');
    assert.deepEqual(rows, [{ id: 1, name: 'one' }, { id: 2, name: 'two' }, { id: 3, name: 'three' }]);
    await again.end();
    second.child.kill('SIGINT');
    assert.equal((await exitWithin(second, EXIT_TIMEOUT_MS)).code, 0);
  });

  it('SIGTERM during a running query lets it finish (the client gets its row), then exits 0', async () => {
    const server = await startCli(['--port', String(await freePort()), '--data-dir', tempDir('pgsqlite-cli-term-'), '--log-level', 'warn']);
    const client = await connect({ host: '127.0.0.1', port: server.port });
    const started = Date.now();
    const running = client.query("SELECT pg_sleep(1) AS slept, 'done' AS status");
    // Let the statement reach the server and start sleeping before the signal.
    await new Promise((r) => setTimeout(r, 300));
    server.child.kill('SIGTERM');
    const result = await running;
    assert.equal(result.rows.length, 1);
    assert.equal(result.rows[0].status, 'done');
    assert.ok(Date.now() - started >= 900, 'the sleep ran to completion, not cancelled early');
    const { code } = await exitWithin(server, EXIT_TIMEOUT_MS);
    assert.equal(code, 0);
    assert.match(server.stderr(), /SIGTERM received, shutting down/);
    await client.end().catch(() => undefined);
  });

  it('--in-memory leaves nothing in the data dir, and its temporary directory is gone after exit', async () => {
    const dataDir = tempDir('pgsqlite-cli-mem-');
    const server = await startCli(['--port', String(await freePort()), '--data-dir', dataDir, '--in-memory', '--log-level', 'warn']);
    const where = /\(data: ([^)]+)\)/.exec(server.line)?.[1];
    assert.ok(where, `data location in: ${server.line}`);
    assert.notEqual(resolve(where), resolve(dataDir));
    const client = await connect({ host: '127.0.0.1', port: server.port });
    await client.query('CREATE TABLE t (x int)');
    await client.query('INSERT INTO t VALUES (1), (2)');
    assert.equal((await client.query('SELECT count(*)::int AS n FROM t')).rows[0].n, 2);
    await client.end();
    assert.deepEqual(readdirSync(dataDir), [], 'nothing written to --data-dir while running');
    assert.ok(existsSync(where), 'the temporary directory exists while running');
    server.child.kill('SIGINT');
    assert.equal((await exitWithin(server, EXIT_TIMEOUT_MS)).code, 0);
    assert.deepEqual(readdirSync(dataDir), [], 'nothing written to --data-dir');
    assert.equal(existsSync(where), false, `${where} removed at exit`);
  });
});

describe('pgsqlite CLI: connections', () => {
  let server: Started;
  let socketDir: string;
  before(async () => {
    socketDir = tempDir('pgsqlite-cli-sock-');
    server = await startCli(['--port', String(await freePort()), '--data-dir', tempDir('pgsqlite-cli-conn-'), '--socket-dir', socketDir, '--log-level', 'warn']);
  });
  after(async () => {
    if (!server) return; // before() failed; the file-level after() kills whatever started
    server.child.kill('SIGINT');
    await exitWithin(server, EXIT_TIMEOUT_MS);
  });

  it('startup options `-c statement_timeout=100ms` show up in SHOW and are enforced', async () => {
    const client = await connect({ host: '127.0.0.1', port: server.port, options: '-c statement_timeout=100ms' });
    assert.equal((await client.query('SHOW statement_timeout')).rows[0].statement_timeout, '100ms');
    await assert.rejects(client.query('SELECT pg_sleep(1)'), (err: pg.DatabaseError) => err.code === '57014');
    // The session is still usable after the cancelled statement.
    assert.equal((await client.query('SELECT 1 AS x')).rows[0].x, 1);
    await client.end();
  });

  it('a session without options has no statement timeout', async () => {
    const client = await connect({ host: '127.0.0.1', port: server.port });
    assert.equal((await client.query('SHOW statement_timeout')).rows[0].statement_timeout, '0');
    await client.end();
  });

  it('--socket-dir creates .s.PGSQL.<port>, announced on the startup line', async () => {
    const socketPath = join(socketDir, `.s.PGSQL.${server.port}`);
    assert.ok(existsSync(socketPath), `${socketPath} exists`);
    assert.ok(server.line.includes(socketPath), `startup line mentions ${socketPath}: ${server.line}`);
  });

  it('pg connects over the unix socket with host = socket dir, as psql does', async () => {
    const client = await connect({ host: socketDir, port: server.port });
    const { rows } = await client.query('SELECT current_user AS u, current_database() AS d');
    assert.deepEqual(rows, [{ u: 'postgres', d: 'postgres' }]);
    // The unix-socket session sees what a TCP session wrote: one server, one data dir.
    await client.query('CREATE TABLE via_socket (x int)');
    await client.query('INSERT INTO via_socket VALUES (7)');
    await client.end();
    const tcp = await connect({ host: '127.0.0.1', port: server.port });
    assert.equal((await tcp.query('SELECT x FROM via_socket')).rows[0].x, 7);
    await tcp.end();
  });

  it('the socket file is removed at shutdown', async () => {
    const socketPath = join(socketDir, `.s.PGSQL.${server.port}`);
    server.child.kill('SIGINT');
    assert.equal((await exitWithin(server, EXIT_TIMEOUT_MS)).code, 0);
    assert.equal(existsSync(socketPath), false);
  });
});
