import { PgError } from '../pg-error.js';
import { SqlState } from '../sqlstate.js';
import type { CopyFormatOptions } from './copy-options.js';
import { CopyFieldSplitter, extraDataError, indexOrEnd } from './copy-field-splitter.js';
import { Utf8ChunkDecoder } from './utf8-input.js';

/**
 * COPY FROM data (text or CSV) to rows of text values, fed chunk by chunk as CopyData messages
 * arrive. Follows PostgreSQL 15's copyfromparse.c: the same escapes, NULL rules, end-of-data
 * marker, line-ending checks, error messages and line numbering. This file finds the lines;
 * copy-field-splitter.ts cuts them into values.
 *
 * Work happens on decoded strings. Finding line ends and delimiters uses indexOf with cached
 * "next occurrence" positions, so each character is looked at a bounded number of times however
 * lines and chunks fall; only lines holding backslashes (text) or quotes (CSV) get a per-character
 * pass.
 */

type Row = (string | null)[];

const LF = 10;
const CR = 13;
const BACKSLASH = 92;
const DOT = 46;

/** The line-ending style, fixed by the first line as in PostgreSQL (later lines must match it). */
const EOL_UNKNOWN = 0;
const EOL_NL = 1;
const EOL_CR = 2;
const EOL_CRNL = 3;

/** findLineEnd results besides a line's end offset. */
const NEED_MORE = -1;
const END_OF_DATA = -2;
const NOT_MARKER = -3;

export class CopyLineParser {
  /**
   * PostgreSQL's line counter for error context (`COPY t, line N`): the line being read when an
   * error is thrown, the last line read otherwise. It includes the header line and, as in
   * PostgreSQL, newlines inside quoted CSV values once the line-ending style is known.
   */
  lineNumber = 0;

  private readonly csv: boolean;
  private readonly nullString: string;
  private readonly quoteCode: number;
  private readonly escapeCode: number;
  private readonly quote: string;
  private readonly names: string[];
  private readonly forceNotNull: boolean[] | null;
  private readonly forceNull: boolean[] | null;
  private readonly headerMatch: boolean;
  private headerPending: boolean;
  private readonly input = new Utf8ChunkDecoder();
  private readonly fields: CopyFieldSplitter;
  private finished = false;

  /** Decoded text not yet consumed; `lineStart` is where the current line begins in it. */
  private s = '';
  /** The current line's text from earlier chunks, when it spans chunks. */
  private parts: string[] = [];
  private lineStart = 0;
  /** Where the search for the current line's end resumes (everything before is known not to end it). */
  private scan = 0;
  private eol = EOL_UNKNOWN;
  /** Length of the terminator after the line end that findLineEnd returned. */
  private termLen = 0;
  /** Where the `\.` end-of-data marker starts, once findLineEnd returned END_OF_DATA. */
  private markerAt = 0;

  // State of the current, possibly incomplete, line.
  /** The line holds a backslash (text) or a quote (CSV), so fields need the per-character pass. */
  private lineSpecial = false;
  private inQuote = false;
  private lastWasEscape = false;
  /** Newlines inside quoted CSV values, counted into lineNumber like PostgreSQL does. */
  private embedded = 0;

  // Next occurrence at or after the last search start, s.length when none; -1 = search again.
  private nextLf = -1;
  private nextCr = -1;
  private nextBackslash = -1;
  private nextQuote = -1;

  constructor(options: CopyFormatOptions, columnNames: string[]) {
    this.csv = options.format === 'csv';
    this.nullString = options.null;
    this.quote = this.csv ? options.quote : '';
    this.quoteCode = this.csv ? options.quote.charCodeAt(0) : -1;
    // An escape equal to the quote is just quote doubling, which the quote toggling already handles.
    this.escapeCode = this.csv && options.escape !== options.quote ? options.escape.charCodeAt(0) : -1;
    this.names = columnNames;
    this.forceNotNull = this.csv ? columnFlags(columnNames, options.forceNotNull) : null;
    this.forceNull = this.csv ? columnFlags(columnNames, options.forceNull) : null;
    this.fields = new CopyFieldSplitter(options);
    this.headerPending = options.header;
    this.headerMatch = options.header && options.headerMatch === true;
  }

  /** Parses what the chunk completes; returns the rows finished by it (possibly none). */
  push(chunk: Uint8Array): Row[] {
    if (this.finished) return [];
    const { text, error } = this.input.decode(chunk, false);
    const rows = this.consume(text, false);
    if (error && !this.finished) throw this.atCurrentLine(error);
    return rows;
  }

