import { PgError } from '../pg-error.js';
import { SqlState } from '../sqlstate.js';
import type { CopyFormatOptions } from './copy-options.js';
import { decodeUtf8Strict } from './utf8-input.js';

/**
 * Splits one COPY FROM line (a range of a string, without its line end) into field values, the
 * way PostgreSQL 15's CopyReadAttributesText / CopyReadAttributesCSV do. Rows are filled in place;
 * more than `max` fields is PostgreSQL's "extra data" error, fewer is for the caller to report.
 */

type Row = (string | null)[];

const BACKSLASH = 92;

export class CopyFieldSplitter {
  /**
   * Next delimiter at or after the last search start in the string being split, or its length
   * when there is none; -1 means search again. Kept across lines, so that finding delimiters in
   * a chunk's many lines never rescans text; whoever changes the string resets it.
   */
  nextDelimiter = -1;

  private readonly delimiter: string;
  private readonly delimiterCode: number;
  private readonly nullString: string;
  private readonly quoteCode: number;
  private readonly escapeCode: number;

  constructor(options: CopyFormatOptions) {
    this.delimiter = options.delimiter;
    this.delimiterCode = options.delimiter.charCodeAt(0);
    this.nullString = options.null;
    const csv = options.format === 'csv';
    this.quoteCode = csv ? options.quote.charCodeAt(0) : -1;
    this.escapeCode = csv ? options.escape.charCodeAt(0) : -1;
  }

  /** A line without escapes or quotes: fields are the text between delimiters, as is. */
  plain(s: string, a: number, b: number, row: Row, max: number): void {
    const nul = this.nullString;
    const nulLength = nul.length;
    let start = a;
    for (;;) {
      let d = this.nextDelimiter;
      if (d < start) d = this.nextDelimiter = indexOrEnd(s, this.delimiter, start);
      const end = d < b ? d : b;
      if (row.length === max) throw extraDataError();
      row.push(end - start === nulLength && s.startsWith(nul, start) ? null : s.slice(start, end));
      if (end === b) return;
      start = end + 1;
    }
  }

  /**
   * Text format with backslashes: \b \f \n \r \t \v, \ooo octal and \xhh hex bytes, anything else
   * taken literally. NULL is decided on the raw text (so `\\N` is the string \N), before the
   * escapes are checked for producing valid UTF-8, as PostgreSQL does.
   */
  text(s: string, a: number, b: number, row: Row, max: number): void {
    const delimiter = this.delimiterCode;
    const nul = this.nullString;
    let k = a;
    for (;;) {
      const fieldStart = k;
      let out = '';
      // Escapes that produce bytes (\xc3\xa9) switch the field to bytes, decoded at its end.
      let bytes: number[] | null = null;
      let run = k;
      let rawEnd = -1;
      let foundDelimiter = false;
      while (k < b) {
        const c = s.charCodeAt(k);
        if (c === delimiter) {
          foundDelimiter = true;
          break;
        }
        if (c !== BACKSLASH) {
          k++;
          continue;
        }
        if (k + 1 >= b) {
          // A lone backslash at the very end of the data is dropped.
          rawEnd = k;
          break;
        }
        if (bytes) pushUtf8(bytes, s.slice(run, k));
        else out += s.slice(run, k);
        const e = s.charCodeAt(k + 1);
        k += 2;
        let byte = -1;
        let ch = '';
        if (e >= 48 && e <= 55) {
          // Up to three octal digits; like PostgreSQL, \777 keeps only the low byte.
          byte = e - 48;
          if (k < b && isOctal(s.charCodeAt(k))) {
            byte = byte * 8 + s.charCodeAt(k++) - 48;
            if (k < b && isOctal(s.charCodeAt(k))) byte = byte * 8 + s.charCodeAt(k++) - 48;
          }
          byte &= 0xff;
        } else if (e === 120 /* x */ && k < b && hexValue(s.charCodeAt(k)) >= 0) {
          byte = hexValue(s.charCodeAt(k++));
          if (k < b && hexValue(s.charCodeAt(k)) >= 0) byte = byte * 16 + hexValue(s.charCodeAt(k++));
        } else {
          switch (e) {
            case 98: ch = '\b'; break;
            case 102: ch = '\f'; break;
            case 110: ch = '\n'; break;
            case 114: ch = '\r'; break;
            case 116: ch = '\t'; break;
            case 118: ch = '\v'; break;
            default: {
              // Taken literally; an astral character is two UTF-16 units, kept together for pushUtf8.
              const unit = s.charCodeAt(k - 1);
              if (unit >= 0xd800 && unit <= 0xdbff && k < b) ch = s.slice(k - 1, ++k);
              else ch = s[k - 1];
            }
          }
        }
        if (byte >= 0) {
          if (byte === 0 || byte >= 0x80) {
            if (!bytes) {
              bytes = [];
              pushUtf8(bytes, out);
              out = '';
            }
            bytes.push(byte);
          } else if (bytes) bytes.push(byte);
          else out += String.fromCharCode(byte);
        } else if (bytes) pushUtf8(bytes, ch);
        else out += ch;
        run = k;
      }
      const end = rawEnd >= 0 ? rawEnd : k;
      if (row.length === max) throw extraDataError();
      if (end - fieldStart === nul.length && s.startsWith(nul, fieldStart)) {
        row.push(null);
      } else if (bytes) {
        pushUtf8(bytes, s.slice(run, end));
        row.push(decodeUtf8Strict(Buffer.from(bytes)));
      } else {
        row.push(out + s.slice(run, end));
      }
      if (!foundDelimiter) return;
      k++;
    }
  }

