import type Database from 'better-sqlite3';

const BLOCK = 1000;
/** Where PostgreSQL's first normal transaction ids start (FirstNormalTransactionId is 3; initdb uses some). */
const FIRST_ID = 1000n;

/**
 * Transaction ids (txid_current(), pg_current_xact_id()): handed out at once, never waiting for
 * a commit, monotonic across restarts. The metadata file records a high-water mark one block ahead,
 * so a restart skips the unused rest of a block instead of writing on every id.
 */
export class TransactionIds {
  private next: bigint;
  private reservedUpTo: bigint;

  constructor(private readonly db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS pgsqlite_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)');
    const row = db.prepare("SELECT value FROM pgsqlite_counters WHERE name = 'xid'").safeIntegers(true).get() as { value: bigint } | undefined;
    this.next = row?.value ?? FIRST_ID;
    this.reservedUpTo = this.next;
  }

  allocate(): bigint {
    if (this.next >= this.reservedUpTo) {
      this.reservedUpTo = this.next + BigInt(BLOCK);
      this.db.prepare("INSERT INTO pgsqlite_counters (name, value) VALUES ('xid', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value").run(this.reservedUpTo);
    }
    return this.next++;
  }
}
