/**
 * Group commit of durability at synchronous=FULL. SQLite's own FULL fsyncs the WAL inside every
 * COMMIT, on the writer's thread, so the next batch cannot start until the disk answers: commits
 * per second are bounded by fsync latency. Instead the writer connection runs at NORMAL (a COMMIT
 * only writes its WAL frames) and this syncs the WAL file off the writer's thread; a commit is
 * acknowledged once a sync that began after it has finished. While one sync runs, the writer
 * goes on committing, and the next sync covers every commit made meanwhile — what PostgreSQL's
 * WAL flush does for concurrent commits. A committed transaction is acknowledged only when its
 * WAL frames are on disk, as with SQLite's FULL (recovery replays the WAL up to its last valid
 * commit frame).
 */
export class WalGroupSync {
  private committedSeq = 0;
  private syncedSeq = 0;
  private running: { covers: number; done: Promise<void> } | null = null;
  private next: { promise: Promise<void>; resolve: () => void; reject: (err: unknown) => void } | null = null;
  /** Syncs started, for the pool statistics. */
  syncs = 0;

  /** `sync` makes every WAL frame written so far durable (fdatasync of the -wal file). */
  constructor(private readonly sync: () => Promise<void>) {}

  /** Records a commit that just returned; its number is what `durable` waits for. */
  committed(): number {
    return ++this.committedSeq;
  }

  /** The number of the latest commit. */
  latest(): number {
    return this.committedSeq;
  }

  /** Resolves when the commit numbered `seq` is on disk; rejects when the sync failed. */
  durable(seq: number): Promise<void> {
    if (seq <= this.syncedSeq) return Promise.resolve();
    if (this.running && this.running.covers >= seq) return this.running.done;
    if (!this.running) return this.start().done;
    // A sync is running that began before this commit: the next one covers it (and all others meanwhile).
    if (!this.next) {
      let resolve!: () => void;
      let reject!: (err: unknown) => void;
      const promise = new Promise<void>((res, rej) => { resolve = res; reject = rej; });
      this.next = { promise, resolve, reject };
    }
    return this.next.promise;
  }

  private start(): { covers: number; done: Promise<void> } {
    const covers = this.committedSeq;
    this.syncs++;
    const done = this.sync().then(
      () => {
        this.syncedSeq = Math.max(this.syncedSeq, covers);
        this.startNext();
      },
      (err: unknown) => {
        this.startNext();
        throw err;
      },
    );
    const running = { covers, done };
    this.running = running;
    return running;
  }

  private startNext(): void {
    this.running = null;
    const waiting = this.next;
    this.next = null;
    if (waiting) this.start().done.then(waiting.resolve, waiting.reject);
  }
}
