import type { SqliteValue } from '../protocol/types/storage.js';
import { PARAM_STRING, readParam, writeParam } from './batch-wire.js';

/**
 * COPY FROM's rows on their way to the writer worker, in the parameter encoding of a group commit
 * (batch-wire.ts): two Float64Array slots per value, row after row.
 *
 * As arrays of arrays, structured clone wrote every row as an object of its own: posting 5,000
 * rows of three values took about as long as parsing them, and the worker paid as much again to
 * read them. The Float64Array is transferred, not copied. Text values travel as one string, all
 * of them one after another, each string slot holding where its value ends: a table of 10,000
 * strings per batch still cost ~0.1 µs a string to post and again to receive, one string costs a
 * copy.
 */
export interface WireParamRows {
  numbers: Float64Array;
  /** The text values, concatenated in the order they were added. */
  text: string;
  /** Values without a compact form (bytea), by their value slot in `numbers`. */
  values?: Record<number, SqliteValue>;
  rowCount: number;
  /** Values per row. */
  width: number;
}

/** Collects rows value by value; take() hands over what the complete rows hold. */
export class ParamRowsBuilder {
  rowCount = 0;
  private numbers: Float64Array;
  private bigints: BigInt64Array;
  /** Appended to, not joined at the end: measured cheaper to build and post (one flattening copy). */
  private text = '';
  private values: Record<number, SqliteValue> | undefined;
  private at = 0;
  /** A text value's slot holds where it ends in the concatenated text. */
  private readonly appendText = (text: string): number => {
    this.text += text;
    return this.text.length;
  };

  constructor(readonly width: number, private readonly expectedRows: number) {
    this.numbers = new Float64Array(Math.max(1, expectedRows * width) * 2);
    this.bigints = new BigInt64Array(this.numbers.buffer);
  }

  add(value: SqliteValue): void {
    if (this.at + 2 > this.numbers.length) this.grow();
    if (!writeParam(this.numbers, this.bigints, this.at, value, this.appendText)) (this.values ??= {})[this.at + 1] = value;
    this.at += 2;
  }

  /** The values added since the last endRow() are a row. */
  endRow(): void {
    this.rowCount++;
  }

  /** The complete rows (a partly added row is left out); the builder starts empty again. */
  take(): WireParamRows {
    const rows: WireParamRows = { numbers: this.numbers, text: this.text, rowCount: this.rowCount, width: this.width };
    if (this.values) rows.values = this.values;
    this.numbers = new Float64Array(Math.max(1, this.expectedRows * this.width) * 2);
    this.bigints = new BigInt64Array(this.numbers.buffer);
    this.text = '';
    this.values = undefined;
    this.at = 0;
    this.rowCount = 0;
    return rows;
  }

  private grow(): void {
    const larger = new Float64Array(this.numbers.length * 2);
    larger.set(this.numbers);
    this.numbers = larger;
    this.bigints = new BigInt64Array(larger.buffer);
  }
}

const NO_STRINGS: string[] = [];

/** Reads rows back out of their wire form (on the worker), in order. */
export class ParamRowsReader {
  private readonly bigints: BigInt64Array;
  /** The next row to read, and where its first text value starts. */
  private row = 0;
  private textAt = 0;

  constructor(private readonly rows: WireParamRows) {
    this.bigints = new BigInt64Array(rows.numbers.buffer, rows.numbers.byteOffset, rows.numbers.length);
  }

  /** The values of the next `count` rows, one after another, into `into` from index 0. */
  read(count: number, into: SqliteValue[]): void {
    const { numbers, text, values, width } = this.rows;
    let at = this.row * width * 2;
    const n = count * width;
    for (let i = 0; i < n; i++, at += 2) {
      if (numbers[at] === PARAM_STRING) {
        const end = numbers[at + 1]!;
        into[i] = text.slice(this.textAt, end);
        this.textAt = end;
      } else {
        into[i] = readParam(numbers, this.bigints, at, NO_STRINGS, values);
      }
    }
    this.row += count;
  }
}
