import { PgError } from '../pg-error.js';
import { SqlState, type SqlStateCode } from '../sqlstate.js';

/**
 * How COPY data is laid out, resolved from a CopyStmt's options with PostgreSQL's defaults.
 * Plain data (no functions, no Maps) because it travels to the storage worker with the job.
 */
export interface CopyFormatOptions {
  /** binary: PostgreSQL's binary COPY format (copy-binary.ts); the text options below do not apply. */
  format: 'text' | 'csv' | 'binary';
  /** One character. */
  delimiter: string;
  /** The text that stands for SQL NULL. */
  null: string;
  /** CSV only (empty in text format). One character. */
  quote: string;
  /** CSV only (empty in text format). One character; defaults to `quote`. */
  escape: string;
  header: boolean;
  /** HEADER MATCH (COPY FROM only): the header line must name the columns, in order. */
  headerMatch?: boolean;
  forceQuote: string[] | '*';
  forceNotNull: string[];
  forceNull: string[];
  /**
   * The COPY's columns, in order, as checked by readCopyOptions. The force_* options are column
   * names; the row encoder needs this list to turn FORCE_QUOTE names into positions.
   */
  columns?: string[];
}

/** A DefElem node of libpg-query's JSON tree (CopyStmt.options). */
export interface CopyOptionNode {
  DefElem: { defname: string; arg?: any; location?: number };
}

// invalid_column_reference; not (yet) in sqlstate.ts, which this module may not edit.
const invalidColumnReference = SqlState.invalidColumnReference;

const textDefaults = { delimiter: '\t', null: '\\N' };
const csvDefaults = { delimiter: ',', null: '', quote: '"' };

/**
 * Reads COPY's option list (both the `WITH (…)` and the pre-9.0 `CSV HEADER …` spellings, which
 * parse to the same DefElems) and applies PostgreSQL 15's defaults and checks, with its messages
 * and SQLSTATEs. `isFrom` enables the direction checks (FORCE_QUOTE only for TO, FORCE_NOT_NULL /
 * FORCE_NULL and HEADER MATCH only for FROM); when omitted they are skipped.
 */
