import type { StatementOutcome } from '../../storage/engine-messages.js';

/**
 * Runs the SQLite statements of one translated statement in order. The last `resultStatements`
 * are its result (a multi-row INSERT split by DEFAULT): their rows follow each other and their
 * counts add up; the statements before them only prepare it.
 */
export async function runSequence(statements: string[], run: (sql: string) => Promise<StatementOutcome>, resultStatements = 1): Promise<StatementOutcome> {
  let outcome!: StatementOutcome;
  for (let i = 0; i < statements.length; i++) {
    const next = await run(statements[i]!);
    outcome = i > statements.length - resultStatements && outcome !== undefined ? mergeOutcomes(outcome, next) : next;
  }
  return outcome;
}

function mergeOutcomes(first: StatementOutcome, second: StatementOutcome): StatementOutcome {
  let rows = first.rows ?? second.rows;
  if (first.rows && second.rows) {
    rows = new Uint8Array(first.rows.length + second.rows.length);
    rows.set(first.rows);
    rows.set(second.rows, first.rows.length);
  }
  return {
    ...second,
    columns: first.columns ?? second.columns,
    rows,
    rowCount: first.rowCount + second.rowCount,
    changes: first.changes + second.changes,
  };
}
