import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { parse } from 'pg-protocol';
import { Parser } from 'pg-protocol/dist/parser.js';
import { BackendWriter, encodeErrorResponse, type FieldDescription } from './backend-writer.js';
import { PgError } from './pg-error.js';
import { SqlState } from './sqlstate.js';
import { bytes } from './testing/byte-builder.js';

/** Runs one writer call and returns exactly what it wrote. */
function written(write: (w: BackendWriter) => void, options?: { initialSize?: number }): Buffer {
  const w = new BackendWriter(options);
  write(w);
  return w.take();
}

/** Decodes bytes with node-postgres's own client parser. */
function clientParse(data: Buffer): any[] {
  const messages: any[] = [];
  new Parser().parse(data, (m) => messages.push(m));
  return messages;
}

const intField: FieldDescription = { name: 'id', tableOid: 16384, columnId: 1, typeOid: 23, typeSize: 4, typeModifier: -1, format: 0 };
const textField: FieldDescription = { name: 'n\u00e4me', tableOid: 0, columnId: 0, typeOid: 25, typeSize: -1, typeModifier: -1, format: 1 };

describe('BackendWriter: bytes of each message', () => {
  const cases: [string, (w: BackendWriter) => void, Buffer][] = [
    ['authenticationOk', (w) => w.authenticationOk(), bytes().int32(0).frame('R')],
    ['authenticationCleartextPassword', (w) => w.authenticationCleartextPassword(), bytes().int32(3).frame('R')],
    ['authenticationMD5Password', (w) => w.authenticationMD5Password(Buffer.from([1, 2, 3, 4])), bytes().int32(5).bytes([1, 2, 3, 4]).frame('R')],
    ['authenticationSASL', (w) => w.authenticationSASL(['SCRAM-SHA-256', 'SCRAM-SHA-256-PLUS']), bytes().int32(10).cstring('SCRAM-SHA-256').cstring('SCRAM-SHA-256-PLUS').byte(0).frame('R')],
    ['authenticationSASLContinue (string)', (w) => w.authenticationSASLContinue('r=abc,s=c2FsdA==,i=4096'), bytes().int32(11).string('r=abc,s=c2FsdA==,i=4096').frame('R')],
    ['authenticationSASLFinal (Buffer)', (w) => w.authenticationSASLFinal(Buffer.from('v=xyz')), bytes().int32(12).string('v=xyz').frame('R')],
    ['parameterStatus', (w) => w.parameterStatus('server_version', '16.0'), bytes().cstring('server_version').cstring('16.0').frame('S')],
    ['backendKeyData', (w) => w.backendKeyData(1234, -5), bytes().int32(1234).int32(-5).frame('K')],
    ['readyForQuery I', (w) => w.readyForQuery('I'), bytes().char('I').frame('Z')],
    ['readyForQuery T', (w) => w.readyForQuery('T'), bytes().char('T').frame('Z')],
    ['readyForQuery E', (w) => w.readyForQuery('E'), bytes().char('E').frame('Z')],
    [
      'rowDescription',
      (w) => w.rowDescription([intField, textField]),
      bytes()
        .int16(2)
        .cstring('id').int32(16384).int16(1).int32(23).int16(4).int32(-1).int16(0)
        .cstring('n\u00e4me').int32(0).int16(0).int32(25).int16(-1).int32(-1).int16(1)
        .frame('T'),
    ],
    ['rowDescription (no columns)', (w) => w.rowDescription([]), bytes().int16(0).frame('T')],
    [
      'dataRow',
      (w) => w.dataRow(['42', null, '', '\u00e9\u20ac\u{1f600}', Buffer.from([0, 1, 2]), 'caf\u00e9', 'z'.repeat(40)]),
      bytes()
        .int16(7).lengthPrefixed('42').int32(-1).int32(0).lengthPrefixed('\u00e9\u20ac\u{1f600}')
        .lengthPrefixed(Buffer.from([0, 1, 2])).lengthPrefixed('caf\u00e9').lengthPrefixed('z'.repeat(40))
        .frame('D'),
    ],
    ['dataRow (no columns)', (w) => w.dataRow([]), bytes().int16(0).frame('D')],
    ['commandComplete', (w) => w.commandComplete('INSERT 0 3'), bytes().cstring('INSERT 0 3').frame('C')],
    ['emptyQueryResponse', (w) => w.emptyQueryResponse(), bytes().frame('I')],
    [
      'errorResponse (every field)',
      (w) =>
        w.errorResponse({
          severity: 'ERROR', code: SqlState.uniqueViolation, message: 'duplicate key', detail: 'Key (id)=(1) already exists.',
          hint: 'try another', position: 15, where: 'COPY t, line 1', schema: 'public', table: 't', column: 'id',
          dataType: 'int4', constraint: 't_pkey',
        }),
      bytes()
        .char('S').cstring('ERROR').char('V').cstring('ERROR').char('C').cstring('23505').char('M').cstring('duplicate key')
        .char('D').cstring('Key (id)=(1) already exists.').char('H').cstring('try another').char('P').cstring('15')
        .char('W').cstring('COPY t, line 1').char('s').cstring('public').char('t').cstring('t').char('c').cstring('id')
        .char('d').cstring('int4').char('n').cstring('t_pkey').byte(0)
        .frame('E'),
    ],
    [
      'errorResponse (minimal, default severity)',
      (w) => w.errorResponse({ code: SqlState.syntaxError, message: 'syntax error' }),
      bytes().char('S').cstring('ERROR').char('V').cstring('ERROR').char('C').cstring('42601').char('M').cstring('syntax error').byte(0).frame('E'),
    ],
    [
      'noticeResponse (default severity NOTICE)',
      (w) => w.noticeResponse({ code: SqlState.successfulCompletion, message: 'nothing to do' }),
      bytes().char('S').cstring('NOTICE').char('V').cstring('NOTICE').char('C').cstring('00000').char('M').cstring('nothing to do').byte(0).frame('N'),
    ],
    ['parseComplete', (w) => w.parseComplete(), bytes().frame('1')],
    ['bindComplete', (w) => w.bindComplete(), bytes().frame('2')],
    ['closeComplete', (w) => w.closeComplete(), bytes().frame('3')],
    ['noData', (w) => w.noData(), bytes().frame('n')],
    ['parameterDescription', (w) => w.parameterDescription([23, 25, 0xfffffff0]), bytes().int16(3).int32(23).int32(25).int32(0xfffffff0).frame('t')],
    ['portalSuspended', (w) => w.portalSuspended(), bytes().frame('s')],
    ['copyInResponse', (w) => w.copyInResponse(0, [0, 0]), bytes().byte(0).int16(2).int16(0).int16(0).frame('G')],
    ['copyOutResponse', (w) => w.copyOutResponse(1, [1]), bytes().byte(1).int16(1).int16(1).frame('H')],
    ['copyData (string)', (w) => w.copyData('1\tx\n'), bytes().string('1\tx\n').frame('d')],
    ['copyData (Buffer)', (w) => w.copyData(Buffer.from([0xff, 0])), bytes().bytes([0xff, 0]).frame('d')],
    ['copyDone', (w) => w.copyDone(), bytes().frame('c')],
    ['notificationResponse', (w) => w.notificationResponse(99, 'chan', 'payload'), bytes().int32(99).cstring('chan').cstring('payload').frame('A')],
    ['negotiateProtocolVersion', (w) => w.negotiateProtocolVersion(0, ['_pq_.a', '_pq_.b']), bytes().int32(0).int32(2).cstring('_pq_.a').cstring('_pq_.b').frame('v')],
    ['sslResponse accept', (w) => w.sslResponse(true), Buffer.from('S')],
    ['sslResponse refuse', (w) => w.sslResponse(false), Buffer.from('N')],
  ];
  for (const [name, write, expected] of cases) {
    it(name, () => {
      assert.deepEqual(written(write), expected);
      // The same bytes when every message has to grow the smallest buffer.
      assert.deepEqual(written(write, { initialSize: 1 }), expected);
    });
  }

  it('encodeErrorResponse encodes a PgError', () => {
    const err = new PgError({ code: SqlState.undefinedTable, message: 'relation "x" does not exist', position: 15 });
    assert.deepEqual(
      encodeErrorResponse(err),
      bytes().char('S').cstring('ERROR').char('V').cstring('ERROR').char('C').cstring('42P01')
        .char('M').cstring('relation "x" does not exist').char('P').cstring('15').byte(0).frame('E'),
    );
  });
});

