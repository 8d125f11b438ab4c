import type { BackendWriter } from '../../protocol/backend-writer.js';
import type { CopyFormatOptions } from '../../protocol/copy/copy-options.js';
import { encodeCopyHeader, encodeCopyRow } from '../../protocol/copy/copy-row-encoder.js';
import { encodeText } from '../../protocol/types/encode-value.js';
import type { SqliteValue } from '../../protocol/types/storage.js';
import type { TypeContext } from '../../protocol/types/type-context.js';
import type { OutputColumn } from '../engine-messages.js';
import { adjustmentFor } from './column-adjustments.js';

/** Encodes rows as COPY TO STDOUT data: each row one CopyData message in text or CSV format. */
export class CopyEncoder {
  private readonly texts: (string | null)[];
  private readonly adjustments: ReturnType<typeof adjustmentFor>[];
  rowCount = 0;

  constructor(private readonly columns: OutputColumn[], private readonly options: CopyFormatOptions, private readonly ctx: TypeContext, private readonly writer: BackendWriter) {
    this.texts = new Array(columns.length).fill(null);
    this.adjustments = columns.map(adjustmentFor);
    if (options.header) this.writer.copyData(encodeCopyHeader(columns.map((c) => c.name), options));
  }

  add(row: SqliteValue[]): void {
    const { columns, texts, ctx, adjustments } = this;
    for (let i = 0; i < columns.length; i++) {
      const value = row[i];
      const adjust = adjustments[i];
      texts[i] = value === null || value === undefined ? null : encodeText(columns[i].typeOid, adjust ? adjust(value) : value, ctx);
    }
    this.writer.copyData(encodeCopyRow(texts, this.options));
    this.rowCount++;
  }
}
