// COPY FROM parsing. The `from` cases of pg15-copy-fixtures.json are what PostgreSQL 15.18 did with
// the same bytes (sent as one CopyData message): the rows it stored, or the error with its
// SQLSTATE, message, hint and the line number of its `COPY t, line N` context. Each case is also
// fed split at every byte, and one byte at a time, since chunks may split anywhere.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, parseSync } from 'libpg-query';
import { readCopyOptions, type CopyFormatOptions } from './copy-options.js';
import { CopyLineParser } from './copy-line-parser.js';
import { encodeCopyHeader, encodeCopyRow } from './copy-row-encoder.js';
import { PgError } from '../pg-error.js';
import fixtures from './pg15-copy-fixtures.json' with { type: 'json' };

await loadModule();

type Row = (string | null)[];
type Outcome = { rows: Row[] } | { error: { code: string; message: string; hint?: string; line?: number } };

function fromOptions(options: string, columns: string[]): CopyFormatOptions {
  return readCopyOptions(parseSync(`COPY t FROM STDIN ${options}`).stmts[0].stmt.CopyStmt.options, columns, true);
}

/** Feeds `data` cut at the given offsets, then ends it. */
function parse(options: CopyFormatOptions, columns: string[], data: Buffer, cuts: number[] = []): Outcome {
  const parser = new CopyLineParser(options, columns);
  try {
    const rows: Row[] = [];
    let from = 0;
    for (const cut of [...cuts, data.length]) {
      rows.push(...parser.push(data.subarray(from, cut)));
      from = cut;
    }
    rows.push(...parser.end());
    return { rows };
  } catch (err) {
    if (!(err instanceof PgError)) throw err;
    return { error: { code: err.code, message: err.message, ...(err.hint ? { hint: err.hint } : {}), line: parser.lineNumber } };
  }
}

/** Every way of cutting the data once, plus cutting it between all bytes. */
function cutVariants(length: number): number[][] {
  const variants: number[][] = [[]];
  for (let i = 0; i <= length; i++) variants.push([i]);
  variants.push(Array.from({ length: Math.max(length - 1, 0) }, (_, i) => i + 1));
  return variants;
}

function assertEveryCut(options: CopyFormatOptions, columns: string[], data: Buffer, expected: Outcome): void {
  for (const cuts of cutVariants(data.length)) {
    assert.deepEqual(parse(options, columns, data, cuts), expected, `cut at ${JSON.stringify(cuts)}`);
  }
}

describe('COPY FROM parses like PostgreSQL 15', () => {
  for (const fixture of fixtures.from) {
    const data = 'dataHex' in fixture && fixture.dataHex ? Buffer.from(fixture.dataHex, 'hex') : Buffer.from(fixture.data ?? '');
    const label = `(${fixture.columns.join(',')}) ${fixture.options || 'text'} ${JSON.stringify(fixture.data ?? fixture.dataHex)}`;
    test(label, () => {
      const expected: Outcome = 'error' in fixture && fixture.error
        ? { error: fixture.error as { code: string; message: string; hint?: string; line?: number } }
        : { rows: (fixture as { rows: Row[] }).rows };
      assertEveryCut(fromOptions(fixture.options, fixture.columns), fixture.columns, data, expected);
    });
  }
});

describe('COPY FROM reads back what PostgreSQL 15 wrote', () => {
  for (const fixture of fixtures.to) {
    test(`(${fixture.columns.join(', ')}) ${fixture.options || 'text'}`, () => {
      // Read as written (FORCE_QUOTE is a COPY TO option; it does not change how data reads).
      const options = readCopyOptions(parseSync(`COPY t TO STDOUT ${fixture.options}`).stmts[0].stmt.CopyStmt.options, fixture.columns);
      const index = ['plain', 'with,comma', 'with"quote'].indexOf(fixture.columns[0]);
      const written = fixture.columns.length === 1 ? fixtures.rows.map((row) => [row[index]]) : fixtures.rows;
      // Text format does not mark a value written the same as the NULL string: it reads back as NULL.
      const writtenAsNull = (v: string | null) => v !== null && encodeCopyRow([v], options) === `${options.null}\n`;
      const expected = written.map((row) => row.map((v) => (writtenAsNull(v) ? null : v)));
      assert.deepEqual(parse(options, fixture.columns, Buffer.from(fixture.output)), { rows: expected });
    });
  }
});

