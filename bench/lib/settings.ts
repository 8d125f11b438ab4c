import type { RunSettings } from './types.js';

/**
 * Quick: the default, sized so a whole run stays around three minutes on a 2-core machine —
 * long enough that pgbench's TPS settles, short enough to run after every change. It keeps
 * the 1- and 8-client pgbench runs (-M simple with 1 client only), 3 s each, and the smaller
 * sizes of the streaming and idle-connection scenarios.
 * Full: for numbers worth quoting; pgbench runs long enough to reach checkpoints and autovacuum,
 * adds 32 clients, and the sizes are the ones the benchmark issue names (10M rows, 1,000 connections).
 */
export function runSettings(full: boolean, rounds?: number): RunSettings {
  const base: RunSettings = full
    ? {
        full,
        rounds: 3,
        selectSeconds: 30,
        tpcbSeconds: 30,
        warmupIterations: 2_000,
        latencyIterations: 50_000,
        pgbenchClients: [1, 8, 32],
        pgbenchSimpleClients: [1, 8, 32],
        copyRows: 1_000_000,
        streamRows: 10_000_000,
        idleConnections: 1_000,
        mixedSeconds: 10,
      }
    : {
        full,
        rounds: 2,
        selectSeconds: 3,
        tpcbSeconds: 3,
        warmupIterations: 500,
        latencyIterations: 5_000,
        pgbenchClients: [1, 8],
        // 1 client shows what parsing and translating each new text costs; 8 clients -M simple would add 12 s.
        pgbenchSimpleClients: [1],
        copyRows: 1_000_000,
        streamRows: 1_000_000,
        idleConnections: 200,
        mixedSeconds: 1.5,
      };
  return rounds === undefined ? base : { ...base, rounds };
}