export function readCopyOptions(options: CopyOptionNode[] | undefined, columnNames: string[], isFrom?: boolean): CopyFormatOptions {
  let format: 'text' | 'csv' | 'binary' | undefined;
  let delimiter: string | undefined;
  let nullString: string | undefined;
  let quote: string | undefined;
  let escape: string | undefined;
  let header: 'false' | 'true' | 'match' | undefined;
  let freeze: boolean | undefined;
  let encoding: string | undefined;
  let forceQuote: string[] | '*' | undefined;
  let forceNotNull: string[] | undefined;
  let forceNull: string[] | undefined;

  for (const node of options ?? []) {
    const def = node.DefElem;
    const conflicting = (seen: unknown) => {
      if (seen !== undefined) throw optionError(SqlState.syntaxError, 'conflicting or redundant options', def);
    };
    switch (def.defname) {
      case 'format': {
        conflicting(format);
        const name = defString(def);
        // Case-sensitive like PostgreSQL: the grammar lowercases the bare keyword, not 'CSV' in quotes.
        if (name !== 'text' && name !== 'csv' && name !== 'binary') {
          throw optionError(SqlState.invalidParameterValue, `COPY format "${name}" not recognized`, def);
        }
        format = name;
        break;
      }
      case 'freeze':
        conflicting(freeze);
        freeze = defBoolean(def);
        break;
      case 'delimiter':
        conflicting(delimiter);
        delimiter = defString(def);
        break;
      case 'null':
        conflicting(nullString);
        nullString = defString(def);
        break;
      case 'header':
        conflicting(header);
        header = defHeader(def, isFrom);
        break;
      case 'quote':
        conflicting(quote);
        quote = defString(def);
        break;
      case 'escape':
        conflicting(escape);
        escape = defString(def);
        break;
      case 'force_quote':
        conflicting(forceQuote);
        forceQuote = def.arg?.A_Star ? '*' : defColumnList(def);
        break;
      case 'force_not_null':
        conflicting(forceNotNull);
        forceNotNull = defColumnList(def);
        break;
      case 'force_null':
        conflicting(forceNull);
        forceNull = defColumnList(def);
        break;
      case 'encoding':
        conflicting(encoding);
        encoding = defString(def);
        checkEncoding(encoding, def);
        break;
      default:
        throw optionError(SqlState.syntaxError, `option "${def.defname}" not recognized`, def);
    }
  }

  const binary = format === 'binary';
  const csv = format === 'csv';
  if (binary && delimiter !== undefined) throw copyError(SqlState.syntaxError, 'cannot specify DELIMITER in BINARY mode');
  if (binary && nullString !== undefined) throw copyError(SqlState.syntaxError, 'cannot specify NULL in BINARY mode');

  delimiter ??= csv ? csvDefaults.delimiter : textDefaults.delimiter;
  nullString ??= csv ? csvDefaults.null : textDefaults.null;
  if (csv) {
    quote ??= csvDefaults.quote;
    escape ??= quote;
  }

  // "One-byte" is about the encoded form: 'é' is one character but two bytes in UTF-8.
  if (!isSingleByte(delimiter)) throw copyError(SqlState.featureNotSupported, 'COPY delimiter must be a single one-byte character');
  if (delimiter === '\r' || delimiter === '\n') {
    throw copyError(SqlState.invalidParameterValue, 'COPY delimiter cannot be newline or carriage return');
  }
  if (nullString.includes('\r') || nullString.includes('\n')) {
    throw copyError(SqlState.invalidParameterValue, 'COPY null representation cannot use newline or carriage return');
  }
  // Text format gives backslash, '.', lower-case letters and digits meaning after a backslash, so a
  // delimiter among them would be ambiguous (PostgreSQL rejects all letters and digits for safety).
  if (!csv && /^[\\.a-z0-9]$/.test(delimiter)) {
    throw copyError(SqlState.invalidParameterValue, `COPY delimiter cannot be "${delimiter}"`);
  }
  if (binary && header !== undefined && header !== 'false') {
    throw copyError(SqlState.featureNotSupported, 'cannot specify HEADER in BINARY mode');
  }
  if (!csv && quote !== undefined) throw copyError(SqlState.featureNotSupported, 'COPY quote available only in CSV mode');
  if (csv && !isSingleByte(quote!)) throw copyError(SqlState.featureNotSupported, 'COPY quote must be a single one-byte character');
  if (csv && delimiter === quote) throw copyError(SqlState.invalidParameterValue, 'COPY delimiter and quote must be different');
  if (!csv && escape !== undefined) throw copyError(SqlState.featureNotSupported, 'COPY escape available only in CSV mode');
  if (csv && !isSingleByte(escape!)) throw copyError(SqlState.featureNotSupported, 'COPY escape must be a single one-byte character');
  if (!csv && forceQuote !== undefined) throw copyError(SqlState.featureNotSupported, 'COPY force quote available only in CSV mode');
  if (forceQuote !== undefined && isFrom === true) throw copyError(SqlState.featureNotSupported, 'COPY force quote only available using COPY TO');
  if (!csv && forceNotNull !== undefined) throw copyError(SqlState.featureNotSupported, 'COPY force not null available only in CSV mode');
  if (forceNotNull !== undefined && isFrom === false) throw copyError(SqlState.featureNotSupported, 'COPY force not null only available using COPY FROM');
  if (!csv && forceNull !== undefined) throw copyError(SqlState.featureNotSupported, 'COPY force null available only in CSV mode');
  if (forceNull !== undefined && isFrom === false) throw copyError(SqlState.featureNotSupported, 'COPY force null only available using COPY FROM');
  // Otherwise a data value could not be told apart from NULL on input.
  if (nullString.includes(delimiter)) throw copyError(SqlState.featureNotSupported, 'COPY delimiter must not appear in the NULL specification');
  if (csv && nullString.includes(quote!)) throw copyError(SqlState.featureNotSupported, 'CSV quote character must not appear in the NULL specification');


  if (Array.isArray(forceQuote)) checkColumns('FORCE_QUOTE', forceQuote, columnNames);
  if (forceNotNull) checkColumns('FORCE_NOT_NULL', forceNotNull, columnNames);
  if (forceNull) checkColumns('FORCE_NULL', forceNull, columnNames);

  return {
    format: binary ? 'binary' : csv ? 'csv' : 'text',
    delimiter,
    null: nullString,
    quote: quote ?? '',
    escape: escape ?? '',
    header: header === 'true' || header === 'match',
    headerMatch: header === 'match',
    forceQuote: forceQuote ?? [],
    forceNotNull: forceNotNull ?? [],
    forceNull: forceNull ?? [],
    columns: columnNames.slice(),
  };
}

