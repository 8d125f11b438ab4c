/**
 * Relation names as regclass reads and prints them (PostgreSQL's regclassin / regclassout), for
 * values known only at run time (`pg_get_serial_sequence(…)::regclass`, `$1::regclass`) and for
 * literals (src/sql/translate/reg-casts.ts). Existence is checked in SQL over pg_class (a SQLite
 * function cannot query the connection that calls it), so this only parses and lists where to look.
 */
import { PgError } from '../protocol/pg-error.js';
import { publicSchema, storageName, systemSchemas } from './schema-names.js';

/** PostgreSQL's fixed OIDs of the system catalogs clients name ('pg_class'::regclass in pg_description.classoid). */
export const systemCatalogOids: Readonly<Record<string, number>> = {
  pg_class: 1259, pg_type: 1247, pg_attribute: 1249, pg_proc: 1255, pg_namespace: 2615, pg_constraint: 2606, pg_index: 2610,
  pg_description: 2609, pg_attrdef: 2604, pg_depend: 2608, pg_database: 1262, pg_authid: 1260, pg_am: 2601, pg_enum: 3501,
  pg_sequence: 2224, pg_trigger: 2620, pg_collation: 3456, pg_extension: 3079, pg_tablespace: 1213, pg_inherits: 2611,
  pg_rewrite: 2618, pg_language: 2612, pg_operator: 2617, pg_opclass: 2616, pg_opfamily: 2753, pg_cast: 2605,
  pg_event_trigger: 3466, pg_policy: 3256, pg_statistic_ext: 3381, pg_publication: 6104, pg_shdescription: 2396,
};

const catalogNamesByOid = new Map(Object.entries(systemCatalogOids).map(([name, oid]) => [oid, name]));

/** The name a system catalog's OID prints as (1259 → pg_class), or undefined. */
export function systemCatalogName(oid: number): string | undefined {
  return catalogNamesByOid.get(oid);
}

/** A relation name as text: `name` or `schema.name` (a database before it is ignored). */
export interface RegclassName {
  schema?: string;
  name: string;
}

/**
 * Splits text as PostgreSQL's stringToQualifiedNameList does: dot-separated parts, blanks around
 * each ignored, a bare part folded to lower case, a double-quoted one kept ("" is a quote).
 * Anything else is 42602 invalid name syntax.
 */
export function parseRegclassName(text: string): RegclassName {
  const parts: string[] = [];
  let i = 0;
  const invalid = () => new PgError({ code: '42602', message: 'invalid name syntax' });
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    let part = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw invalid();
        if (text[i] === '"') {
          if (text[i + 1] !== '"') { i++; break; }
          i++;
        }
        part += text[i++];
      }
      if (part === '') throw invalid();
    } else {
      while (i < text.length && text[i] !== '.' && !/\s/.test(text[i]!) && text[i] !== '"') part += text[i++];
      if (part === '') throw invalid();
      part = part.toLowerCase();
    }
    parts.push(part);
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    if (text[i] !== '.') throw invalid();
    i++;
  }
  if (parts.length > 3) throw new PgError({ code: '42601', message: `improper relation name (too many dotted names): ${text}` });
  const name = parts[parts.length - 1]!;
  return parts.length === 1 ? { name } : { schema: parts[parts.length - 2]!, name };
}

/** The name as PostgreSQL's 42P01 message prints it: `relation "s.t" does not exist`. */
export function missingRelationMessage(text: string): string {
  const { schema, name } = parseRegclassName(text);
  return `relation "${schema === undefined ? name : `${schema}.${name}`}" does not exist`;
}

/**
 * Where a regclass name may be, in PostgreSQL's order: a system catalog's fixed OID (pg_catalog is
 * searched first), then the SQLite names of the relation in each schema of the search path (or
 * the one schema named).
 */
export function regclassCandidates(text: string, searchPath: readonly string[]): Array<string | number> {
  const { schema, name } = parseRegclassName(text);
  const catalogOid = (schema === undefined || schema === 'pg_catalog') ? systemCatalogOids[name] : undefined;
  const candidates: Array<string | number> = catalogOid === undefined ? [] : [catalogOid];
  if (schema !== undefined) {
    if (!systemSchemas.has(schema)) candidates.push(storageName(schema, name));
    return candidates;
  }
  for (const pathSchema of searchPath.length ? searchPath : [publicSchema]) {
    if (!systemSchemas.has(pathSchema)) candidates.push(storageName(pathSchema, name));
  }
  return candidates;
}
