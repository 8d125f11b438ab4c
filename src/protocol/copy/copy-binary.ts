import { PgError } from '../pg-error.js';
import { SqlState } from '../sqlstate.js';

/**
 * PostgreSQL's binary COPY format: an 11-byte signature, a 32-bit flags word and a header
 * extension, then per row a 16-bit field count and per field a 32-bit length (-1: NULL) and the
 * value in its type's binary form; a field count of -1 ends the data. Pure, no I/O.
 */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Bit 16 of the flags: OIDs included (PostgreSQL 12+ refuses such files). */
const FLAG_WITH_OIDS = 1 << 16;

const badFormat = (message: string) => new PgError({ code: SqlState.badCopyFileFormat, message });

/** The header COPY TO sends first (no flags, no extension). */
export function encodeBinaryCopyHeader(): Buffer {
  const header = Buffer.alloc(SIGNATURE.length + 8);
  SIGNATURE.copy(header);
  return header;
}

/** The trailer COPY TO sends last. */
export function encodeBinaryCopyTrailer(): Buffer {
  return Buffer.from([0xff, 0xff]);
}

/** One row: field count, then each field's length and bytes (null: length -1). */
export function encodeBinaryCopyRow(fields: ReadonlyArray<Buffer | null>): Buffer {
  let size = 2;
  for (const field of fields) size += 4 + (field?.length ?? 0);
  const row = Buffer.allocUnsafe(size);
  row.writeInt16BE(fields.length, 0);
  let at = 2;
  for (const field of fields) {
    if (field === null) {
      row.writeInt32BE(-1, at);
      at += 4;
    } else {
      row.writeInt32BE(field.length, at);
      field.copy(row, at + 4);
      at += 4 + field.length;
    }
  }
  return row;
}

/**
 * Reads binary COPY data as it arrives (CopyData messages split it anywhere): push() returns the
 * complete rows so far, each field's bytes or null; end() checks that the data ended properly.
 */
export class BinaryCopyParser {
  private carry: Buffer = Buffer.alloc(0);
  private headerRead = false;
  private finished = false;
  /** Rows read so far (for error context). */
  rowNumber = 0;

  constructor(private readonly columnCount: number) {}

  push(chunk: Buffer): (Buffer | null)[][] {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const rows: (Buffer | null)[][] = [];
    let at = 0;
    if (!this.headerRead) {
      const end = this.headerEnd(data);
      if (end < 0) {
        this.carry = Buffer.from(data);
        return rows;
      }
      at = end;
      this.headerRead = true;
    }
    while (at < data.length && !this.finished) {
      if (data.length - at < 2) break;
      const count = data.readInt16BE(at);
      if (count === -1) {
        this.finished = true;
        at += 2;
        break;
      }
      if (count !== this.columnCount) throw badFormat(`row field count is ${count}, expected ${this.columnCount}`);
      const row = this.readRow(data, at + 2, count);
      if (!row) break;
      rows.push(row.fields);
      this.rowNumber++;
      at = row.next;
    }
    // Bytes after the trailer are ignored, as PostgreSQL does.
    this.carry = this.finished ? Buffer.alloc(0) : Buffer.from(data.subarray(at));
    return rows;
  }

  end(): void {
    if (!this.headerRead) throw badFormat('COPY file signature not recognized');
    if (this.carry.length > 0 || !this.finished) {
      // PostgreSQL accepts data that simply stops at a row boundary without the trailer.
      if (this.carry.length > 0) throw badFormat('unexpected EOF in COPY data');
    }
  }

  /** Where the rows start, or -1 if the header is not all here yet. */
  private headerEnd(data: Buffer): number {
    const fixed = SIGNATURE.length + 8;
    if (data.length < Math.min(fixed, SIGNATURE.length)) return -1;
    if (!data.subarray(0, Math.min(data.length, SIGNATURE.length)).equals(SIGNATURE.subarray(0, Math.min(data.length, SIGNATURE.length)))) {
      throw badFormat('COPY file signature not recognized');
    }
    if (data.length < fixed) return -1;
    const flags = data.readInt32BE(SIGNATURE.length);
    if (flags & FLAG_WITH_OIDS) throw badFormat('invalid COPY file header (WITH OIDS)');
    if ((flags >>> 17) !== 0) throw badFormat('unrecognized critical flags in COPY file header');
    const extension = data.readInt32BE(SIGNATURE.length + 4);
    if (extension < 0) throw badFormat('invalid COPY file header (missing length)');
    if (data.length < fixed + extension) return -1;
    return fixed + extension;
  }

  private readRow(data: Buffer, start: number, count: number): { fields: (Buffer | null)[]; next: number } | undefined {
    const fields: (Buffer | null)[] = new Array(count);
    let at = start;
    for (let i = 0; i < count; i++) {
      if (data.length - at < 4) return undefined;
      const length = data.readInt32BE(at);
      at += 4;
      if (length === -1) {
        fields[i] = null;
        continue;
      }
      if (length < 0) throw badFormat('invalid field size');
      if (data.length - at < length) return undefined;
      fields[i] = Buffer.from(data.subarray(at, at + length));
      at += length;
    }
    return { fields, next: at };
  }
}
