/**
 * Input checks PostgreSQL's types make on every stored value and SQLite's affinities do not:
 * integer range (22003), numeric(p, s) precision (22003), varchar(n)/char(n) length (22001),
 * integer/numeric/json syntax (22P02), date/time syntax (22007) and enum labels (22P02, enum-types.ts).
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
 * A large COPY FROM drops the INSERT triggers its input functions make redundant for its duration
 * (copyRedundantInsertTriggers, actors/connection/copy-input-checks.ts).
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
import { enumInputTest, enumsTable, requireEnum } from './enum-types.js';
import { enumNameOfTypeNames } from '../types/enum-declared-type.js';

const VARHDRSZ = 4;
/** The checked types by their parse-tree names (the parser spells `integer` pg_catalog.int4, …). */
const checkedTypes: Record<string, number> = {
  int2: 21, int4: 23, int8: 20, numeric: 1700, decimal: 1700, varchar: 1043, bpchar: 1042, date: 1082, timestamp: 1114,
  timestamptz: 1184, json: 114, jsonb: 3802, bytea: 17, uuid: 2950,
};
/** A uuid in its stored form (lowercase, hyphenated). */
const uuidShape = ['[0-9a-f]'.repeat(8), '[0-9a-f]'.repeat(4), '[0-9a-f]'.repeat(4), '[0-9a-f]'.repeat(4), '[0-9a-f]'.repeat(12)].join('-');
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

/**
 * The WHEN-clause test (valid values) and the slow-path call for a column of this type, and for
 * numeric and timestamp(p) the expression that rewrites a valid value into its stored form; undefined when unchecked.
 */
function columnTest(st: TranslationState, c: string, typeName: TypeName): ColumnTest | undefined {
  if (typeName.arrayBounds?.length) return undefined;
  const names = stringsOf(typeName.names);
  if (names.length > 2 || (names.length === 2 && names[0] !== 'pg_catalog')) return undefined;
  const oid = checkedTypes[names[names.length - 1]!];
  if (oid === undefined) return undefined;
  const typmod = parseDeclaredType(postgresTypeText(st, typeName))?.typmod ?? -1;
  return typeTest(c, oid, typmod);
}

interface ColumnTest {
  fast: string;
  slow: string;
  stored?: string;
}

