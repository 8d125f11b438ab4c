import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MessageReader } from './message-reader.js';
import { PgError } from './pg-error.js';
import { bytes } from './testing/byte-builder.js';

function violation(message: string) {
  return (err: unknown) => err instanceof PgError && err.code === '08P01' && err.severity === 'FATAL' && err.message === message;
}

describe('MessageReader', () => {
  it('reads fields in order, signed and unsigned', () => {
    const buf = bytes().byte(7).int16(-2).int16(65535).int32(-1).int32(0xfffffffe).cstring('h\u00e9').string('tail').raw();
    const r = new MessageReader().reset(buf, 0, buf.length);
    assert.equal(r.byte(), 7);
    assert.equal(r.int16(), -2);
    assert.equal(r.uint16(), 65535);
    assert.equal(r.int32(), -1);
    assert.equal(r.uint32(), 0xfffffffe);
    assert.equal(r.cstring(), 'h\u00e9');
    assert.equal(r.remaining, 4);
    assert.deepEqual(r.rest(), Buffer.from('tail'));
    r.done();
  });

  it('stays inside its bounds even when the buffer goes on', () => {
    const buf = Buffer.from('abc\0def\0');
    const r = new MessageReader().reset(buf, 0, 3);
    assert.throws(() => r.cstring(), violation('invalid string in message'));
    assert.throws(() => new MessageReader().reset(buf, 0, 3).int32(), violation('insufficient data left in message'));
    assert.throws(() => new MessageReader().reset(buf, 0, 3).bytes(4), violation('insufficient data left in message'));
    assert.deepEqual(new MessageReader().reset(buf, 4, 6).rest(), Buffer.from('de'));
  });

  it('returns views, not copies', () => {
    const buf = Buffer.from('abcdef');
    const view = new MessageReader().reset(buf, 1, 5).bytes(2);
    assert.equal(view.buffer, buf.buffer);
    assert.equal(view.byteOffset, buf.byteOffset + 1);
  });

  it('done() rejects unread bytes', () => {
    assert.throws(() => new MessageReader().reset(Buffer.from('ab'), 0, 2).done(), violation('invalid message format'));
  });
});
