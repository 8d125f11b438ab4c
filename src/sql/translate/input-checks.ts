/**
 * Input checks PostgreSQL's types make on every stored value and SQLite's affinities do not:
 * integer range (22003), numeric(p, s) precision (22003), varchar(n)/char(n) length (22001),
 * integer/numeric/json syntax (22P02) and date/time syntax (22007).
 *
 * Each typed column gets two BEFORE triggers (INSERT, and UPDATE OF the column) whose WHEN clause
 * is a plain SQLite expression accepting the usual valid values, so a valid row never leaves
 * SQLite's VM; anything else runs the trigger, whose `pgsqlite_input_check`
 * (catalog/input-functions.ts) accepts PostgreSQL's unusual valid inputs and raises PostgreSQL's
 * error for the rest. SQLite applies the column's affinity before BEFORE triggers see NEW, so '42'
 * into an integer column is checked as the integer 42. Triggers rather than CHECK constraints:
 * they stay out of the table's DDL (which the catalog reads constraints from), and a new column
 * can get them (SQLite's ADD COLUMN with a CHECK runs a verification query that returns rows).
 * Names are `pgsqlite_input_<table>_<column>_insert|update`; DROP COLUMN and RENAME COLUMN drop
 * them first (SQLite refuses to drop a column a trigger names). Caveat: after a RENAME TABLE the
 * names are stale, and dropping a checked column of the renamed table fails.
 *
 * char(n) needs no padding here: it is stored without trailing blanks and padded when printed
 * (storage/worker/column-adjustments.ts).
 */
import type { TypeName } from 'libpg-query';
import { parseDeclaredType } from '../types/declared-type.js';
import { quoteIdentifier } from './identifiers.js';
import { sqliteSchemaName } from './qualified-names.js';
import { stringsOf } from './parse-tree.js';
import type { TranslationState } from './translation-state.js';
import { postgresTypeText } from './type-names.js';

const VARHDRSZ = 4;
/** The checked types by their parse-tree names (the parser spells `integer` pg_catalog.int4, …). */
const checkedTypes: Record<string, number> = {
  int2: 21, int4: 23, int8: 20, numeric: 1700, decimal: 1700, varchar: 1043, bpchar: 1042, date: 1082, timestamp: 1114,
  timestamptz: 1184, json: 114, jsonb: 3802,
};
const integerRanges: Record<number, [string, string, string]> = {
  21: ['int2', '-32768', '32767'],
  23: ['int4', '-2147483648', '2147483647'],
};
const datetimeShapes: Record<number, [string, string]> = {
  1082: ['date', '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'],
  1114: ['timestamp', '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]*'],
  1184: ['timestamptz', '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]*+[0-9][0-9]*'],
};

/** Where the table is: its name, schema as written, and whether it is a TEMP table. */
export interface CheckedTable {
  name: string;
  schema: string | undefined;
  temp: boolean;
}

/** The WHEN-clause test (valid values) and the slow-path call for a column of this type; undefined when unchecked. */
function columnTest(st: TranslationState, c: string, typeName: TypeName): { fast: string; slow: string } | undefined {
  if (typeName.arrayBounds?.length) return undefined;
  const names = stringsOf(typeName.names);
  if (names.length > 2 || (names.length === 2 && names[0] !== 'pg_catalog')) return undefined;
  const oid = checkedTypes[names[names.length - 1]!];
  if (oid === undefined) return undefined;
  const typmod = parseDeclaredType(postgresTypeText(st, typeName))?.typmod ?? -1;
  const slow = (...args: (string | number)[]) => `pgsqlite_input_check(${[c, ...args.map((a) => (typeof a === 'number' ? String(a) : `'${a}'`))].join(', ')})`;
  const range = integerRanges[oid];
  if (range !== undefined) return { fast: `typeof(${c}) = 'integer' AND ${c} BETWEEN ${range[1]} AND ${range[2]}`, slow: slow(range[0]) };
  if (oid === 20) return { fast: `typeof(${c}) = 'integer'`, slow: slow('int8') };
  if (oid === 1700) {
    if (typmod < VARHDRSZ) return { fast: `typeof(${c}) IN ('integer', 'real')`, slow: slow('numeric') };
    const precision = (typmod - VARHDRSZ) >> 16;
    const scale = (typmod - VARHDRSZ) & 0xffff;
    return { fast: `typeof(${c}) IN ('integer', 'real') AND round(abs(${c}), ${scale}) < 1e${precision - scale}`, slow: slow('numeric', precision, scale) };
  }
  if (oid === 1043 || oid === 1042) {
    if (typmod <= VARHDRSZ) return undefined;
    const n = typmod - VARHDRSZ;
    return { fast: `length(${c}) <= ${n}`, slow: slow(oid === 1043 ? 'varchar' : 'bpchar', n) };
  }
  const shape = datetimeShapes[oid];
  if (shape !== undefined) return { fast: `${c} GLOB '${shape[1]}'`, slow: slow(shape[0]) };
  if (oid === 114 || oid === 3802) return { fast: `json_valid(${c})`, slow: slow(oid === 114 ? 'json' : 'jsonb') };
  return undefined;
}

function triggerName(table: CheckedTable, column: string, event: 'insert' | 'update'): string {
  const schema = table.temp ? undefined : sqliteSchemaName(table.schema);
  const name = quoteIdentifier(`pgsqlite_input_${table.name}_${column}_${event}`);
  return schema === undefined ? name : quoteIdentifier(schema) + '.' + name;
}

/** CREATE TRIGGER statements checking a column's values, or none when its type needs no check. */
export function inputCheckTriggers(st: TranslationState, table: CheckedTable, column: string, typeName: TypeName, ifNotExists = false): string[] {
  const test = columnTest(st, 'NEW.' + quoteIdentifier(column), typeName);
  if (test === undefined) return [];
  const create = `CREATE ${table.temp ? 'TEMP ' : ''}TRIGGER ${ifNotExists ? 'IF NOT EXISTS ' : ''}`;
  const on = quoteIdentifier(table.name);
  const when = `WHEN NOT (NEW.${quoteIdentifier(column)} IS NULL OR ${test.fast}) BEGIN SELECT ${test.slow}; END`;
  return [
    `${create}${triggerName(table, column, 'insert')} BEFORE INSERT ON ${on} ${when}`,
    `${create}${triggerName(table, column, 'update')} BEFORE UPDATE OF ${quoteIdentifier(column)} ON ${on} ${when}`,
  ];
}

/** DROP TRIGGER statements for a column about to be dropped (SQLite refuses while a trigger names it). */
export function dropInputCheckTriggers(table: CheckedTable, column: string): string[] {
  return (['insert', 'update'] as const).map((event) => `DROP TRIGGER IF EXISTS ${triggerName(table, column, event)}`);
}
