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

/**
 * Converts parsed rows field by field into `into`, keeping `failed` on the row being converted
 * (the parser has read up to `lastLine`; earlier rows of the same push came before it).
 */
class RowConverter<F> {
  failed = 0;

  constructor(private readonly inputs: ((field: F) => SqliteValue)[]) {}

  convert(rows: (F | null)[][], lastLine: number, into: RowSink): void {
    for (let r = 0; r < rows.length; r++) {
      this.failed = lastLine - (rows.length - 1 - r);
      const row = rows[r]!;
      for (let i = 0; i < row.length; i++) {
        const field = row[i];
        into.add(field === null || field === undefined ? null : this.inputs[i]!(field));
      }
      into.endRow();
    }
    this.failed = 0;
  }
}

/** Text and CSV: each field's text through the column type's input function. */
export function textRows(parser: CopyLineParser, oids: number[], ctx: TypeContext): CopyInRows {
  const converter = new RowConverter<string>(oids.map((oid) => {
    const input = textInputFor(oid);
    return (text) => input(text, ctx);
  }));
  return {
    push: (data, into) => converter.convert(parser.push(data), parser.lineNumber, into),
    end: (into) => converter.convert(parser.end(), parser.lineNumber, into),
    lineNumber: () => parser.lineNumber,
    failedLine: () => converter.failed,
  };
}

/** Binary: each field's bytes through the column type's binary receive function. */
export function binaryRows(parser: BinaryCopyParser, oids: number[], ctx: TypeContext): CopyInRows {
  const converter = new RowConverter<Buffer>(oids.map((oid) => (field) => decodeParam(oid, 1, field, ctx)));
  return {
    push: (data, into) => converter.convert(parser.push(data), parser.rowNumber, into),
    end: () => {
      parser.end();
    },
    lineNumber: () => parser.rowNumber + 1,
    failedLine: () => converter.failed,
  };
}
