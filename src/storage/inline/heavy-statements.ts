/**
 * Which statement texts the inline engine sends straight to a worker. A statement that ran past
 * the inline budget is skipped inline for its next `skips` executions, then tried inline once
 * more; each further overrun doubles the skips (up to a cap). So a point query that overran once
 * because of a GC pause or a busy machine comes back inline after a few worker round trips instead
 * of paying a thread hop forever, while a truly heavy one costs the budget once per `maxSkips`
 * executions at most.
 */
export class HeavyStatements {
  private readonly skipsLeft = new Map<string, { left: number; next: number }>();

  constructor(
    private readonly firstSkips = 64,
    private readonly maxSkips = 65_536,
    private readonly capacity = 10_000,
  ) {}

  /** True when this execution should go to a worker without trying inline. */
  skip(sql: string): boolean {
    const entry = this.skipsLeft.get(sql);
    if (entry === undefined || entry.left === 0) return false;
    entry.left--;
    return true;
  }

  /** The statement overran the budget inline. */
  overran(sql: string): void {
    const entry = this.skipsLeft.get(sql);
    if (entry !== undefined) {
      entry.left = entry.next;
      entry.next = Math.min(entry.next * 2, this.maxSkips);
      return;
    }
    if (this.skipsLeft.size >= this.capacity) this.skipsLeft.delete(this.skipsLeft.keys().next().value as string);
    this.skipsLeft.set(sql, { left: this.firstSkips, next: Math.min(this.firstSkips * 2, this.maxSkips) });
  }

  /** The statement ran inline within the budget: forget its history. */
  fitted(sql: string): void {
    if (this.skipsLeft.size > 0) this.skipsLeft.delete(sql);
  }
}
