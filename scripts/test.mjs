#!/usr/bin/env node
// Runs the whole test suite with Node's built-in runner (tsx for TypeScript).
// Node 20's --test takes no globs, so the files are collected here.
// Usage: npm test [-- <path filter substrings>]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['src', 'test'];
const filters = process.argv.slice(2);
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.test.ts')) files.push(path);
  }
}
for (const root of roots) walk(root);
const selected = filters.length ? files.filter((f) => filters.some((s) => f.includes(s))) : files;
selected.sort();
const concurrency = process.env.PGSQLITE_TEST_CONCURRENCY ?? '2';
const result = spawnSync(process.execPath,
  // A test that hangs fails after 5 minutes instead of holding the run (the longest takes ~2).
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-timeout=300000', '--test-reporter=spec', ...selected],
  { stdio: 'inherit' });
process.exit(result.status ?? 1);
