/**
 * SQLite functions for enums: an enum's OIDs from its storage name (types/enum-declared-type.ts),
 * the same values RowDescription sends for its columns and casts (the catalog views' pg_type and
 * pg_enum rows); min and max by sort order (sql/translate/enum-ordering.ts), given the type's
 * labels in order as a JSON array (a subquery SQLite evaluates once per statement).
 */
import type Database from 'better-sqlite3';
import { enumArrayTypeOid, enumTypeOid } from '../sql/types/enum-declared-type.js';

export function registerEnumFunctions(db: Database.Database): void {
  const deterministic = { deterministic: true } as const;
  db.function('pgsqlite_enum_oid', deterministic, (name: unknown) => (name === null ? null : enumTypeOid(String(name))));
  // The labels seen, counted: a window frame takes rows away again (inverse).
  type State = { counts: Map<string, number>; positions: Map<string, number> | undefined };
  const add = (state: State, label: unknown, labels: unknown, by: number): State => {
    if (label === null) return state;
    state.positions ??= positionsOf(String(labels));
    const key = String(label);
    const count = (state.counts.get(key) ?? 0) + by;
    if (count > 0) state.counts.set(key, count);
    else state.counts.delete(key);
    return state;
  };
  for (const [name, sign] of [['pgsqlite_enum_min', 1], ['pgsqlite_enum_max', -1]] as const) {
    // Typed loosely: better-sqlite3's declaration allows one argument per step, SQLite passes two.
    type Step = (state: State, next: unknown) => State;
    db.aggregate(name, {
      start: (): State => ({ counts: new Map(), positions: undefined }),
      step: ((state: State, label: unknown, labels: unknown) => add(state, label, labels, 1)) as Step,
      inverse: ((state: State, label: unknown, labels: unknown) => add(state, label, labels, -1)) as Step,
      result: (state: State) => {
        let best: string | null = null;
        for (const label of state.counts.keys()) {
          if (best === null || sign * ((state.positions!.get(label) ?? -1) - (state.positions!.get(best) ?? -1)) < 0) best = label;
        }
        return best;
      },
    });
  }
  db.function('pgsqlite_enum_array_oid', deterministic, (name: unknown) => (name === null ? null : enumArrayTypeOid(String(name))));
}

const positionCache = new Map<string, Map<string, number>>();

/** Label → position from the JSON array of an enum's labels in order (a few types per statement: cached). */
function positionsOf(labels: string): Map<string, number> {
  let positions = positionCache.get(labels);
  if (positions === undefined) {
    positions = new Map((JSON.parse(labels) as string[]).map((label, i) => [label, i]));
    if (positionCache.size > 64) positionCache.clear();
    positionCache.set(labels, positions);
  }
  return positions;
}
