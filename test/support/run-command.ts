import { spawn } from 'node:child_process';

export interface RunCommandOptions {
  /** Added to (not replacing) this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** Written to the child's stdin, which is then closed. Without it stdin is closed at once. */
  input?: string | Buffer;
  /** After this long the child is killed (SIGKILL) and the result has timedOut: true. */
  timeoutMs?: number;
  cwd?: string;
  /** Run as this user/group (only works as root); used to run PostgreSQL tools as `postgres`. */
  uid?: number;
  gid?: number;
}

export interface RunCommandResult {
  /** Exit code, or null when the child was ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/**
 * Runs a command to completion and collects its output (psql, pgbench, createdb in tests).
 *
 * Resolves whatever the exit code, so a test can assert on code and show stderr;
 * rejects only when the command cannot be started (e.g. ENOENT).
 */
export function runCommand(
  cmd: string,
  args: readonly string[],
  options: RunCommandOptions = {},
): Promise<RunCommandResult> {
  const { env, input, timeoutMs, cwd, uid, gid } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      uid,
      gid,
      env: env ? { ...process.env, ...env } : process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });

    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // A child that exits without reading its input makes the write fail with EPIPE;
    // the exit code tells the real story, so that error is not worth surfacing.
    child.stdin.on('error', () => {});
    child.stdin.end(input);

    let timedOut = false;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, timeoutMs);

    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    // 'close' (not 'exit') so that all output has been read.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        timedOut,
      });
    });
  });
}
