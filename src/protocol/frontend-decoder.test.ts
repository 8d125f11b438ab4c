import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { serialize } from 'pg-protocol/dist/serializer.js';
import { FrontendDecoder } from './frontend-decoder.js';
import type { FrontendMessage } from './frontend-messages.js';
import { decodeSaslInitialResponse } from './frontend-messages.js';
import { PgError } from './pg-error.js';
import { frontendBuffers as fb } from './testing/frontend-buffers.js';
import { bytes } from './testing/byte-builder.js';

const EMPTY = Buffer.alloc(0);

function regularDecoder(options?: { maxMessageLength?: number }): FrontendDecoder {
  const decoder = new FrontendDecoder(options);
  decoder.startupDone();
  return decoder;
}

function decodeAll(...frames: Buffer[]): FrontendMessage[] {
  return regularDecoder().push(Buffer.concat(frames));
}

/** Asserts push throws a FATAL 08P01 PgError with the given message. */
function assertViolation(fn: () => unknown, message: string | RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof PgError, `expected PgError, got ${String(err)}`);
    assert.equal(err.code, '08P01');
    assert.equal(err.severity, 'FATAL');
    if (typeof message === 'string') assert.equal(err.message, message);
    else assert.match(err.message, message);
    return true;
  });
}

describe('FrontendDecoder: regular messages', () => {
  it('decodes Query', () => {
    assert.deepEqual(decodeAll(fb.query('select 1; select \u00e9')), [{ type: 'query', sql: 'select 1; select \u00e9' }]);
  });

  it('decodes Parse with and without parameter types, OIDs unsigned', () => {
    assert.deepEqual(decodeAll(fb.parse('', 'select 1'), fb.parse('s1', 'select $1, $2', [23, 0xfffffff0])), [
      { type: 'parse', name: '', sql: 'select 1', paramTypes: [] },
      { type: 'parse', name: 's1', sql: 'select $1, $2', paramTypes: [23, 0xfffffff0] },
    ]);
  });

  it('decodes Bind with NULL, empty and binary parameters', () => {
    const binary = Buffer.from([0, 0, 0, 42]);
    const [message] = decodeAll(
      fb.bind({ portal: 'p1', statement: 's1', paramFormats: [0, 1], params: ['abc', null, '', binary], resultFormats: [1] }),
    );
    assert.deepEqual(message, {
      type: 'bind',
      portal: 'p1',
      statement: 's1',
      paramFormats: [0, 1],
      params: [Buffer.from('abc'), null, Buffer.alloc(0), binary],
      resultFormats: [1],
    });
  });

  it('decodes an empty Bind', () => {
    assert.deepEqual(decodeAll(fb.bind()), [
      { type: 'bind', portal: '', statement: '', paramFormats: [], params: [], resultFormats: [] },
    ]);
  });

  it('decodes Describe, Execute and Close', () => {
    assert.deepEqual(
      decodeAll(fb.describe('S', 'st'), fb.describe('P', ''), fb.execute('', 0), fb.execute('cur', 100), fb.close('S', 'st'), fb.close('P', 'cur')),
      [
        { type: 'describe', kind: 'S', name: 'st' },
        { type: 'describe', kind: 'P', name: '' },
        { type: 'execute', portal: '', maxRows: 0 },
        { type: 'execute', portal: 'cur', maxRows: 100 },
        { type: 'close', kind: 'S', name: 'st' },
        { type: 'close', kind: 'P', name: 'cur' },
      ],
    );
  });

  it('decodes Sync, Flush and Terminate', () => {
    assert.deepEqual(decodeAll(fb.sync(), fb.flush(), fb.terminate()), [
      { type: 'sync' },
      { type: 'flush' },
      { type: 'terminate' },
    ]);
  });

  it('decodes CopyData, CopyDone and CopyFail', () => {
    assert.deepEqual(decodeAll(fb.copyData('1\tone\n'), fb.copyData(''), fb.copyDone(), fb.copyFail('client gave up')), [
      { type: 'copyData', data: Buffer.from('1\tone\n') },
      { type: 'copyData', data: Buffer.alloc(0) },
      { type: 'copyDone' },
      { type: 'copyFail', message: 'client gave up' },
    ]);
  });

  it('decodes password messages and FunctionCall as raw bodies', () => {
    const [password, sasl, saslResponse, call] = decodeAll(
      fb.password('secret'),
      fb.saslInitialResponse('SCRAM-SHA-256', 'n,,n=,r=abc'),
      fb.saslResponse('c=biws,r=abc'),
      fb.functionCall(1234, ['x']),
    );
    assert.deepEqual(password, { type: 'password', data: Buffer.from('secret\0') });
    assert.equal(sasl!.type, 'password');
    assert.deepEqual(saslResponse, { type: 'password', data: Buffer.from('c=biws,r=abc') });
    assert.deepEqual(call, { type: 'functionCall', data: bytes().int32(1234).int16(0).int16(1).lengthPrefixed('x').int16(0).raw() });
  });

  it('decodes several frames in one chunk, and Bind parameters are views of that chunk', () => {
    const chunk = Buffer.concat([fb.parse('', 'select $1'), fb.bind({ params: ['42'] }), fb.execute(''), fb.sync()]);
    const messages = regularDecoder().push(chunk);
    assert.deepEqual(messages.map((m) => m.type), ['parse', 'bind', 'execute', 'sync']);
    const bind = messages[1] as Extract<FrontendMessage, { type: 'bind' }>;
    assert.equal(bind.params[0]!.buffer, chunk.buffer, 'no copy for a frame that arrived whole');
  });
});

