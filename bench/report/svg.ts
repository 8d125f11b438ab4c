import { formatRatio, pgsqliteAhead, ratio } from './format.js';
import type { RunReport } from './run-report.js';

/*
 * bench/results/latest.svg: one panel per scenario, one horizontal bar per metric showing
 * pgsqlite / PostgreSQL. Hand-built so the harness needs no charting dependency. Each panel
 * has its own scale, with a dashed line at 1 (parity); green means pgsqlite is ahead on that
 * metric (taking its better direction into account), orange that PostgreSQL is.
 */

const WIDTH = 950;
const LABEL_WIDTH = 420;
const BAR_AREA = 420;
const ROW = 24;
const BAR = 16;
const PANEL_TITLE = 26;
const PANEL_GAP = 18;
const AHEAD = '#2e7d32';
const BEHIND = '#e65100';

export function renderSvg(report: RunReport): string {
  const parts: string[] = [];
  let y = 20;
  parts.push(text(10, y, `pgsqlite / PostgreSQL ${report.versions.postgres} — ${report.date}`, { size: 15, weight: 'bold' }));
  y += 18;
  parts.push(
    text(10, y, 'Bars: ratio of medians. Dashed line: parity. ', { size: 11 }),
    rect(275, y - 9, 10, 10, AHEAD),
    text(290, y, 'pgsqlite ahead', { size: 11 }),
    rect(385, y - 9, 10, 10, BEHIND),
    text(400, y, 'PostgreSQL ahead', { size: 11 }),
  );
  y += PANEL_GAP;

  for (const scenario of report.scenarios) {
    const rows = scenario.metrics.map((metric) => ({ metric, value: ratio(metric) }));
    const directions = new Set(scenario.metrics.map((m) => m.better));
    const direction = directions.size === 1 ? ` (${[...directions][0]} is better)` : '';
    y += PANEL_TITLE - 8;
    parts.push(text(10, y, `${scenario.name}${direction}`, { size: 13, weight: 'bold' }));
    y += 8;

    const max = Math.max(1, ...rows.map((r) => r.value ?? 0)) * 1.15;
    const x0 = LABEL_WIDTH;
    const scale = (v: number) => (v / max) * BAR_AREA;
    const top = y;
    for (const { metric, value } of rows) {
      const label = directions.size === 1 ? metric.name : `${metric.name} (${metric.better} is better)`;
      parts.push(text(x0 - 8, y + BAR - 3, label, { size: 12, anchor: 'end' }));
      if (value === undefined) {
        const why = scenario.targets.includes('postgres') ? 'no figure' : 'n/a: no PostgreSQL counterpart';
        parts.push(text(x0 + 4, y + BAR - 3, why, { size: 12, fill: '#777' }));
      } else {
        const w = Math.max(1, scale(value));
        parts.push(rect(x0, y, w, BAR, pgsqliteAhead(metric, value) ? AHEAD : BEHIND));
        parts.push(text(x0 + w + 5, y + BAR - 3, formatRatio(value), { size: 12 }));
      }
      y += ROW;
    }
    if (rows.length === 0) {
      parts.push(text(x0, y + BAR - 3, 'no results', { size: 12, fill: '#777' }));
      y += ROW;
    }
    const parity = x0 + scale(1);
    parts.push(
      `<line x1="${fx(parity)}" y1="${fx(top - 4)}" x2="${fx(parity)}" y2="${fx(y - ROW + BAR + 4)}" stroke="#333" stroke-dasharray="4 3"/>`,
    );
    y += PANEL_GAP;
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y}" viewBox="0 0 ${WIDTH} ${y}" font-family="sans-serif">`,
    `<rect width="${WIDTH}" height="${y}" fill="#fff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

interface TextStyle {
  size: number;
  weight?: 'bold';
  anchor?: 'start' | 'end';
  fill?: string;
}

function text(x: number, y: number, content: string, style: TextStyle): string {
  const attrs = [`x="${fx(x)}"`, `y="${fx(y)}"`, `font-size="${style.size}"`];
  if (style.weight) attrs.push(`font-weight="${style.weight}"`);
  if (style.anchor) attrs.push(`text-anchor="${style.anchor}"`);
  attrs.push(`fill="${style.fill ?? '#111'}"`);
  return `<text ${attrs.join(' ')}>${escapeXml(content)}</text>`;
}

function rect(x: number, y: number, w: number, h: number, fill: string): string {
  return `<rect x="${fx(x)}" y="${fx(y)}" width="${fx(w)}" height="${fx(h)}" fill="${fill}"/>`;
}

/** Coordinates with at most one decimal keep the file small and diff-friendly. */
function fx(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function escapeXml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
