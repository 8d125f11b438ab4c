/**
 * The recorded baseline (`baseline.json`: per area, the ids of the cases that passed) and the
 * results page (`docs/conformance.md`). The check is a ratchet: a case that passed must keep
 * passing, and the overall pass rate must not fall.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AreaResult, CaseResult } from './run-corpus.js';

export interface Baseline {
  total: number;
  passed: number;
  /** passed / total, rounded to 4 decimals. */
  rate: number;
  areas: Record<string, { total: number; passed: number; passing: string[] }>;
}

export const baselinePath = join(import.meta.dirname, 'baseline.json');
export const resultsPagePath = join(import.meta.dirname, '..', '..', 'docs', 'conformance.md');

export function readBaseline(path: string = baselinePath): Baseline {
  return JSON.parse(readFileSync(path, 'utf8')) as Baseline;
}

export function baselineOf(results: AreaResult[]): Baseline {
  const areas: Baseline['areas'] = {};
  let total = 0;
  let passed = 0;
  for (const area of results) {
    const passing = area.cases.filter((c) => c.diff === undefined).map((c) => c.id);
    areas[area.name] = { total: area.cases.length, passed: passing.length, passing };
    total += area.cases.length;
    passed += passing.length;
  }
  return { total, passed, rate: rateOf(passed, total), areas };
}

function rateOf(passed: number, total: number): number {
  return total === 0 ? 1 : Math.round((passed / total) * 10_000) / 10_000;
}

/** What got worse since the baseline: cases that passed and now fail, and a lower pass rate. */
export function regressions(baseline: Baseline, results: AreaResult[]): { broken: CaseResult[]; rate: number; rateFell: boolean } {
  const now = baselineOf(results);
  const failing = new Map(results.flatMap((a) => a.cases).filter((c) => c.diff !== undefined).map((c) => [c.id, c]));
  const broken: CaseResult[] = [];
  for (const area of Object.values(baseline.areas)) {
    for (const id of area.passing) {
      const now = failing.get(id);
      if (now) broken.push(now);
    }
  }
  return { broken, rate: now.rate, rateFell: now.rate < baseline.rate };
}

export function writeBaseline(baseline: Baseline, path: string = baselinePath): void {
  writeFileSync(path, JSON.stringify(baseline, null, 2) + '\n');
}

/** The results page: pass rate per area, then every failing case with the difference seen. */
export function resultsPage(results: AreaResult[], date: string): string {
  const summary = baselineOf(results);
  const lines = [
    '# SQL conformance against PostgreSQL 15',
    '',
    `Generated ${date} by \`node --import tsx test/conformance/update-baseline.ts\`. The corpus is`,
    '`test/conformance/cases/*.sql` (one file per area, run in a fresh database on both servers);',
    'each case is compared on command tag, column names, type OIDs, values as text, and SQLSTATE',
    '(a user type\'s OID, 16384 and up, is whatever each server assigned: any two such OIDs match).',
    'The CI test (`test/conformance/conformance.test.ts`) fails when a case listed as passing in',
    '`test/conformance/baseline.json` fails, or when the pass rate falls below the recorded one.',
    'To add cases, append statements to an area file (format: `test/conformance/corpus.ts`); to see',
    'failures without recording them, run `node --import tsx test/conformance/report.ts [area …]`.',
    '',
    `**${summary.passed} of ${summary.total} cases pass (${percent(summary.passed, summary.total)}).**`,
    '',
    '| area | cases | pass | rate |',
    '|---|---:|---:|---:|',
    ...results.map((a) => {
      const passed = a.cases.filter((c) => c.diff === undefined).length;
      return `| ${a.name} | ${a.cases.length} | ${passed} | ${percent(passed, a.cases.length)} |`;
    }),
    '',
    '## Failing cases',
    '',
    'One line each: the statement, then what PostgreSQL answered vs what pgsqlite answered. Why each',
    'differs is explained in [dialect.md](dialect.md) (its sections and "Caveats").',
  ];
  for (const area of results) {
    const failing = area.cases.filter((c) => c.diff !== undefined);
    if (failing.length === 0 && area.setupFailures.length === 0) continue;
    lines.push('', `### ${area.name}`, '');
    for (const c of area.setupFailures) lines.push(`- (setup, line ${c.line}) \`${code(c.sql)}\` — ${escape(c.diff!)}`);
    for (const c of failing) lines.push(`- \`${code(c.sql)}\` — ${escape(c.diff!)}`);
  }
  return lines.join('\n') + '\n';
}

function percent(passed: number, total: number): string {
  return total === 0 ? '–' : `${((passed / total) * 100).toFixed(1)}%`;
}

/** A statement on one line, inside backticks. */
function code(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ');
  return (flat.length > 140 ? flat.slice(0, 139) + '…' : flat).replace(/`/g, "'");
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/</g, '&lt;');
}
