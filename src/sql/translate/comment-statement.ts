/**
 * COMMENT ON TABLE | VIEW | INDEX | SEQUENCE | COLUMN | TYPE | SCHEMA … IS '…' | NULL.
 *
 * Comments are rows of `pgsqlite_comments` in the database file (catalog/internal-tables.ts),
 * keyed by the object's kind ('class' for relations, 'type', 'namespace'), its name and, for a
 * column, the column's name; pg_description reads them back with the objects' OIDs
 * (catalog/catalog-views.ts), and obj_description / col_description, psql's \d+ and \dt+ with it.
 * NULL or '' removes the comment, as in PostgreSQL. A missing object is PostgreSQL's error, raised
 * by a statement that runs ahead of the write.
 */
import type { CommentStmt } from 'libpg-query';
import { commentsTableDdl } from '../../catalog/internal-tables.js';
import { quoteString } from './identifiers.js';
import { asNode, stringsOf, type Node } from './parse-tree.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

/** The relation kinds of pg_class each COMMENT ON names, and PostgreSQL's word for the object. */
const relationKinds: Partial<Record<string, string>> = {
  OBJECT_TABLE: "'r', 'p'", OBJECT_VIEW: "'v'", OBJECT_MATVIEW: "'m'", OBJECT_INDEX: "'i'", OBJECT_SEQUENCE: "'S'",
};

const raise = (code: string, message: string, unless: string) =>
  `SELECT pgsqlite_raise('${code}', ${quoteString(message)}) WHERE NOT EXISTS (${unless})`;

interface Target {
  kind: 'class' | 'type' | 'namespace';
  object: string;
  sub: string;
  /** Statements that raise PostgreSQL's error when the object does not exist. */
  checks: string[];
}

export function commentStatement(st: TranslationState, node: CommentStmt): string[] {
  const target = commentTarget(st, node);
  const key = `kind = '${target.kind}' AND object = ${quoteString(target.object)} AND sub = ${quoteString(target.sub)}`;
  const write = node.comment === undefined || node.comment === ''
    ? `DELETE FROM pgsqlite_comments WHERE ${key}`
    : `INSERT OR REPLACE INTO pgsqlite_comments (kind, object, sub, description) VALUES ('${target.kind}', ${quoteString(target.object)}, `
      + `${quoteString(target.sub)}, ${quoteString(node.comment)})`;
  return [...target.checks, commentsTableDdl, write];
}

/** A relation's name in the public schema (the only one comments are kept for here). */
function publicName(st: TranslationState, parts: string[], what: string): string {
  if (parts.length === 2 && parts[0] !== 'public') unsupported(st, `COMMENT ON ${what} outside schema public`);
  if (parts.length > 2 || parts.length === 0) unsupported(st, `COMMENT ON ${what} with a cross-database name`);
  return parts[parts.length - 1]!;
}

function commentTarget(st: TranslationState, node: CommentStmt): Target {
  const objtype = node.objtype ?? '';
  const object = node.object as Node | undefined;
  const kinds = relationKinds[objtype];
  if (kinds !== undefined) {
    const name = publicName(st, stringsOf(asNode(object, 'List')?.items), 'a relation');
    const exists = `SELECT 1 FROM pg_class WHERE relname = ${quoteString(name)} AND relkind IN (${kinds})`;
    return { kind: 'class', object: name, sub: '', checks: [raise('42P01', `relation "${name}" does not exist`, exists)] };
  }
  if (objtype === 'OBJECT_COLUMN') {
    const parts = stringsOf(asNode(object, 'List')?.items);
    const column = parts.pop() ?? '';
    const table = publicName(st, parts, 'a column');
    const relation = `SELECT 1 FROM pg_class WHERE relname = ${quoteString(table)} AND relkind IN ('r', 'p', 'v', 'm')`;
    const exists = `SELECT 1 FROM pragma_table_xinfo(${quoteString(table)}, 'main') WHERE name = ${quoteString(column)} AND hidden <> 1`;
    return {
      kind: 'class', object: table, sub: column,
      checks: [raise('42P01', `relation "${table}" does not exist`, relation), raise('42703', `column "${column}" of relation "${table}" does not exist`, exists)],
    };
  }
  if (objtype === 'OBJECT_TYPE' || objtype === 'OBJECT_DOMAIN') {
    const names = stringsOf(asNode(object, 'TypeName')?.names).filter((part) => part !== 'pg_catalog');
    const name = publicName(st, names, 'a type');
    return { kind: 'type', object: name, sub: '', checks: [raise('42704', `type "${name}" does not exist`, `SELECT 1 FROM pg_type WHERE typname = ${quoteString(name)}`)] };
  }
  if (objtype === 'OBJECT_SCHEMA') {
    const name = asNode(object, 'String')?.sval ?? '';
    return {
      kind: 'namespace', object: name, sub: '',
      checks: [raise('3F000', `schema "${name}" does not exist`, `SELECT 1 FROM pg_namespace WHERE nspname = ${quoteString(name)}`)],
    };
  }
  return unsupported(st, `COMMENT ON ${objtype.replace('OBJECT_', '').toLowerCase().replace('_', ' ')}`);
}