/** columnTest for a checked type given by OID and typmod (-1: none). */
function typeTest(c: string, oid: number, typmod: number): ColumnTest | undefined {
  const slow = (...args: (string | number)[]) => `pgsqlite_input_check(${[c, ...args.map((a) => (typeof a === 'number' ? String(a) : `'${a}'`))].join(', ')})`;
  const range = integerRanges[oid];
  if (range !== undefined) return { fast: `typeof(${c}) = 'integer' AND ${c} BETWEEN ${range[1]} AND ${range[2]}`, slow: slow(range[0]) };
  if (oid === 20) return { fast: `typeof(${c}) = 'integer'`, slow: slow('int8') };
  if (oid === 1700) {
    // numeric columns hold numeric_out's text (column-definitions.ts): a value already in that
    // form for the typmod passes in C; anything else is checked (22P02, 22003) and, valid, rewritten.
    const [precision, scale] = typmod < VARHDRSZ ? [-1, 0] : [(typmod - VARHDRSZ) >> 16, (typmod - VARHDRSZ) & 0xffff];
    return {
      fast: `pgsqlite_numeric_canonical(${c}, ${precision}, ${scale})`,
      slow: precision < 0 ? slow('numeric') : slow('numeric', precision, scale),
      stored: `pgsqlite_numeric(${c}, ${precision}, ${scale})`,
    };
  }
  if (oid === 1043 || oid === 1042) {
    if (typmod <= VARHDRSZ) return undefined;
    const n = typmod - VARHDRSZ;
    return { fast: `length(${c}) <= ${n}`, slow: slow(oid === 1043 ? 'varchar' : 'bpchar', n) };
  }
  const shape = datetimeShapes[oid];
  if (shape !== undefined) {
    // The shape alone let '2023-02-29', month 13 or hour 25 through (stored as given; PostgreSQL
    // says 22008): SQLite's date()/datetime() normalise an impossible day and refuse an impossible
    // month or hour, so a value they give back unchanged is a real one. Year 0 does not exist.
    const leading = oid === 1082 ? 10 : 19;
    const real = `${oid === 1082 ? 'date' : 'datetime'}(substr(${c}, 1, ${leading})) IS substr(${c}, 1, ${leading})`;
    const fast = `${c} GLOB '${shape[1]}' AND ${real} AND ${c} >= '0001'`;
    // timestamp(p): a value with more fraction digits than p is rounded once it is written.
    if (oid === 1082 || typmod < 0 || typmod >= 6) return { fast, slow: slow(shape[0]) };
    return {
      fast: `${fast} AND NOT ${c} GLOB '*.${'[0-9]'.repeat(typmod + 1)}*'`,
      slow: slow(shape[0]),
      stored: `pgsqlite_round_seconds(${c}, ${typmod})`,
    };
  }
  // bytea and uuid literals are text until their input function reads them: checked (22P02), then stored converted.
  if (oid === 17 || oid === 2950) {
    const input = `pgsqlite_stored_input(${c}, ${oid})`;
    return { fast: oid === 17 ? `typeof(${c}) = 'blob'` : `${c} GLOB '${uuidShape}'`, slow: input, stored: input };
  }
  // jsonb is stored as jsonb_out prints it (keys sorted, duplicates dropped): a literal is read by
  // jsonb's input function (one JavaScript call per stored value; parameters are already in that form).
  if (oid === 3802) {
    const input = `pgsqlite_stored_input(${c}, ${oid})`;
    return { fast: `${c} = ${input}`, slow: input, stored: input };
  }
  if (oid === 114) return { fast: `json_valid(${c})`, slow: slow('json') };
  return undefined;
}

type TriggerEvent = 'insert' | 'update' | 'insert_stored' | 'update_stored';

/** The trigger's name, unquoted and without a schema. */
function bareTriggerName(tableName: string, column: string, event: TriggerEvent): string {
  return `pgsqlite_input_${tableName}_${column}_${event}`;
}

function triggerName(table: CheckedTable, column: string, event: TriggerEvent): string {
  const schema = table.temp ? undefined : sqliteSchemaName(table.schema);
  const name = quoteIdentifier(bareTriggerName(table.name, column, event));
  return schema === undefined ? name : quoteIdentifier(schema) + '.' + name;
}

/** CREATE TRIGGER statements checking a column's values, or none when its type needs no check. */
export function inputCheckTriggers(st: TranslationState, table: CheckedTable, column: string, typeName: TypeName, ifNotExists = false): string[] {
  // A column of a user type: the enum must exist (42704), and its values be its labels (enum-types.ts).
  const enumName = enumNameOfTypeNames(stringsOf(typeName.names));
  const existence = enumName === undefined ? [] : [requireEnum(enumName)];
  const test: ColumnTest | undefined = enumName === undefined ? columnTest(st, 'NEW.' + quoteIdentifier(column), typeName)
    : typeName.arrayBounds?.length ? undefined : enumInputTest(enumName, 'NEW.' + quoteIdentifier(column), table.temp);
  // The existence check is a SELECT: a statement without rows must come last, or the CREATE TABLE would report its columns.
  if (test === undefined) return existence.length > 0 ? [...existence, `DELETE FROM ${enumsTable} WHERE 0`] : existence;
  const create = `CREATE ${table.temp ? 'TEMP ' : ''}TRIGGER ${ifNotExists ? 'IF NOT EXISTS ' : ''}`;
  return [...existence, ...checkTriggers(test, table.name, column).map(({ event, body }) => `${create}${triggerName(table, column, event)} ${body}`)];
}

