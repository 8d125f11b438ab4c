import type { Scenario } from '../lib/types.js';
import { insert64Clients } from './insert-64-clients.js';
import { pgbenchSelectOnly } from './pgbench-select-only.js';
import { pgbenchTpcb } from './pgbench-tpcb.js';
import { pointSelect } from './point-select.js';
import { select1Latency } from './select-1-latency.js';

/**
 * Every scenario, in the order they run. Order matters where scenarios share state:
 * pgbench-select-only must run before pgbench-tpcb updates the same tables.
 */
export const scenarios: readonly Scenario[] = [select1Latency, pgbenchSelectOnly, pointSelect, pgbenchTpcb, insert64Clients];
