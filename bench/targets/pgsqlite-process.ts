import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killOnExit } from '../../test/support/kill-on-exit.js';

export type SqliteSynchronous = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';

export interface PgsqliteProcess {
  host: '127.0.0.1';
  port: number;
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
export async function startPgsqlite(synchronous: SqliteSynchronous): Promise<PgsqliteProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pgsqlite-bench-'));
  const args = [
    join(repoRoot, 'bin', 'pgsqlite.js'),
    '--host', '127.0.0.1',
    '--port', '0',
    '--data-dir', dataDir,
    '--log-level', 'warn',
    // Passed even when it is the default, so that what the report records is what ran.
    '--synchronous', synchronous,
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
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`${(err as Error).message}\n--- pgsqlite output ---\n${output}`);
  }

  let stopping: Promise<void> | undefined;
  return {
    host: '127.0.0.1',
    port,
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
        await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
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
