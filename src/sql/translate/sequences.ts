/**
 * Sequences: CREATE / ALTER / DROP SEQUENCE and `SELECT nextval('s')` / `SELECT setval('s', n)`.
 *
 * A sequence is a row of `pgsqlite_sequences` in the database file (hidden from the catalog, like
 * every `pgsqlite_` table). SQLite functions cannot run statements on their own connection, so
 * nextval cannot be a function that updates the row; instead `SELECT nextval('s')` becomes one
 * `UPDATE pgsqlite_sequences … RETURNING` whose new value is computed (and range-checked) by
 * `pgsqlite_sequence_next` (src/catalog/sequence-functions.ts). That makes nextval
 * transactional here: a rolled-back nextval is handed out again (PostgreSQL never reuses it).
 */
import type { AlterSeqStmt, CreateSeqStmt, DefElem, FuncCall, SelectStmt } from 'libpg-query';
import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import { quoteString } from './identifiers.js';
import { storageName, systemSchemas } from '../schema-names.js';
import { asNode, nodeBody, stringOf, stringsOf, type Node } from './parse-tree.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

export const sequencesTable = 'pgsqlite_sequences';

/** Created by every statement that writes sequences, so a database without any has no such table. */
export const sequencesTableDdl = `CREATE TABLE IF NOT EXISTS ${sequencesTable} (name TEXT PRIMARY KEY, data_type TEXT NOT NULL, `
  + 'start_value INTEGER NOT NULL, increment INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, '
  + 'cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, '
  + 'owned_table TEXT, owned_column TEXT)';

export type SequenceType = 'smallint' | 'integer' | 'bigint';

const typeLimits: Record<SequenceType, [bigint, bigint]> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

export interface SequenceDefinition {
  name: string;
  type: SequenceType;
  start: bigint;
  increment: bigint;
  min: bigint;
  max: bigint;
  cache: bigint;
  cycle: boolean;
  ownedBy?: [table: string, column: string];
}

/** A SqlState PostgreSQL uses that the shared table does not name yet. */
type Code = ConstructorParameters<typeof PgError>[0]['code'];
function fail(code: string, message: string): never {
  throw new PgError({ code: code as Code, message });
}

function optionInteger(st: TranslationState, option: DefElem): bigint {
  const arg = option.arg;
  const integer = asNode(arg, 'Integer');
  if (integer !== undefined) return BigInt(integer.ival ?? 0);
  const float = asNode(arg, 'Float');
  if (float !== undefined && /^-?\d+$/.test(float.fval ?? '')) return BigInt(float.fval!);
  return unsupported(st, `sequence option ${option.defname} with this value`, option.location);
}

/** PostgreSQL's defaults and checks (sequence.c init_params) over the options given. */
export function sequenceDefinition(
  st: TranslationState, name: string, options: Node[] | undefined, base: { type?: SequenceType; ownedBy?: [string, string] } = {},
): SequenceDefinition {
  let type: SequenceType = base.type ?? 'bigint';
  let increment = 1n;
  let min: bigint | undefined;
  let max: bigint | undefined;
  let start: bigint | undefined;
  let cache = 1n;
  let cycle = false;
  let ownedBy = base.ownedBy;
  for (const node of options ?? []) {
    const option = nodeBody(node, 'DefElem');
    switch (option.defname) {
      case 'as': {
        const typeName = stringsOf(nodeBody(option.arg!, 'TypeName').names).at(-1);
        const named: Record<string, SequenceType> = { int2: 'smallint', int4: 'integer', int8: 'bigint' };
        const found = named[typeName ?? ''];
        if (found === undefined) fail(SqlState.invalidParameterValue, 'sequence type must be smallint, integer, or bigint');
        type = found;
        break;
      }
      case 'increment': increment = optionInteger(st, option); break;
      case 'minvalue': min = option.arg === undefined ? undefined : optionInteger(st, option); break;
      case 'maxvalue': max = option.arg === undefined ? undefined : optionInteger(st, option); break;
      case 'start': start = optionInteger(st, option); break;
      case 'cache': cache = optionInteger(st, option); break;
      case 'cycle': cycle = asNode(option.arg, 'Boolean')?.boolval === true; break;
      case 'owned_by': {
        const parts = stringsOf(nodeBody(option.arg!, 'List').items);
        ownedBy = parts.length === 1 && parts[0] === 'none' ? undefined : [parts.at(-2) ?? '', parts.at(-1) ?? ''];
        break;
      }
      case 'sequence_name': break;
      default: unsupported(st, `sequence option ${option.defname}`, option.location);
    }
  }
  if (increment === 0n) fail(SqlState.invalidParameterValue, 'INCREMENT must not be zero');
  const [low, high] = typeLimits[type];
  min ??= increment > 0n ? 1n : low;
  max ??= increment > 0n ? high : -1n;
  if (min < low || min > high) fail(SqlState.numericValueOutOfRange, `MINVALUE (${min}) is out of range for sequence data type ${type}`);
  if (max < low || max > high) fail(SqlState.numericValueOutOfRange, `MAXVALUE (${max}) is out of range for sequence data type ${type}`);
  if (min >= max) fail(SqlState.invalidParameterValue, `MINVALUE (${min}) must be less than MAXVALUE (${max})`);
  start ??= increment > 0n ? min : max;
  if (start < min) fail(SqlState.invalidParameterValue, `START value (${start}) cannot be less than MINVALUE (${min})`);
  if (start > max) fail(SqlState.invalidParameterValue, `START value (${start}) cannot be greater than MAXVALUE (${max})`);
  if (cache < 1n) fail(SqlState.invalidParameterValue, `CACHE (${cache}) must be greater than zero`);
  return { name, type, start, increment, min, max, cache, cycle, ownedBy };
}

