// COPY option lists as libpg-query parses them, read into CopyFormatOptions. The error cases'
// SQLSTATEs and messages are what PostgreSQL 15.18 reports for the same statements.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, parseSync } from 'libpg-query';
import { readCopyOptions, defaultCopyOptions, type CopyFormatOptions } from './copy-options.js';
import { PgError } from '../pg-error.js';

await loadModule();

const columns = ['a', 'b'];

function read(sql: string): CopyFormatOptions {
  return readCopyOptions(parseSync(sql).stmts[0].stmt.CopyStmt.options, columns, sql.includes(' FROM '));
}

describe('readCopyOptions defaults and spellings', () => {
  const cases: Array<[string, Partial<CopyFormatOptions>]> = [
    ['COPY t TO STDOUT', { format: 'text', delimiter: '\t', null: '\\N', quote: '', escape: '', header: false, forceQuote: [] }],
    ['COPY t FROM STDIN CSV', { format: 'csv', delimiter: ',', null: '', quote: '"', escape: '"', header: false }],
    ['COPY t FROM STDIN CSV HEADER', { format: 'csv', header: true, headerMatch: false }],
    ['COPY t (a,b) FROM STDIN WITH (FORMAT csv, HEADER, DELIMITER \';\')', { format: 'csv', delimiter: ';', header: true }],
    ["COPY t TO STDOUT WITH NULL 'x'", { format: 'text', null: 'x' }],
    ["COPY t TO STDOUT WITH DELIMITER '|' NULL 'x' CSV QUOTE AS '''' ESCAPE AS '\\' FORCE QUOTE *",
      { format: 'csv', delimiter: '|', null: 'x', quote: "'", escape: '\\', forceQuote: '*' }],
    ['COPY t TO STDOUT CSV FORCE QUOTE a, b', { forceQuote: ['a', 'b'] }],
    ['COPY t FROM STDIN CSV FORCE NOT NULL a FORCE NULL b', { forceNotNull: ['a'], forceNull: ['b'] }],
    ['COPY t FROM STDIN WITH (FORMAT csv, FORCE_NOT_NULL (a, b))', { forceNotNull: ['a', 'b'], forceNull: [] }],
    ["COPY t FROM STDIN WITH (FORMAT csv, QUOTE '''')", { quote: "'", escape: "'" }],
    ['COPY t FROM STDIN WITH (HEADER match)', { header: true, headerMatch: true }],
    ["COPY t FROM STDIN WITH (HEADER 'MATCH')", { header: true, headerMatch: true }],
    ['COPY t TO STDOUT WITH (HEADER 0)', { header: false }],
    ['COPY t TO STDOUT WITH (HEADER 1)', { header: true }],
    ['COPY t TO STDOUT WITH (HEADER off)', { header: false }],
    ["COPY t TO STDOUT WITH (HEADER 'ON')", { header: true }],
    ['COPY t TO STDOUT WITH (FORMAT text, HEADER)', { format: 'text', header: true }],
    ["COPY t TO STDOUT WITH (DELIMITER E'\\x01')", { delimiter: '\x01' }],
    ["COPY t TO STDOUT WITH (FORMAT csv, DELIMITER 'a')", { delimiter: 'a' }],
    ["COPY t TO STDOUT WITH (FORMAT csv, DELIMITER '\\')", { delimiter: '\\' }],
    ["COPY t TO STDOUT WITH (FREEZE, ENCODING 'UTF-8')", { format: 'text' }],
    ["COPY t FROM STDIN WITH (FREEZE 'OFF', ENCODING 'unicode')", { format: 'text' }],
    ["COPY t TO STDOUT WITH (NULL '')", { null: '' }],
  ];
  for (const [sql, expected] of cases) {
    test(sql, () => {
      const options = read(sql);
      for (const [key, value] of Object.entries(expected)) {
        assert.deepEqual(options[key as keyof CopyFormatOptions], value, key);
      }
      assert.deepEqual(options.columns, columns);
    });
  }

  test('defaultCopyOptions matches an empty option list', () => {
    assert.deepEqual(defaultCopyOptions('text'), readCopyOptions(undefined, []));
    assert.equal(defaultCopyOptions('csv').quote, '"');
  });
});

