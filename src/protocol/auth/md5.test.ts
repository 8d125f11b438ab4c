import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { isMd5Hash, md5PasswordHash, randomSalt, verifyMd5Response } from './md5.js';

/** node-postgres computes the client's answer to AuthenticationMD5Password independently. */
const pgUtils = createRequire(import.meta.url)('pg/lib/crypto/utils.js') as {
  postgresMd5PasswordHash(user: string, password: string, salt: Buffer): Promise<string>;
};

// Stored by PostgreSQL 15.18 with password_encryption = 'md5'.
const PG_MD5 = 'md52aea419619857e8a27f0f7aa641db0c6'; // user md5user, password 'secret'
const PG_MD5_UNICODE = 'md5715dd60f14b17f23b9206579b5b56c4c'; // user 'Ünï', password 'pässword'

test('md5PasswordHash matches PostgreSQL', () => {
  assert.equal(md5PasswordHash('secret', 'md5user'), PG_MD5);
  assert.equal(md5PasswordHash('p\u00e4ssword', '\u00dcn\u00ef'), PG_MD5_UNICODE);
  assert.equal(md5PasswordHash(Buffer.from('secret'), 'md5user'), PG_MD5);
});

test('isMd5Hash accepts only md5 + 32 lowercase hex digits', () => {
  assert.ok(isMd5Hash(PG_MD5));
  for (const bad of ['', 'md5', PG_MD5.toUpperCase(), PG_MD5 + '0', PG_MD5.slice(0, -1) + 'g', 'SCRAM-SHA-256$4096:x$y:z']) {
    assert.equal(isMd5Hash(bad), false, bad);
  }
});

test('verifyMd5Response: fixed vector (md5 of the hex hash followed by the 4 salt bytes, via openssl)', () => {
  const salt = Buffer.from([1, 2, 3, 4]);
  assert.ok(verifyMd5Response({ storedMd5Hash: PG_MD5, salt, response: 'md56b614f1bd5dc8478f5705c783c9bbdc0' }));
});

test('verifyMd5Response against the node-postgres client', async () => {
  const salt = randomSalt();
  const response = await pgUtils.postgresMd5PasswordHash('md5user', 'secret', salt);
  assert.ok(verifyMd5Response({ storedMd5Hash: PG_MD5, salt, response }));

  const unicode = await pgUtils.postgresMd5PasswordHash('\u00dcn\u00ef', 'p\u00e4ssword', salt);
  assert.ok(verifyMd5Response({ storedMd5Hash: PG_MD5_UNICODE, salt, response: unicode }));

  const wrongPassword = await pgUtils.postgresMd5PasswordHash('md5user', 'Secret', salt);
  assert.equal(verifyMd5Response({ storedMd5Hash: PG_MD5, salt, response: wrongPassword }), false);
  const wrongUser = await pgUtils.postgresMd5PasswordHash('other', 'secret', salt);
  assert.equal(verifyMd5Response({ storedMd5Hash: PG_MD5, salt, response: wrongUser }), false);
  // A response for another salt is a replay.
  assert.equal(verifyMd5Response({ storedMd5Hash: PG_MD5, salt: Buffer.from([9, 9, 9, 9]), response }), false);
});

test('verifyMd5Response: malformed responses and non-md5 secrets never match', () => {
  const salt = Buffer.from([1, 2, 3, 4]);
  for (const response of ['', 'md5', 'md56b614f1bd5dc8478f5705c783c9bbdc', 'md56b614f1bd5dc8478f5705c783c9bbdc0x', '6b614f1bd5dc8478f5705c783c9bbdc0']) {
    assert.equal(verifyMd5Response({ storedMd5Hash: PG_MD5, salt, response }), false, response);
  }
  assert.equal(verifyMd5Response({ storedMd5Hash: 'secret', salt, response: 'md56b614f1bd5dc8478f5705c783c9bbdc0' }), false);
});

test('randomSalt: 4 bytes, fresh each time', () => {
  const a = randomSalt();
  assert.equal(a.length, 4);
  const seen = new Set(Array.from({ length: 20 }, () => randomSalt().toString('hex')));
  assert.ok(seen.size > 1);
});
