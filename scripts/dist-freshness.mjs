// Whether dist/ (the compiled server) is at least as new as every source file it is built from.
// bin/pgsqlite.js runs dist/ only then; a stale dist/ (sources edited since the last build) would
// otherwise run old code without a word.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function compiledEntry(root) {
  return join(root, 'dist', 'cli', 'main.js');
}

export function distIsFresh(root) {
  const entry = compiledEntry(root);
  if (!existsSync(entry)) return false;
  const built = statSync(entry).mtimeMs;
  return newestSource(join(root, 'src')) <= built;
}

function newestSource(dir) {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (item.name.endsWith('.ts') && !item.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}
