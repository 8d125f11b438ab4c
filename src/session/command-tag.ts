import type { CommandTag } from '../sql/classify.js';
import type { StatementOutcome } from '../storage/engine-messages.js';

/** CommandComplete text exactly as PostgreSQL writes it: `INSERT 0 3`, `UPDATE 2`, `SELECT 5`, `CREATE TABLE`. */
export function commandTag(tag: CommandTag, outcome: StatementOutcome): string {
  const count = outcome.columns ? outcome.rowCount : outcome.changes;
  switch (tag.counted) {
    case 'none':
      return tag.word;
    case 'insert':
      return `INSERT 0 ${count}`;
    case 'rows':
      return `${tag.word} ${count}`;
  }
}
