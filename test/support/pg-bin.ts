import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** PostgreSQL is the oracle for conformance tests, and it must be one fixed major version. */
const MAJOR = 15;
/** Where Debian's postgresql-15 / postgresql-client-15 put the real binaries (not on PATH by default). */
const DEBIAN_BIN_DIR = `/usr/lib/postgresql/${MAJOR}/bin`;

let cached: string | undefined;

/**
 * The directory holding PostgreSQL 15's server and client binaries.
 *
 * Order: $PGSQLITE_PG_BINDIR (for machines laid out unlike Debian), then
 * `pg_config --bindir` when the pg_config on PATH is version 15, then Debian's
 * fixed location. Throws with an install hint when none has a server.
 */
export function pgBinDir(): string {
  if (cached !== undefined) return cached;
  const candidates = [process.env.PGSQLITE_PG_BINDIR, bindirFromPgConfig(), DEBIAN_BIN_DIR];
  for (const dir of candidates) {
    if (dir && existsSync(join(dir, 'postgres')) && existsSync(join(dir, 'initdb'))) {
      cached = dir;
      return dir;
    }
  }
  throw new Error(
    `PostgreSQL ${MAJOR} server binaries not found (tried ${candidates.filter(Boolean).join(', ')}); ` +
      `install postgresql-${MAJOR} and postgresql-client-${MAJOR} (bash .ci/run does) or set PGSQLITE_PG_BINDIR`,
  );
}

export function pgBinary(name: string): string {
  return join(pgBinDir(), name);
}

export function psqlPath(): string {
  return pgBinary('psql');
}

export function pgbenchPath(): string {
  return pgBinary('pgbench');
}

/** Whether pgBinDir() would succeed; lets tests skip on a developer machine without PostgreSQL. */
export function hasPgBinaries(): boolean {
  try {
    pgBinDir();
    return true;
  } catch {
    return false;
  }
}

function bindirFromPgConfig(): string | undefined {
  try {
    const version = execFileSync('pg_config', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    // A pg_config of another major version (e.g. libpq-dev's alone) must not win.
    if (!new RegExp(`^PostgreSQL ${MAJOR}\\b`).test(version.trim())) return undefined;
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}
