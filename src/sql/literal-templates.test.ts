import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { initParser, parseStatements } from './parser.js';
import { scanLiterals } from './literal-scan.js';
import { parameterMask, parameterSlots, renderedSql, templatePieces, templateSql } from './literal-templates.js';
import { prepareQuery } from './query-cache.js';

const maskOf = (sql: string) => parameterMask(scanLiterals(sql)!, parameterSlots(parseStatements(sql)[0]!.stmt));
const templated = (sql: string) => prepareQuery(sql, undefined, { literalTemplates: true })[0]!;

describe('literal templates', () => {
  before(() => initParser());

  it('makes parameters of operands, IN/BETWEEN items, VALUES items and SET values', () => {
    assert.deepEqual(maskOf('SELECT a + 1, b * -2 FROM t WHERE c = 3 AND d IN (4, 5) AND e BETWEEN 6 AND 7'), [true, true, true, true, true, true, true]);
    assert.deepEqual(maskOf('INSERT INTO t (a, b) VALUES (1, -2), (3, 4)'), [true, true, true, true]);
    assert.deepEqual(maskOf('UPDATE t SET a = 1, b = b - 2 WHERE id = 3'), [true, true, true]);
  });

  it('keeps positions, limits, divisors, function arguments and casts in the text', () => {
    assert.deepEqual(maskOf('SELECT a FROM t ORDER BY 1 LIMIT 2 OFFSET 3'), [false, false, false]);
    assert.deepEqual(maskOf('SELECT a / 2, a % 3, abs(4), 5::text FROM t GROUP BY 1'), [false, false, false, false, false]);
    assert.deepEqual(maskOf('SELECT a[1], b FROM t WHERE c = 2'), [false, true]);
  });

  it('splits a translation at bare sentinels only', () => {
    const split = templatePieces('SELECT x + 1987650001 FROM t WHERE id = -1987650002', ['1987650001', '1987650002'])!;
    assert.equal(templateSql(split.pieces), 'SELECT x + ?1 FROM t WHERE id = -?2');
    assert.equal(renderedSql(split.pieces, [7n, 9n]), 'SELECT x + 7 FROM t WHERE id = -9');
    assert.equal(templatePieces("SELECT date(x, '+1987650001 days')", ['1987650001']), undefined);
    assert.equal(templatePieces('SELECT 1987650001.5', ['1987650001']), undefined);
    assert.equal(templatePieces('SELECT /*slot {"n":[" 1987650001 "]}*/x', ['1987650001']), undefined);
    assert.equal(templatePieces('SELECT "c 1987650001"', ['1987650001']), undefined);
    assert.equal(templateSql(templatePieces("SELECT 'it''s', 1987650001", ['1987650001'])!.pieces), "SELECT 'it''s', ?1");
    assert.deepEqual([...templatePieces('SELECT 1', ['1987650001'])!.found], []);
  });

  it('prepares a text once per shape and binds the literals of the next ones', () => {
    const first = templated('SELECT v FROM lit_t WHERE id = 11 AND w < 12');
    assert.equal(first.literalValues, undefined);
    assert.deepEqual(first.translated!.sql, ['SELECT v FROM lit_t WHERE id = 11 AND w < 12']);
    const next = templated('SELECT v FROM lit_t WHERE id = 2 AND w < -3');
    // A minus sign makes another shape: the parser folds it into the constant.
    assert.equal(next.literalValues, undefined);
    const third = templated('SELECT v FROM lit_t  WHERE id = 5 AND w < 6');
    assert.equal(third.literalValues, undefined, 'white space is part of the shape');
    const fourth = templated('SELECT v FROM lit_t WHERE id = 400 AND w < 0');
    assert.equal(fourth.literalValues, undefined, 'the template is made the second time a shape comes');
    const fifth = templated('SELECT v FROM lit_t WHERE id = 400 AND w < 0');
    assert.equal(fifth, fourth, 'the same text again is a hit of the text cache');
    const sixth = templated('SELECT v FROM lit_t WHERE id = 401 AND w < 1');
    assert.deepEqual(sixth.literalValues, [401n, 1n]);
    assert.deepEqual(sixth.translated!.sql, ['SELECT v FROM lit_t WHERE id = ?1 AND w < ?2']);
    assert.equal(sixth.translated!.paramCount, 2);
  });

  it('keeps literals that stay in the text as part of the template key', () => {
    templated('SELECT v, w FROM lit_u WHERE id = 1 ORDER BY 1');
    templated('SELECT v, w FROM lit_u WHERE id = 2 ORDER BY 1');
    assert.deepEqual(templated('SELECT v, w FROM lit_u WHERE id = 3 ORDER BY 1').literalValues, [3n]);
    const otherPosition = templated('SELECT v, w FROM lit_u WHERE id = 4 ORDER BY 2');
    assert.equal(otherPosition.literalValues, undefined);
    assert.match(otherPosition.translated!.sql[0]!, /id = 4 ORDER BY/);
  });

  it('is only used when asked for (the extended protocol binds its own parameters)', () => {
    prepareQuery('SELECT v FROM lit_w WHERE id = 1', undefined, { literalTemplates: true });
    prepareQuery('SELECT v FROM lit_w WHERE id = 2', undefined, { literalTemplates: true });
    assert.equal(prepareQuery('SELECT v FROM lit_w WHERE id = 3', undefined, { literalTemplates: true })[0]!.literalValues?.length, 1);
    assert.equal(prepareQuery('SELECT v FROM lit_w WHERE id = 4')[0]!.literalValues, undefined);
  });
});
