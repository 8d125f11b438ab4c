// Every recorded PostgreSQL 15 case through both directions: text input to storage and back to
// text and binary, and the server's binary form back through our binary input.
//
// pg15-fixtures.json was recorded from PostgreSQL 15.18 (Debian 15.18-0+deb12u1). For each input
// it holds the text the server printed for `select $1::type` in the given TimeZone (default UTC)
// and IntervalStyle (default postgres), the hex of the type's send function (`select
// encode(typsend($1::type), 'hex')`) as the binary format, or the SQLSTATE, message and detail
// it raised. The inputs are the edge cases of the codec tests. It is JSON rather than a module
// so it stays out of the build.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeParam } from './decode-param.js';
import { encodeBinary, encodeText } from './encode-value.js';
import { PgError } from '../pg-error.js';
import pg15Json from './pg15-fixtures.json' with { type: 'json' };
import { typeInfo } from './oids.js';
import type { TypeContext } from './storage.js';

interface Pg15Case {
  oid: number;
  input: string;
  timeZone?: string;
  intervalStyle?: string;
  text?: string;
  binary?: string;
  error?: string;
  message?: string;
  detail?: string;
}

const pg15Cases: Pg15Case[] = pg15Json;

function contextOf(c: Pg15Case): TypeContext {
  return { timeZone: c.timeZone ?? 'UTC', intervalStyle: c.intervalStyle };
}

function label(c: Pg15Case): string {
  return `${typeInfo(c.oid)?.name ?? c.oid} ${JSON.stringify(c.input)}`
    + (c.timeZone ? ` tz=${c.timeZone}` : '') + (c.intervalStyle ? ` style=${c.intervalStyle}` : '');
}

describe('recorded PostgreSQL 15 behaviour', () => {
  test('has a good number of cases', () => {
    assert.ok(pg15Cases.length > 900);
  });

  test('text input, then text and binary output, match the server', () => {
    const failures: string[] = [];
    for (const c of pg15Cases) {
      const ctx = contextOf(c);
      try {
        const stored = decodeParam(c.oid, 0, Buffer.from(c.input, 'utf8'), ctx);
        if (c.error !== undefined) {
          failures.push(`${label(c)}: expected ${c.error} ${c.message}, got a value`);
          continue;
        }
        const text = encodeText(c.oid, stored, ctx);
        if (text !== c.text) failures.push(`${label(c)}: text ${JSON.stringify(text)} != ${JSON.stringify(c.text)}`);
        const binary = encodeBinary(c.oid, stored, ctx)!.toString('hex');
        if (binary !== c.binary) failures.push(`${label(c)}: binary ${binary} != ${c.binary}`);
      } catch (err) {
        if (!(err instanceof PgError)) throw err;
        if (c.error === undefined) failures.push(`${label(c)}: unexpected error ${err.code} ${err.message}`);
        else if (err.code !== c.error || err.message !== c.message || (c.detail !== undefined && err.detail !== c.detail)) {
          failures.push(`${label(c)}: error ${err.code} ${err.message} / ${err.detail} != ${c.error} ${c.message} / ${c.detail}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  test("the server's binary values read back to the same text", () => {
    const failures: string[] = [];
    for (const c of pg15Cases) {
      if (c.binary === undefined) continue;
      const ctx = contextOf(c);
      const stored = decodeParam(c.oid, 1, Buffer.from(c.binary, 'hex'), ctx);
      const text = encodeText(c.oid, stored, ctx);
      if (text !== c.text) failures.push(`${label(c)}: ${JSON.stringify(text)} != ${JSON.stringify(c.text)}`);
      const again = encodeBinary(c.oid, stored, ctx)!.toString('hex');
      if (again !== c.binary) failures.push(`${label(c)}: binary round trip ${again} != ${c.binary}`);
    }
    assert.deepEqual(failures, []);
  });

  // Deliberate divergences, kept out of the recording:
  test('interval overflow uses 22008 (PostgreSQL: 22015, not in the SQLSTATE table yet)', () => {
    assert.throws(() => decodeParam(1186, 0, Buffer.from('2147483648 days'), { timeZone: 'UTC' }),
      { code: '22008', message: 'interval field value out of range: "2147483648 days"' });
  });

  test('array lower bounds other than 1 are refused (storage has no place for them)', () => {
    assert.throws(() => decodeParam(1007, 0, Buffer.from('[0:1]={1,2}'), { timeZone: 'UTC' }), { code: '0A000' });
  });
});
