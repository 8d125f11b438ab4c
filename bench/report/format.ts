import type { MetricResult } from '../lib/runner.js';

/**
 * Counts per second as whole numbers with separators; times with one decimal below 100
 * (where a tenth still means something) and whole numbers above; sub-microsecond times with
 * two decimals, since the cached-translation lookup lives there.
 */
export function formatValue(value: number | undefined, unit: MetricResult['unit']): string {
  if (value === undefined) return '—';
  switch (unit) {
    case 'TPS':
    case 'rows/s':
      return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
    case 'µs':
    case 'ms':
      return `${value < 1 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')} ${unit}`;
    case 'KiB':
    case 'MiB':
      return `${value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')} ${unit}`;
  }
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
