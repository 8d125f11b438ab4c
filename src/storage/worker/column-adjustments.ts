import type { SqliteValue } from '../../protocol/types/storage.js';
import type { OutputColumn } from '../engine-messages.js';

const BPCHAR = 1042;
const VARHDRSZ = 4;

/**
 * What a column's declared type modifier does to a stored value before it is printed:
 * char(n) is stored without its trailing blanks and shown blank-padded to n characters,
 * as PostgreSQL stores and shows it. Undefined when the value goes out unchanged.
 */
export function adjustmentFor(column: OutputColumn): ((value: SqliteValue) => SqliteValue) | undefined {
  if (column.typeOid === BPCHAR && column.typeModifier > VARHDRSZ) {
    const width = column.typeModifier - VARHDRSZ;
    return (value) => {
      if (typeof value !== 'string') return value;
      const length = [...value].length;
      return length < width ? value + ' '.repeat(width - length) : value;
    };
  }
  return undefined;
}
