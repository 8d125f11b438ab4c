/**
 * Counters of one database's connections: group commits (how many, how large, how long) and
 * where reads ran. Read by the pgsqlite_stat_pools view and SHOW POOLS.
 */
export const batchSizeBuckets = [1, 4, 16, 64, Infinity] as const;

export class PoolStats {
  batches = 0;
  statements = 0;
  failedStatements = 0;
  largestBatch = 0;
  commitMsTotal = 0;
  commitMsMax = 0;
  /** Batches by size: ≤1, ≤4, ≤16, ≤64, more. */
  readonly batchSizes = batchSizeBuckets.map(() => 0);
  readsInline = 0;
  readsWorker = 0;

  recordBatch(size: number, failed: number, durationMs: number): void {
    this.batches++;
    this.statements += size;
    this.failedStatements += failed;
    this.largestBatch = Math.max(this.largestBatch, size);
    this.commitMsTotal += durationMs;
    this.commitMsMax = Math.max(this.commitMsMax, durationMs);
    this.batchSizes[batchSizeBuckets.findIndex((limit) => size <= limit)]++;
  }

  /** "≤1:n ≤4:n ≤16:n ≤64:n >64:n" for a one-column view of the distribution. */
  batchSizeHistogram(): string {
    return batchSizeBuckets.map((limit, i) => `${limit === Infinity ? '>64' : `<=${limit}`}:${this.batchSizes[i]}`).join(' ');
  }
}
