/**
 * VACUUM and ANALYZE. Neither changes what any query returns, so they map onto SQLite's nearest
 * maintenance: VACUUM rebuilds the whole database file (SQLite's VACUUM has no per-table form; it
 * is always "FULL"), ANALYZE gathers planner statistics. The result is always one statement: the
 * server runs a VACUUM plan's first statement outside any transaction.
 */
import type { VacuumStmt } from 'libpg-query';
import { asNode } from './parse-tree.js';
import { relationName } from './qualified-names.js';
import type { TranslationState } from './translation-state.js';

export function vacuumStatement(st: TranslationState, node: VacuumStmt): string {
  // VACUUM ANALYZE: the rebuild is the part with an effect worth waiting for; statistics follow
  // the next ANALYZE (they only steer plans).
  if (node.is_vacuumcmd) return 'VACUUM';
  const relations = node.rels ?? [];
  // SQLite's ANALYZE takes one table or all of them; several tables means all.
  if (relations.length !== 1) return 'ANALYZE';
  const relation = asNode(relations[0], 'VacuumRelation')?.relation;
  return relation === undefined ? 'ANALYZE' : 'ANALYZE ' + relationName(st, relation);
}
