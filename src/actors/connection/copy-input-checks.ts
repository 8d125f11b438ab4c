/**
 * COPY FROM without the input-check triggers its values cannot fail.
 *
 * Every typed column has BEFORE INSERT triggers checking what SQLite's affinities do not
 * (sql/translate/input-checks.ts). COPY's values were already converted by each column type's
 * input function on the main thread (copy-in-rows.ts), so for some types the trigger re-checks what
 * is known valid — and any row trigger at all makes SQLite stage a multi-row INSERT's rows in an
 * ephemeral table and enter a sub-program per row (1M rows of integer, text, timestamptz: 0.47 s
 * of inserting without triggers, 0.9–1.0 s with their two checks).
 *
 * So a COPY large enough to repay the DDL drops those triggers inside its transaction and creates
 * them again, from the same text, before the transaction ends. A trigger is dropped only when its
 * stored SQL is exactly the check of the column's type (input-checks.ts,
 * copyRedundantInsertTriggers): a typmod, an enum, a domain, a renamed table or anything else
 * gives other text and keeps its trigger. Nobody else sees the gap: the COPY holds the writer
 * (its own transaction, or the session's block), readers see the last commit (WAL snapshots),
 * and a ROLLBACK — or a ROLLBACK TO a savepoint taken before the COPY — restores the triggers
 * whatever happened. The schema cookie moves, so other connections re-prepare their statements
 * once after the commit (SQLite does that by itself); result columns do not change, so the
 * schema generation (statement-cache.ts) need not move.
 */
import { quoteIdentifier } from '../../sql/translate/identifiers.js';
import { copyRedundantInsertTriggers } from '../../sql/translate/input-checks.js';
import type { StatementJob } from '../../storage/engine-messages.js';
import type { WriterLease } from '../database/database-runtime.js';

/** Makes a plain statement job of the COPY's session (Session.job). */
export type JobMaker = (sql: string, params: (string | number)[]) => StatementJob;

/** A trigger of the main schema stored as `CREATE TRIGGER "name" …` (sqlite_schema drops the qualifier). */
interface StoredTrigger {
  name: string;
  sql: string;
}

const CREATE_TRIGGER = 'CREATE TRIGGER ';

/** A trigger exists in `main` with exactly this text, on a table no TEMP table of the same name hides. */
const SAME_TRIGGER_SQL = "SELECT 1 FROM main.sqlite_schema WHERE type = 'trigger' AND name = ?1 AND sql = ?2"
  + " AND NOT EXISTS (SELECT 1 FROM temp.sqlite_schema WHERE type = 'table' AND name = ?3 COLLATE NOCASE)";

/**
 * Rows a COPY must have passed, per entry of the database's schema, before dropping the triggers
 * pays. The DDL moves the schema cookie, and after the commit every other connection of the
 * database (the inline reader, reader workers, the cursor worker) parses the whole schema again:
 * measured ~3 µs per sqlite_schema entry each (2 ms at 200 tables with their triggers), while a
 * suspended check saves ~0.2–0.4 µs per row (0.4 s of 1M rows of integer and timestamptz).
 */
const ROWS_PER_SCHEMA_ENTRY = 100;

/**
 * The redundant input-check triggers of one COPY FROM: dropped once the COPY is large enough
 * (`beforeBatch`), created again by `restore`. Every statement runs on the COPY's lease, in
 * order with the batches sent after it.
 */
export class CopyCheckSuspension {
  private readonly candidates: StoredTrigger[];
  private decided: boolean;
  private rowsNeeded: number | undefined;
  private suspended: StoredTrigger[] = [];

  /** `columns`: the COPY's columns, each with the type OID its values are converted by. */
  constructor(private readonly lease: WriterLease, private readonly job: JobMaker, private readonly table: string, columns: { name: string; oid: number }[]) {
    this.candidates = columns.flatMap((c) => copyRedundantInsertTriggers(table, c.name, c.oid));
    this.decided = this.candidates.length === 0;
  }

  /** The triggers dropped now (for tests and logs). */
  get names(): string[] {
    return this.suspended.map((t) => t.name);
  }

  /** Before sending a batch, with the rows the COPY will have sent with it: drops the triggers when that pays. */
  async beforeBatch(rowsSent: number): Promise<void> {
    if (this.decided) return;
    this.rowsNeeded ??= (await this.lease.exec(this.job('SELECT 1 FROM main.sqlite_schema', []))).rowCount * ROWS_PER_SCHEMA_ENTRY;
    if (rowsSent < this.rowsNeeded) return;
    this.decided = true;
    const present = await Promise.all(this.candidates.map((t) => this.lease.exec(this.job(SAME_TRIGGER_SQL, [t.name, t.sql, this.table])).then((o) => o.rowCount === 1)));
    for (const [i, trigger] of this.candidates.entries()) {
      if (!present[i]) continue;
      await this.lease.exec(this.job(`DROP TRIGGER main.${quoteIdentifier(trigger.name)}`, []));
      this.suspended.push(trigger);
    }
  }

  /** Creates the dropped triggers again; idempotent, and a no-op when none were dropped. */
  async restore(): Promise<void> {
    // IF NOT EXISTS: after an interrupt SQLite rolled the transaction back, triggers included.
    while (this.suspended.length > 0) {
      const trigger = this.suspended[0]!;
      await this.lease.exec(this.job(`${CREATE_TRIGGER}IF NOT EXISTS main.${trigger.sql.slice(CREATE_TRIGGER.length)}`, []));
      this.suspended.shift();
    }
  }
}
