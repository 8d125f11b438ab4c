import type { RunSettings } from './types.js';

/**
 * Quick: the default, sized so a whole run stays under three minutes on a 2-core machine —
 * long enough that pgbench's TPS settles, short enough to run after every change.
 * Full: for numbers worth quoting; pgbench runs long enough to reach checkpoints and autovacuum.
 */
export function runSettings(full: boolean, rounds?: number): RunSettings {
  const base: RunSettings = full
    ? { full, rounds: 3, selectSeconds: 30, tpcbSeconds: 30, warmupIterations: 2_000, latencyIterations: 50_000 }
    : { full, rounds: 2, selectSeconds: 5, tpcbSeconds: 5, warmupIterations: 500, latencyIterations: 5_000 };
  return rounds === undefined ? base : { ...base, rounds };
}