  /**
   * CSV with quotes: quoted parts may hold delimiters and newlines; inside them the escape
   * character makes a following quote or escape literal. Quoted and unquoted parts join into one
   * value (`a"b,c"d` is `ab,cd`). Only an unquoted raw value equal to the NULL string is NULL.
   */
  csv(s: string, a: number, b: number, row: Row, max: number): void {
    const delimiter = this.delimiterCode;
    const quote = this.quoteCode;
    const escape = this.escapeCode;
    const nul = this.nullString;
    let k = a;
    for (;;) {
      const fieldStart = k;
      let out = '';
      let sawQuote = false;
      let foundDelimiter = false;
      for (;;) {
        let run = k;
        while (k < b) {
          const c = s.charCodeAt(k);
          if (c === delimiter || c === quote) break;
          k++;
        }
        out += s.slice(run, k);
        if (k >= b) break;
        if (s.charCodeAt(k) === delimiter) {
          foundDelimiter = true;
          break;
        }
        sawQuote = true;
        k++;
        run = k;
        for (;;) {
          if (k >= b) {
            // Not reached through findCsvLineEnd, which never ends a line inside quotes.
            throw new PgError({ code: SqlState.badCopyFileFormat, message: 'unterminated CSV quoted field' });
          }
          const c = s.charCodeAt(k);
          if (c === escape && k + 1 < b) {
            const next = s.charCodeAt(k + 1);
            if (next === escape || next === quote) {
              out += s.slice(run, k);
              run = k + 1; // the escaped character starts the next run
              k += 2;
              continue;
            }
          }
          if (c === quote) break;
          k++;
        }
        out += s.slice(run, k);
        k++;
      }
      if (row.length === max) throw extraDataError();
      row.push(!sawQuote && k - fieldStart === nul.length && s.startsWith(nul, fieldStart) ? null : out);
      if (!foundDelimiter) return;
      k++;
    }
  }
}

export function extraDataError(): PgError {
  return new PgError({ code: SqlState.badCopyFileFormat, message: 'extra data after last expected column' });
}

/** indexOf, with "not found" as the string's length so that positions compare simply. */
export function indexOrEnd(s: string, search: string, from: number): number {
  const at = s.indexOf(search, from);
  return at < 0 ? s.length : at;
}

function isOctal(c: number): boolean {
  return c >= 48 && c <= 55;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function pushUtf8(bytes: number[], text: string): void {
  for (const b of Buffer.from(text, 'utf8')) bytes.push(b);
}