/** The statement adding a sequence's row; `orIgnore` for IF NOT EXISTS. */
export function insertSequence(sequence: SequenceDefinition, mode: 'OR IGNORE ' | 'OR REPLACE ' | '' = ''): string {
  const owned = sequence.ownedBy;
  const values = [
    quoteString(sequence.name), quoteString(sequence.type), sequence.start, sequence.increment, sequence.min, sequence.max,
    sequence.cache, sequence.cycle ? 1 : 0, sequence.start, 0,
    owned ? quoteString(owned[0]) : 'NULL', owned ? quoteString(owned[1]) : 'NULL',
  ];
  return `INSERT ${mode}INTO ${sequencesTable} VALUES (${values.join(', ')})`;
}

/** Raises 42P07 when a relation or sequence of that name exists. */
function refuseExisting(name: string): string {
  const text = quoteString(name);
  return `SELECT pgsqlite_raise('42P07', ${quoteString(`relation "${name}" already exists`)}) `
    + `WHERE EXISTS (SELECT 1 FROM ${sequencesTable} WHERE name = ${text}) OR EXISTS (SELECT 1 FROM sqlite_schema WHERE name = ${text})`;
}

/** Raises 42P01 when the sequence does not exist. */
function requireSequence(name: string, noun = 'relation'): string {
  return `SELECT pgsqlite_raise('42P01', ${quoteString(`${noun} "${name}" does not exist`)}) `
    + `WHERE NOT EXISTS (SELECT 1 FROM ${sequencesTable} WHERE name = ${quoteString(name)})`;
}

/** A sequence's row name: its SQLite-style name in its schema (src/sql/schema-names.ts). */
function sequenceName(st: TranslationState, schema: string | undefined, name: string | undefined, location?: number): string {
  if (schema === undefined) return name ?? '';
  if (systemSchemas.has(schema)) unsupported(st, `a sequence in schema "${schema}"`, location);
  return storageName(schema, name ?? '');
}

export function createSequence(st: TranslationState, node: CreateSeqStmt): string[] {
  const relation = node.sequence!;
  if (relation.relpersistence === 't') unsupported(st, 'CREATE TEMP SEQUENCE', relation.location);
  const name = sequenceName(st, relation.schemaname, relation.relname, relation.location);
  const sequence = sequenceDefinition(st, name, node.options);
  if (node.if_not_exists) return [sequencesTableDdl, insertSequence(sequence, 'OR IGNORE ')];
  return [sequencesTableDdl, refuseExisting(name), insertSequence(sequence)];
}

/**
 * ALTER SEQUENCE: the options given replace the stored ones; RESTART [WITH n] sets the next value.
 * The new bounds are checked against the options of the statement only (not the stored ones).
 */
export function alterSequence(st: TranslationState, node: AlterSeqStmt): string[] {
  const relation = node.sequence!;
  const name = sequenceName(st, relation.schemaname, relation.relname, relation.location);
  const sets: string[] = [];
  for (const optionNode of node.options ?? []) {
    const option = nodeBody(optionNode, 'DefElem');
    switch (option.defname) {
      case 'restart':
        sets.push(option.arg === undefined ? 'last_value = start_value' : `last_value = ${optionInteger(st, option)}`, 'is_called = 0');
        break;
      case 'increment': {
        const increment = optionInteger(st, option);
        if (increment === 0n) fail(SqlState.invalidParameterValue, 'INCREMENT must not be zero');
        sets.push(`increment = ${increment}`);
        break;
      }
      case 'start': sets.push(`start_value = ${optionInteger(st, option)}`); break;
      case 'minvalue':
        sets.push(option.arg === undefined ? "min_value = CASE WHEN increment > 0 THEN 1 ELSE CASE data_type WHEN 'smallint' THEN -32768 WHEN 'integer' THEN -2147483648 ELSE -9223372036854775808 END END" : `min_value = ${optionInteger(st, option)}`);
        break;
      case 'maxvalue':
        sets.push(option.arg === undefined ? "max_value = CASE WHEN increment < 0 THEN -1 ELSE CASE data_type WHEN 'smallint' THEN 32767 WHEN 'integer' THEN 2147483647 ELSE 9223372036854775807 END END" : `max_value = ${optionInteger(st, option)}`);
        break;
      case 'cache': sets.push(`cache_size = ${optionInteger(st, option)}`); break;
      case 'cycle': sets.push(`cycle = ${asNode(option.arg, 'Boolean')?.boolval === true ? 1 : 0}`); break;
      case 'owned_by': {
        const parts = stringsOf(nodeBody(option.arg!, 'List').items);
        sets.push(parts.length === 1 && parts[0] === 'none'
          ? 'owned_table = NULL, owned_column = NULL'
          : `owned_table = ${quoteString(parts.at(-2) ?? '')}, owned_column = ${quoteString(parts.at(-1) ?? '')}`);
        break;
      }
      default: unsupported(st, `ALTER SEQUENCE … ${option.defname}`, option.location);
    }
  }
  const out = [sequencesTableDdl];
  if (!node.missing_ok) out.push(requireSequence(name));
  if (sets.length > 0) out.push(`UPDATE ${sequencesTable} SET ${sets.join(', ')} WHERE name = ${quoteString(name)}`);
  return out;
}

