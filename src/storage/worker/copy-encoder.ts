import type { BackendWriter } from '../../protocol/backend-writer.js';
import type { CopyFormatOptions } from '../../protocol/copy/copy-options.js';
import { encodeCopyHeader, encodeCopyRow } from '../../protocol/copy/copy-row-encoder.js';
import { encodeBinary, encodeText } from '../../protocol/types/encode-value.js';
import { encodeBinaryCopyHeader, encodeBinaryCopyRow, encodeBinaryCopyTrailer } from '../../protocol/copy/copy-binary.js';
import type { SqliteValue } from '../../protocol/types/storage.js';
import type { TypeContext } from '../../protocol/types/type-context.js';
import type { OutputColumn } from '../engine-messages.js';
import { adjustmentFor } from './column-adjustments.js';

/** Encodes rows as COPY TO STDOUT data: each row one CopyData message in text, CSV or binary format. */
export class CopyEncoder {
  private readonly texts: (string | null)[];
  private readonly fields: (Buffer | null)[];
  private readonly adjustments: ReturnType<typeof adjustmentFor>[];
  private readonly binary: boolean;
  rowCount = 0;

  constructor(private readonly columns: OutputColumn[], private readonly options: CopyFormatOptions, private readonly ctx: TypeContext, private readonly writer: BackendWriter) {
    this.texts = new Array(columns.length).fill(null);
    this.fields = new Array(columns.length).fill(null);
    this.adjustments = columns.map(adjustmentFor);
    this.binary = options.format === 'binary';
    if (this.binary) this.writer.copyData(encodeBinaryCopyHeader());
    else if (options.header) this.writer.copyData(encodeCopyHeader(columns.map((c) => c.name), options));
  }

  /** After the last row: binary COPY data ends with a trailer. */
  finish(): void {
    if (this.binary) this.writer.copyData(encodeBinaryCopyTrailer());
  }

  add(row: SqliteValue[]): void {
    if (this.binary) {
      this.addBinary(row);
      return;
    }
    const { columns, texts, ctx, adjustments } = this;
    for (let i = 0; i < columns.length; i++) {
      const value = row[i];
      const adjust = adjustments[i];
      texts[i] = value === null || value === undefined ? null : encodeText(columns[i].typeOid, adjust ? adjust(value) : value, ctx);
    }
    this.writer.copyData(encodeCopyRow(texts, this.options));
    this.rowCount++;
  }

  private addBinary(row: SqliteValue[]): void {
    const { columns, fields, ctx, adjustments } = this;
    for (let i = 0; i < columns.length; i++) {
      const value = row[i];
      const adjust = adjustments[i];
      fields[i] = value === null || value === undefined ? null : encodeBinary(columns[i].typeOid, adjust ? adjust(value) : value, ctx);
    }
    this.writer.copyData(encodeBinaryCopyRow(fields));
    this.rowCount++;
  }
}
