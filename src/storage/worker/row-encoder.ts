import type { BackendWriter } from '../../protocol/backend-writer.js';
import { encodeBinary, encodeText } from '../../protocol/types/encode-value.js';
import type { SqliteValue } from '../../protocol/types/storage.js';
import type { TypeContext } from '../../protocol/types/type-context.js';
import type { OutputColumn } from '../engine-messages.js';
import { adjustmentFor } from './column-adjustments.js';

type CellEncoder = (value: SqliteValue) => Buffer | string | null;

/** Format code of column i from Bind's result-format list (PostgreSQL's rules: none, one for all, or one each). */
export function formatOf(resultFormats: number[], i: number): 0 | 1 {
  const f = resultFormats.length === 0 ? 0 : resultFormats.length === 1 ? resultFormats[0] : resultFormats[i];
  return f === 1 ? 1 : 0;
}

/** Encodes rows into DataRow messages near the engine, so the main thread only forwards bytes. */
export class RowEncoder {
  private readonly encoders: CellEncoder[];
  private readonly cells: (Buffer | string | null)[];
  rowCount = 0;

  constructor(columns: OutputColumn[], resultFormats: number[], ctx: TypeContext, private readonly writer: BackendWriter) {
    this.encoders = columns.map((column, i) => {
      const oid = column.typeOid;
      const encode: CellEncoder = formatOf(resultFormats, i) === 1
        ? (value: SqliteValue) => encodeBinary(oid, value, ctx)
        : (value: SqliteValue) => encodeText(oid, value, ctx);
      const adjust = adjustmentFor(column);
      return adjust ? (value: SqliteValue) => encode(adjust(value)) : encode;
    });
    this.cells = new Array(columns.length).fill(null);
  }

  add(row: SqliteValue[]): void {
    const { encoders, cells } = this;
    for (let i = 0; i < encoders.length; i++) {
      const value = row[i];
      cells[i] = value === null || value === undefined ? null : encoders[i](value);
    }
    this.writer.dataRow(cells);
    this.rowCount++;
  }
}
