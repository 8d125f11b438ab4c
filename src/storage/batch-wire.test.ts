import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StatementJob, StatementResult } from './engine-messages.js';
import { decodeBatch, decodeResults, encodeBatch, encodeResults } from './batch-wire.js';

/** What the worker receives: the wire form after a structured clone, as postMessage does it. */
function roundTrip(jobs: StatementJob[], jobIds: number[], sendContext: (job: StatementJob) => boolean = () => true) {
  return decodeBatch(structuredClone(encodeBatch(jobs, jobIds, sendContext)));
}

function job(fields: Partial<StatementJob> = {}): StatementJob {
  return { sql: 'INSERT INTO t VALUES (?1, ?2)', params: [], resultFormats: [], timeZone: 'UTC', sessionId: 7, contextVersion: 0, ...fields };
}

describe('batch wire form', () => {
  it('carries every kind of parameter, result formats and type hints', () => {
    const jobs = [
      job({ params: [null, 1.5, -0, 2n ** 62n, -(2n ** 63n), 'text', '', Buffer.from([1, 2, 3])], resultFormats: [0, 1], typeHints: [23, null, 25] }),
      job({ sql: 'UPDATE t SET a = 1', params: [Number.MAX_SAFE_INTEGER], resultFormats: [1], timeZone: 'Europe/Paris', sessionId: 8, contextVersion: 3, stream: true }),
    ];
    const { jobs: decoded, jobIds } = roundTrip(jobs, [11, 0x7ffffff0]);
    assert.deepEqual(jobIds, [11, 0x7ffffff0]);
    const [first, second] = decoded;
    assert.deepEqual(first!.params.slice(0, 7), [null, 1.5, -0, 2n ** 62n, -(2n ** 63n), 'text', '']);
    assert.ok(Object.is(first!.params[2], -0));
    assert.deepEqual([...(first!.params[7] as Uint8Array)], [1, 2, 3]);
    assert.deepEqual(first!.resultFormats, [0, 1]);
    assert.deepEqual(first!.typeHints, [23, null, 25]);
    assert.equal(first!.stream, undefined);
    assert.deepEqual(second, jobs[1]);
  });

  it('keeps every other field of a job (each of them checked alone)', () => {
    const rare: Partial<StatementJob>[] = [
      { fixedTypes: [23] }, { maxRows: 5 }, { maxBytes: 100 }, { paramRows: { numbers: new Float64Array([1, 1, 3, 1]), text: 'a', rowCount: 1, width: 2 } }, { multiRow: { sql: 'INSERT …', rows: 4 } },
      { copyOut: { format: 'text' } as StatementJob['copyOut'] }, { transactionStart: '2026-01-01T00:00:00Z' }, { transactionId: 42n },
      { beginTransaction: true }, { liveCursors: [] },
    ];
    for (const fields of rare) {
      const [decoded] = roundTrip([job(fields)], [1]).jobs;
      assert.deepEqual(decoded, job(fields), `field ${Object.keys(fields)[0]}`);
    }
  });

  it('sends a session context only when sendContext says the worker lacks it', () => {
    const context = { user: 'u', database: 'd', processId: 7, settings: { a: 'b' } };
    const asked: number[] = [];
    const jobs = [job({ context, sessionId: 1 }), job({ context, sessionId: 2 })];
    const { jobs: decoded } = roundTrip(jobs, [1, 2], (j) => {
      asked.push(j.sessionId);
      return j.sessionId === 2;
    });
    assert.deepEqual(asked, [1, 2]);
    assert.equal(decoded[0]!.context, undefined);
    assert.deepEqual(decoded[1]!.context, context);
  });

  it('shares each distinct string once', () => {
    const jobs = Array.from({ length: 30 }, (_, i) => job({ params: [i, 'same'] }));
    const wire = encodeBatch(jobs, jobs.map((_, i) => i + 1), () => false);
    assert.deepEqual(wire.strings, ['INSERT INTO t VALUES (?1, ?2)', 'UTC', 'same']);
  });

  it('carries plain outcomes as numbers and anything else whole', () => {
    const results: StatementResult[] = [
      { ok: true, outcome: { columns: null, rows: null, rowCount: 1, changes: 1, lastInsertRowid: 2 ** 40, suspended: false } },
      { ok: false, error: { code: '23505', message: 'duplicate key', detail: 'Key (a)=(1) already exists.' } },
      { ok: true, outcome: { columns: [], rows: new Uint8Array([68, 0]), rowCount: 1, changes: 1, lastInsertRowid: 3, suspended: false } },
      { ok: true, outcome: { columns: null, rows: null, rowCount: 0, changes: 0, lastInsertRowid: 0, suspended: false, notifications: [{ channel: 'c', payload: 'p' }] } },
      { ok: true, outcome: { columns: null, rows: null, rowCount: 5, changes: 5, lastInsertRowid: 0, suspended: true } },
    ];
    const wire = encodeResults(results);
    assert.deepEqual(Object.keys(wire.others!), ['1', '2', '3']);
    assert.deepEqual(decodeResults(structuredClone(wire)), results);
  });
});