  /**
   * The data is complete: parses a last line that has no newline. Throws if it ends inside a
   * quoted CSV value or a multi-byte character.
   */
  end(): Row[] {
    if (this.finished) return [];
    const { text, error } = this.input.decode(new Uint8Array(0), true);
    const rows = this.consume(text, !error);
    if (error && !this.finished) throw this.atCurrentLine(error);
    if (this.headerPending && this.headerMatch && !this.finished) {
      // PostgreSQL reads the header line even from empty data, and then checks an empty line.
      this.lineNumber++;
      this.processLine('', 0, 0, rows);
    }
    this.finished = true;
    return rows;
  }

  private consume(text: string, final: boolean): Row[] {
    if (text.length > 0) {
      this.s = this.s.length > 0 ? this.s + text : text;
      this.forgetPositions();
    }
    const rows: Row[] = [];
    while (!this.finished) {
      const end = this.csv ? this.findCsvLineEnd(final) : this.findTextLineEnd(final);
      if (end === NEED_MORE) break;
      this.lineNumber += 1 + this.embedded;
      if (end === END_OF_DATA) {
        // Text format allows `\.` after data on the same line; that data is still a row.
        if (this.markerAt > this.lineStart || this.parts.length > 0) this.completeLine(this.markerAt, rows);
        this.finished = true;
        this.s = '';
        return rows;
      }
      this.completeLine(end, rows);
      this.lineStart = this.scan = end + this.termLen;
      this.lineSpecial = false;
      this.inQuote = false;
      this.embedded = 0;
    }
    if (!this.finished) {
      // What is scanned of an unfinished line moves to parts; only the few characters still
      // awaiting a look-ahead stay in s. So a line spanning many chunks is joined once, at its end.
      if (this.scan > this.lineStart) this.parts.push(this.s.slice(this.lineStart, this.scan));
      this.s = this.s.slice(this.scan);
      this.lineStart = this.scan = 0;
      this.forgetPositions();
    }
    return rows;
  }

  /** Processes the line ending at `end` in s, joined with its earlier parts if it spans chunks. */
  private completeLine(end: number, rows: Row[]): void {
    if (this.parts.length === 0) {
      this.processLine(this.s, this.lineStart, end, rows);
      return;
    }
    const line = this.parts.join('') + this.s.slice(this.lineStart, end);
    this.parts = [];
    // The delimiter position cache belongs to s, not to this joined copy.
    this.fields.nextDelimiter = -1;
    this.processLine(line, 0, line.length, rows);
    this.fields.nextDelimiter = -1;
  }

  private forgetPositions(): void {
    this.nextLf = this.nextCr = this.nextBackslash = this.nextQuote = this.fields.nextDelimiter = -1;
  }

  // ---- Finding line ends -------------------------------------------------------------------

  /**
   * Text format: a line ends at CR or LF not preceded by a backslash (backslash + newline is a
   * data newline). Returns the end offset (setting termLen), NEED_MORE or END_OF_DATA.
   */
  private findTextLineEnd(final: boolean): number {
    const s = this.s;
    const n = s.length;
    let i = this.scan;
    for (;;) {
      let lf = this.nextLf;
      if (lf < i) lf = this.nextLf = indexOrEnd(s, '\n', i);
      let cr = this.nextCr;
      if (cr < i) cr = this.nextCr = indexOrEnd(s, '\r', i);
      let bs = this.nextBackslash;
      if (bs < i) bs = this.nextBackslash = indexOrEnd(s, '\\', i);
      const e = lf < cr ? lf : cr;
      if (bs < e) {
        this.lineSpecial = true;
        if (bs + 1 >= n) {
          if (final) return this.lastLine();
          this.scan = bs;
          return NEED_MORE;
        }
        if (s.charCodeAt(bs + 1) === DOT) {
          const r = this.endOfDataMarker(bs, final);
          if (r === NEED_MORE) this.scan = bs;
          return r;
        }
        // Whatever follows a backslash is data, a CR or LF included.
        i = bs + 2;
        continue;
      }
      if (e >= n) {
        if (final) return this.lastLine();
        this.scan = n;
        return NEED_MORE;
      }
      return this.terminator(e, final);
    }
  }

