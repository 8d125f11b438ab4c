import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyCleartextPassword } from './verify-cleartext.js';
import { createScramVerifier } from './scram.js';
import { md5PasswordHash } from './md5.js';

// Stored by PostgreSQL 15.18 (pg_authid.rolpassword).
const PG_SCRAM = 'SCRAM-SHA-256$4096:57ghlPHyn/2RdLsLD1X56Q==$3gqzZiWi6onFGnDMJD37n26CD5qepNV9+yD1txE7L8Y=:V5V6VAfO58/O1u+7+xRKsAX0H8ArjdlwGipzdGnvDyk='; // 'secret'
const PG_SCRAM_UNICODE = 'SCRAM-SHA-256$4096:wF53BjNROjdied16nF9wXg==$2nN1mE/VMY4y/OczNWqUJCZXzxCo9VCDgZpz2Z2iFhU=:qCVbUP7TdWGp+f6ninHwXi4jbWMuU14DLBChmMJQNVg='; // 'café\u00a0bar'
const PG_MD5 = 'md52aea419619857e8a27f0f7aa641db0c6'; // user md5user, 'secret'

test('SCRAM secret from PostgreSQL: recomputed with its salt and iterations', () => {
  assert.ok(verifyCleartextPassword(PG_SCRAM, 'secret', 'whoever'));
  assert.equal(verifyCleartextPassword(PG_SCRAM, 'Secret', 'whoever'), false);
  assert.equal(verifyCleartextPassword(PG_SCRAM, '', 'whoever'), false);
  assert.ok(verifyCleartextPassword(PG_SCRAM, Buffer.from('secret'), 'whoever'));
});

test('SCRAM: the cleartext password goes through SASLprep too', () => {
  assert.ok(verifyCleartextPassword(PG_SCRAM_UNICODE, 'caf\u00e9\u00a0bar', 'u'));
  assert.ok(verifyCleartextPassword(PG_SCRAM_UNICODE, 'cafe\u0301 bar', 'u'));
  assert.equal(verifyCleartextPassword(PG_SCRAM_UNICODE, 'cafe bar', 'u'), false);
});

test('SCRAM secret made here, with non-default iterations', () => {
  const stored = createScramVerifier('pw', { iterations: 10 });
  assert.ok(verifyCleartextPassword(stored, 'pw', 'u'));
  assert.equal(verifyCleartextPassword(stored, 'pw ', 'u'), false);
});

test('md5 hash: the user name is part of the hash', () => {
  assert.ok(verifyCleartextPassword(PG_MD5, 'secret', 'md5user'));
  assert.equal(verifyCleartextPassword(PG_MD5, 'secret', 'other'), false);
  assert.equal(verifyCleartextPassword(PG_MD5, 'wrong', 'md5user'), false);
  assert.ok(verifyCleartextPassword(md5PasswordHash('p\u00e4ss', 'j\u00fcrgen'), 'p\u00e4ss', 'j\u00fcrgen'));
});

test('anything else (plaintext, empty, damaged secrets) never matches', () => {
  assert.equal(verifyCleartextPassword('secret', 'secret', 'u'), false);
  assert.equal(verifyCleartextPassword('', '', 'u'), false);
  assert.equal(verifyCleartextPassword(PG_SCRAM.slice(0, -4), 'secret', 'u'), false);
  assert.equal(verifyCleartextPassword(PG_MD5.toUpperCase(), 'secret', 'md5user'), false);
});
