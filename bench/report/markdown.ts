import { formatRatio, formatValue, ratio } from './format.js';
import type { RunReport } from './run-report.js';

/** bench/results/latest.md: the header says exactly what ran where, then one row per metric. */
export function renderMarkdown(report: RunReport): string {
  const { machine, versions, settings, durability } = report;
  const lines: string[] = [];
  lines.push(`# pgsqlite benchmark — ${report.date}`, '');
  lines.push(
    `- **Date:** ${report.date}`,
    `- **Machine:** ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.os}; data directories on ${machine.dataFilesystem}`,
    `- **Versions:** Node ${versions.node} · SQLite ${versions.sqlite} (better-sqlite3, the same module pgsqlite uses) · ` +
      `PostgreSQL ${versions.postgres} · pgsqlite ${versions.pgsqlite} (commit ${versions.pgsqliteCommit}, runs from ${versions.pgsqliteRunsFrom})`,
    `- **Run:** ${settings.full ? 'full' : 'quick'}, ${settings.rounds} round${settings.rounds === 1 ? '' : 's'} per scenario with the target order rotating each round; ` +
      `figures are medians over rounds. pgbench -T ${settings.selectSeconds} s (select-only), ${settings.tpcbSeconds} s (TPC-B, INSERTs) ` +
      `with ${settings.pgbenchClients.join(' / ')} clients (select-only -M simple: ${settings.pgbenchSimpleClients.join(' / ')}); latency: ${settings.latencyIterations} timed calls after ${settings.warmupIterations} warm-up; ` +
      `COPY ${count(settings.copyRows)} rows; streaming ${count(settings.streamRows)} rows; ${count(settings.idleConnections)} idle connections; ` +
      `mixed load ${settings.mixedSeconds} s per window. Took ${Math.round(report.totalSeconds)} s.`,
    `- **Competing load:** ${competingLoad(report)}`,
    '- **Setup:** pgsqlite runs as its own process (bin/pgsqlite.js); clients (node-postgres in the harness process, pgbench) ' +
      'reach both servers over TCP on 127.0.0.1 without TLS; better-sqlite3 and translation-cache run inside the harness process. ' +
      'Both servers allow 1,100 connections (PostgreSQL max_connections, pgsqlite maxConnections); otherwise defaults.',
    '',
  );

  lines.push('## Durability', '');
  lines.push(
    `- **PostgreSQL:** ${settingsText(durability.postgres.settings)} — ${durability.postgres.meaning}.`,
    `- **pgsqlite:** ${settingsText(durability.pgsqlite.settings)} — ${durability.pgsqlite.meaning}.`,
    `- **better-sqlite3 floor:** ${settingsText(durability.sqlite.settings)} (read-only scenarios only).`,
    `- **${durability.verdict}**`,
    '',
  );

  lines.push('## Results', '');
  lines.push('| Scenario | Metric | pgsqlite | PostgreSQL 15 | pgsqlite / PostgreSQL | better-sqlite3 floor |');
  lines.push('|---|---|--:|--:|--:|--:|');
  for (const scenario of report.scenarios) {
    // A pgsqlite-only scenario (an in-process micro-benchmark) has nothing to compare with: n/a, not a missing figure.
    const hasPostgres = scenario.targets.includes('postgres');
    scenario.metrics.forEach((metric, index) => {
      const direction = metric.better === 'higher' ? 'higher is better' : 'lower is better';
      lines.push(
        `| ${index === 0 ? `**${scenario.name}**` : ''} | ${metric.name} | ${formatValue(metric.median.pgsqlite, metric.unit)} | ` +
          `${hasPostgres ? formatValue(metric.median.postgres, metric.unit) : 'n/a'} | ` +
          `${hasPostgres ? `${formatRatio(ratio(metric))} (${direction})` : `n/a (${direction})`} | ` +
          `${scenario.targets.includes('sqlite') ? formatValue(metric.median.sqlite, metric.unit) : 'n/a'} |`,
      );
    });
    if (scenario.metrics.length === 0) lines.push(`| **${scenario.name}** | no results | | | | |`);
  }
  lines.push('');

  const failures = report.scenarios.flatMap((s) =>
    Object.entries(s.errors).flatMap(([target, errors]) => errors.map((e) => ({ scenario: s.name, target, ...e }))),
  );
  if (failures.length > 0) {
    lines.push('## Failures', '', 'Figures above come from the rounds that succeeded; the full messages are in the JSON file.', '');
    for (const f of failures) lines.push(`- **${f.scenario} / ${f.target}**, round ${f.round}: \`${telltaleLine(f.message)}\``);
    lines.push('');
  }

  lines.push('## Scenarios', '');
  for (const scenario of report.scenarios) lines.push(`- **${scenario.name}** (${Math.round(scenario.seconds)} s): ${scenario.description}`);
  lines.push('');
  return lines.join('\n');
}

/** Above this share of the machine's CPU used by others, the figures deserve a warning. */
const BUSY_SHARE = 0.1;

function competingLoad(report: RunReport): string {
  const load = `load average (1/5/15 min) ${report.loadAverage.start.map((l) => l.toFixed(2)).join(' / ')} at start`;
  const { cpu } = report;
  if (!cpu) return `${load}.`;
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const text = `other processes used ${pct(cpu.others)} of the machine's CPU time during the run (this benchmark ${pct(cpu.own)}, hypervisor steal ${pct(cpu.steal)}); ${load}`;
  return cpu.others > BUSY_SHARE
    ? `${text} — **the machine was shared with other work: the figures are noisier, and likely lower, than on an idle machine.**`
    : `${text}.`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function settingsText(settings: Record<string, string>): string {
  return Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(', ');
}

/** The most telling line of a failure: the first that says "error" (pgbench's own lines), else the first line. */
function telltaleLine(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /error|ERROR|FATAL/.test(l)) ?? lines[0] ?? '';
  return line.replaceAll('`', "'").replaceAll('|', '\\|');
}