/** DROP SEQUENCE [IF EXISTS] a, b [CASCADE]: a column default using one keeps its text (no dependencies here). */
export function dropSequences(st: TranslationState, objects: Node[], missingOk: boolean): string[] {
  const out = [sequencesTableDdl];
  for (const object of objects) {
    const parts = stringsOf(nodeBody(object, 'List').items);
    const name = sequenceName(st, parts.length > 1 ? parts.at(-2) : undefined, parts.at(-1));
    if (!missingOk) out.push(requireSequence(name, 'sequence'));
    out.push(`DELETE FROM ${sequencesTable} WHERE name = ${quoteString(name)}`);
  }
  return out;
}

/** The sequence named by nextval's argument: 's', 's'::regclass, 'public.s'. */
function sequenceArgument(st: TranslationState, arg: Node | undefined): string | undefined {
  let node = arg;
  const cast = asNode(node, 'TypeCast');
  if (cast !== undefined) {
    if (stringsOf(cast.typeName?.names).at(-1) !== 'regclass') return undefined;
    node = cast.arg;
  }
  const text = asNode(node, 'A_Const')?.sval?.sval;
  if (text === undefined) return undefined;
  const parts = text.split('.');
  return sequenceName(st, parts.length > 1 ? parts[0] : undefined, parts.at(-1));
}

/**
 * `SELECT nextval('s')` and `SELECT setval('s', n [, is_called])` with nothing else in the
 * statement, as one UPDATE … RETURNING; undefined for any other SELECT.
 */
export function sequenceCallStatement(st: TranslationState, select: SelectStmt): string | undefined {
  if (select.fromClause?.length || select.whereClause || select.groupClause || select.valuesLists || select.op !== 'SETOP_NONE') return undefined;
  if (select.targetList?.length !== 1) return undefined;
  const target = nodeBody(select.targetList[0]!, 'ResTarget');
  const call: FuncCall | undefined = asNode(target.val, 'FuncCall');
  if (call === undefined) return undefined;
  const fname = stringsOf(call.funcname);
  const fn = fname.at(-1);
  if (fname.length > 1 && fname[0] !== 'pg_catalog') return undefined;
  if (fn !== 'nextval' && fn !== 'setval') return undefined;
  const name = sequenceArgument(st, call.args?.[0]);
  if (name === undefined) return undefined;
  const column = '"' + (target.name ?? fn).split('"').join('""') + '"';
  const where = `WHERE name = pgsqlite_sequence_exists(${quoteString(name)}, (SELECT count(*) FROM ${sequencesTable} WHERE name = ${quoteString(name)}))`;
  if (fn === 'nextval') {
    if (call.args?.length !== 1) return undefined;
    return `UPDATE ${sequencesTable} SET last_value = pgsqlite_sequence_next(name, last_value, is_called, increment, min_value, max_value, cycle), is_called = 1 `
      + `${where} RETURNING pgsqlite_sequence_used(name, last_value, 1) AS ${column}`;
  }
  const value = integerConstant(call.args?.[1]);
  if (value === undefined || (call.args?.length ?? 0) > 3) return undefined;
  let isCalled = 1;
  if (call.args?.length === 3) {
    const flag = asNode(call.args[2], 'A_Const')?.boolval;
    if (flag === undefined) return undefined;
    isCalled = flag.boolval === true ? 1 : 0;
  }
  return `UPDATE ${sequencesTable} SET last_value = pgsqlite_sequence_check_value(name, ${value}, min_value, max_value), is_called = ${isCalled} `
    + `${where} RETURNING pgsqlite_sequence_used(name, last_value, ${isCalled + 2}) AS ${column}`;
}

function integerConstant(node: Node | undefined): bigint | undefined {
  const constant = asNode(node, 'A_Const');
  if (constant?.ival !== undefined) return BigInt(constant.ival.ival ?? 0);
  if (constant?.fval !== undefined && /^-?\d+$/.test(constant.fval.fval ?? '')) return BigInt(constant.fval.fval!);
  const text = stringOf(node);
  return text !== undefined && /^-?\d+$/.test(text) ? BigInt(text) : undefined;
}
