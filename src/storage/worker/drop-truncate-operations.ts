/**
 * DROP TABLE/VIEW and TRUNCATE with PostgreSQL's dependency rules: 2BP01 for dependants without
 * CASCADE; with it, dependent views and other tables' foreign keys go (TRUNCATE empties referencing
 * tables, children first).
 */
import type Database from 'better-sqlite3';
import { parseTableDdl } from '../../catalog/table-ddl.js';
import { catalogRelationName } from '../../sql/catalog-relations.js';
import { joinTableDefinition, removeConstraint, splitTableDefinition, type TableDefinition } from './table-definition-edits.js';
import { fail, quote, literal, type SchemaName, type TableRow, findRelation, requireTable, run, rewriteTable, hasSequences } from './schema-relations.js';

interface ForeignKeyUse { table: TableRow; constraint: string; definition: TableDefinition }

/** Foreign keys of other tables that reference `target`. */
function referencingKeys(db: Database.Database, target: string): ForeignKeyUse[] {
  const out: ForeignKeyUse[] = [];
  const tables = db.prepare("SELECT name, sql FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'pgsqlite\\_%' ESCAPE '\\'")
    .all() as { name: string; sql: string }[];
  for (const row of tables) {
    if (row.name.toLowerCase() === target.toLowerCase()) continue;
    const constraints = parseTableDdl(row.name, row.sql).constraints.filter((c) => c.type === 'f' && c.refTable?.toLowerCase() === target.toLowerCase());
    for (const c of constraints) {
      out.push({ table: { schema: 'main', name: row.name, type: 'table', sql: row.sql }, constraint: c.name, definition: splitTableDefinition(row.sql) });
    }
  }
  return out;
}

/** Views that no longer compile (they read a relation that is gone). */
function brokenViews(db: Database.Database): { schema: SchemaName; name: string }[] {
  const out: { schema: SchemaName; name: string }[] = [];
  for (const schema of ['main', 'temp'] as const) {
    const views = db.prepare(`SELECT name FROM ${schema}.sqlite_schema WHERE type = 'view'`).all() as { name: string }[];
    for (const view of views) {
      if (schema === 'temp' && catalogRelationName(undefined, view.name) !== undefined) continue;
      try {
        db.prepare(`SELECT * FROM ${schema}.${quote(view.name)} LIMIT 0`);
      } catch {
        out.push({ schema, name: view.name });
      }
    }
  }
  return out;
}

function dependencyError(kind: string, name: string, detail: string[]): never {
  return fail('2BP01', `cannot drop ${kind} ${name} because other objects depend on it`, {
    detail: detail.join('\n'), hint: 'Use DROP ... CASCADE to drop the dependent objects too.',
  });
}

export function dropRelations(db: Database.Database, kind: 'TABLE' | 'VIEW', names: string[], missingOk: boolean, cascade: boolean): number {
  const word = kind.toLowerCase();
  const targets: TableRow[] = [];
  for (const name of names) {
    const row = findRelation(db, name);
    if (row === undefined) {
      if (missingOk) continue;
      fail('42P01', `${word} "${name}" does not exist`);
    }
    if (row.type !== word) fail('42809', `"${name}" is not a ${word}`, { hint: `Use DROP ${row.type.toUpperCase()} to remove a ${row.type}.` });
    targets.push(row);
  }
  const dropping = new Set(targets.map((t) => t.name.toLowerCase()));
  const brokenBefore = new Set(brokenViews(db).map((view) => `${view.schema}.${view.name}`));
  for (const target of targets.filter((t) => t.type === 'table' && t.schema === 'main')) {
    const uses = referencingKeys(db, target.name).filter((use) => !dropping.has(use.table.name.toLowerCase()));
    if (uses.length > 0 && !cascade) {
      dependencyError(word, target.name, uses.map((use) => `constraint ${use.constraint} on table ${use.table.name} depends on table ${target.name}`));
    }
    // CASCADE drops the foreign keys, not the rows that referenced the table.
    for (const use of uses) {
      const current = requireTable(db, use.table.name);
      const definition = splitTableDefinition(current.sql);
      removeConstraint(current.name, definition, use.constraint);
      rewriteTable(db, current, joinTableDefinition(definition));
    }
  }
  // Tables that reference another one being dropped go first: the implicit DELETE of a dropped
  // table would otherwise run their ON DELETE actions or fail their keys.
  const ordered = childrenFirst(db, targets);
  for (const target of ordered) {
    run(db, `DROP ${kind} ${target.schema}.${quote(target.name)}`);
    if (target.type === 'table' && hasSequences(db)) db.prepare('DELETE FROM pgsqlite_sequences WHERE owned_table = ?').run(target.name);
  }
  const broken = brokenViews(db).filter((view) => !brokenBefore.has(`${view.schema}.${view.name}`));
  if (broken.length > 0) {
    if (!cascade) dependencyError(word, targets[0]!.name, broken.map((view) => `view ${view.name} depends on ${word} ${targets[0]!.name}`));
    // A view over a broken view is broken too; dropping in rounds reaches them all.
    for (let round = broken; round.length > 0; round = brokenViews(db).filter((view) => !brokenBefore.has(`${view.schema}.${view.name}`))) {
      for (const view of round) run(db, `DROP VIEW IF EXISTS ${view.schema}.${quote(view.name)}`);
    }
  }
  return 0;
}

