import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { PgError } from '../protocol/pg-error.js';
import { loadTlsOptions, upgradeToTls } from './tls-context.js';

const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]); // length 8, code 80877103

async function tempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pgsqlite-tls-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A server that speaks just enough of the SSLRequest flow: read the 8-byte request, answer 'S',
 * upgrade, then answer 'ping' with 'pong'. Returns the client's TLS socket.
 */
async function sslRequestRoundTrip(options: tls.SecureContextOptions, client: tls.ConnectionOptions) {
  const secureContext = tls.createSecureContext(options);
  const server = net.createServer((socket) => {
    socket.once('data', (request) => {
      assert.deepEqual(request, SSL_REQUEST);
      socket.write('S');
      const secure = upgradeToTls(socket, secureContext);
      secure.on('data', (d) => { if (d.toString() === 'ping') secure.end('pong'); });
      secure.on('error', () => {}); // a client that rejects the certificate aborts the handshake
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  try {
    const raw = net.connect(port, '127.0.0.1');
    await once(raw, 'connect');
    raw.write(SSL_REQUEST);
    const [reply] = (await once(raw, 'data')) as [Buffer];
    assert.equal(reply.toString(), 'S');
    const secure = tls.connect({ socket: raw, ...client });
    await once(secure, 'secureConnect');
    secure.write('ping');
    const [answer] = (await once(secure, 'data')) as [Buffer];
    secure.destroy();
    return answer.toString();
  } finally {
    server.close();
  }
}

test('nothing configured: TLS off', async () => {
  assert.equal(await loadTlsOptions({}), undefined);
  assert.equal(await loadTlsOptions({ dataDir: '/nonexistent' }), undefined);
});

test('self-signed, cached under <dataDir>/tls: CN/SANs, 0600 key, reused on the next call', async (t) => {
  const dataDir = await tempDir(t);
  const first = await loadTlsOptions({ selfSigned: true, dataDir });
  assert.ok(first);

  const x509 = new X509Certificate(first.cert as string);
  assert.match(x509.subject, /CN=localhost/);
  const sans = x509.subjectAltName ?? '';
  assert.match(sans, /DNS:localhost/);
  assert.match(sans, /IP Address:127\.0\.0\.1/);
  assert.match(sans, /IP Address:0:0:0:0:0:0:0:1\b/);
  assert.ok(x509.checkHost('localhost'));
  assert.ok(x509.checkIP('127.0.0.1'));

  const keyPath = path.join(dataDir, 'tls', 'server.key');
  assert.equal((await stat(keyPath)).mode & 0o777, 0o600);
  assert.equal(await readFile(path.join(dataDir, 'tls', 'server.crt'), 'utf8'), first.cert);
  assert.equal(await readFile(keyPath, 'utf8'), first.key);

  const second = await loadTlsOptions({ selfSigned: true, dataDir });
  assert.deepEqual(second, first);
});

test('self-signed: a damaged cache is replaced', async (t) => {
  const dataDir = await tempDir(t);
  const first = await loadTlsOptions({ selfSigned: true, dataDir });
  await writeFile(path.join(dataDir, 'tls', 'server.crt'), 'not a certificate');
  const second = await loadTlsOptions({ selfSigned: true, dataDir });
  assert.notEqual(second!.cert, first!.cert);
  assert.doesNotThrow(() => new X509Certificate(second!.cert as string));
});

test('self-signed without dataDir: a new pair each time, nothing written', async () => {
  const a = await loadTlsOptions({ selfSigned: true });
  const b = await loadTlsOptions({ selfSigned: true });
  assert.ok(a && b);
  assert.notEqual(a.cert, b.cert);
});

test('SSLRequest flow: real tls.connect accepts the self-signed context', async (t) => {
  const dataDir = await tempDir(t);
  const options = (await loadTlsOptions({ selfSigned: true, dataDir }))!;
  // sslmode=require: encrypt without verifying.
  assert.equal(await sslRequestRoundTrip(options, { rejectUnauthorized: false }), 'pong');
  // sslmode=verify-full with the certificate itself as root, as with PostgreSQL's own recipe.
  assert.equal(
    await sslRequestRoundTrip(options, { ca: options.cert, servername: 'localhost', rejectUnauthorized: true }),
    'pong',
  );
  // Verification against the system roots fails, as it should for a self-signed certificate.
  await assert.rejects(sslRequestRoundTrip(options, { rejectUnauthorized: true, servername: 'localhost' }));
});

test('certFile/keyFile/caFile are read as given, and win over selfSigned', async (t) => {
  const dataDir = await tempDir(t);
  const generated = (await loadTlsOptions({ selfSigned: true, dataDir }))!;
  const certFile = path.join(dataDir, 'tls', 'server.crt');
  const keyFile = path.join(dataDir, 'tls', 'server.key');
  const options = await loadTlsOptions({ certFile, keyFile, caFile: certFile, selfSigned: true });
  assert.deepEqual(options, { cert: generated.cert, key: generated.key, ca: generated.cert });
  assert.doesNotThrow(() => tls.createSecureContext(options));
});

test('bad file configuration fails loudly', async (t) => {
  const dataDir = await tempDir(t);
  await assert.rejects(loadTlsOptions({ certFile: path.join(dataDir, 'x.crt') }), (err: unknown) =>
    err instanceof PgError && err.code === '22023');
  await assert.rejects(
    loadTlsOptions({ certFile: path.join(dataDir, 'missing.crt'), keyFile: path.join(dataDir, 'missing.key') }),
    // Both files are read at once; whichever fails first is named.
    (err: unknown) => err instanceof PgError && err.code === '58030' && /missing\.(crt|key)/.test(err.message),
  );
});

test('upgradeToTls refuses plaintext that arrived after SSLRequest (CVE-2021-23214)', async () => {
  const options = (await loadTlsOptions({ selfSigned: true }))!;
  const socket = new net.Socket();
  assert.throws(
    () => upgradeToTls(socket, tls.createSecureContext(options), { pending: Buffer.from('Q') }),
    (err: unknown) => err instanceof PgError && err.code === '08P01',
  );
  socket.destroy();
});
