import type Database from 'better-sqlite3';
import { parseDeclaredType } from '../../sql/types/declared-type.js';
import type { OutputColumn } from '../engine-messages.js';
import type { SqliteValue } from '../../protocol/types/storage.js';
import { liveColumnTypes } from '../../catalog/live-tables.js';

const TEXT_OID = 25;
const INT8_OID = 20;
const FLOAT8_OID = 701;
const BYTEA_OID = 17;

/** Wire sizes (typlen) for the fixed-size types, -1 for the rest. */
const typeSizes: Record<number, number> = { 16: 1, 20: 8, 21: 2, 23: 4, 26: 4, 700: 4, 701: 8, 1082: 4, 1083: 8, 1114: 8, 1184: 8, 1186: 16, 2950: 16 };

export function typeSize(oid: number): number {
  return typeSizes[oid] ?? -1;
}

/** The type a value suggests when nothing declares one (an expression column, a typeless SQLite column). */
function typeOfValue(value: SqliteValue | undefined): number {
  if (typeof value === 'bigint') return INT8_OID;
  if (typeof value === 'number') return Number.isInteger(value) ? INT8_OID : FLOAT8_OID;
  if (value instanceof Uint8Array) return BYTEA_OID;
  return TEXT_OID;
}

/**
 * Decides each output column's PostgreSQL type: a type promised by an earlier Describe wins,
 * then the translator's hint, then the declared column type, then the first row's value.
 */
export function resolveOutputColumns(
  columns: Database.ColumnDefinition[],
  options: { fixedTypes?: number[]; typeHints?: (number | null)[]; firstRow?: SqliteValue[] },
): OutputColumn[] {
  return columns.map((column, i) => {
    const declared = parseDeclaredType(column.type);
    const live = column.table ? liveColumnTypes[column.table]?.[column.column ?? ''] : undefined;
    const oid = options.fixedTypes?.[i] ?? options.typeHints?.[i] ?? declared?.oid ?? live ?? typeOfValue(options.firstRow?.[i]);
    const typmod = declared && declared.oid === oid ? declared.typmod : -1;
    return { name: column.name, typeOid: oid, typeSize: typeSize(oid), typeModifier: typmod, tableOid: 0, columnId: 0 };
  });
}

/** True when every column's type is known without looking at a row (so the result can be cached). */
export function typesKnownWithoutRows(
  columns: Database.ColumnDefinition[],
  options: { fixedTypes?: number[]; typeHints?: (number | null)[] },
): boolean {
  return columns.every((column, i) => options.fixedTypes?.[i] != null || options.typeHints?.[i] != null || Boolean(column.type)
    || (column.table !== null && liveColumnTypes[column.table]?.[column.column ?? ''] !== undefined));
}