describe('FrontendDecoder: startup phase', () => {
  it('decodes a StartupMessage and switches to regular mode', () => {
    const decoder = new FrontendDecoder();
    assert.equal(decoder.mode, 'startup');
    assert.deepEqual(decoder.push(fb.startup({ user: 'alice', database: 'db', application_name: 'caf\u00e9' })), [
      { type: 'startup', protocolVersion: 196608, parameters: { user: 'alice', database: 'db', application_name: 'caf\u00e9' } },
    ]);
    assert.equal(decoder.mode, 'regular');
    assert.deepEqual(decoder.push(fb.sync()), [{ type: 'sync' }]);
  });

  it('decodes messages pipelined after the StartupMessage in the same chunk', () => {
    const decoder = new FrontendDecoder();
    const messages = decoder.push(Buffer.concat([fb.startup({ user: 'u' }), fb.query('select 1')]));
    assert.deepEqual(messages.map((m) => m.type), ['startup', 'query']);
  });

  it('keeps the last value of a repeated parameter, and "__proto__" is plain data', () => {
    const packet = bytes().int32(196608).cstring('user').cstring('a').cstring('__proto__').cstring('x').cstring('user').cstring('b').byte(0).packet();
    const [message] = new FrontendDecoder().push(packet);
    assert.ok(message?.type === 'startup');
    assert.equal(message.parameters.user, 'b');
    assert.equal(Object.getPrototypeOf(message.parameters), Object.prototype);
    assert.ok(Object.hasOwn(message.parameters, '__proto__'));
  });

  it('returns newer 3.x versions with their parameters, for NegotiateProtocolVersion', () => {
    const version = (3 << 16) | 2;
    const [message] = new FrontendDecoder().push(fb.startup({ user: 'u', _pq_: 'x', '_pq_.compression': 'on' }, version));
    assert.deepEqual(message, {
      type: 'startup',
      protocolVersion: version,
      parameters: { user: 'u', _pq_: 'x', '_pq_.compression': 'on' },
    });
  });

  it('returns other major versions without parameters and stays in startup mode', () => {
    const decoder = new FrontendDecoder();
    const v2 = bytes().int32(2 << 16).bytes(Buffer.alloc(64 * 4 + 64)).packet(); // the old fixed-size layout
    assert.deepEqual(decoder.push(v2), [{ type: 'startup', protocolVersion: 2 << 16, parameters: {} }]);
    assert.equal(decoder.mode, 'startup');
    const unknownRequest = bytes().int32(80877199).packet();
    assert.deepEqual(new FrontendDecoder().push(unknownRequest), [{ type: 'startup', protocolVersion: 80877199, parameters: {} }]);
  });

  it('decodes SSLRequest and holds the bytes after it until the server has answered', () => {
    const decoder = new FrontendDecoder();
    const startup = fb.startup({ user: 'u' });
    assert.deepEqual(decoder.push(Buffer.concat([fb.sslRequest(), startup])), [{ type: 'sslRequest' }]);
    assert.equal(decoder.mode, 'startup');
    assert.equal(decoder.bufferedLength, startup.length, 'visible so a server can refuse plaintext before TLS');
    assert.deepEqual(decoder.push(EMPTY).map((m) => m.type), ['startup']);
    assert.equal(decoder.bufferedLength, 0);
  });

  it('decodes GSSENCRequest and CancelRequest (signed keys)', () => {
    assert.deepEqual(new FrontendDecoder().push(fb.gssEncRequest()), [{ type: 'gssEncRequest' }]);
    assert.deepEqual(new FrontendDecoder().push(fb.cancelRequest(4242, -123456789)), [
      { type: 'cancelRequest', processId: 4242, secretKey: -123456789 },
    ]);
  });

  it('startupDone() re-reads held bytes as regular messages on the next push', () => {
    const decoder = new FrontendDecoder();
    assert.deepEqual(decoder.push(Buffer.concat([fb.sslRequest(), fb.query('x')])), [{ type: 'sslRequest' }]);
    decoder.startupDone();
    assert.deepEqual(decoder.push(EMPTY), [{ type: 'query', sql: 'x' }]);
  });

  it('startupDone() during a half-received packet re-reads its bytes as a regular message', () => {
    const decoder = new FrontendDecoder();
    const query = fb.query('select 1');
    assert.deepEqual(decoder.push(query.subarray(0, 3)), []); // less than a length word
    decoder.startupDone();
    assert.deepEqual(decoder.push(query.subarray(3)), [{ type: 'query', sql: 'select 1' }]);
  });

  it('rejects startup packet lengths outside 8..10004 as soon as the length word arrives', () => {
    for (const length of [0, 4, 7, 10005, 0x7fffffff, -1]) {
      const decoder = new FrontendDecoder();
      assertViolation(() => decoder.push(bytes().int32(length).raw()), 'invalid length of startup packet');
    }
    // 10004 is the largest accepted: 10000 bytes after the length word.
    const big = bytes().int32(196608).cstring('user').cstring('u').cstring('options').cstring('x'.repeat(10000 - 4 - 7 - 8 - 1 - 1)).byte(0).packet();
    assert.equal(big.length, 10004);
    assert.equal(new FrontendDecoder().push(big)[0]?.type, 'startup');
  });

  it('rejects SSLRequest, GSSENCRequest and CancelRequest of the wrong size', () => {
    assertViolation(() => new FrontendDecoder().push(bytes().int32(80877103).int32(0).packet()), 'invalid length of startup packet');
    assertViolation(() => new FrontendDecoder().push(bytes().int32(80877104).byte(0).packet()), 'invalid length of startup packet');
    assertViolation(() => new FrontendDecoder().push(bytes().int32(80877102).int32(1).packet()), 'invalid length of cancel request packet');
  });

  it('rejects a malformed parameter list', () => {
    const layout = 'invalid startup packet layout: expected terminator as last byte';
    const cases = [
      bytes().int32(196608).packet(), // no terminator at all
      bytes().int32(196608).cstring('user').cstring('u').packet(), // no terminator
      bytes().int32(196608).cstring('user').packet(), // name without value
      bytes().int32(196608).cstring('user').byte(0).packet(), // value swallowed the terminator
      bytes().int32(196608).cstring('user').string('u').packet(), // value without NUL
      bytes().int32(196608).cstring('user').cstring('u').byte(0).byte(0).packet(), // bytes after the terminator
    ];
    for (const packet of cases) assertViolation(() => new FrontendDecoder().push(packet), layout);
  });
});

