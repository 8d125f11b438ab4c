import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Starts `bin/pgsqlite.js` as its own process (for kill -9, RSS and restart tests) and resolves
 * once it accepts connections.
 */
export async function spawnServer(args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, 'bin', 'pgsqlite.js'), '--log-level', 'warn', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let text = '';
    child.stderr!.on('data', (d) => {
      text += d;
      if (text.includes('accepting connections')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${text}`)));
  });
  return child;
}

/** SIGKILL, and wait until the process is gone. */
export function killServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
