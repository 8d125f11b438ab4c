import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerConfigInput } from '../../src/config/config-schema.js';
import { killOnExit } from '../../test/support/kill-on-exit.js';

export type SqliteSynchronous = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';

export interface PgsqliteOptions {
  synchronous: SqliteSynchronous;
  /**
   * Settings without a command-line flag (e.g. maxConnections), written to a JSON file passed
   * with --config. Flags still win over the file, so the ones set above stay what the report says.
   */
  config?: Partial<ServerConfigInput>;
}

export interface PgsqliteProcess {
  host: '127.0.0.1';
  port: number;
  /** The server process, for reading its memory from /proc. */
  pid: number;
  dataDir: string;
  synchronous: SqliteSynchronous;
  stop(): Promise<void>;
}

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const READY_TIMEOUT_MS = 60_000;

/**
 * Starts pgsqlite as its own process (bin/pgsqlite.js), never in this one: the benchmark
 * client must not share the server's event loop, or every figure would include the
 * client's own work and hide the server's.
 *
 * The data directory is a fresh temp dir on the same filesystem as the PostgreSQL cluster's,
 * so both pay the same fsync costs. `--port 0` lets the OS choose a free port atomically;
 * the server prints the one it got.
 */
export async function startPgsqlite({ synchronous, config = {} }: PgsqliteOptions): Promise<PgsqliteProcess> {
  const baseDir = await mkdtemp(join(tmpdir(), 'pgsqlite-bench-'));
  const dataDir = join(baseDir, 'data');
  const configFile = join(baseDir, 'config.json');
  await mkdir(dataDir);
  await writeFile(configFile, JSON.stringify(config));
  const args = [
    join(repoRoot, 'bin', 'pgsqlite.js'),
    '--host', '127.0.0.1',
    '--port', '0',
    '--data-dir', dataDir,
    '--log-level', 'warn',
    // Passed even when it is the default, so that what the report records is what ran.
    '--synchronous', synchronous,
    '--config', configFile,
  ];
  // cwd = repo root: the server then sees the same relative paths however the harness was started.
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const unregister = killOnExit(child, 'SIGKILL');
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let port: number;
  try {
    port = await waitForPort(child, (chunk) => (output = (output + chunk).slice(-64 * 1024)));
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    unregister();
    await rm(baseDir, { recursive: true, force: true });
    throw new Error(`${(err as Error).message}\n--- pgsqlite output ---\n${output}`);
  }

  let stopping: Promise<void> | undefined;
  return {
    host: '127.0.0.1',
    port,
    pid: child.pid!,
    dataDir,
    synchronous,
    stop: () =>
      (stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exited;
          clearTimeout(timer);
        }
        unregister();
        await rm(baseDir, { recursive: true, force: true, maxRetries: 3 });
      })()),
  };
}

/** PGSQLITE_* variables in the caller's shell would silently change the server under test. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PGSQLITE_')));
}

function waitForPort(child: ChildProcess, record: (chunk: string) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    let done = false;
    const timer = setTimeout(() => finish(new Error('pgsqlite did not start within 60 s')), READY_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      record(text);
      if (done) return;
      seen += text;
      const match = /accepting connections on [^\s]+:(\d+)/.exec(seen);
      if (match) finish(undefined, Number(match[1]));
    };
    const onExit = (code: number | null, signal: string | null) =>
      finish(new Error(`pgsqlite exited during startup (code ${code}, signal ${signal})`));
    function finish(err: Error | undefined, port?: number) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.off('exit', onExit);
      // Keep draining the pipes afterwards so a chatty server can never block on a full pipe.
      if (err) reject(err);
      else resolve(port!);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}