describe('FrontendDecoder: framing', () => {
  const stream: Buffer[] = [
    fb.startup({ user: 'alice', database: 'db' }),
    fb.password('hunter2'),
    fb.query('select 1'),
    fb.parse('s', 'select $1::int', [23]),
    fb.bind({ statement: 's', paramFormats: [1], params: [Buffer.from([0, 0, 0, 7]), null], resultFormats: [0] }),
    fb.describe('P', ''),
    fb.execute('', 10),
    fb.close('S', 's'),
    fb.flush(),
    fb.sync(),
    fb.copyData('a\tb\n'),
    fb.copyDone(),
    fb.copyFail('oops'),
    fb.functionCall(1),
    fb.terminate(),
  ];
  const whole = Buffer.concat(stream);
  const expected = new FrontendDecoder().push(whole);

  it('the reference stream decodes to one message per frame', () => {
    assert.equal(expected.length, stream.length);
  });

  it('gives the same messages when the stream is split in two at every byte offset', () => {
    for (let at = 0; at <= whole.length; at++) {
      const decoder = new FrontendDecoder();
      const got = [...decoder.push(whole.subarray(0, at)), ...decoder.push(whole.subarray(at))];
      assert.deepEqual(got, expected, `split at ${at}`);
      assert.equal(decoder.bufferedLength, 0);
    }
  });

  it('gives the same messages when the stream arrives one byte at a time', () => {
    const decoder = new FrontendDecoder();
    const got: FrontendMessage[] = [];
    for (let i = 0; i < whole.length; i++) got.push(...decoder.push(whole.subarray(i, i + 1)));
    assert.deepEqual(got, expected);
  });

  it('gives the same messages when split in three at many offset pairs', () => {
    for (let a = 0; a < whole.length; a += 7) {
      for (let b = a; b <= whole.length; b += 11) {
        const decoder = new FrontendDecoder();
        const got = [...decoder.push(whole.subarray(0, a)), ...decoder.push(whole.subarray(a, b)), ...decoder.push(whole.subarray(b))];
        assert.deepEqual(got, expected, `split at ${a}, ${b}`);
      }
    }
  });

  it('keeps messages from a split frame intact after later pushes', () => {
    const decoder = regularDecoder();
    const frame = fb.copyData('hello world');
    assert.deepEqual(decoder.push(frame.subarray(0, 7)), []);
    const [message] = decoder.push(frame.subarray(7));
    decoder.push(fb.copyData('more data').subarray(0, 8));
    decoder.push(fb.copyData('more data').subarray(8));
    assert.deepEqual(message, { type: 'copyData', data: Buffer.from('hello world') });
  });

  it('assembles a big frame trickled in tiny pieces into one buffer no bigger than the frame', () => {
    const payload = Buffer.alloc(100_000, 'x');
    const frame = fb.copyData(payload);
    const decoder = regularDecoder();
    const got: FrontendMessage[] = [];
    for (let i = 0; i < frame.length; i += 3) {
      got.push(...decoder.push(frame.subarray(i, i + 3)));
      if (got.length === 0) assert.equal(decoder.bufferedLength, Math.min(i + 3, frame.length));
    }
    assert.equal(got.length, 1);
    const message = got[0] as Extract<FrontendMessage, { type: 'copyData' }>;
    assert.deepEqual(message.data, payload);
    assert.equal(message.data.buffer.byteLength, frame.length, 'carry capped at the frame size');
  });

  it('rejects an absurd length from the header alone, without waiting for the body', () => {
    for (const code of ['Q', 'd', 'B', 'S']) {
      const decoder = regularDecoder();
      assertViolation(() => decoder.push(bytes().char(code).int32(0x7fffffff).raw()), 'invalid message length');
    }
    // Header split across pushes: rejected when its last byte arrives.
    const decoder = regularDecoder();
    decoder.push(Buffer.from('Q'));
    decoder.push(Buffer.from([0x7f, 0xff]));
    assertViolation(() => decoder.push(Buffer.from([0xff, 0xff])), 'invalid message length');
  });

  it('rejects lengths below 4, including ones with the top bit set', () => {
    for (const length of [0, 1, 3, -1, -0x80000000]) {
      assertViolation(() => regularDecoder().push(bytes().char('Q').int32(length).raw()), 'invalid message length');
    }
  });

  it('applies PostgreSQL per-type limits: 10000 for small messages, 65535 for password messages', () => {
    assertViolation(() => regularDecoder().push(bytes().char('S').int32(10001).raw()), 'invalid message length');
    assertViolation(() => regularDecoder().push(bytes().char('p').int32(65536).raw()), 'invalid message length');
    assert.equal(regularDecoder().push(bytes().char('d').int32(10001).raw()).length, 0, 'copyData may be big');
  });

  it('honours maxMessageLength', () => {
    const decoder = regularDecoder({ maxMessageLength: 100 });
    assert.equal(decoder.push(fb.query('x'.repeat(95))).length, 1); // length word 4 + 95 + NUL = 100
    assertViolation(() => decoder.push(fb.query('x'.repeat(96))), 'invalid message length');
    assert.throws(() => new FrontendDecoder({ maxMessageLength: 3 }), RangeError);
  });

  it('rejects an unknown type byte as soon as it arrives', () => {
    assertViolation(() => regularDecoder().push(Buffer.from('Z')), 'invalid frontend message type 90');
    assertViolation(() => regularDecoder().push(bytes().byte(0).int32(4).raw()), 'invalid frontend message type 0');
    const decoder = regularDecoder();
    assertViolation(() => decoder.push(Buffer.concat([fb.sync(), Buffer.from('A')])), 'invalid frontend message type 65');
  });

  it('errors are sticky: every later push rethrows', () => {
    const decoder = regularDecoder();
    let first: unknown;
    try {
      decoder.push(Buffer.from([0xff]));
    } catch (err) {
      first = err;
    }
    assert.ok(first instanceof PgError);
    assert.throws(() => decoder.push(fb.sync()), (err) => err === first);
    assert.equal(decoder.bufferedLength, 0);
  });
});