/** Each trigger of a column's check: its event and its text after the trigger's name. */
function checkTriggers(test: ColumnTest, tableName: string, column: string): { event: TriggerEvent; body: string }[] {
  const on = quoteIdentifier(tableName);
  const valid = `WHEN NOT (NEW.${quoteIdentifier(column)} IS NULL OR ${test.fast})`;
  const when = `${valid} BEGIN SELECT ${test.slow}; END`;
  const triggers: { event: TriggerEvent; body: string }[] = [
    { event: 'insert', body: `BEFORE INSERT ON ${on} ${when}` },
    { event: 'update', body: `BEFORE UPDATE OF ${quoteIdentifier(column)} ON ${on} ${when}` },
  ];
  if (test.stored !== undefined) {
    // A BEFORE trigger cannot change NEW, so a value that passed its check but is not in stored
    // form yet ('1.005' into numeric(10, 2), '1e3') is rewritten after the row is written.
    // RETURNING shows the value as written; its output adjusts numeric(p, s) to the scale.
    const rewrite = `${valid} BEGIN UPDATE ${on} SET ${quoteIdentifier(column)} = ${test.stored} WHERE rowid = NEW.rowid; END`;
    triggers.push(
      { event: 'insert_stored', body: `AFTER INSERT ON ${on} ${rewrite}` },
      { event: 'update_stored', body: `AFTER UPDATE OF ${quoteIdentifier(column)} ON ${on} ${rewrite}` },
    );
  }
  return triggers;
}

/**
 * Types whose COPY FROM input (text input or binary receive function, copy-in-rows.ts) already
 * makes every check their INSERT triggers make, so a converted value always passes them:
 * int2/int4/int8 parse to an integer in range; date, timestamp and timestamptz to their stored
 * text (the trigger only ever raises, on text the input function refused); bytea to a blob; uuid
 * to its lowercase hyphenated form (so the insert_stored rewrite never fires either); jsonb to
 * jsonb_out's text, which its trigger's test reads again and compares (the normalisation is a fixed
 * point: "normalised text is stable" in protocol/types/json.test.ts). Not here: typmods the input
 * function ignores (varchar(n), char(n), numeric(p, s), timestamp(p) with p < 6: their trigger
 * text differs from the plain type's, see copyRedundantInsertTriggers), numeric and json (the
 * C canonical-form test and SQLite's json_valid are not the input functions by construction),
 * enums and domains (their checks are other text).
 */
const checkedByCopyInput = new Set([21, 23, 20, 1082, 1114, 1184, 17, 2950, 3802]);

/**
 * The INSERT triggers of a column of a plain type `oid` (no typmod) of a table in SQLite's main
 * schema, as sqlite_schema stores them (`CREATE TRIGGER` and the text from the bare trigger name
 * on), when values converted by that type's COPY input function always pass them; none
 * otherwise. A COPY may suspend a trigger only when its stored text is exactly this: then it is
 * the check of that type and nothing else (copy-input-checks.ts).
 */
export function copyRedundantInsertTriggers(tableName: string, column: string, oid: number): { name: string; sql: string }[] {
  if (!checkedByCopyInput.has(oid)) return [];
  const test = typeTest('NEW.' + quoteIdentifier(column), oid, -1);
  if (test === undefined) return [];
  return checkTriggers(test, tableName, column)
    .filter(({ event }) => event === 'insert' || event === 'insert_stored')
    .map(({ event, body }) => {
      const name = bareTriggerName(tableName, column, event);
      return { name, sql: `CREATE TRIGGER ${quoteIdentifier(name)} ${body}` };
    });
}

/** DROP TRIGGER statements for a column about to be dropped (SQLite refuses while a trigger names it). */
export function dropInputCheckTriggers(table: CheckedTable, column: string): string[] {
  return (['insert', 'update', 'insert_stored', 'update_stored'] as const).map((event) => `DROP TRIGGER IF EXISTS ${triggerName(table, column, event)}`);
}