/** The tables among `tables` that `table` references (itself excluded). */
function parentsAmong(db: Database.Database, table: TableRow, tables: TableRow[]): TableRow[] {
  if (table.type !== 'table') return [];
  const parents = db.prepare(`SELECT DISTINCT "table" AS parent FROM ${table.schema}.pragma_foreign_key_list(?)`).all(table.name) as { parent: string }[];
  return tables.filter((t) => t !== table && parents.some((p) => p.parent.toLowerCase() === t.name.toLowerCase()));
}

/**
 * The tables ordered so that each comes before the tables it references: deleting (or dropping,
 * whose implicit DELETE runs the keys' actions) in this order never leaves a key pointing at a
 * row that is gone. A cycle keeps its given order, with the keys' checks deferred to the commit.
 */
function childrenFirst(db: Database.Database, tables: TableRow[]): TableRow[] {
  const parents = new Map(tables.map((t) => [t, parentsAmong(db, t, tables)]));
  const remaining = [...tables];
  const ordered: TableRow[] = [];
  while (remaining.length > 0) {
    const next = remaining.findIndex((t) => !remaining.some((other) => other !== t && parents.get(other)!.includes(t)));
    if (next < 0) {
      db.pragma('defer_foreign_keys = ON');
      return [...ordered, ...remaining];
    }
    ordered.push(...remaining.splice(next, 1));
  }
  return ordered;
}

export function truncate(db: Database.Database, names: string[], cascade: boolean, restartIdentity: boolean): number {
  const tables = names.map((name) => requireTable(db, name));
  const seen = new Set(tables.map((t) => t.name.toLowerCase()));
  for (let i = 0; i < tables.length; i++) {
    if (tables[i]!.schema !== 'main') continue;
    for (const use of referencingKeys(db, tables[i]!.name)) {
      if (seen.has(use.table.name.toLowerCase())) continue;
      if (!cascade) {
        fail('0A000', 'cannot truncate a table referenced in a foreign key constraint', {
          detail: `Table "${use.table.name}" references "${tables[i]!.name}".`,
          hint: `Truncate table "${use.table.name}" at the same time, or use TRUNCATE ... CASCADE.`,
        });
      }
      seen.add(use.table.name.toLowerCase());
      tables.push(use.table);
    }
  }
  // Referencing tables are emptied first, so no key is left pointing at a deleted row.
  const ordered = childrenFirst(db, tables);
  for (const table of ordered) run(db, `DELETE FROM ${table.schema}.${quote(table.name)}`);
  if (restartIdentity && hasSequences(db)) {
    const list = tables.map((t) => literal(t.name)).join(', ');
    run(db, `UPDATE pgsqlite_sequences SET last_value = start_value, is_called = 0 WHERE owned_table IN (${list})`);
  }
  return 0;
}
