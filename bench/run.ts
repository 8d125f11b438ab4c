import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startCpuAccounting } from './lib/cpu-accounting.js';
import { describeDurability } from './lib/durability.js';
import { machine, versions } from './lib/environment.js';
import { createOnce } from './lib/once.js';
import { runScenario, type ScenarioResult } from './lib/runner.js';
import { runSettings } from './lib/settings.js';
import type { RunContext, Scenario } from './lib/types.js';
import { renderMarkdown } from './report/markdown.js';
import type { RunReport } from './report/run-report.js';
import { renderSvg } from './report/svg.js';
import { scenarios } from './scenarios/index.js';
import { TargetPool } from './targets/pool.js';
import type { SqliteSynchronous } from './targets/pgsqlite-process.js';

const USAGE = `npm run bench [-- options]

  --full                longer runs (pgbench -T 30 with 1/8/32 clients, 50 000 latency samples, 10M streamed rows,
                        1 000 idle connections, 3 rounds) and every scenario
  --only <name>         run only this scenario (repeatable, or comma-separated); any scenario, quick or not
  --rounds <n>          rounds per scenario (default 2 quick, 3 full)
  --synchronous <lvl>   pgsqlite's SQLite synchronous: NORMAL (its default) or FULL (PostgreSQL's durability class)
  --help

Scenarios: ${scenarios.map((s) => s.name).join(', ')}
Writes bench/results/<date>.json, bench/results/latest.md and bench/results/latest.svg.`;

const SYNCHRONOUS_LEVELS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const;
const resultsDir = join(dirname(fileURLToPath(import.meta.url)), 'results');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      full: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      rounds: { type: 'string' },
      synchronous: { type: 'string', default: 'NORMAL' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  // The servers under test run compiled code, as `npx pgsqlite` does after `npm install`.
  execFileSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'build-dist.mjs')], { stdio: 'inherit' });
  const synchronous = values.synchronous.toUpperCase() as SqliteSynchronous;
  if (!SYNCHRONOUS_LEVELS.includes(synchronous)) throw new Error(`--synchronous must be one of ${SYNCHRONOUS_LEVELS.join(', ')}`);
  const rounds = values.rounds === undefined ? undefined : Number(values.rounds);
  if (rounds !== undefined && !(Number.isInteger(rounds) && rounds >= 1)) throw new Error('--rounds must be a positive integer');

  const settings = runSettings(values.full, rounds);
  const selected = selectScenarios(values.only, values.full);
  const startedAt = new Date();
  const started = startedAt.getTime();
  const loadAtStart = loadavg();
  const cpuShares = startCpuAccounting();
  const log = (message: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
  log(`${settings.full ? 'full' : 'quick'} run, ${settings.rounds} round(s) per scenario: ${selected.map((s) => s.name).join(', ')}`);

  const pool = new TargetPool(synchronous);
  const ctx: RunContext = {
    settings,
    endpoint: (target) => pool.endpoint(target),
    pgsqliteVariant: (variant) => pool.pgsqliteVariant(variant),
    synchronous,
    scratchDir: () => pool.scratchDir(),
    once: createOnce(),
    log,
  };

  try {
    const results: ScenarioResult[] = [];
    for (const scenario of selected) results.push(await runScenario(scenario, ctx));
    const postgres = await pool.postgresFacts();
    // Stopped before the report, so that their CPU time has been handed to us (see cpu-accounting.ts).
    await pool.stopAll();
    const report: RunReport = {
      date: startedAt.toISOString().replace(/\.\d+Z$/, 'Z'),
      settings,
      machine: machine(),
      versions: { ...versions(), postgres: postgres.version },
      durability: describeDurability(postgres.settings, synchronous),
      scenarios: results,
      totalSeconds: (Date.now() - started) / 1000,
      loadAverage: { start: loadAtStart, end: loadavg() },
      cpu: cpuShares(),
    };
    const files = await writeReports(report);
    console.log(renderMarkdown(report));
    log(`wrote ${files.join(', ')}`);
    if (results.some((r) => Object.keys(r.errors).length > 0)) process.exitCode = 1;
  } finally {
    await pool.stopAll();
  }
}

/** --only wins over the quick/full split: naming a scenario means wanting it. */
function selectScenarios(only: string[] | undefined, full: boolean): Scenario[] {
  if (!only || only.length === 0) return scenarios.filter((s) => full || s.quick);
  const names = only.flatMap((o) => o.split(',')).map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !scenarios.some((s) => s.name === n));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}`);
  // Registry order, not command-line order: scenarios that share state depend on it.
  return scenarios.filter((s) => names.includes(s.name));
}

async function writeReports(report: RunReport): Promise<string[]> {
  await mkdir(resultsDir, { recursive: true });
  // Colons are not allowed in Windows file names and are awkward in shells.
  const json = join(resultsDir, `${report.date.replaceAll(':', '-')}.json`);
  const md = join(resultsDir, 'latest.md');
  const svg = join(resultsDir, 'latest.svg');
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(md, renderMarkdown(report));
  await writeFile(svg, renderSvg(report));
  return [json, md, svg];
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
