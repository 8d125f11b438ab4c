import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { percentile } from './stats.js';

/**
 * Latency percentiles from pgbench's per-transaction logs (`-l`), which pgbench's summary
 * lacks: it prints only the average and standard deviation. Each line is
 * `client_id transaction_no time script_no time_epoch time_us`, `time` being the
 * transaction's elapsed time in µs; one file per pgbench thread.
 */
export async function latencyFromLogs(dir: string): Promise<{ p50: number; p99: number; transactions: number }> {
  const latencies: number[] = [];
  for (const file of await readdir(dir)) {
    const text = await readFile(join(dir, file), 'utf8');
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const elapsed = Number(line.split(' ')[2]);
      // pgbench writes "failed" or "skipped" there for transactions that did not complete.
      if (!Number.isFinite(elapsed)) throw new Error(`pgbench log ${file}: a transaction did not complete: ${line}`);
      latencies.push(elapsed);
    }
  }
  if (latencies.length === 0) throw new Error(`no transactions in the pgbench logs in ${dir}`);
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), transactions: latencies.length };
}