describe('BackendWriter: buffer management', () => {
  it('take() returns everything written since the last take, then nothing', () => {
    const w = new BackendWriter();
    w.parseComplete();
    w.bindComplete();
    assert.equal(w.length, 10);
    assert.deepEqual(w.take(), Buffer.concat([bytes().frame('1'), bytes().frame('2')]));
    assert.equal(w.length, 0);
    assert.equal(w.take().length, 0);
  });

  it('taken buffers stay valid while the writer keeps writing and growing', () => {
    const w = new BackendWriter({ initialSize: 64 });
    w.commandComplete('SELECT 1');
    const first = w.take();
    const firstCopy = Buffer.from(first);
    for (let i = 0; i < 1000; i++) w.dataRow([String(i), 'x'.repeat(i % 50)]);
    const second = w.take();
    w.readyForQuery('I');
    const third = w.take();
    assert.deepEqual(first, firstCopy);
    const rows = clientParse(second);
    assert.equal(rows.length, 1000);
    assert.deepEqual(rows[999].fields, ['999', 'x'.repeat(999 % 50)]);
    assert.deepEqual(third, bytes().char('I').frame('Z'));
  });

  it('keeps working after a taken ArrayBuffer was transferred to another thread', () => {
    const w = new BackendWriter({ initialSize: 1024 });
    w.commandComplete('SELECT 1');
    const taken = w.take();
    const moved: Buffer = structuredClone(taken, { transfer: [taken.buffer as ArrayBuffer] });
    assert.equal(taken.length, 0, 'detached');
    assert.deepEqual(Buffer.from(moved), bytes().cstring('SELECT 1').frame('C'));
    w.readyForQuery('I');
    assert.deepEqual(w.take(), bytes().char('I').frame('Z'));
  });

  it('keeps the bytes of a message in progress when growing mid-message', () => {
    const w = new BackendWriter({ initialSize: 64 });
    w.commandComplete('x'.repeat(40)); // 46 bytes: the row below cannot fit after it
    const big = 'a'.repeat(1000);
    w.dataRow(['1', big, '\u{1f600}'.repeat(300)]);
    const [complete, row] = clientParse(w.take());
    assert.equal(complete.text, 'x'.repeat(40));
    assert.deepEqual(row.fields, ['1', big, '\u{1f600}'.repeat(300)]);
  });

  it('measures huge strings exactly instead of reserving three bytes per character', () => {
    const w = new BackendWriter({ initialSize: 1024 });
    const huge = 'y'.repeat(1_000_000);
    w.dataRow([huge]);
    const out = w.take();
    assert.equal(out.length, 5 + 2 + 4 + huge.length);
    assert.ok(out.buffer.byteLength < 2 * 1024 * 1024, `buffer is ${out.buffer.byteLength} bytes`);
  });

  it('writes lone surrogates as U+FFFD with the right length', () => {
    assert.deepEqual(written((w) => w.dataRow(['a\ud800b'])), bytes().int16(1).lengthPrefixed(Buffer.from('a\ufffdb')).frame('D'));
  });

  it('cuts C strings at a NUL so the message stays well-formed', () => {
    assert.deepEqual(written((w) => w.commandComplete('SELECT\u00001')), bytes().cstring('SELECT').frame('C'));
    // Length-prefixed cells carry NUL fine.
    assert.deepEqual(written((w) => w.dataRow(['a\u0000b'])), bytes().int16(1).lengthPrefixed('a\u0000b').frame('D'));
  });

  it('rejects values the wire cannot carry before writing anything', () => {
    const w = new BackendWriter();
    assert.throws(() => w.authenticationMD5Password(Buffer.alloc(3)), RangeError);
    assert.throws(() => w.backendKeyData(1, 0xffffffff), RangeError);
    assert.throws(() => w.backendKeyData(1.5, 1), RangeError);
    assert.throws(() => w.dataRow(new Array(70000).fill(null)), RangeError);
    assert.equal(w.length, 0);
  });
});

