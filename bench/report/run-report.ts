import type { DurabilityFacts } from '../lib/durability.js';
import type { CpuShares } from '../lib/cpu-accounting.js';
import type { Machine, Versions } from '../lib/environment.js';
import type { ScenarioResult } from '../lib/runner.js';
import type { RunSettings } from '../lib/types.js';

/** Everything one run produced; written as bench/results/<date>.json and rendered by the other report files. */
export interface RunReport {
  /** ISO 8601, UTC. */
  date: string;
  settings: RunSettings;
  machine: Machine;
  versions: Versions & { postgres: string };
  durability: DurabilityFacts;
  scenarios: ScenarioResult[];
  totalSeconds: number;
  /**
   * os.loadavg() (1, 5, 15 min) before the first scenario and after the last. Load at the start
   * comes from other work on the machine, which competes with the targets and widens the spread.
   */
  loadAverage: { start: number[]; end: number[] };
  /** Who used the CPUs during the run; absent where /proc is not available. */
  cpu?: CpuShares;
}
