#!/usr/bin/env node
// Launcher: runs the compiled CLI when dist/ is built and up to date, else the TypeScript source
// through tsx (`npm run build` compiles; `npm install` does it too). Quietly: the CLI's output is
// its interface (one line on success or failure).
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compiledEntry, distIsFresh } from '../scripts/dist-freshness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (distIsFresh(root)) {
  await import(pathToFileURL(compiledEntry(root)).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href);
}
