import type { SqliteValue } from '../../protocol/types/storage.js';
import type { OutputColumn } from '../engine-messages.js';
import { plainDecimal } from '../../protocol/types/float.js';
import { scaleOfTypmod, withScale } from '../../sql/types/numeric-scale.js';

const BPCHAR = 1042;
const NUMERIC = 1700;
const VARHDRSZ = 4;

/**
 * What a column's declared type modifier does to a stored value before it is printed:
 * char(n) is stored without its trailing blanks and shown blank-padded to n characters,
 * as PostgreSQL stores and shows it; numeric(p, s) is shown with exactly s fraction digits (SQLite's
 * NUMERIC affinity keeps 1.30 as the REAL 1.3). Undefined when the value goes out unchanged.
 */
export function adjustmentFor(column: OutputColumn): ((value: SqliteValue) => SqliteValue) | undefined {
  if (column.typeOid === NUMERIC) {
    const scale = scaleOfTypmod(column.typeModifier);
    if (scale === undefined) return undefined;
    return (value) => {
      const text = typeof value === 'bigint' ? value.toString() : typeof value === 'number' && Number.isFinite(value) ? plainDecimal(value) : typeof value === 'string' ? value : undefined;
      return text === undefined ? value : (withScale(text, scale) ?? value);
    };
  }
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
