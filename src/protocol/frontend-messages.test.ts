import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodePasswordMessage, decodeSaslInitialResponse, decodeSaslResponse } from './frontend-messages.js';
import { PgError } from './pg-error.js';
import { bytes } from './testing/byte-builder.js';

function violation(message: string) {
  return (err: unknown) => err instanceof PgError && err.code === '08P01' && err.message === message;
}

describe('decodePasswordMessage', () => {
  it('returns the password, including an empty one', () => {
    assert.equal(decodePasswordMessage(bytes().cstring('s3cr\u00e9t').raw()), 's3cr\u00e9t');
    assert.equal(decodePasswordMessage(bytes().cstring('md5abc').raw()), 'md5abc');
    assert.equal(decodePasswordMessage(Buffer.from([0])), '');
  });

  it('rejects a body that is not exactly one C string', () => {
    assert.throws(() => decodePasswordMessage(Buffer.from('abc')), violation('invalid password packet size'));
    assert.throws(() => decodePasswordMessage(Buffer.from('ab\0c\0')), violation('invalid password packet size'));
    assert.throws(() => decodePasswordMessage(Buffer.alloc(0)), violation('invalid password packet size'));
  });
});

describe('decodeSaslInitialResponse', () => {
  it('returns the mechanism and the initial response', () => {
    const data = bytes().cstring('SCRAM-SHA-256').lengthPrefixed('n,,n=,r=xyz').raw();
    assert.deepEqual(decodeSaslInitialResponse(data), { mechanism: 'SCRAM-SHA-256', initialResponse: Buffer.from('n,,n=,r=xyz') });
  });

  it('returns null for length -1 and an empty buffer for length 0', () => {
    assert.deepEqual(decodeSaslInitialResponse(bytes().cstring('M').int32(-1).raw()), { mechanism: 'M', initialResponse: null });
    assert.deepEqual(decodeSaslInitialResponse(bytes().cstring('M').int32(0).raw()), { mechanism: 'M', initialResponse: Buffer.alloc(0) });
  });

  it('rejects truncated or oversized bodies', () => {
    assert.throws(() => decodeSaslInitialResponse(Buffer.from('SCRAM')), violation('invalid string in message'));
    assert.throws(() => decodeSaslInitialResponse(bytes().cstring('M').int16(0).raw()), violation('insufficient data left in message'));
    assert.throws(() => decodeSaslInitialResponse(bytes().cstring('M').int32(5).string('abc').raw()), violation('insufficient data left in message'));
    assert.throws(() => decodeSaslInitialResponse(bytes().cstring('M').int32(-2).raw()), violation('insufficient data left in message'));
    assert.throws(() => decodeSaslInitialResponse(bytes().cstring('M').lengthPrefixed('ab').byte(0).raw()), violation('invalid message format'));
  });
});

describe('decodeSaslResponse', () => {
  it('is the whole body', () => {
    const data = Buffer.from('c=biws,r=abc,p=xyz');
    assert.equal(decodeSaslResponse(data), data);
  });
});
