import type { CopyFormatOptions } from './copy-options.js';

/**
 * COPY TO data lines, written the way PostgreSQL 15's COPY TO writes them (copyto.c), so dumps
 * made here read back anywhere PostgreSQL's do, and byte-compare with PostgreSQL's own output.
 */

interface Prepared {
  /** Finds a character that text format must backslash-escape. */
  textSpecial: RegExp;
  textSpecialAll: RegExp;
  /** Finds a character that makes a CSV value need quotes. */
  csvSpecial: RegExp;
  /** Finds a character that must be preceded by the escape character inside CSV quotes. */
  csvEscapeAll: RegExp;
  /** Per column: FORCE_QUOTE applies. Undefined when no column is forced (or all are). */
  forceQuote: boolean[] | undefined;
}

// Options objects are built once per COPY and used for every row, so the compiled patterns are
// kept per object (the storage worker receives a structured clone; it gets its own entry).
const prepared = new WeakMap<CopyFormatOptions, Prepared>();

function prepare(options: CopyFormatOptions): Prepared {
  let p = prepared.get(options);
  if (p) return p;
  const delim = escapeForClass(options.delimiter);
  // \b \t \n \v \f \r are U+0008..U+000D: the control characters COPY writes as letter escapes.
  const text = `[\\\\\\x08-\\x0d${delim}]`;
  const quote = escapeForClass(options.quote);
  const escape = escapeForClass(options.escape);
  let forceQuote: boolean[] | undefined;
  if (Array.isArray(options.forceQuote) && options.forceQuote.length > 0) {
    const columns = options.columns;
    if (!columns) throw new Error('CopyFormatOptions.columns is required to apply FORCE_QUOTE by column name');
    const names = new Set(options.forceQuote);
    forceQuote = columns.map((name) => names.has(name));
  }
  p = {
    textSpecial: new RegExp(text),
    textSpecialAll: new RegExp(text, 'g'),
    csvSpecial: new RegExp(`[${delim}${quote}\\n\\r]`),
    csvEscapeAll: new RegExp(`[${quote}${escape}]`, 'g'),
    forceQuote,
  };
  prepared.set(options, p);
  return p;
}

function escapeForClass(ch: string): string {
  return ch.replace(/[\\\]\[^-]/g, '\\$&');
}

const letterEscapes: Record<string, string> = {
  '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\',
};

/** A value in text format: backslash, delimiter and \b \f \n \r \t \v escaped; other bytes as they are. */
function textValue(value: string, p: Prepared): string {
  if (!p.textSpecial.test(value)) return value;
  // A delimiter among \b..\r gets its letter escape (PostgreSQL checks those first); any other
  // delimiter is written as backslash + itself, which COPY FROM reads back literally.
  return value.replace(p.textSpecialAll, (ch) => letterEscapes[ch] ?? '\\' + ch);
}

/**
 * A value in CSV format. Quoted when forced, when it contains the delimiter, the quote, CR or LF,
 * when it equals the NULL string (so it does not read back as NULL), or when it is `\.` alone on
 * a line (so it does not read back as the end-of-data marker). Leading or trailing spaces are not
 * a reason: PostgreSQL keeps unquoted spaces on input.
 */
function csvValue(value: string, forced: boolean, singleColumn: boolean, options: CopyFormatOptions, p: Prepared): string {
  if (!forced && value !== options.null && !(singleColumn && value === '\\.') && !p.csvSpecial.test(value)) return value;
  return options.quote + value.replace(p.csvEscapeAll, options.escape + '$&') + options.quote;
}

/** One row of COPY TO data, with its terminating newline. NULLs are written as the NULL string, unquoted. */
export function encodeCopyRow(values: (string | null)[], options: CopyFormatOptions): string {
  const p = prepare(options);
  const n = values.length;
  let line = '';
  if (options.format === 'text') {
    for (let i = 0; i < n; i++) {
      if (i > 0) line += options.delimiter;
      const value = values[i];
      line += value === null ? options.null : textValue(value, p);
    }
  } else {
    const all = options.forceQuote === '*';
    const flags = p.forceQuote;
    for (let i = 0; i < n; i++) {
      if (i > 0) line += options.delimiter;
      const value = values[i];
      line += value === null ? options.null : csvValue(value, all || (flags !== undefined && flags[i] === true), n === 1, options, p);
    }
  }
  return line + '\n';
}

/** The HEADER line: column names written like values (never forced into quotes). */
export function encodeCopyHeader(names: string[], options: CopyFormatOptions): string {
  const p = prepare(options);
  const n = names.length;
  let line = '';
  for (let i = 0; i < n; i++) {
    if (i > 0) line += options.delimiter;
    line += options.format === 'text' ? textValue(names[i], p) : csvValue(names[i], false, n === 1, options, p);
  }
  return line + '\n';
}