  /** CSV: a line ends at CR or LF outside quotes; `\.` is the end marker only alone on a line. */
  private findCsvLineEnd(final: boolean): number {
    const s = this.s;
    const n = s.length;
    let i = this.scan;
    if (i === this.lineStart && this.parts.length === 0 && i < n && s.charCodeAt(i) === BACKSLASH) {
      if (i + 1 >= n) {
        if (!final) return NEED_MORE;
      } else if (s.charCodeAt(i + 1) === DOT) {
        const r = this.endOfDataMarker(i, final);
        if (r !== NOT_MARKER) return r; // NEED_MORE leaves scan at the line start, to look again
      }
    }
    for (;;) {
      if (!this.inQuote) {
        let lf = this.nextLf;
        if (lf < i) lf = this.nextLf = indexOrEnd(s, '\n', i);
        let cr = this.nextCr;
        if (cr < i) cr = this.nextCr = indexOrEnd(s, '\r', i);
        let q = this.nextQuote;
        if (q < i) q = this.nextQuote = indexOrEnd(s, this.quote, i);
        const e = lf < cr ? lf : cr;
        if (q < e) {
          this.lineSpecial = true;
          this.inQuote = true;
          this.lastWasEscape = false;
          i = q + 1;
          continue;
        }
        if (e >= n) {
          if (final) return this.lastLine();
          this.scan = n;
          return NEED_MORE;
        }
        return this.terminator(e, final);
      }
      // Inside quotes: look for the closing quote, counting newlines on the way.
      if (this.escapeCode < 0) {
        let q = this.nextQuote;
        if (q < i) q = this.nextQuote = indexOrEnd(s, this.quote, i);
        this.countEmbedded(i, q);
        if (q >= n) return this.unterminated(final, n);
        this.inQuote = false;
        i = q + 1;
        continue;
      }
      // A distinct escape character: a quote preceded by an odd run of escapes is data.
      const eolChar = this.eol === EOL_NL ? LF : CR;
      let k = i;
      for (; k < n; k++) {
        const c = s.charCodeAt(k);
        if (c === this.escapeCode) {
          this.lastWasEscape = !this.lastWasEscape;
          continue;
        }
        if (c === this.quoteCode && !this.lastWasEscape) break;
        this.lastWasEscape = false;
        if (c === eolChar) this.embedded++;
      }
      if (k >= n) return this.unterminated(final, n);
      this.inQuote = false;
      i = k + 1;
    }
  }

  private unterminated(final: boolean, n: number): number {
    if (final) {
      // PostgreSQL finds this while splitting fields, which a header line is spared unless matched.
      if (this.headerPending && !this.headerMatch) return this.lastLine();
      throw this.fail('unterminated CSV quoted field');
    }
    this.scan = n;
    return NEED_MORE;
  }

  /**
   * Counts the newlines PostgreSQL counts inside quotes in [from, to): LF once the data is known to
   * use LF line ends, CR otherwise (so on the first line, before the style is known, LFs do not count).
   */
  private countEmbedded(from: number, to: number): void {
    const s = this.s;
    if (this.eol === EOL_NL) {
      let p = this.nextLf;
      if (p < from) p = this.nextLf = indexOrEnd(s, '\n', from);
      while (p < to) {
        this.embedded++;
        p = this.nextLf = indexOrEnd(s, '\n', p + 1);
      }
    } else {
      let p = this.nextCr;
      if (p < from) p = this.nextCr = indexOrEnd(s, '\r', from);
      while (p < to) {
        this.embedded++;
        p = this.nextCr = indexOrEnd(s, '\r', p + 1);
      }
    }
  }

  /** The rest of the data, at the end, is a last line without a newline (if there is anything). */
  private lastLine(): number {
    this.termLen = 0;
    return this.lineStart < this.s.length || this.parts.length > 0 ? this.s.length : NEED_MORE;
  }

  /**
   * A CR or LF that ends the line at `e`. The first line's ending sets the style; a different one
   * later is an error, because a stray CR or LF in data usually means unescaped data.
   */
  private terminator(e: number, final: boolean): number {
    const s = this.s;
    if (s.charCodeAt(e) === LF) {
      if (this.eol === EOL_CR || this.eol === EOL_CRNL) {
        throw this.csv
          ? this.fail('unquoted newline found in data', 'Use quoted CSV field to represent newline.')
          : this.fail('literal newline found in data', 'Use "\\n" to represent newline.');
      }
      this.eol = EOL_NL;
      this.termLen = 1;
      return e;
    }
    if (this.eol === EOL_UNKNOWN || this.eol === EOL_CRNL) {
      if (e + 1 >= s.length && !final) {
        this.scan = e; // whether LF follows is in the next chunk
        return NEED_MORE;
      }
      const crlf = e + 1 < s.length && s.charCodeAt(e + 1) === LF;
      if (this.eol === EOL_UNKNOWN) this.eol = crlf ? EOL_CRNL : EOL_CR;
      else if (!crlf) throw this.strayCarriageReturn();
      this.termLen = crlf ? 2 : 1;
      return e;
    }
    if (this.eol === EOL_NL) throw this.strayCarriageReturn();
    this.termLen = 1;
    return e;
  }

  private strayCarriageReturn(): PgError {
    return this.csv
      ? this.fail('unquoted carriage return found in data', 'Use quoted CSV field to represent carriage return.')
      : this.fail('literal carriage return found in data', 'Use "\\r" to represent carriage return.');
  }