describe('FrontendDecoder: malformed bodies', () => {
  const cases: [string, Buffer, string][] = [
    ['Query without NUL', bytes().string('select 1').frame('Q'), 'invalid string in message'],
    ['Query with trailing bytes', bytes().cstring('select 1').byte(1).frame('Q'), 'invalid message format'],
    ['Parse without statement name NUL', bytes().string('s').frame('P'), 'invalid string in message'],
    ['Parse whose type count overruns', bytes().cstring('').cstring('q').int16(3).int32(23).frame('P'), 'insufficient data left in message'],
    ['Parse with trailing bytes', bytes().cstring('').cstring('q').int16(0).byte(0).frame('P'), 'invalid message format'],
    ['Bind whose format count overruns', bytes().cstring('').cstring('').int16(5).int16(0).frame('B'), 'insufficient data left in message'],
    ['Bind whose parameter count overruns', bytes().cstring('').cstring('').int16(0).int16(2).int32(-1).frame('B'), 'insufficient data left in message'],
    ['Bind whose value length overruns', bytes().cstring('').cstring('').int16(0).int16(1).int32(10).string('abc').int16(0).frame('B'), 'insufficient data left in message'],
    ['Bind with a negative value length', bytes().cstring('').cstring('').int16(0).int16(1).int32(-2).int16(0).frame('B'), 'insufficient data left in message'],
    ['Bind without result formats', bytes().cstring('').cstring('').int16(0).int16(0).frame('B'), 'insufficient data left in message'],
    ['Describe of an unknown kind', bytes().char('X').cstring('').frame('D'), 'invalid DESCRIBE message subtype 88'],
    ['Describe without a kind', bytes().frame('D'), 'insufficient data left in message'],
    ['Close of an unknown kind', bytes().char('s').cstring('').frame('C'), 'invalid CLOSE message subtype 115'],
    ['Execute without row count', bytes().cstring('').frame('E'), 'insufficient data left in message'],
    ['Execute with a truncated row count', bytes().cstring('').int16(0).frame('E'), 'insufficient data left in message'],
    ['Sync with a body', bytes().byte(0).frame('S'), 'invalid message format'],
    ['Terminate with a body', bytes().byte(0).frame('X'), 'invalid message format'],
    ['CopyDone with a body', bytes().byte(0).frame('c'), 'invalid message format'],
    ['CopyFail without NUL', bytes().string('oops').frame('f'), 'invalid string in message'],
  ];
  for (const [name, frame, message] of cases) {
    it(`rejects ${name}`, () => assertViolation(() => regularDecoder().push(frame), message));
  }

  it('does not read a missing NUL from the next frame in the same chunk', () => {
    const chunk = Buffer.concat([bytes().string('select 1').frame('Q'), fb.query('x')]);
    assertViolation(() => regularDecoder().push(chunk), 'invalid string in message');
  });
});

