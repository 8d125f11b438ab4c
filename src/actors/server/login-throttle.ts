/**
 * Slows down password guessing: after a failed login from an address, its next attempts wait
 * longer (doubling, capped), until one succeeds. Memory is bounded by dropping old entries.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; last: number }>();

  constructor(private readonly baseDelayMs = 200, private readonly maxDelayMs = 5_000, private readonly maxEntries = 10_000) {}

  delayFor(address: string): number {
    const entry = this.failures.get(address);
    if (!entry) return 0;
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.min(entry.count - 1, 10));
  }

  async wait(address: string): Promise<void> {
    const delay = this.delayFor(address);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  }

  async failed(address: string): Promise<void> {
    const entry = this.failures.get(address) ?? { count: 0, last: 0 };
    entry.count++;
    entry.last = Date.now();
    this.failures.delete(address);
    this.failures.set(address, entry);
    if (this.failures.size > this.maxEntries) this.failures.delete(this.failures.keys().next().value as string);
    // The failing client itself also waits before it hears the answer.
    await new Promise((resolve) => setTimeout(resolve, Math.min(this.delayFor(address), this.maxDelayMs)));
  }

  succeeded(address: string): void {
    this.failures.delete(address);
  }
}
