import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { killOnExit } from './kill-on-exit.js';
import { pgBinary, pgBinDir } from './pg-bin.js';
import { runCommand } from './run-command.js';

export { pgBinDir, pgbenchPath, psqlPath, hasPgBinaries } from './pg-bin.js';

export interface PostgresClusterOptions {
  /** Extra server settings, passed as `-c key=value` after the defaults, so they override them. */
  settings?: Record<string, string>;
}

export interface PostgresCluster {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** Directory of the cluster's Unix socket (usable as PGHOST / psql -h). */
  readonly socketDir: string;
  readonly dataDir: string;
  readonly user: 'postgres';
  readonly database: 'postgres';
  /** postgresql://postgres@127.0.0.1:PORT/postgres (trust auth, no password). */
  readonly connectionString: string;
  /** The last 64 KiB the server wrote to stdout/stderr, for failure messages. */
  log(): string;
  /** Fast shutdown (SIGINT), wait for exit, remove the temp dir. Safe to call twice. */
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const LOG_TAIL_CHARS = 64 * 1024;
/** A port freed by freePort() can be taken by someone else before postgres binds it. */
const PORT_ATTEMPTS = 3;

/**
 * Starts a throwaway PostgreSQL 15 cluster in a fresh temp dir on a free port.
 *
 * The postmaster is a direct child (not daemonised) so that it ends with the
 * test process; see kill-on-exit.ts. Always stop it (or `await using` it).
 */
export async function startPostgresCluster(options: PostgresClusterOptions = {}): Promise<PostgresCluster> {
  const binDir = pgBinDir();
  const owner = clusterOwner();
  const baseDir = await mkdtemp(join(tmpdir(), 'pgsqlite-pg-'));
  try {
    const dataDir = join(baseDir, 'data');
    const socketDir = join(baseDir, 'sock');
    await mkdir(socketDir);
    if (owner) {
      await chown(baseDir, owner.uid, owner.gid);
      await chown(socketDir, owner.uid, owner.gid);
    }
    await initdb(binDir, dataDir, baseDir, owner);
    for (let attempt = 1; ; attempt++) {
      try {
        return await launch({ binDir, baseDir, dataDir, socketDir, owner, settings: options.settings ?? {} });
      } catch (err) {
        if (!(err instanceof PortInUseError) || attempt >= PORT_ATTEMPTS) throw err;
      }
    }
  } catch (err) {
    await rm(baseDir, { recursive: true, force: true });
    throw err;
  }
}

interface Owner {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root, and CI runs as root: then initdb and the
 * server run as the `postgres` OS user (created by Debian's postgresql-common).
 * Node's spawn uid/gid is used rather than runuser/su, because those wrappers
 * stand between us and the postmaster and turn our SIGINT into their own signal.
 */
function clusterOwner(): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch (err) {
    throw new Error('running as root, but there is no OS user "postgres" to run PostgreSQL as', { cause: err });
  }
}

async function initdb(binDir: string, dataDir: string, cwd: string, owner: Owner | undefined): Promise<void> {
  const initdbPath = join(binDir, 'initdb');
  const args = ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8'];
  // cwd is our temp dir: as `postgres`, the inherited cwd may be unreadable and initdb warns.
  const run = (locale: string) =>
    runCommand(initdbPath, [...args, `--locale=${locale}`], { cwd, timeoutMs: 120_000, ...owner });
  const utf8 = await run('C.UTF-8');
  if (utf8.code === 0) return;
  // C.UTF-8 is missing on some systems (older glibc, macOS); plain C always exists.
  await rm(dataDir, { recursive: true, force: true });
  const plain = await run('C');
  if (plain.code === 0) return;
  throw new Error(
    `initdb failed:\n--- with C.UTF-8 ---\n${utf8.stdout}${utf8.stderr}\n--- with C ---\n${plain.stdout}${plain.stderr}`,
  );
}

class PortInUseError extends Error {}

interface LaunchParams {
  binDir: string;
  baseDir: string;
  dataDir: string;
  socketDir: string;
  owner: Owner | undefined;
  settings: Record<string, string>;
}

async function launch(p: LaunchParams): Promise<PostgresCluster> {
  let port = await freePort();
  // Never the default port: a system cluster or a developer's own server may live there.
  while (port === 5432) port = await freePort();

  const settings = { listen_addresses: '127.0.0.1', fsync: 'on', ...p.settings };
  const args = ['-D', p.dataDir, '-p', String(port), '-k', p.socketDir];
  for (const [key, value] of Object.entries(settings)) args.push('-c', `${key}=${value}`);

  const child = spawn(join(p.binDir, 'postgres'), args, {
    cwd: p.baseDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...p.owner,
  });
  const unregister = killOnExit(child, 'SIGQUIT');
  let logTail = '';
  const onOutput = (chunk: Buffer) => {
    logTail = (logTail + chunk.toString('utf8')).slice(-LOG_TAIL_CHARS);
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  const exited = exitOf(child);

  try {
    await waitUntilReady(port, p.socketDir, exited, () => logTail);
  } catch (err) {
    await terminate(child, exited);
    unregister();
    throw err;
  }

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await terminate(child, exited);
      unregister();
      await rm(p.baseDir, { recursive: true, force: true, maxRetries: 3 });
    })());

  return {
    host: '127.0.0.1',
    port,
    socketDir: p.socketDir,
    dataDir: p.dataDir,
    user: 'postgres',
    database: 'postgres',
    connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    log: () => logTail,
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

type Exit = { code: number | null; signal: NodeJS.Signals | null; error?: Error };

function exitOf(child: ChildProcess): Promise<Exit> {
  return new Promise((resolve) => {
    // 'exit', not 'close': backends inherit the pipes and may hold them a moment longer.
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
  });
}

/**
 * Polls pg_isready through the cluster's own socket dir: a TCP probe could be
 * answered by whoever else grabbed the port while our server failed to bind it.
 * PostgreSQL opens its TCP sockets before the Unix one, so a ready socket means TCP is up too.
 */
async function waitUntilReady(port: number, socketDir: string, exited: Promise<Exit>, log: () => string): Promise<void> {
  const pgIsReady = pgBinary('pg_isready');
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exit: Exit | undefined;
  void exited.then((e) => (exit = e));
  while (Date.now() < deadline) {
    if (exit) {
      if (/Address already in use/i.test(log())) throw new PortInUseError(`port ${port} taken`);
      throw new Error(
        `PostgreSQL exited during startup (code ${exit.code}, signal ${exit.signal}${exit.error ? `, ${exit.error.message}` : ''}); log:\n${log()}`,
      );
    }
    // Exit 0 means "accepting connections"; 1 (starting up) and 2 (no response) mean keep waiting.
    const probe = await runCommand(
      pgIsReady,
      ['-q', '-h', socketDir, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-t', '5'],
      { timeoutMs: 10_000 },
    );
    if (probe.code === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgreSQL did not accept connections on port ${port} within ${READY_TIMEOUT_MS / 1000} s; log:\n${log()}`);
}

/** SIGINT (fast shutdown: ends sessions, checkpoints); escalate if it hangs, so stop() always returns. */
async function terminate(child: ChildProcess, exited: Promise<Exit>): Promise<void> {
  for (const [signal, waitMs] of [
    ['SIGINT', STOP_TIMEOUT_MS],
    ['SIGQUIT', 10_000],
    ['SIGKILL', 10_000],
  ] as const) {
    // pid undefined: spawn itself failed, there is nothing to stop.
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    if (await settlesWithin(exited, waitMs)) return;
  }
}

function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([promise.then(() => true), timeout]).finally(() => clearTimeout(timer));
}
