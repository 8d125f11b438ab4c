/**
 * Reruns the corpus and records the result: `test/conformance/baseline.json` and
 * `docs/conformance.md`. Usage: node --import tsx test/conformance/update-baseline.ts
 */
import { writeFileSync } from 'node:fs';
import { baselineOf, baselinePath, resultsPage, resultsPagePath, writeBaseline } from './baseline.js';
import { runCorpus } from './run-corpus.js';

const results = await runCorpus();
const baseline = baselineOf(results);
writeBaseline(baseline);
writeFileSync(resultsPagePath, resultsPage(results, new Date().toISOString().slice(0, 10)));
process.stdout.write(`${baseline.passed}/${baseline.total} cases pass (${(baseline.rate * 100).toFixed(1)}%); wrote ${baselinePath} and ${resultsPagePath}\n`);
for (const [name, area] of Object.entries(baseline.areas)) process.stdout.write(`  ${name}: ${area.passed}/${area.total}\n`);
