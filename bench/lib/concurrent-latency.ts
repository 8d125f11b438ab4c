import { percentile } from './stats.js';

export interface ConcurrentOptions {
  /** Untimed calls per worker before the timed part starts. */
  warmup: number;
  /** Timed calls per worker; the timed part ends when every worker has made them … */
  iterations?: number;
  /** … or after this long, whichever comes first (at least one of the two must be set). */
  seconds?: number;
}

export interface ConcurrentResult {
  p50: number;
  p99: number;
  /** Timed calls of all workers per second of wall time. */
  throughput: number;
  calls: number;
}

/**
 * Several workers (e.g. one node-postgres client each) calling `op` in a loop, one call at a
 * time each, so `workers` calls are in flight. Every call's latency goes into one pool, from
 * which p50/p99 are taken. The workers finish their warm-up before any of them starts timing,
 * so the timed part always has all of them running.
 *
 * The clients share the harness's event loop; that costs every target alike, and with a
 * server doing the work it is the server that the latency is waiting on.
 */
export async function measureConcurrentLatency(
  workers: number,
  op: (worker: number, i: number) => Promise<unknown>,
  options: ConcurrentOptions,
): Promise<ConcurrentResult> {
  if (options.iterations === undefined && options.seconds === undefined) throw new Error('concurrent latency needs iterations or seconds');
  const ids = Array.from({ length: workers }, (_, w) => w);
  await Promise.all(ids.map(async (w) => {
    for (let i = 0; i < options.warmup; i++) await op(w, i);
  }));

  const samples: number[][] = ids.map(() => []);
  const started = process.hrtime.bigint();
  const deadline = options.seconds === undefined ? undefined : started + BigInt(Math.round(options.seconds * 1e9));
  const iterations = options.iterations ?? Number.POSITIVE_INFINITY;
  await Promise.all(ids.map(async (w) => {
    const own = samples[w]!;
    for (let i = 0; i < iterations; i++) {
      const start = process.hrtime.bigint();
      if (deadline !== undefined && start >= deadline) break;
      await op(w, options.warmup + i);
      own.push(Number(process.hrtime.bigint() - start) / 1000);
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const all = samples.flat().sort((a, b) => a - b);
  return { p50: percentile(all, 50), p99: percentile(all, 99), throughput: all.length / seconds, calls: all.length };
}
