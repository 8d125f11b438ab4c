/**
 * The writer's waiting requests: one FIFO lane per priority, served by smooth weighted round
 * robin. Under contention each priority gets turns in proportion to its weight, so a high-priority
 * request overtakes a backlog of lower ones at once, and a low-priority one is never starved.
 * Pure data structure; O(1) per request (lanes are few).
 */
export interface Prioritised {
  priority: number;
}

/** Default turns per round: high (2) 16, normal (1) 4, low (0) 1. */
export const defaultWriteWeights: Readonly<Record<number, number>> = { 0: 1, 1: 4, 2: 16 };

class Lane<T> {
  private items: T[] = [];
  private head = 0;
  /** The round robin's running credit for this lane. */
  credit = 0;

  constructor(readonly priority: number, readonly weight: number) {}

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  peek(): T | undefined {
    return this.items[this.head];
  }

  shift(): T | undefined {
    const item = this.items[this.head];
    if (item === undefined) return undefined;
    this.items[this.head++] = undefined as T;
    // Compact now and then so the array does not keep growing at the front.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  values(): T[] {
    return this.items.slice(this.head);
  }

  removeWhere(matches: (item: T) => boolean): T[] {
    const kept: T[] = [];
    const removed: T[] = [];
    for (const item of this.values()) (matches(item) ? removed : kept).push(item);
    if (removed.length > 0) {
      this.items = kept;
      this.head = 0;
    }
    return removed;
  }
}

export class WriteQueue<T extends Prioritised> {
  private readonly lanes: Lane<T>[];
  private count = 0;

  constructor(weights: Readonly<Record<number, number>> = defaultWriteWeights) {
    // Highest priority first, so ties go to it.
    this.lanes = Object.entries(weights)
      .map(([priority, weight]) => new Lane<T>(Number(priority), Math.max(1, weight)))
      .sort((a, b) => b.priority - a.priority);
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    const lane = this.lanes.find((l) => l.priority === item.priority) ?? this.nearestLane(item.priority);
    lane.push(item);
    this.count++;
  }

  /** The request the next shift() returns. */
  peek(): T | undefined {
    return this.nextLane()?.peek();
  }

  shift(): T | undefined {
    const lane = this.nextLane();
    if (!lane) return undefined;
    let total = 0;
    for (const l of this.lanes) {
      if (l.size === 0) continue;
      l.credit += l.weight;
      total += l.weight;
    }
    lane.credit -= total;
    this.count--;
    const item = lane.shift();
    // An emptied lane starts afresh when work arrives again (no credit or debt carried over).
    if (lane.size === 0) lane.credit = 0;
    return item;
  }

  /** Takes out every waiting request that matches (cancelled, timed out). */
  removeWhere(matches: (item: T) => boolean): T[] {
    const removed = this.lanes.flatMap((lane) => lane.removeWhere(matches));
    this.count -= removed.length;
    return removed;
  }

  /** Waiting requests that match (for the pool view). */
  countWhere(matches: (item: T) => boolean): number {
    let n = 0;
    for (const lane of this.lanes) for (const item of lane.values()) if (matches(item)) n++;
    return n;
  }

  /** Everything waiting, in the order it would be served if nothing else arrived. */
  toArray(): T[] {
    const copy = new WriteQueue<T>(Object.fromEntries(this.lanes.map((l) => [l.priority, l.weight])));
    for (const lane of this.lanes) {
      const mirror = copy.lanes.find((l) => l.priority === lane.priority)!;
      mirror.credit = lane.credit;
      for (const item of lane.values()) copy.push(item);
    }
    const out: T[] = [];
    for (let item = copy.shift(); item !== undefined; item = copy.shift()) out.push(item);
    return out;
  }

  /** The lane whose turn it is: the largest credit after this round's weights are added. */
  private nextLane(): Lane<T> | undefined {
    let best: Lane<T> | undefined;
    let bestCredit = -Infinity;
    for (const lane of this.lanes) {
      if (lane.size === 0) continue;
      const credit = lane.credit + lane.weight;
      if (credit > bestCredit) {
        best = lane;
        bestCredit = credit;
      }
    }
    return best;
  }

  private nearestLane(priority: number): Lane<T> {
    return this.lanes.reduce((a, b) => (Math.abs(b.priority - priority) < Math.abs(a.priority - priority) ? b : a));
  }
}