describe('CopyLineParser', () => {
  const cases: Array<[string, string, string[], string, Outcome]> = [
    ['text escapes', '', ['a'], '\\b\\f\\n\\r\\t\\v\\\\\\q\\.x\n'.replace('\\.x', 'x'), { rows: [['\b\f\n\r\t\v\\qx']] }],
    ['octal and hex escapes build UTF-8 bytes', '', ['a'], '\\101\\x42\\303\\251\\xe2\\x9c\\x93\n', { rows: [['ABé✓']] }],
    ['a backslash before an astral character', '', ['a'], '\\😀\\xc3\\xa9\n', { rows: [['😀é']] }],
    ['\\N is NULL, \\\\N is the text \\N', '', ['a', 'b'], '\\N\t\\\\N\n', { rows: [[null, '\\N']] }],
    ['csv: unquoted empty is NULL, quoted empty is empty', 'CSV', ['a', 'b'], ',""\n', { rows: [[null, '']] }],
    ['csv: quoted field spanning lines', 'CSV', ['a', 'b'], '"x\ny\r\nz",2\n3,4\n', { rows: [['x\ny\r\nz', '2'], ['3', '4']] }],
    ['csv: header skipped', 'CSV HEADER', ['a'], 'a\n1\n', { rows: [['1']] }],
    ['text: header skipped', 'WITH (HEADER)', ['a'], 'a\n1\n', { rows: [['1']] }],
    ['data after the end marker is ignored', '', ['a'], '1\n\\.\n2\nbad\tline\n', { rows: [['1']] }],
    ['CRLF line ends', 'CSV', ['a', 'b'], '1,2\r\n3,4\r\n', { rows: [['1', '2'], ['3', '4']] }],
    ['CR line ends', '', ['a', 'b'], '1\t2\r3\t4\r', { rows: [['1', '2'], ['3', '4']] }],
    ['a last line without newline', '', ['a', 'b'], '1\t2\n3\t4', { rows: [['1', '2'], ['3', '4']] }],
    ['extra column', '', ['a'], '1\n2\t3\n', { error: { code: '22P04', message: 'extra data after last expected column', line: 2 } }],
    ['missing column', 'CSV', ['a', 'b'], '1,2\n3\n', { error: { code: '22P04', message: 'missing data for column "b"', line: 2 } }],
    ['unterminated quote', 'CSV', ['a'], '1\n"2\n3\n', { error: { code: '22P04', message: 'unterminated CSV quoted field', line: 4 } }],
  ];
  for (const [name, options, columns, data, expected] of cases) {
    test(name, () => assertEveryCut(fromOptions(options, columns), columns, Buffer.from(data), expected));
  }

  test('invalid UTF-8 is an error on its line', () => {
    const data = Buffer.concat([Buffer.from('ok\n'), Buffer.from([0x61, 0xe2, 0x82]), Buffer.from('\n')]);
    assertEveryCut(fromOptions('', ['a']), ['a'], data, {
      error: { code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0xe2 0x82 0x0a', line: 2 },
    });
  });

  test('nothing is parsed after end()', () => {
    const parser = new CopyLineParser(fromOptions('', ['a']), ['a']);
    assert.deepEqual(parser.push(Buffer.from('1\n2')), [['1']]);
    assert.deepEqual(parser.end(), [['2']]);
    assert.deepEqual(parser.push(Buffer.from('3\n')), []);
    assert.deepEqual(parser.end(), []);
  });

  test('lineNumber counts lines read', () => {
    const parser = new CopyLineParser(fromOptions('CSV HEADER', ['a']), ['a']);
    parser.push(Buffer.from('a\n1\n"2\n'));
    assert.equal(parser.lineNumber, 2);
    parser.push(Buffer.from('x"\n3\n'));
    assert.equal(parser.lineNumber, 5); // the quoted newline counts once the data is known to use LF
  });

  test('a long line arriving in many chunks', () => {
    const big = 'x'.repeat(3_000_000);
    const data = Buffer.from(`1,"${big}\n""${big}"\n2,\n`);
    const parser = new CopyLineParser(fromOptions('CSV', ['a', 'b']), ['a', 'b']);
    const rows: Row[] = [];
    for (let i = 0; i < data.length; i += 65536) rows.push(...parser.push(data.subarray(i, i + 65536)));
    rows.push(...parser.end());
    assert.deepEqual(rows, [['1', `${big}\n"${big}`], ['2', null]]);
  });
});

describe('round trips: encode, then parse', () => {
  const values: Row[] = [
    ['plain', null, ''],
    ['tab\there', 'new\nline', 'cr\rlf\r\n'],
    ['back\\slash', '\\N', '\\.'],
    ['"quoted"', "'single'", 'a,b;c|d'],
    ['héllo wörld', '😀 ✓ 漢字', '\ufeffbom'],
    ['\b\f\v\x01\x1f\x7f', ' lead', 'trail '],
    ['NULL', 'x', '""'],
    [null, null, null],
  ];
  const optionSets = [
    '', "WITH (DELIMITER '|')", "WITH (DELIMITER ',', NULL '')", "WITH (DELIMITER E'\\x01', HEADER)",
    'CSV', 'CSV HEADER', "WITH (FORMAT csv, DELIMITER ';', QUOTE '''', ESCAPE '\\')", "WITH (FORMAT csv, NULL 'NULL')",
    "WITH (FORMAT csv, NULL '\\N', DELIMITER '|')",
  ];
  const columns = ['a', 'b', 'c'];
  for (const optionText of optionSets) {
    test(optionText || 'text defaults', () => {
      const options = fromOptions(optionText, columns);
      // Text format cannot tell a value equal to the NULL string from NULL; those are left out.
      const rows = values.filter((row) => options.format === 'csv' || !row.includes(options.null));
      let data = options.header ? encodeCopyHeader(columns, options) : '';
      for (const row of rows) data += encodeCopyRow(row, options);
      assertEveryCut(options, columns, Buffer.from(data), { rows });
    });
  }

  test('a single column holding \\. and empty strings', () => {
    for (const optionText of ['', 'CSV']) {
      const options = fromOptions(optionText, ['a']);
      const rows: Row[] = [['\\.'], [''], [null], ['x']];
      const data = rows.map((row) => encodeCopyRow(row, options)).join('');
      assertEveryCut(options, ['a'], Buffer.from(data), { rows });
    }
  });
});
