import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem, type } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsFresh } from '../../scripts/dist-freshness.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  /** Both servers keep their data under the temp dir; its filesystem decides what an fsync costs. */
  dataFilesystem: string;
}

export interface Versions {
  node: string;
  sqlite: string;
  pgsqlite: string;
  /** Commit the pgsqlite under test was built from, "+dirty" when the server's files differ from it. */
  pgsqliteCommit: string;
  /** bin/pgsqlite.js runs dist/ when it is built and up to date, else the TypeScript source through tsx. */
  pgsqliteRunsFrom: string;
}

export function machine(): Machine {
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${type()} ${release()}`,
    dataFilesystem: filesystemOf(tmpdir()),
  };
}

export function versions(): Versions {
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  return {
    node: process.version,
    sqlite,
    pgsqlite: pkg.version,
    pgsqliteCommit: gitCommit(),
    pgsqliteRunsFrom: distIsFresh(repoRoot) ? 'dist/ (compiled)' : 'src/ via tsx (dist/ missing or older than src/)',
  };
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) return match[1]!.trim();
  } catch {
    // Not Linux: fall through to what Node reports.
  }
  return cpus()[0]?.model ?? 'unknown';
}

/** The mount holding `path` (longest matching mount point in /proc/mounts): "ext4 on /dev/vda". */
function filesystemOf(path: string): string {
  try {
    let best: { point: string; fs: string; device: string } | undefined;
    for (const line of readFileSync('/proc/mounts', 'utf8').split('\n')) {
      const [device, point, fs] = line.split(' ');
      if (!device || !point || !fs) continue;
      const inside = path === point || path.startsWith(point.endsWith('/') ? point : `${point}/`);
      if (inside && (!best || point.length > best.point.length)) best = { point, fs, device };
    }
    return best ? `${best.fs} on ${best.device} (${path})` : `unknown (${path})`;
  } catch {
    return `unknown (${path})`;
  }
}

function gitCommit(): string {
  try {
    const run = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = run('rev-parse', '--short', 'HEAD');
    // Only the files that make up the server: edits to the harness or tests do not change what ran.
    return run('status', '--porcelain', '--', 'src', 'bin', 'native', 'package.json').length > 0 ? `${commit}+dirty` : commit;
  } catch {
    return 'unknown';
  }
}
