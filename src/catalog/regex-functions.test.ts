import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { registerRegexFunctions, regexpMatches } from './regex-functions.js';
import { jsonMember, splitByRegex } from './set-returning-functions.js';

const db = new Database(':memory:');
registerRegexFunctions(db, splitByRegex);
const one = (sql: string): unknown => Object.values(db.prepare(sql).get() as Record<string, unknown>)[0];

describe('regex functions', () => {
  it('regexp_match gives the groups, or the match, as a text[]', () => {
    assert.equal(one("SELECT regexp_match('abc123', '([a-z]+)([0-9]+)')"), '["abc","123"]');
    assert.equal(one("SELECT regexp_match('abc123', '[0-9]+')"), '["123"]');
    assert.equal(one("SELECT regexp_match('abc', '(x)?b')"), '[null]');
    assert.equal(one("SELECT regexp_match('abc', 'z')"), null);
    assert.throws(() => one("SELECT regexp_match('abc', 'b', 'g')"), /global/);
  });
  it('regexp_matches returns every match with g', () => {
    assert.deepEqual(regexpMatches('a1b2', '[a-z]([0-9])', 'g'), ['["1"]', '["2"]']);
    assert.deepEqual(regexpMatches('a1b2', '[a-z]([0-9])', ''), ['["1"]']);
  });
  it('substring(s FROM pattern)', () => {
    assert.equal(one("SELECT pgsqlite_substring_regex('abc123def', '[0-9]+')"), '123');
    assert.equal(one("SELECT pgsqlite_substring_regex('abc123def', '([a-z])[0-9]')"), 'c');
    assert.equal(one("SELECT pgsqlite_substring_regex('abc', '[0-9]')"), null);
  });
  it('substring(s FROM pattern FOR escape) returns the part between the markers', () => {
    assert.equal(one(`SELECT pgsqlite_substring_similar('foobar', '%#"o_b#"%', '#')`), 'oob');
    assert.equal(one(`SELECT pgsqlite_substring_similar('foobar', '#"o_b#"%', '#')`), null);
    assert.equal(one(`SELECT pgsqlite_substring_similar('foobar', 'f%', '#')`), 'foobar');
    assert.throws(() => one(`SELECT pgsqlite_substring_similar('foobar', '%#"o', '#')`), { code: '2200C' });
  });
  it('regexp_split_to_array, regexp_like, regexp_count', () => {
    assert.equal(one("SELECT regexp_split_to_array('a,b,,c', ',')"), '["a","b","","c"]');
    assert.equal(one("SELECT regexp_like('ABC', 'b', 'i')"), 1);
    assert.equal(one("SELECT regexp_count('abcabc', 'b')"), 2);
  });
});

describe('json member text', () => {
  it('keeps the sub-value as written', () => {
    assert.equal(jsonMember('{"a": {"b":  2}}', 'a'), '{"b":  2}');
    assert.equal(jsonMember('[1, [2,  3]]', 1n), '[2,  3]');
    assert.equal(jsonMember('[1, [2,  3]]', -1), '[2,  3]');
    assert.equal(jsonMember('{"a": 1, "a": 2}', 'a'), '2');
    assert.equal(jsonMember('{"a": 1}', 0n), null);
    assert.equal(jsonMember('5', 'a'), null);
  });
});
