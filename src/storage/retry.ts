/**
 * Retrying work that failed for a passing reason (SQLite's BUSY/LOCKED: another connection held
 * a lock past busy_timeout, e.g. during a checkpoint), with exponential backoff and full jitter.
 * Whether an error is worth retrying is a property of the error, decided by `retriable`.
 */
export interface RetryOptions {
  retries: number;
  initialDelayMs: number;
  maxDelayMs: number;
  retriable: (err: unknown) => boolean;
  /** Injected for tests and for the worker's synchronous sleep. */
  sleep: (ms: number) => void;
  random?: () => number;
}

/** Delay before retry `attempt` (0-based): a random share of an exponentially growing cap. */
export function backoffDelay(attempt: number, options: Pick<RetryOptions, 'initialDelayMs' | 'maxDelayMs' | 'random'>): number {
  const cap = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** attempt);
  return Math.round((options.random ?? Math.random)() * cap);
}

/** Runs `work`, retrying retriable failures; the last failure is thrown with the earlier ones as its cause chain. */
export function retrySync<T>(work: () => T, options: RetryOptions): T {
  for (let attempt = 0; ; attempt++) {
    try {
      return work();
    } catch (err) {
      if (attempt >= options.retries || !options.retriable(err)) throw err;
      options.sleep(backoffDelay(attempt, options));
    }
  }
}

const transient = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED_SHAREDCACHE']);

/** SQLite result codes that mean "try again later" rather than "this statement is wrong". */
export function isTransientSqliteError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && transient.has(code);
}
