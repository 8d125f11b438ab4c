/**
 * What the writer actor does not count itself: how long commits took, how many statements failed
 * alone, how batch sizes spread, and where reads ran. Read by pgsqlite_stat_pools and SHOW POOLS
 * (beside the actor's own batch and statement counts).
 */
export const batchSizeBuckets = [1, 4, 16, 64, Infinity] as const;

export class PoolStats {
  commitsTimed = 0;
  failedStatements = 0;
  commitMsTotal = 0;
  commitMsMax = 0;
  /** Batches by size: ≤1, ≤4, ≤16, ≤64, more. */
  readonly batchSizes = batchSizeBuckets.map(() => 0);
  readsInline = 0;
  readsWorker = 0;

  recordBatch(size: number, failed: number, durationMs: number): void {
    this.commitsTimed++;
    this.failedStatements += failed;
    this.commitMsTotal += durationMs;
    this.commitMsMax = Math.max(this.commitMsMax, durationMs);
    this.batchSizes[batchSizeBuckets.findIndex((limit) => size <= limit)]++;
  }

  /** "≤1:n ≤4:n ≤16:n ≤64:n >64:n" for a one-column view of the distribution. */
  batchSizeHistogram(): string {
    return batchSizeBuckets.map((limit, i) => `${limit === Infinity ? '>64' : `<=${limit}`}:${this.batchSizes[i]}`).join(' ');
  }
}
