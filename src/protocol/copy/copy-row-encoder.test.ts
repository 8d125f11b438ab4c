// COPY TO lines. pg15-copy-fixtures.json holds what PostgreSQL 15.18 printed for `COPY … TO STDOUT`
// of the same rows with the same options (recorded through the wire protocol, byte for byte).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, parseSync } from 'libpg-query';
import { readCopyOptions, type CopyFormatOptions } from './copy-options.js';
import { encodeCopyHeader, encodeCopyRow } from './copy-row-encoder.js';
import fixtures from './pg15-copy-fixtures.json' with { type: 'json' };

await loadModule();

function optionsOf(options: string, columns: string[]): CopyFormatOptions {
  return readCopyOptions(parseSync(`COPY t TO STDOUT ${options}`).stmts[0].stmt.CopyStmt.options, columns, false);
}

function encodeAll(rows: (string | null)[][], columns: string[], options: CopyFormatOptions): string {
  let out = options.header ? encodeCopyHeader(columns, options) : '';
  for (const row of rows) out += encodeCopyRow(row, options);
  return out;
}

describe('COPY TO output equals PostgreSQL 15', () => {
  for (const fixture of fixtures.to) {
    test(`(${fixture.columns.join(', ')}) ${fixture.options || '(text defaults)'}`, () => {
      const options = optionsOf(fixture.options, fixture.columns);
      // Single-column fixtures are the first matching column of each recorded row.
      const index = ['plain', 'with,comma', 'with"quote'].indexOf(fixture.columns[0]);
      const rows = fixture.columns.length === 1 ? fixtures.rows.map((row) => [row[index]]) : fixtures.rows;
      assert.equal(encodeAll(rows, fixture.columns, options), fixture.output);
    });
  }
});

describe('encodeCopyRow', () => {
  const cases: Array<[string, string, (string | null)[], string]> = [
    ['text: plain values and NULL', '', ['a', null, ''], 'a\t\\N\t\n'],
    ['text: backslash and control characters', '', ['\\', '\b\f\n\r\t\v', '\x01\x1f\x7f'], '\\\\\t\\b\\f\\n\\r\\t\\v\t\x01\x1f\x7f\n'],
    ['text: the delimiter is backslashed', "WITH (DELIMITER '|')", ['a|b', 'c\td'], 'a\\|b|c\\td\n'],
    ['text: a control-character delimiter in \\b..\\r gets its letter', "WITH (DELIMITER E'\\x0b')", ['a\vb'], 'a\\vb\n'],
    ['text: other control-character delimiters are backslashed', "WITH (DELIMITER E'\\x01')", ['a\x01b', 'c'], 'a\\\x01b\x01c\n'],
    ['text: a regex-special delimiter', "WITH (DELIMITER ']')", ['a]b', 'c^d-e'], 'a\\]b]c^d-e\n'],
    ['text: a value equal to a custom NULL string is not marked', "WITH (NULL 'x')", ['x', null], 'x\tx\n'],
    ['text: unicode passes through', '', ['héllo', '😀✓'], 'héllo\t😀✓\n'],
    ['text: no columns', '', [], '\n'],
    ['csv: plain values, NULL unquoted, empty string quoted', 'CSV', ['a', null, ''], 'a,,""\n'],
    ['csv: delimiter, quote, CR and LF force quotes', 'CSV', ['a,b', 'a"b', 'a\rb', 'a\nb'], '"a,b","a""b","a\rb","a\nb"\n'],
    ['csv: spaces, tabs and backslashes stay unquoted', 'CSV', [' a ', 'a\tb', '\\N'], ' a ,a\tb,\\N\n'],
    ['csv: \\. is quoted only as the single column', 'CSV', ['\\.'], '"\\."\n'],
    ['csv: \\. among several columns is not', 'CSV', ['\\.', 'x'], '\\.,x\n'],
    ['csv: a value equal to the NULL string is quoted', "WITH (FORMAT csv, NULL 'NULL')", ['NULL', null], '"NULL",NULL\n'],
    ['csv: escape differs from quote', "WITH (FORMAT csv, ESCAPE '\\')", ['a"b\\c', 'x\\y'], '"a\\"b\\\\c",x\\y\n'],
    ['csv: custom quote and delimiter', "WITH (FORMAT csv, QUOTE '''', DELIMITER ';')", ["it's", 'a;b', 'a"b'], "'it''s';'a;b';a\"b\n"],
    ['csv: FORCE_QUOTE *', 'WITH (FORMAT csv, FORCE_QUOTE *)', ['a', null, ''], '"a",,""\n'],
    ['csv: FORCE_QUOTE by column', 'WITH (FORMAT csv, FORCE_QUOTE (b))', ['a', 'b', 'c'], 'a,"b",c\n'],
    ['csv: FORCE_QUOTE leaves NULL unquoted', 'WITH (FORMAT csv, FORCE_QUOTE (b))', ['a', null, 'c'], 'a,,c\n'],
  ];
  for (const [name, options, values, expected] of cases) {
    test(name, () => {
      const columns = ['a', 'b', 'c', 'd'].slice(0, Math.max(values.length, 2));
      assert.equal(encodeCopyRow(values, optionsOf(options, columns)), expected);
    });
  }

  test('FORCE_QUOTE by name needs the column list', () => {
    const options: CopyFormatOptions = { ...optionsOf('WITH (FORMAT csv, FORCE_QUOTE (a))', ['a']), columns: undefined };
    assert.throws(() => encodeCopyRow(['x'], options), /columns is required/);
  });

  test('hand-built options work without readCopyOptions', () => {
    const options: CopyFormatOptions = {
      format: 'csv', delimiter: ',', null: '', quote: '"', escape: '"', header: false,
      forceQuote: '*', forceNotNull: [], forceNull: [],
    };
    assert.equal(encodeCopyRow(['a', null], options), '"a",\n');
  });
});

describe('encodeCopyHeader', () => {
  test('text names are escaped like values', () => {
    assert.equal(encodeCopyHeader(['a', 'b\tc', 'd\\e'], optionsOf('WITH (HEADER)', ['a'])), 'a\tb\\tc\td\\\\e\n');
  });
  test('csv names are quoted when needed, never forced', () => {
    const options = optionsOf('WITH (FORMAT csv, HEADER, FORCE_QUOTE *)', ['a', 'b,c', 'd"e']);
    assert.equal(encodeCopyHeader(['a', 'b,c', 'd"e'], options), 'a,"b,c","d""e"\n');
  });
});
