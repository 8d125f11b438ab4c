import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeJsonb, quoteJsonString, validateJson } from './json.js';

// Outputs and error details checked against PostgreSQL 15.
describe('jsonb normalisation', () => {
  const cases: Array<[string, string]> = [
    ['{"b":1, "a":2, "aa":[1,2.50,1e2], "a":3, "c":"x\\u00e9\\/\\n"}', '{"a": 3, "b": 1, "c": "xé/\\n", "aa": [1, 2.50, 100]}'],
    ['  [ ]  ', '[]'], ['{}', '{}'], ['"\\u0001"', '"\\u0001"'], ['-0', '0'], ['-0.0', '0.0'], ['1E+2', '100'],
    ['0.10', '0.10'], ['1e-7', '0.0000001'], ['1.23e+5', '123000'], ['[1,{"x":null}]', '[1, {"x": null}]'],
    ['{"é":1, "z":2, "aa":3}', '{"z": 2, "aa": 3, "é": 1}'], ['"\\ud83d\\ude00"', '"😀"'], ['"😀"', '"😀"'],
    ['{"a": {"c": [true, false, null], "b": "\\t"}}', '{"a": {"b": "\\t", "c": [true, false, null]}}'],
    ['["\\"\\\\\\b\\f\\r"]', '["\\"\\\\\\b\\f\\r"]'], ['"\u007f"', '"\u007f"'], ['{"":1,"a":{}}', '{"": 1, "a": {}}'],
    ['[[[]]]', '[[[]]]'], ['123456789012345678901234567890', '123456789012345678901234567890'],
    ['{"aa":1,"b":2,"ab":3,"B":4}', '{"B": 4, "b": 2, "aa": 1, "ab": 3}'], ['true', 'true'], ['null', 'null'],
    ['"plain"', '"plain"'], ['\n{ "k" :\t"v" }\r\n', '{"k": "v"}'], ['{"a":1,"a":{"b":2}}', '{"a": {"b": 2}}'],
    ['"\\u00E9"', '"é"'], ['"a\\/b"', '"a/b"'],
  ];
  for (const [input, want] of cases) test(input, () => assert.equal(normalizeJsonb(input), want));
  test('a large exponent expands like numeric', () => assert.equal(normalizeJsonb('[1e40]'), '[1' + '0'.repeat(40) + ']'));
  test('normalised text is stable', () => {
    for (const [, out] of cases) assert.equal(normalizeJsonb(out), out);
  });
  test('\\u0000 cannot be stored', () => {
    assert.throws(() => normalizeJsonb('"\\u0000"'), {
      code: '22P05', message: 'unsupported Unicode escape sequence', detail: '\\u0000 cannot be converted to text.',
    });
  });
  const surrogates: Array<[string, string]> = [
    ['"\\ud800"', 'Unicode low surrogate must follow a high surrogate.'],
    ['"\\udc00"', 'Unicode low surrogate must follow a high surrogate.'],
    ['"\\ud800x"', 'Unicode low surrogate must follow a high surrogate.'],
    ['"\\ud800\\ud800"', 'Unicode high surrogate must not follow a high surrogate.'],
  ];
  for (const [input, detail] of surrogates) {
    test(`jsonb rejects ${input}`, () => assert.throws(() => normalizeJsonb(input), { code: '22P02', detail }));
  }
});

describe('json validation', () => {
  const valid = ['{"b":1, "a":2}', '"\\ud800"', '"\\u0000"', '  {"a" : 1 }  ', 'null', '[1, -0.5e+10, "x"]', '{"a":{"b":[]}}'];
  for (const input of valid) test(`accepts ${input}`, () => assert.doesNotThrow(() => validateJson(input)));
  const invalid: Array<[string, string]> = [
    ['{"a":1,}', 'Expected string, but found "}".'], ['01', 'Token "01" is invalid.'], ['1.', 'Token "1." is invalid.'],
    ['.5', 'Token "." is invalid.'], ['True', 'Token "True" is invalid.'], ['"\\q"', 'Escape sequence "\\q" is invalid.'],
    ['"a\nb"', 'Character with value 0x0a must be escaped.'], ['x', 'Token "x" is invalid.'], ['{x', 'Token "x" is invalid.'],
    ['[1,2', 'The input string ended unexpectedly.'], ['{"a" 1}', 'Expected ":", but found "1".'],
    ['"\\u12"', '"\\u" must be followed by four hexadecimal digits.'], ['1 2', 'Expected end of input, but found "2".'],
    ['', 'The input string ended unexpectedly.'], ['tru', 'Token "tru" is invalid.'], ['[1,]', 'Expected JSON value, but found "]".'],
    ['-', 'Token "-" is invalid.'], ['1e', 'Token "1e" is invalid.'], ['"abc', 'Token ""abc" is invalid.'],
    ['{"a":1 "b"}', 'Expected "," or "}", but found ""b"".'], ['[}', 'Expected JSON value, but found "}".'],
    ['[,1]', 'Expected JSON value, but found ",".'], ['{,}', 'Expected string or "}", but found ",".'],
    ['{"a":}', 'Expected JSON value, but found "}".'], ['nul', 'Token "nul" is invalid.'], ['{"a":1}}', 'Expected end of input, but found "}".'],
    ['[1 2]', 'Expected "," or "]", but found "2".'], ['{"a":1,"b"}', 'Expected ":", but found "}".'], ['{1:2}', 'Expected string or "}", but found "1".'],
    ['[-01]', 'Token "-01" is invalid.'], ['[1.5e+]', 'Token "1.5e+" is invalid.'], ['@', 'Token "@" is invalid.'],
  ];
  for (const [input, detail] of invalid) {
    test(`rejects ${JSON.stringify(input)}`, () => {
      assert.throws(() => validateJson(input), { code: '22P02', message: 'invalid input syntax for type json', detail });
    });
  }
  test('deep nesting is refused, not a crash', () => {
    assert.throws(() => validateJson('['.repeat(100000)), { code: '54000' });
  });
});

describe('quoteJsonString', () => {
  const cases: Array<[string, string]> = [['a', '"a"'], ['"', '"\\""'], ['\\', '"\\\\"'], ['\u0001', '"\\u0001"'], ['\n\t', '"\\n\\t"'], ['é/', '"é/"']];
  for (const [s, want] of cases) test(JSON.stringify(s), () => assert.equal(quoteJsonString(s), want));
});
