import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { PgError } from '../pg-error.js';
import {
  createScramVerifier, deriveScramKeys, finishScram, isScramVerifier, mockScramVerifier,
  parseScramVerifier, startScram, type ScramState,
} from './scram.js';

/** node-postgres's SCRAM client (CommonJS, untyped): an independent implementation to talk to. */
interface SaslSession { mechanism: string; clientNonce: string; response: string; message: string }
const sasl = createRequire(import.meta.url)('pg/lib/crypto/sasl.js') as {
  startSession(mechanisms: string[], stream?: unknown): SaslSession;
  continueSession(session: SaslSession, password: string, serverData: string, stream?: unknown): Promise<void>;
  finalizeSession(session: SaslSession, serverData: string): void;
};

/** 'secret', as stored by PostgreSQL 15.18. */
const PG_SECRET = 'SCRAM-SHA-256$4096:57ghlPHyn/2RdLsLD1X56Q==$3gqzZiWi6onFGnDMJD37n26CD5qepNV9+yD1txE7L8Y=:V5V6VAfO58/O1u+7+xRKsAX0H8ArjdlwGipzdGnvDyk=';
/** 'caf\u00e9\u00a0bar', as stored by PostgreSQL 15.18 (SASLprep turns the no-break space into a space). */
const PG_UNICODE = 'SCRAM-SHA-256$4096:wF53BjNROjdied16nF9wXg==$2nN1mE/VMY4y/OczNWqUJCZXzxCo9VCDgZpz2Z2iFhU=:qCVbUP7TdWGp+f6ninHwXi4jbWMuU14DLBChmMJQNVg=';

async function runClient(verifier: string, password: string, stream?: unknown) {
  const session = sasl.startSession(['SCRAM-SHA-256'], stream);
  const { serverFirst, state } = startScram(verifier, Buffer.from(session.response));
  await sasl.continueSession(session, password, serverFirst, stream);
  const result = finishScram(state, Buffer.from(session.response));
  return { session, result, state };
}

