import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The on-disk layout of a data directory:
 *   pgsqlite.meta.sqlite      roles (and later the database registry)
 *   base/<database>.sqlite    one SQLite file per database (+ -wal, -shm); see server/database-manager.ts
 *   tls/                      a generated self-signed certificate, when asked for
 */
export interface DataDirectory {
  root: string;
  metaPath: string;
  /** Removes a temporary (in-memory) directory; a no-op for a real one. */
  dispose(): void;
}

export function openDataDirectory(options: { dataDir: string; inMemory: boolean }): DataDirectory {
  let root: string;
  let temporary = false;
  if (options.inMemory) {
    // RAM-backed where the system has /dev/shm: the same code paths as a real directory, no disk.
    const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
    root = mkdtempSync(join(base, 'pgsqlite-'));
    temporary = true;
  } else {
    root = resolve(options.dataDir);
  }
  mkdirSync(join(root, 'base'), { recursive: true });
  return {
    root,
    metaPath: join(root, 'pgsqlite.meta.sqlite'),
    dispose: () => {
      if (temporary) rmSync(root, { recursive: true, force: true });
    },
  };
}
