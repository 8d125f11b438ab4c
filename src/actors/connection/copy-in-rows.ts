import type { BinaryCopyParser } from '../../protocol/copy/copy-binary.js';
import type { CopyLineParser } from '../../protocol/copy/copy-line-parser.js';
import { decodeParam, textInputFor } from '../../protocol/types/decode-param.js';
import type { SqliteValue } from '../../protocol/types/storage.js';
import type { TypeContext } from '../../protocol/types/type-context.js';

/** Where converted rows go, value by value (a ParamRowsBuilder: no array per row). */
export interface RowSink {
  add(value: SqliteValue): void;
  endRow(): void;
}

/** COPY FROM data turned into rows of stored values, whatever the format; tracks the line an error is about. */
export interface CopyInRows {
  /** Converts the rows the data completes into `into`. */
  push(data: Buffer, into: RowSink): void;
  end(into: RowSink): void;
  /** Lines (rows, in binary format) read so far. */
  lineNumber(): number;
  /** The line whose value failed to convert, or 0. */
  failedLine(): number;
}

/** Text and CSV: each field's text through the column type's input function. */
export function textRows(parser: CopyLineParser, oids: number[], ctx: TypeContext): CopyInRows {
  let failed = 0;
  const inputs = oids.map(textInputFor);
  const convert = (rows: (string | null)[][], into: RowSink) => {
    for (let r = 0; r < rows.length; r++) {
      // The parser reports the last line it read; earlier rows of this push came before it.
      failed = parser.lineNumber - (rows.length - 1 - r);
      const row = rows[r];
      for (let i = 0; i < row.length; i++) {
        const value = row[i];
        into.add(value === null ? null : inputs[i](value, ctx));
      }
      into.endRow();
    }
    failed = 0;
  };
  return {
    push: (data, into) => convert(parser.push(data), into),
    end: (into) => convert(parser.end(), into),
    lineNumber: () => parser.lineNumber,
    failedLine: () => failed,
  };
}

/** Binary: each field's bytes through the column type's binary receive function. */
export function binaryRows(parser: BinaryCopyParser, oids: number[], ctx: TypeContext): CopyInRows {
  let failed = 0;
  const convert = (rows: (Buffer | null)[][], into: RowSink) => {
    for (let r = 0; r < rows.length; r++) {
      failed = parser.rowNumber - (rows.length - 1 - r);
      const row = rows[r];
      for (let i = 0; i < row.length; i++) {
        const field = row[i];
        into.add(field === null ? null : decodeParam(oids[i], 1, field, ctx));
      }
      into.endRow();
    }
    failed = 0;
  };
  return {
    push: (data, into) => convert(parser.push(data), into),
    end: () => {
      parser.end();
    },
    lineNumber: () => parser.rowNumber + 1,
    failedLine: () => failed,
  };
}
