/**
 * Runs the corpus (or the named areas) and prints every failing case, without touching the
 * baseline. Usage: node --import tsx test/conformance/report.ts [area …]
 */
import { loadCorpus } from './corpus.js';
import { runCorpus } from './run-corpus.js';

const wanted = process.argv.slice(2);
const areas = loadCorpus().filter((a) => wanted.length === 0 || wanted.includes(a.name));
const started = Date.now();
const results = await runCorpus(areas);
let total = 0;
let passed = 0;
for (const area of results) {
  const failing = area.cases.filter((c) => c.diff !== undefined);
  total += area.cases.length;
  passed += area.cases.length - failing.length;
  process.stdout.write(`\n== ${area.name}: ${area.cases.length - failing.length}/${area.cases.length}\n`);
  for (const c of area.setupFailures) process.stdout.write(`  setup:${c.line} ${c.sql.replace(/\s+/g, ' ').slice(0, 120)}\n      ${c.diff}\n`);
  for (const c of failing) process.stdout.write(`  ${c.line} ${c.sql.replace(/\s+/g, ' ').slice(0, 120)}\n      ${c.diff}\n`);
}
process.stdout.write(`\n${passed}/${total} pass (${((passed / Math.max(total, 1)) * 100).toFixed(1)}%) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