describe('FrontendDecoder: what node-postgres sends', () => {
  it('decodes pg-protocol serializer output', () => {
    const decoder = new FrontendDecoder();
    assert.deepEqual(decoder.push(serialize.requestSsl()), [{ type: 'sslRequest' }]);
    assert.deepEqual(decoder.push(serialize.startup({ user: 'brian', database: 'bang', client_encoding: 'UTF8' })), [
      { type: 'startup', protocolVersion: 196608, parameters: { user: 'brian', database: 'bang', client_encoding: 'UTF8' } },
    ]);
    const chunk = Buffer.concat([
      serialize.password('pw'),
      serialize.sendSASLInitialResponseMessage('SCRAM-SHA-256', 'n,,n=*,r=nonce'),
      serialize.sendSCRAMClientFinalMessage('c=biws,r=nonce,p=proof'),
      serialize.query('select now()'),
      serialize.parse({ name: 'st', text: 'select $1, $2', types: [25, 17] }),
      serialize.bind({ portal: 'pt', statement: 'st', values: ['x', null, Buffer.from([1, 2])] }),
      serialize.bind({ binary: true, values: [] }),
      serialize.describe({ type: 'P', name: 'pt' }),
      serialize.execute({ portal: 'pt', rows: 50 }),
      serialize.close({ type: 'S', name: 'st' }),
      serialize.flush(),
      serialize.sync(),
      serialize.copyData(Buffer.from('1,2\n')),
      serialize.copyDone(),
      serialize.copyFail('stop'),
      serialize.end(),
    ]);
    const messages = decoder.push(chunk);
    assert.deepEqual(messages[0], { type: 'password', data: Buffer.from('pw\0') });
    assert.ok(messages[1]?.type === 'password');
    assert.deepEqual(decodeSaslInitialResponse(messages[1].data), {
      mechanism: 'SCRAM-SHA-256',
      initialResponse: Buffer.from('n,,n=*,r=nonce'),
    });
    assert.deepEqual(messages.slice(2), [
      { type: 'password', data: Buffer.from('c=biws,r=nonce,p=proof') },
      { type: 'query', sql: 'select now()' },
      { type: 'parse', name: 'st', sql: 'select $1, $2', paramTypes: [25, 17] },
      {
        type: 'bind',
        portal: 'pt',
        statement: 'st',
        paramFormats: [0, 0, 1],
        params: [Buffer.from('x'), null, Buffer.from([1, 2])],
        resultFormats: [0],
      },
      { type: 'bind', portal: '', statement: '', paramFormats: [], params: [], resultFormats: [1] },
      { type: 'describe', kind: 'P', name: 'pt' },
      { type: 'execute', portal: 'pt', maxRows: 50 },
      { type: 'close', kind: 'S', name: 'st' },
      { type: 'flush' },
      { type: 'sync' },
      { type: 'copyData', data: Buffer.from('1,2\n') },
      { type: 'copyDone' },
      { type: 'copyFail', message: 'stop' },
      { type: 'terminate' },
    ]);
  });

  it('decodes a pg-protocol CancelRequest', () => {
    assert.deepEqual(new FrontendDecoder().push(serialize.cancel(77, 88)), [{ type: 'cancelRequest', processId: 77, secretKey: 88 }]);
  });
});
