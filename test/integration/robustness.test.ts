import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startTestServer, type TestServer } from '../support/pgsqlite-server.js';

/** Connects, sends raw bytes, and collects what the server answers until it closes (or the timeout). */
function exchange(port: number, chunks: Buffer[], timeoutMs = 3000): Promise<{ data: Buffer; closed: boolean }> {
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', async () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ data: Buffer.concat(received), closed: false });
    }, timeoutMs);
    socket.on('data', (d) => received.push(d));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ data: Buffer.concat(received), closed: true });
    });
  });
}

function startupPacket(user = 'postgres'): Buffer {
  const body = Buffer.from(`user\0${user}\0database\0postgres\0\0`);
  const packet = Buffer.alloc(8 + body.length);
  packet.writeInt32BE(packet.length, 0);
  packet.writeInt32BE(196608, 4);
  body.copy(packet, 8);
  return packet;
}

function errorCode(data: Buffer): string | undefined {
  const at = data.indexOf(Buffer.from('E'));
  if (at < 0) return undefined;
  const match = /C([0-9A-Z]{5})\0/.exec(data.subarray(at).toString('latin1'));
  return match?.[1];
}

describe('robustness against broken clients', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ authTimeoutMs: 500 });
  });
  after(async () => t.close());

  const stillServes = async () => {
    const client = await t.connect();
    assert.equal((await client.query('SELECT 1 AS x')).rows[0].x, 1);
    await client.end();
  };

  it('garbage bytes instead of a startup packet close that connection only', async () => {
    const result = await exchange(t.port, [Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n')]);
    assert.ok(result.closed);
    await stillServes();
  });

  it('an absurd claimed length (2 GB) is refused without allocating it', async () => {
    const before = process.memoryUsage().rss;
    const frame = Buffer.alloc(5);
    frame.write('Q', 0);
    frame.writeUInt32BE(0x7fffffff, 1);
    const result = await exchange(t.port, [startupPacket(), frame]);
    assert.ok(result.closed);
    assert.equal(errorCode(result.data.subarray(result.data.lastIndexOf(Buffer.from('E')))), '08P01');
    assert.ok(process.memoryUsage().rss - before < 256 * 1024 * 1024);
    await stillServes();
  });

  it('an unknown message type gets 08P01 and a close', async () => {
    const frame = Buffer.from([0x7a, 0, 0, 0, 4]);
    const result = await exchange(t.port, [startupPacket(), frame]);
    assert.ok(result.closed);
    await stillServes();
  });

  it('a truncated frame followed by silence does not block anyone', async () => {
    const partial = Buffer.from([0x51, 0, 0, 0, 100, 0x53]);
    const pending = exchange(t.port, [startupPacket(), partial], 1000);
    await stillServes();
    const result = await pending;
    assert.ok(!result.data.includes(Buffer.from('SELECT')));
  });

  it('a startup packet that never finishes is closed after the authentication timeout', async () => {
    const half = startupPacket().subarray(0, 10);
    const result = await exchange(t.port, [half], 5000);
    assert.ok(result.closed, 'the server closes the connection');
    await stillServes();
  });

  it('a startup length below the minimum is refused', async () => {
    const bad = Buffer.alloc(8);
    bad.writeInt32BE(2, 0);
    const result = await exchange(t.port, [bad]);
    assert.ok(result.closed);
    await stillServes();
  });

  it('an SSLRequest without TLS configured gets N, and startup continues', async () => {
    const ssl = Buffer.alloc(8);
    ssl.writeInt32BE(8, 0);
    ssl.writeInt32BE(80877103, 4);
    const result = await exchange(t.port, [ssl, startupPacket(), Buffer.from([0x58, 0, 0, 0, 4])]);
    assert.equal(result.data[0], 0x4e);
    assert.ok(result.data.includes(Buffer.from('Z\0\0\0\x05I', 'latin1')), 'ReadyForQuery after startup');
  });
});
