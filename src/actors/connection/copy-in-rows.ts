import type { BinaryCopyParser } from '../../protocol/copy/copy-binary.js';
import type { CopyLineParser } from '../../protocol/copy/copy-line-parser.js';
import { decodeParam, decodeText } from '../../protocol/types/decode-param.js';
import type { SqliteValue } from '../../protocol/types/storage.js';
import type { TypeContext } from '../../protocol/types/type-context.js';

/** COPY FROM data turned into rows of stored values, whatever the format; tracks the line an error is about. */
export interface CopyInRows {
  push(data: Buffer): SqliteValue[][];
  end(): SqliteValue[][];
  /** Lines (rows, in binary format) read so far. */
  lineNumber(): number;
  /** The line whose value failed to convert, or 0. */
  failedLine(): number;
}

/** Text and CSV: each field's text through the column type's input function. */
export function textRows(parser: CopyLineParser, oids: number[], ctx: TypeContext): CopyInRows {
  let failed = 0;
  const convert = (rows: (string | null)[][]) => rows.map((row, index) => {
    // The parser reports the last line it read; earlier rows of this push came before it.
    failed = parser.lineNumber - (rows.length - 1 - index);
    const values = row.map((value, i) => (value === null ? null : decodeText(oids[i], value, ctx)));
    failed = 0;
    return values;
  });
  return {
    push: (data) => convert(parser.push(data)),
    end: () => convert(parser.end()),
    lineNumber: () => parser.lineNumber,
    failedLine: () => failed,
  };
}

/** Binary: each field's bytes through the column type's binary receive function. */
export function binaryRows(parser: BinaryCopyParser, oids: number[], ctx: TypeContext): CopyInRows {
  let failed = 0;
  const convert = (rows: (Buffer | null)[][]) => rows.map((row, index) => {
    failed = parser.rowNumber - (rows.length - 1 - index);
    const values = row.map((field, i) => (field === null ? null : decodeParam(oids[i], 1, field, ctx)));
    failed = 0;
    return values;
  });
  return {
    push: (data) => convert(parser.push(data)),
    end: () => {
      parser.end();
      return [];
    },
    lineNumber: () => parser.rowNumber + 1,
    failedLine: () => failed,
  };
}
