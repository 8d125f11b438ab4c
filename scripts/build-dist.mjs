#!/usr/bin/env node
// Compiles src/ into dist/ (tsc -p tsconfig.build.json) unless dist/ is already up to date: the
// server runs compiled JavaScript, which is faster than the sources through tsx (a tsx module
// also names every closure it creates). Runs after `npm install`; skipped, with a note, where
// TypeScript is not installed (the launcher then runs the sources through tsx).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsFresh } from './dist-freshness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (distIsFresh(root) && !process.argv.includes('--force')) {
  console.log('build-dist: dist/ is up to date');
} else if (!existsSync(tsc)) {
  console.log('build-dist: TypeScript is not installed; the server will run src/ through tsx');
} else {
  console.log('build-dist: compiling src/ into dist/');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
}