describe('readCopyOptions errors as PostgreSQL 15 reports them', () => {
  const cases: Array<[string, string, string]> = [
    ['COPY t TO STDOUT WITH (FORMAT binary, HEADER)', '0A000', 'cannot specify HEADER in BINARY mode'],
    ["COPY t TO STDOUT WITH (FORMAT binary, DELIMITER ',')", '42601', 'cannot specify DELIMITER in BINARY mode'],
    ["COPY t TO STDOUT WITH (FORMAT binary, NULL 'x')", '42601', 'cannot specify NULL in BINARY mode'],
    ["COPY t TO STDOUT WITH (FORMAT binary, QUOTE 'x')", '0A000', 'COPY quote available only in CSV mode'],
    ['COPY t FROM STDIN WITH (FORMAT xml)', '22023', 'COPY format "xml" not recognized'],
    ["COPY t TO STDOUT WITH (FORMAT 'CSV')", '22023', 'COPY format "CSV" not recognized'],
    ["COPY t TO STDOUT WITH (DELIMITER 'ab')", '0A000', 'COPY delimiter must be a single one-byte character'],
    ["COPY t TO STDOUT WITH (DELIMITER '')", '0A000', 'COPY delimiter must be a single one-byte character'],
    ["COPY t TO STDOUT WITH (DELIMITER 'é')", '0A000', 'COPY delimiter must be a single one-byte character'],
    ["COPY t TO STDOUT WITH (DELIMITER E'\\n')", '22023', 'COPY delimiter cannot be newline or carriage return'],
    ["COPY t TO STDOUT WITH (DELIMITER 'a')", '22023', 'COPY delimiter cannot be "a"'],
    ["COPY t TO STDOUT WITH (DELIMITER '.')", '22023', 'COPY delimiter cannot be "."'],
    ["COPY t TO STDOUT WITH (DELIMITER '\\')", '22023', 'COPY delimiter cannot be "\\"'],
    ['COPY t TO STDOUT WITH (DELIMITER 1)', '22023', 'COPY delimiter cannot be "1"'],
    ["COPY t TO STDOUT WITH (NULL E'\\r')", '22023', 'COPY null representation cannot use newline or carriage return'],
    ["COPY t TO STDOUT WITH (QUOTE '\"')", '0A000', 'COPY quote available only in CSV mode'],
    ["COPY t TO STDOUT WITH (ESCAPE '\"')", '0A000', 'COPY escape available only in CSV mode'],
    ["COPY t TO STDOUT WITH (FORMAT csv, QUOTE 'ab')", '0A000', 'COPY quote must be a single one-byte character'],
    ["COPY t TO STDOUT WITH (FORMAT csv, QUOTE '')", '0A000', 'COPY quote must be a single one-byte character'],
    ["COPY t TO STDOUT WITH (FORMAT csv, QUOTE ',')", '22023', 'COPY delimiter and quote must be different'],
    ["COPY t TO STDOUT WITH (FORMAT csv, ESCAPE '')", '0A000', 'COPY escape must be a single one-byte character'],
    ['COPY t TO STDOUT WITH (FORCE_QUOTE (a))', '0A000', 'COPY force quote available only in CSV mode'],
    ['COPY t FROM STDIN WITH (FORMAT csv, FORCE_QUOTE (a))', '0A000', 'COPY force quote only available using COPY TO'],
    ['COPY t TO STDOUT WITH (FORMAT csv, FORCE_NOT_NULL (a))', '0A000', 'COPY force not null only available using COPY FROM'],
    ['COPY t TO STDOUT WITH (FORCE_NOT_NULL (a))', '0A000', 'COPY force not null available only in CSV mode'],
    ['COPY t TO STDOUT WITH (FORMAT csv, FORCE_NULL (a))', '0A000', 'COPY force null only available using COPY FROM'],
    ['COPY t FROM STDIN WITH (FORMAT csv, FORCE_NULL *)', '22023', 'argument to option "force_null" must be a list of column names'],
    ['COPY t FROM STDIN WITH (FORMAT csv, FORCE_NOT_NULL *)', '22023', 'argument to option "force_not_null" must be a list of column names'],
    ['COPY t TO STDOUT WITH (FORMAT csv, FORCE_QUOTE a)', '22023', 'argument to option "force_quote" must be a list of column names'],
    ['COPY t TO STDOUT WITH (FORMAT csv, FORCE_QUOTE (c))', '42P10', 'FORCE_QUOTE column "c" not referenced by COPY'],
    ['COPY t FROM STDIN WITH (FORMAT csv, FORCE_NOT_NULL (c))', '42P10', 'FORCE_NOT_NULL column "c" not referenced by COPY'],
    ['COPY t TO STDOUT WITH (FORMAT csv, FORCE_QUOTE (a, a))', '42701', 'column "a" specified more than once'],
    ["COPY t TO STDOUT WITH (NULL '\t')", '0A000', 'COPY delimiter must not appear in the NULL specification'],
    ["COPY t TO STDOUT WITH (DELIMITER '|', NULL 'a|b')", '0A000', 'COPY delimiter must not appear in the NULL specification'],
    ["COPY t TO STDOUT WITH (FORMAT csv, NULL 'a\"b')", '0A000', 'CSV quote character must not appear in the NULL specification'],
    ['COPY t TO STDOUT WITH (HEADER match)', '0A000', 'cannot use "match" with HEADER in COPY TO'],
    ['COPY t TO STDOUT WITH (HEADER 2)', '42601', 'header requires a Boolean value or "match"'],
    ["COPY t TO STDOUT WITH (HEADER 'yes')", '42601', 'header requires a Boolean value or "match"'],
    ['COPY t TO STDOUT WITH (HEADER, HEADER)', '42601', 'conflicting or redundant options'],
    ['COPY t TO STDOUT WITH (FORMAT text, FORMAT csv)', '42601', 'conflicting or redundant options'],
    ["COPY t TO STDOUT WITH (NULL '\\N', NULL 'x')", '42601', 'conflicting or redundant options'],
    ['COPY t TO STDOUT WITH (FORMAT csv, FORCE_QUOTE (a), FORCE_QUOTE (b))', '42601', 'conflicting or redundant options'],
    ['COPY t TO STDOUT WITH (foo 1)', '42601', 'option "foo" not recognized'],
    ["COPY t TO STDOUT WITH (on_error 'ignore')", '42601', 'option "on_error" not recognized'],
    ['COPY t TO STDOUT WITH (DELIMITER)', '42601', 'delimiter requires a parameter'],
    ['COPY t TO STDOUT WITH (NULL)', '42601', 'null requires a parameter'],
    ['COPY t TO STDOUT WITH (FORMAT)', '42601', 'format requires a parameter'],
    ['COPY t TO STDOUT WITH (FREEZE 2)', '42601', 'freeze requires a Boolean value'],
    ["COPY t TO STDOUT WITH (FREEZE 'of')", '42601', 'freeze requires a Boolean value'],
    // Not PostgreSQL's behaviour: data is never transcoded here.
    ["COPY t TO STDOUT WITH (ENCODING 'latin1')", '0A000', 'COPY encoding "latin1" is not supported; only UTF8 is'],
  ];
  for (const [sql, code, message] of cases) {
    test(sql, () => {
      assert.throws(() => read(sql), (err: unknown) => {
        assert.ok(err instanceof PgError);
        assert.equal(err.code, code);
        assert.equal(err.message, message);
        return true;
      });
    });
  }

  test('option errors PostgreSQL points at carry the position of the option', () => {
    const sql = 'COPY t TO STDOUT WITH (foo 1)';
    assert.throws(() => read(sql), (err: PgError) => err.position === sql.indexOf('foo') + 1);
  });

  test('direction checks are skipped when the direction is not given', () => {
    const sql = 'COPY t TO STDOUT WITH (FORMAT csv, FORCE_NOT_NULL (a), HEADER match)';
    const options = readCopyOptions(parseSync(sql).stmts[0].stmt.CopyStmt.options, columns);
    assert.deepEqual(options.forceNotNull, ['a']);
    assert.equal(options.headerMatch, true);
  });
});
