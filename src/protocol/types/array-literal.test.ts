import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArrayLiteral, quoteArrayElement, type LiteralNode } from './array-literal.js';

// Parsing rules and error details checked against PostgreSQL 15's array_in.
describe('array literal parsing', () => {
  const cases: Array<[string, LiteralNode[]]> = [
    ['{1,2,NULL}', ['1', '2', null]],
    ['{}', []], ['{ }', []], [' {1} ', ['1']],
    ['{"a b","c\\"d"}', ['a b', 'c"d']],
    ['{ 1 , 2 }', ['1', '2']],
    ['{a\\ b, "x" ,  c d  }', ['a b', 'x', 'c d']],
    ['{a\\"b}', ['a"b']], ['{"a\\\\b"}', ['a\\b']], ['{\\NULL}', ['NULL']], ['{NULL , null,"null"}', [null, null, 'null']],
    ['{ "" , x\\ }', ['', 'x ']], ['{"\\\\x01"}', ['\\x01']], ['{a b}', ['a b']], ['{é,ü}', ['é', 'ü']],
    ['{{1,2},{3,4}}', [['1', '2'], ['3', '4']]], ['{ {1} , {2} }', [['1'], ['2']]], ['{{{1}}}', [[['1']]]],
    ['[1:2]={1,2}', ['1', '2']], ['[1:2] = {1,2}', ['1', '2']], ['[1:1][1:2]={{1,2}}', [['1', '2']]], ['[2]={1,2}', ['1', '2']],
    ['{"}",",","{"}', ['}', ',', '{']], ['{"\t"}', ['\t']], ['{"a" , "b"}', ['a', 'b']],
    ['{{"a,b",NULL},{"","c\\"d"}}', [['a,b', null], ['', 'c"d']]],
  ];
  for (const [input, want] of cases) test(input, () => assert.deepEqual(parseArrayLiteral(input), want));

  const bad: Array<[string, string]> = [
    ['{1,2', 'Unexpected end of input.'], ['{"a"b}', 'Unexpected array element.'], ['{{1},{2,3}}', 'Multidimensional arrays must have sub-arrays with matching dimensions.'],
    ['{1,2}x', 'Junk after closing right brace.'], ['{{1,2},3}', 'Unexpected array element.'], ['{}}', 'Junk after closing right brace.'],
    ['x', 'Array value must start with "{" or dimension information.'], ['{a,,b}', 'Unexpected "," character.'],
    ['[1:2]={1,2,3}', 'Specified array dimensions do not match array contents.'], ['{{},{}}', 'Unexpected "}" character.'],
    ['{{}}', 'Unexpected "}" character.'], ['{1,{2}}', 'Unexpected "{" character.'], ['{a}}', 'Junk after closing right brace.'],
    ['{a "b"}', 'Unexpected array element.'], ['{1,2,3,}', 'Unexpected "}" character.'], ['{,}', 'Unexpected "," character.'],
    ['', 'Array value must start with "{" or dimension information.'], ['{"abc', 'Unexpected end of input.'],
    ['[1:2]{1,2}', 'Missing "=" after array dimensions.'], ['[1:2={1,2}', 'Missing "]" in array dimensions.'],
    ['{{1},{{2}}}', 'Multidimensional arrays must have sub-arrays with matching dimensions.'],
  ];
  for (const [input, detail] of bad) {
    test(`rejects ${JSON.stringify(input)}`, () => {
      assert.throws(() => parseArrayLiteral(input), { code: '22P02', message: `malformed array literal: "${input}"`, detail });
    });
  }
  test('lower bounds other than 1 are not supported', () => {
    assert.throws(() => parseArrayLiteral('[0:1]={1,2}'), { code: '0A000' });
  });
  test('at most six dimensions', () => {
    assert.throws(() => parseArrayLiteral('{{{{{{{1}}}}}}}'), { code: '54000', message: 'number of array dimensions (7) exceeds the maximum allowed (6)' });
  });
});

describe('array element quoting', () => {
  // array_out's rules, checked against PostgreSQL 15.
  const cases: Array<[string, string]> = [
    ['plain', 'plain'], ['', '""'], ['NULL', '"NULL"'], ['null', '"null"'], ['NULLx', 'NULLx'], ['a,b', '"a,b"'],
    ['x{', '"x{"'], ['}', '"}"'], [' y', '" y"'], ['q"r', '"q\\"r"'], ['s\\t', '"s\\\\t"'], ['é', 'é'],
    ['tab\there', '"tab\there"'], ['nl\n', '"nl\n"'], ['\\x01', '"\\\\x01"'], ['a b', '"a b"'], ['1.5', '1.5'],
    ['2024-01-01 12:00:00+00', '"2024-01-01 12:00:00+00"'], ['{"a": 1}', '"{\\"a\\": 1}"'], ['\v', '"\v"'],
  ];
  for (const [text, want] of cases) test(JSON.stringify(text), () => assert.equal(quoteArrayElement(text), want));
});