function assertPgError(fn: () => unknown, code: string, message?: RegExp) {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof PgError, `expected PgError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (message) assert.match(`${err.message} ${err.detail ?? ''}`, message);
    return true;
  });
}

test('verifier: same salt and iterations as PostgreSQL give the same string', () => {
  const { salt, iterations } = parseScramVerifier(PG_SECRET)!;
  assert.equal(createScramVerifier('secret', { salt, iterations }), PG_SECRET);
});

test('verifier: defaults are 4096 iterations and a fresh 16-byte salt', () => {
  const a = parseScramVerifier(createScramVerifier('pw'))!;
  const b = parseScramVerifier(createScramVerifier('pw'))!;
  assert.equal(a.iterations, 4096);
  assert.equal(a.salt.length, 16);
  assert.notDeepEqual(a.salt, b.salt);
  assert.equal(parseScramVerifier(createScramVerifier('pw', { iterations: 1 }))!.iterations, 1);
});

test('verifier: bad options are 22023', () => {
  assertPgError(() => createScramVerifier('pw', { iterations: 0 }), '22023');
  assertPgError(() => createScramVerifier('pw', { iterations: 1.5 }), '22023');
  assertPgError(() => createScramVerifier('pw', { salt: Buffer.alloc(0) }), '22023');
});

test('parseScramVerifier / isScramVerifier reject anything else', () => {
  assert.ok(isScramVerifier(PG_SECRET));
  const parsed = parseScramVerifier(PG_SECRET)!;
  assert.equal(parsed.storedKey.length, 32);
  assert.equal(parsed.serverKey.length, 32);
  for (const bad of [
    'md52aea419619857e8a27f0f7aa641db0c6',
    'secret',
    '',
    PG_SECRET.replace('SCRAM-SHA-256', 'SCRAM-SHA-1'),
    PG_SECRET.replace('$4096:', '$0:'),
    PG_SECRET.replace('$4096:', '$-1:'),
    PG_SECRET.replace('57ghlPHyn', '57gh!PHyn'), // not base64
    PG_SECRET.replace(/:[^:]+$/, ':AAAA'), // ServerKey of the wrong length
    PG_SECRET + '$',
  ]) {
    assert.equal(isScramVerifier(bad), false, bad);
  }
});

test('exchange with node-postgres client: right password succeeds and the client accepts the server signature', async () => {
  for (const verifier of [PG_SECRET, createScramVerifier('secret')]) {
    const { session, result } = await runClient(verifier, 'secret');
    assert.ok(result.ok);
    sasl.finalizeSession(session, result.serverFinal); // throws on a wrong server signature
  }
});

test('exchange with node-postgres client: wrong password is ok:false, not an error', async () => {
  const { result } = await runClient(PG_SECRET, 'Secret');
  assert.deepEqual(result, { ok: false });
});

test('exchange: SASLprep on both sides (PostgreSQL-made secret, decomposed/no-break-space password)', async () => {
  const { result } = await runClient(PG_UNICODE, 'cafe\u0301\u00a0bar');
  assert.equal(result.ok, true);
});

test("exchange: 'y' flag (client could bind, believes the server cannot) is accepted", async () => {
  const { session, result, state } = await runClient(PG_SECRET, 'secret', {});
  assert.match(session.response, /^c=eSws,/); // base64('y,,')
  assert.equal(state.gs2Header, 'y,,');
  assert.equal(result.ok, true);
});

test('exchange recorded from libpq (psql 15) against this server side', () => {
  const { serverFirst, state } = startScram(
    PG_SECRET,
    Buffer.from('n,,n=,r=P6Fhuy7tRZza7QvuriIzOBhs'),
    { nonceBytes: Buffer.alloc(18, 7) },
  );
  assert.equal(serverFirst, 'r=P6Fhuy7tRZza7QvuriIzOBhsBwcHBwcHBwcHBwcHBwcHBwcH,s=57ghlPHyn/2RdLsLD1X56Q==,i=4096');
  const final = 'c=biws,r=P6Fhuy7tRZza7QvuriIzOBhsBwcHBwcHBwcHBwcHBwcHBwcH,p=ZFxJdGuAbdyCNp9kuCj+wwY2QM8hPAQmiwiz9qSTHGw=';
  assert.deepEqual(finishScram(state, Buffer.from(final)), { ok: true, serverFinal: 'v=DY4wsa6dhJzCjEqMGWkaTjtbL+b2h/usMbhb6TKE1UY=' });
});

test('RFC 7677 section 3 test vector', () => {
  // The RFC's server nonce is not base64 of anything, so the state is built by hand.
  const salt = Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64');
  const nonce = 'rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0';
  const state: ScramState = {
    gs2Header: 'n,,',
    clientFirstBare: 'n=user,r=rOprNGfwEbeRWgbNEkqO',
    serverFirst: `r=${nonce},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096`,
    nonce,
    ...deriveScramKeys('pencil', salt, 4096),
  };
  const final = `c=biws,r=${nonce},p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=`;
  assert.deepEqual(finishScram(state, Buffer.from(final)), { ok: true, serverFinal: 'v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=' });
});

test('server-first carries the client nonce, a fresh server nonce, salt and iterations', () => {
  const a = startScram(PG_SECRET, Buffer.from('n,,n=ignored,r=abc')).serverFirst;
  const b = startScram(PG_SECRET, Buffer.from('n,,n=ignored,r=abc')).serverFirst;
  assert.match(a, /^r=abc[A-Za-z0-9+/]{24},s=57ghlPHyn\/2RdLsLD1X56Q==,i=4096$/);
  assert.notEqual(a, b);
});

test('client-first: channel binding, authzid, extensions and malformed input', () => {
  const start = (s: string | Buffer) => startScram(PG_SECRET, Buffer.isBuffer(s) ? s : Buffer.from(s));
  assertPgError(() => start('p=tls-server-end-point,,n=,r=abc'), '08P01', /channel binding/);
  assertPgError(() => start('n,a=alice,n=,r=abc'), '0A000', /authorization identity/);
  assertPgError(() => start('n,,m=ext,n=,r=abc'), '0A000', /extension/);
  for (const bad of ['', 'x,,n=,r=abc', 'n,,', 'n,,n=', 'n,,n=,', 'n,,r=abc', 'n,,n=,r=', 'n,,n=,r=a\x7fb',
    'n,,n=,r=abc,', 'n,,n=,r=abc,junk', 'n', 'n;,n=,r=abc', 'n,x,n=,r=abc']) {
    assertPgError(() => start(bad), '08P01');
  }
  assertPgError(() => start(Buffer.from('n,,n=\0,r=abc', 'latin1')), '08P01', /NUL/);
  // Optional extensions after the nonce are allowed; a non-ASCII user name is simply ignored.
  assert.ok(start('n,,n=,r=abc,x=whatever').serverFirst.startsWith('r=abc'));
  assert.ok(start(Buffer.from('n,,n=j\u00fcrgen,r=abc', 'utf8')).serverFirst.startsWith('r=abc'));
});

test('client-final: binding, nonce, proof and trailing data are checked', async () => {
  const session = sasl.startSession(['SCRAM-SHA-256']);
  const { serverFirst, state } = startScram(PG_SECRET, Buffer.from(session.response));
  await sasl.continueSession(session, 'secret', serverFirst);
  const good = session.response; // c=biws,r=<nonce>,p=<proof>
  const [c, r, p] = good.split(',') as [string, string, string];
  const finish = (s: string) => finishScram(state, Buffer.from(s));

  assertPgError(() => finish(`c=eSws,${r},${p}`), '08P01', /channel-binding/);
  assertPgError(() => finish(`c=!!!!,${r},${p}`), '08P01');
  assertPgError(() => finish(`${c},${r}x,${p}`), '08P01', /Nonce/);
  assertPgError(() => finish(`${c},${r}`), '08P01', /proof/);
  assertPgError(() => finish(`${c},${r},p=AAAA`), '08P01', /proof/);
  assertPgError(() => finish(`${c},${r},p=#notbase64#`), '08P01', /proof/);
  assertPgError(() => finish(`${good},x=1`), '08P01', /Garbage/);
  assertPgError(() => finish(`${r},${c},${p}`), '08P01');
  assertPgError(() => finish(''), '08P01');
  // An extension between r= and p= is part of the signed message: skipped by the parser, but
  // it changes the AuthMessage, so a proof made without it no longer verifies.
  assert.deepEqual(finish(`${c},${r},x=1,${p}`), { ok: false });
  assert.equal(finish(good).ok, true);
});

test('a secret that does not parse is an internal error, not the client’s fault', () => {
  assertPgError(() => startScram('md52aea419619857e8a27f0f7aa641db0c6', Buffer.from('n,,n=,r=abc')), 'XX000');
});

test('mock verifier: stable per user and secret, never authenticates', async () => {
  const m = mockScramVerifier('ghost', 'server-secret');
  assert.ok(isScramVerifier(m));
  assert.equal(mockScramVerifier('ghost', Buffer.from('server-secret')), m);
  assert.notEqual(mockScramVerifier('ghost2', 'server-secret'), m);
  assert.notEqual(mockScramVerifier('ghost', 'other-secret'), m);
  const mock = parseScramVerifier(m)!;
  assert.equal(mock.iterations, 4096);
  assert.equal(mock.salt.length, 16); // server-first looks like a real role's
  for (const password of ['ghost', 'server-secret', 'secret']) {
    assert.deepEqual((await runClient(m, password)).result, { ok: false });
  }
});
