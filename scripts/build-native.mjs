#!/usr/bin/env node
// Compiles native/pgsqlite_interrupt.c into build/pgsqlite_interrupt.node: one shared object that is
// both a SQLite extension (loaded by each connection) and a Node-API addon (used to interrupt).
// Headers: SQLite's extension header from better-sqlite3's bundled amalgamation (same SQLite
// version the connections run), Node's headers from the running Node installation.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const source = join(root, 'native', 'pgsqlite_interrupt.c');
// Rows read and encoded to wire bytes in C (see the file's comment), linked into the same object.
const rowStream = join(root, 'native', 'row_stream.c');
const output = join(root, 'build', 'pgsqlite_interrupt.node');
const sqliteInclude = join(dirname(require.resolve('better-sqlite3/package.json')), 'deps', 'sqlite3');
const nodeIncludeCandidates = [
  process.env.npm_config_nodedir && join(process.env.npm_config_nodedir, 'include', 'node'),
  join(dirname(process.execPath), '..', 'include', 'node'),
  '/usr/include/node',
].filter(Boolean);
const nodeInclude = nodeIncludeCandidates.find((dir) => existsSync(join(dir, 'node_api.h')));
if (!nodeInclude) {
  console.error(`build-native: node_api.h not found in ${nodeIncludeCandidates.join(', ')}`);
  process.exit(1);
}
const sources = [source, rowStream, join(root, 'native', 'numeric_collation.h'), join(root, 'native', 'numeric_sum.h')];
if (existsSync(output) && sources.every((file) => statSync(output).mtimeMs > statSync(file).mtimeMs) && !process.argv.includes('--force')) {
  process.exit(0);
}
mkdirSync(dirname(output), { recursive: true });
const cc = process.env.CC ?? 'cc';
// Built beside the output and renamed over it: processes that have the old file loaded keep
// their mapping of it instead of seeing it rewritten under them.
const temporary = `${output}.${process.pid}.tmp`;
execFileSync(cc, ['-shared', '-fPIC', '-O2', '-Wall', '-o', temporary, `-I${sqliteInclude}`, `-I${nodeInclude}`, source, rowStream, '-lpthread'],
  { stdio: 'inherit' });
renameSync(temporary, output);
console.log(`build-native: built ${output}`);
