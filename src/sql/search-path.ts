/**
 * search_path: the setting's text as a list of schema names, the schemas it names that exist
 * (the "effective" path, what current_schemas(false) shows), and the schema an unqualified
 * relation name resolves to. Pure: the session supplies which schemas and relations exist.
 */
import { publicSchema, storageName } from './schema-names.js';

/**
 * The schemas and relations of one database, as read from its sqlite_schema at one moment. On
 * the default search path only the schemas are read (`complete` false): reading every relation
 * after each DDL statement would make a long run of DDL quadratic.
 */
export interface NamespaceSnapshot {
  /** Distinct per read: translations that depended on a snapshot are cached under its id. */
  id: number;
  /** Whether relations, indexes and sequences were read too. */
  complete: boolean;
  /** User schemas (not public, not the system ones) and their owner ('' = the database's owner). */
  schemas: ReadonlyMap<string, string>;
  /** SQLite names of the tables and views of main, with their kind. */
  relations: ReadonlyMap<string, 'table' | 'view'>;
  /** SQLite names of the indexes of main that a user created (no sqlite_autoindex_*). */
  indexes: ReadonlySet<string>;
  /** Names in pgsqlite_sequences, or undefined when the database has no such table. */
  sequences: ReadonlySet<string> | undefined;
}

/** Thrown by a translation that needs the relations of an incomplete snapshot: the caller reads them and prepares again. */
export class SnapshotNeeded extends Error {
  constructor() {
    super('the translation needs the database\'s relations');
  }
}

/** What the translator knows about name resolution for one statement. */
export interface NamespaceContext {
  /**
   * '' when unqualified names resolve to public without looking (the effective path is exactly
   * public): such translations do not depend on the session and are shared by text.
   */
  key: string;
  /** The effective search path (existing schemas, pg_catalog left out: it is always searched first). */
  searchPath: readonly string[];
  snapshot: NamespaceSnapshot;
}

/** The setting's list: comma separated, each entry bare (folded to lower case) or double-quoted. */
export function parseSearchPath(text: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    let name = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') { name += '"'; i += 2; continue; }
          i++;
          break;
        }
        name += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',') name += text[i++];
      name = name.trim().toLowerCase();
    }
    while (i < text.length && text[i] !== ',') i++;
    i++;
    if (name !== '') names.push(name);
  }
  return names;
}

/** A search_path value as PostgreSQL prints it: each name quoted when it needs to be. */
export function formatSearchPath(text: string): string {
  return parseSearchPath(text).map((name) => (/^[a-z_][a-z0-9_$]*$/.test(name) ? name : '"' + name.replace(/"/g, '""') + '"')).join(', ');
}

/**
 * The schemas of the path that exist, in order, without pg_catalog/pg_temp (searched implicitly)
 * and without repeats. "$user" names the session user's schema when there is one.
 */
export function effectiveSearchPath(path: readonly string[], user: string, schemas: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const entry of path) {
    const name = entry === '$user' ? user : entry;
    if (name === publicSchema || schemas.has(name)) {
      if (!out.includes(name)) out.push(name);
    }
  }
  return out;
}

/** The schema of the path that has `name` (a table or view), or undefined when none has it. */
export function schemaOfRelation(context: NamespaceContext, name: string): string | undefined {
  for (const schema of context.searchPath) {
    if (context.snapshot.relations.has(storageName(schema, name))) return schema;
  }
  return undefined;
}

/** The schema of the path that has index `name`, or undefined. */
export function schemaOfIndex(context: NamespaceContext, name: string): string | undefined {
  for (const schema of context.searchPath) {
    if (context.snapshot.indexes.has(storageName(schema, name))) return schema;
  }
  return undefined;
}

/** The schema of the path that has sequence `name`, or undefined. */
export function schemaOfSequence(context: NamespaceContext, name: string): string | undefined {
  for (const schema of context.searchPath) {
    if (context.snapshot.sequences?.has(storageName(schema, name))) return schema;
  }
  return undefined;
}