describe('BackendWriter: read back by node-postgres (pg-protocol Parser)', () => {
  it('parses a whole session of messages', () => {
    const w = new BackendWriter({ initialSize: 32 });
    w.authenticationSASL(['SCRAM-SHA-256']);
    w.authenticationSASLContinue('r=nonce,s=salt,i=4096');
    w.authenticationSASLFinal('v=signature');
    w.authenticationOk();
    w.parameterStatus('client_encoding', 'UTF8');
    w.backendKeyData(321, -987654321);
    w.readyForQuery('I');
    w.rowDescription([intField, textField]);
    w.dataRow(['1', 'h\u00e9llo']);
    w.dataRow([null, '']);
    w.commandComplete('SELECT 2');
    w.emptyQueryResponse();
    w.parseComplete();
    w.parameterDescription([23, 25]);
    w.noData();
    w.bindComplete();
    w.portalSuspended();
    w.closeComplete();
    w.noticeResponse({ severity: 'WARNING', code: SqlState.warning, message: 'careful' });
    w.errorResponse({ severity: 'ERROR', code: SqlState.uniqueViolation, message: 'dup', detail: 'd', hint: 'h', position: 3, schema: 's', table: 't', column: 'c', dataType: 'dt', constraint: 'k', where: 'w' });
    w.copyInResponse(0, [0, 0]);
    w.copyOutResponse(1, [1]);
    w.copyData('1\t2\n');
    w.copyDone();
    w.notificationResponse(7, 'events', '{"a":1}');
    w.readyForQuery('E');
    const m = clientParse(w.take());

    assert.deepEqual(m.map((x) => x.name), [
      'authenticationSASL', 'authenticationSASLContinue', 'authenticationSASLFinal', 'authenticationOk',
      'parameterStatus', 'backendKeyData', 'readyForQuery', 'rowDescription', 'dataRow', 'dataRow',
      'commandComplete', 'emptyQuery', 'parseComplete', 'parameterDescription', 'noData', 'bindComplete',
      'portalSuspended', 'closeComplete', 'notice', 'error', 'copyInResponse', 'copyOutResponse', 'copyData',
      'copyDone', 'notification', 'readyForQuery',
    ]);
    assert.deepEqual(m[0].mechanisms, ['SCRAM-SHA-256']);
    assert.equal(m[1].data, 'r=nonce,s=salt,i=4096');
    assert.equal(m[2].data, 'v=signature');
    assert.equal(m[4].parameterName, 'client_encoding');
    assert.equal(m[4].parameterValue, 'UTF8');
    assert.equal(m[5].processID, 321);
    assert.equal(m[5].secretKey, -987654321);
    assert.equal(m[6].status, 'I');
    assert.deepEqual(
      m[7].fields.map((f: any) => [f.name, f.tableID, f.columnID, f.dataTypeID, f.dataTypeSize, f.dataTypeModifier, f.format]),
      [['id', 16384, 1, 23, 4, -1, 'text'], ['n\u00e4me', 0, 0, 25, -1, -1, 'binary']],
    );
    assert.deepEqual(m[8].fields, ['1', 'h\u00e9llo']);
    assert.deepEqual(m[9].fields, [null, '']);
    assert.equal(m[10].text, 'SELECT 2');
    assert.deepEqual(m[13].dataTypeIDs, [23, 25]);
    assert.equal(m[18].severity, 'WARNING');
    assert.equal(m[18].code, '01000');
    assert.equal(m[18].message, 'careful');
    const e = m[19];
    assert.deepEqual(
      [e.severity, e.code, e.message, e.detail, e.hint, e.position, e.where, e.schema, e.table, e.column, e.dataType, e.constraint],
      ['ERROR', '23505', 'dup', 'd', 'h', '3', 'w', 's', 't', 'c', 'dt', 'k'],
    );
    assert.equal(m[20].binary, false);
    assert.deepEqual(m[20].columnTypes, [0, 0]);
    assert.equal(m[21].binary, true);
    assert.deepEqual(m[22].chunk, Buffer.from('1\t2\n'));
    assert.deepEqual([m[24].processId, m[24].channel, m[24].payload], [7, 'events', '{"a":1}']);
    assert.equal(m[25].status, 'E');
  });

  it('parses an MD5 and a cleartext password request', () => {
    const w = new BackendWriter();
    w.authenticationMD5Password(Buffer.from([9, 8, 7, 6]));
    w.authenticationCleartextPassword();
    const [md5, clear] = clientParse(w.take());
    assert.equal(md5.name, 'authenticationMD5Password');
    assert.deepEqual(md5.salt, Buffer.from([9, 8, 7, 6]));
    assert.equal(clear.name, 'authenticationCleartextPassword');
  });

  it('streams through pg-protocol parse() in small pieces', async () => {
    const w = new BackendWriter();
    w.rowDescription([intField]);
    for (let i = 0; i < 100; i++) w.dataRow([String(i)]);
    w.commandComplete('SELECT 100');
    w.readyForQuery('I');
    const out = w.take();
    const pieces: Buffer[] = [];
    for (let i = 0; i < out.length; i += 13) pieces.push(out.subarray(i, i + 13));
    const names: string[] = [];
    await parse(Readable.from(pieces), (msg) => names.push(msg.name));
    assert.equal(names.length, 103);
    assert.equal(names.at(-1), 'readyForQuery');
  });
});
