import type { Scenario } from '../lib/types.js';
import { copyFromStdin } from './copy-from-stdin.js';
import { idleConnections } from './idle-connections.js';
import { insert64Clients } from './insert-64-clients.js';
import { mixedLoad } from './mixed-load.js';
import { pgbenchSelectOnly } from './pgbench-select-only.js';
import { pgbenchTpcb } from './pgbench-tpcb.js';
import { pointSelectScenario } from './point-select.js';
import { select1Latency } from './select-1-latency.js';
import { streamRows } from './stream-rows.js';
import { translationCache } from './translation-cache.js';

/**
 * Every scenario, in the order they run. Order matters where scenarios share state:
 * pgbench-select-only must run before pgbench-tpcb updates the same tables. stream-rows and
 * mixed-load share bench_stream, and point-select and mixed-load share bench_point, but each
 * creates what it needs if it runs alone.
 */
export const scenarios: readonly Scenario[] = [
  select1Latency,
  translationCache,
  pointSelectScenario,
  pgbenchSelectOnly,
  pgbenchTpcb,
  insert64Clients,
  copyFromStdin,
  streamRows,
  mixedLoad,
  idleConnections,
];
