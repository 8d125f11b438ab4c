import type { MetricResult } from '../lib/runner.js';

/** µs with one decimal below 100 (where a tenth still means something), whole numbers above. */
export function formatValue(value: number | undefined, unit: MetricResult['unit']): string {
  if (value === undefined) return '—';
  if (unit === 'TPS') return `${Math.round(value).toLocaleString('en-US')} TPS`;
  return `${value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')} µs`;
}

/** pgsqlite / PostgreSQL, the one ratio the report is about; undefined when either side is missing. */
export function ratio(metric: MetricResult): number | undefined {
  const ours = metric.median.pgsqlite;
  const theirs = metric.median.postgres;
  if (ours === undefined || theirs === undefined || theirs === 0) return undefined;
  return ours / theirs;
}

/** Whether pgsqlite beats PostgreSQL on this metric, given which direction is better. */
export function pgsqliteAhead(metric: MetricResult, value: number): boolean {
  return metric.better === 'higher' ? value > 1 : value < 1;
}

export function formatRatio(value: number | undefined): string {
  return value === undefined ? '—' : `${value.toFixed(2)}×`;
}
