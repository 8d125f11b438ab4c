/**
 * CREATE EXTENSION, DROP EXTENSION and ALTER EXTENSION … UPDATE for the extensions whose functions
 * this server provides (catalog/provided-extensions.ts). Creating one records it in the database's
 * `pgsqlite_extensions` table (catalog/internal-tables.ts), which pg_extension and pg_description
 * read (catalog/catalog-views.ts); the functions themselves are always registered
 * (catalog/extension-functions.ts). Checks against what exists run as statements ahead of the
 * write, so they see the database as it is when the statement runs.
 */
import type { AlterExtensionStmt, CreateExtensionStmt, DropStmt } from 'libpg-query';
import { builtinExtension, providedExtensions, unprovidedPostgresExtensions } from '../../catalog/provided-extensions.js';
import { extensionsTableDdl } from '../../catalog/internal-tables.js';
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { publicSchema, systemSchemas } from '../schema-names.js';
import { quoteString } from './identifiers.js';
import { asNode, stringOf, type Node } from './parse-tree.js';
import { requireSchema } from './schema-statements.js';
import type { TranslationState } from './translation-state.js';
import { notTranslatable } from './unsupported.js';

type Code = ConstructorParameters<typeof PgError>[0]['code'];

/** A statement that changes nothing and returns no columns (the command's result is its tag alone). */
const nothing = 'DELETE FROM main.pgsqlite_extensions WHERE 0';

const created = (name: string) => `EXISTS (SELECT 1 FROM main.pgsqlite_extensions WHERE name = ${quoteString(name)})`;

const raiseWhen = (code: string, message: string, condition: string) => `SELECT pgsqlite_raise('${code}', ${quoteString(message)}) WHERE ${condition}`;

/** The options of CREATE/ALTER EXTENSION (DefElem nodes) by name: schema, new_version, cascade. */
function optionValues(options: Node[] | undefined): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>();
  for (const option of options ?? []) {
    const def = asNode(option, 'DefElem');
    if (def?.defname !== undefined) values.set(def.defname, stringOf(def.arg as Node | undefined));
  }
  return values;
}

/** The refusal for a name that is not plpgsql and not provided. */
function notProvided(st: TranslationState, name: string): never {
  if (unprovidedPostgresExtensions.has(name)) notTranslatable(st, `extension "${name}" is not supported by pgsqlite`);
  // PostgreSQL's answer for a name no installation has (its detail names a control file path, which there is not here).
  throw new PgError({
    code: SqlState.featureNotSupported, message: `extension "${name}" is not available`,
    hint: 'The extension must first be installed on the system where PostgreSQL is running.',
  });
}

/** The extension's version, after refusing a VERSION other than the one provided (PostgreSQL's 22023). */
function checkedVersion(name: string, version: string, requested: string | undefined): string {
  if (requested !== undefined && requested !== version) {
    throw new PgError({
      code: SqlState.invalidParameterValue, message: `extension "${name}" has no installation script nor update path for version "${requested}"`,
    });
  }
  return version;
}

/** CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE]. */
export function createExtension(st: TranslationState, node: CreateExtensionStmt): string[] {
  const name = node.extname ?? '';
  const options = optionValues(node.options);
  if (name === builtinExtension.name) {
    if (node.if_not_exists) return [extensionsTableDdl, nothing];
    throw new PgError({ code: '42710' as Code, message: `extension "${name}" already exists` });
  }
  const extension = providedExtensions.get(name);
  if (extension === undefined) notProvided(st, name);
  // Without SCHEMA: the first existing schema of the search path, as PostgreSQL's creation namespace.
  const schema = options.get('schema') ?? st.context.namespaces?.searchPath[0] ?? publicSchema;
  const version = checkedVersion(name, extension!.version, options.get('new_version'));
  const checks = systemSchemas.has(schema) ? [] : requireSchema(schema);
  const insert = `INSERT OR IGNORE INTO pgsqlite_extensions (name, schema, version) VALUES (${quoteString(name)}, ${quoteString(schema)}, ${quoteString(version)})`;
  if (node.if_not_exists) return [extensionsTableDdl, ...checks, insert];
  return [extensionsTableDdl, raiseWhen('42710', `extension "${name}" already exists`, created(name)), ...checks, insert];
}

/** DROP EXTENSION [IF EXISTS] name [, …] [CASCADE | RESTRICT]: objects that use the functions are not tracked. */
export function dropExtensions(st: TranslationState, node: DropStmt): string[] {
  const out = [extensionsTableDdl];
  for (const object of node.objects ?? []) {
    const name = stringOf(object) ?? '';
    if (name === builtinExtension.name) notTranslatable(st, `DROP EXTENSION ${name} is not supported: it is built in`);
    if (!node.missing_ok) out.push(raiseWhen('42704', `extension "${name}" does not exist`, `NOT ${created(name)}`));
    out.push(`DELETE FROM pgsqlite_extensions WHERE name = ${quoteString(name)}`);
  }
  return out;
}

/** ALTER EXTENSION name UPDATE [TO version]: every created extension is at its only version already. */
export function alterExtension(st: TranslationState, node: AlterExtensionStmt): string[] {
  const name = node.extname ?? '';
  const requested = optionValues(node.options).get('new_version');
  const installed = name === builtinExtension.name ? '1.0' : providedExtensions.get(name)?.version;
  if (installed !== undefined && requested !== undefined && requested !== installed) {
    throw new PgError({
      code: SqlState.invalidParameterValue, message: `extension "${name}" has no update path from version "${installed}" to version "${requested}"`,
    });
  }
  if (name === builtinExtension.name) return [extensionsTableDdl, nothing];
  return [extensionsTableDdl, raiseWhen('42704', `extension "${name}" does not exist`, `NOT ${created(name)}`), nothing];
}