  /**
   * `\.` at `at`: the end-of-data marker when a newline of the data's style follows. In text format
   * anything else after `\.` is an error; in CSV `\.` can be data, so it is then just data.
   * Returns END_OF_DATA (setting markerAt), NOT_MARKER or NEED_MORE.
   */
  private endOfDataMarker(at: number, final: boolean): number {
    const s = this.s;
    const n = s.length;
    let j = at + 2;
    let c: number;
    if (this.eol === EOL_CRNL) {
      if (j >= n && !final) return NEED_MORE;
      c = j < n ? s.charCodeAt(j++) : 0;
      if (c === LF) {
        if (!this.csv) throw this.fail('end-of-copy marker does not match previous newline style');
        return NOT_MARKER;
      }
      if (c !== CR) {
        if (!this.csv) throw this.fail('end-of-copy marker corrupt');
        return NOT_MARKER;
      }
    }
    if (j >= n && !final) return NEED_MORE;
    c = j < n ? s.charCodeAt(j) : 0;
    if (c !== CR && c !== LF) {
      if (!this.csv) throw this.fail('end-of-copy marker corrupt');
      return NOT_MARKER;
    }
    if ((this.eol === EOL_NL && c !== LF) || (this.eol === EOL_CRNL && c !== LF) || (this.eol === EOL_CR && c !== CR)) {
      throw this.fail('end-of-copy marker does not match previous newline style');
    }
    this.markerAt = at;
    return END_OF_DATA;
  }

  // ---- Lines to rows -----------------------------------------------------------------------

  private processLine(s: string, a: number, b: number, rows: Row[]): void {
    if (this.headerPending) {
      this.headerPending = false;
      if (this.headerMatch) this.checkHeader(s, a, b);
      return;
    }
    const names = this.names;
    const count = names.length;
    const row: Row = [];
    if (count === 0) {
      // A table without columns takes empty lines only.
      if (b > a) throw extraDataError();
      rows.push(row);
      return;
    }
    if (!this.lineSpecial) this.fields.plain(s, a, b, row, count);
    else if (this.csv) this.fields.csv(s, a, b, row, count);
    else this.fields.text(s, a, b, row, count);
    if (row.length < count) {
      throw new PgError({ code: SqlState.badCopyFileFormat, message: `missing data for column "${names[row.length]}"` });
    }
    if (this.csv) this.applyForceOptions(row);
    rows.push(row);
  }

  /** FORCE_NOT_NULL reads NULL as the NULL string; FORCE_NULL reads a quoted NULL string as NULL. */
  private applyForceOptions(row: Row): void {
    const notNull = this.forceNotNull;
    const forceNull = this.forceNull;
    if (!notNull && !forceNull) return;
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      if (value === null) {
        if (notNull && notNull[i]) row[i] = this.nullString;
      } else if (forceNull && forceNull[i] && value === this.nullString) {
        row[i] = null;
      }
    }
  }

  /** HEADER MATCH: the header line must list the COPY's columns, in order, by exact name. */
  private checkHeader(s: string, a: number, b: number): void {
    const fields: Row = [];
    if (!this.lineSpecial) this.fields.plain(s, a, b, fields, Infinity);
    else if (this.csv) this.fields.csv(s, a, b, fields, Infinity);
    else this.fields.text(s, a, b, fields, Infinity);
    const names = this.names;
    if (fields.length !== names.length) {
      throw new PgError({
        code: SqlState.badCopyFileFormat,
        message: `wrong number of fields in header line: got ${fields.length}, expected ${names.length}`,
      });
    }
    for (let i = 0; i < names.length; i++) {
      const field = fields[i];
      if (field === null) {
        throw new PgError({
          code: SqlState.badCopyFileFormat,
          message: `column name mismatch in header line field ${i + 1}: got null value ("${this.nullString}"), expected "${names[i]}"`,
        });
      }
      if (field !== names[i]) {
        throw new PgError({
          code: SqlState.badCopyFileFormat,
          message: `column name mismatch in header line field ${i + 1}: got "${field}", expected "${names[i]}"`,
        });
      }
    }
  }

  // ---- Errors ------------------------------------------------------------------------------

  /** An error in the line still being read: lineNumber becomes that line's number. */
  private fail(message: string, hint?: string): PgError {
    this.lineNumber += 1 + this.embedded;
    this.embedded = 0;
    return new PgError({ code: SqlState.badCopyFileFormat, message, hint });
  }

  private atCurrentLine(error: PgError): PgError {
    this.lineNumber += 1 + this.embedded;
    this.embedded = 0;
    return error;
  }
}





/** Per column: whether it is named in a FORCE_NOT_NULL / FORCE_NULL list; null when none is. */
function columnFlags(columns: string[], names: string[]): boolean[] | null {
  if (names.length === 0) return null;
  const set = new Set(names);
  return columns.map((name) => set.has(name));
}
