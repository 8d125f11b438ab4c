import { percentile } from './stats.js';
import type { Metric } from './types.js';

export interface LatencyOptions {
  warmup: number;
  iterations: number;
}

export interface LatencyResult {
  p50: number;
  p99: number;
}

/**
 * Times `op` one call at a time (one client, nothing else in flight) and returns p50/p99
 * in microseconds. The warm-up lets the JIT, statement caches and the server's worker
 * threads settle before anything is recorded.
 */
export async function measureLatency(op: (i: number) => Promise<unknown>, options: LatencyOptions): Promise<LatencyResult> {
  for (let i = 0; i < options.warmup; i++) await op(i);
  const samples = new Float64Array(options.iterations);
  for (let i = 0; i < samples.length; i++) {
    const start = process.hrtime.bigint();
    await op(i);
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  return summarize(samples);
}

/**
 * The same for synchronous work (in-process better-sqlite3): no await per call, so the
 * floor does not include a microtask hop that the real call never pays.
 */
export function measureLatencySync(op: (i: number) => unknown, options: LatencyOptions): LatencyResult {
  for (let i = 0; i < options.warmup; i++) op(i);
  const samples = new Float64Array(options.iterations);
  for (let i = 0; i < samples.length; i++) {
    const start = process.hrtime.bigint();
    op(i);
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  return summarize(samples);
}

function summarize(samples: Float64Array): LatencyResult {
  const sorted = Array.from(samples).sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** The two metrics every latency scenario reports, named after what was measured. */
export function latencyMetrics(label: string, result: LatencyResult): Metric[] {
  return [
    { name: `p50, ${label}`, unit: 'µs', better: 'lower', value: result.p50 },
    { name: `p99, ${label}`, unit: 'µs', better: 'lower', value: result.p99 },
  ];
}