/** Default options for a format, as PostgreSQL fills them in. */
export function defaultCopyOptions(format: 'text' | 'csv' = 'text'): CopyFormatOptions {
  return readCopyOptions(format === 'csv' ? [{ DefElem: { defname: 'format', arg: { String: { sval: 'csv' } } } }] : [], []);
}

function copyError(code: SqlStateCode, message: string): PgError {
  return new PgError({ code, message });
}

/** Errors PostgreSQL reports with the option's position in the statement. */
function optionError(code: SqlStateCode, message: string, def: CopyOptionNode['DefElem']): PgError {
  return new PgError({ code, message, position: typeof def.location === 'number' ? def.location + 1 : undefined });
}

/** defGetString: every argument kind the grammar allows, as text. */
function defString(def: CopyOptionNode['DefElem']): string {
  const arg = def.arg;
  if (arg === undefined || arg === null) throw copyError(SqlState.syntaxError, `${def.defname} requires a parameter`);
  // libpg-query leaves out fields holding their zero value: {Integer: {}} is 0, {String: {}} is ''.
  if (arg.String) return arg.String.sval ?? '';
  if (arg.Integer) return String(arg.Integer.ival ?? 0);
  if (arg.Float) return String(arg.Float.fval ?? '0');
  if (arg.Boolean) return arg.Boolean.boolval ? 'true' : 'false';
  if (arg.A_Star) return '*';
  if (arg.List) return (arg.List.items ?? []).map((item: any) => item.String?.sval ?? '').join('.');
  throw copyError(SqlState.syntaxError, `${def.defname} requires a parameter`);
}

/** defGetBoolean: no argument means true; 0/1 and true/false/on/off in any case. */
function defBoolean(def: CopyOptionNode['DefElem']): boolean {
  if (def.arg === undefined || def.arg === null) return true;
  if (def.arg.Integer) {
    const value = def.arg.Integer.ival ?? 0;
    if (value === 0 || value === 1) return value === 1;
  } else {
    const value = defString(def).toLowerCase();
    if (value === 'true' || value === 'on') return true;
    if (value === 'false' || value === 'off') return false;
  }
  throw copyError(SqlState.syntaxError, `${def.defname} requires a Boolean value`);
}

function defHeader(def: CopyOptionNode['DefElem'], isFrom: boolean | undefined): 'true' | 'false' | 'match' {
  if (def.arg === undefined || def.arg === null) return 'true';
  if (def.arg.Integer) {
    const value = def.arg.Integer.ival ?? 0;
    if (value === 0) return 'false';
    if (value === 1) return 'true';
  } else {
    const value = defString(def).toLowerCase();
    if (value === 'true' || value === 'on') return 'true';
    if (value === 'false' || value === 'off') return 'false';
    if (value === 'match') {
      if (isFrom === false) throw copyError(SqlState.featureNotSupported, `cannot use "${defString(def)}" with HEADER in COPY TO`);
      return 'match';
    }
  }
  throw copyError(SqlState.syntaxError, `${def.defname} requires a Boolean value or "match"`);
}

function defColumnList(def: CopyOptionNode['DefElem']): string[] {
  // PostgreSQL 15 takes only a parenthesised list here (FORCE_NOT_NULL * / FORCE_NULL * came in 17).
  const items = def.arg?.List?.items;
  if (!Array.isArray(items)) {
    throw optionError(SqlState.invalidParameterValue, `argument to option "${def.defname}" must be a list of column names`, def);
  }
  return items.map((item: any) => item.String?.sval ?? '');
}

function checkColumns(option: string, names: string[], columnNames: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw copyError(SqlState.duplicateColumn, `column "${name}" specified more than once`);
    seen.add(name);
    if (!columnNames.includes(name)) {
      throw copyError(invalidColumnReference, `${option} column "${name}" not referenced by COPY`);
    }
  }
}

/** Data is always UTF-8 here (no transcoding), so only UTF-8's names are accepted. */
function checkEncoding(name: string, def: CopyOptionNode['DefElem']): void {
  // PostgreSQL's name matching ignores case and non-alphanumerics ('UTF-8' = 'utf8').
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (key === 'utf8' || key === 'unicode') return;
  throw optionError(SqlState.featureNotSupported, `COPY encoding "${name}" is not supported; only UTF8 is`, def);
}

function isSingleByte(value: string): boolean {
  return value.length === 1 && value.charCodeAt(0) < 0x80;
}
