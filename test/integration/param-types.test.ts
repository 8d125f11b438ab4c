import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSideBySide } from '../support/side-by-side.js';
import { openRawSession, serialize } from '../support/raw-protocol.js';

describe('ParameterDescription of untyped parameters, against PostgreSQL 15', () => {
  it('INSERT without a column list, arithmetic with a column, comparisons', async () => {
    const pair = await startSideBySide();
    try {
      const answers: string[][] = [];
      for (const port of [pair.cluster.port, pair.server.port]) {
        const session = await openRawSession(port, 'postgres', 'postgres');
        await session.send([serialize.query('CREATE TABLE pt (id bigint, qty int, price float8, ok boolean, at timestamptz, note text)')]);
        for (const text of [
          'INSERT INTO pt VALUES ($1, $2, $3, $4, $5, $6)',
          'INSERT INTO pt (note, id) VALUES ($1, $2)',
          'UPDATE pt SET qty = qty + $1 WHERE id = $2',
          'SELECT price * $1, $2 - qty FROM pt',
          'SELECT * FROM pt WHERE at < $1 AND note LIKE $2 AND ok = $3',
        ]) {
          await session.send([serialize.parse({ text, types: [] }), serialize.describe({ type: 'S', name: '' }), serialize.sync()]);
        }
        answers.push(session.take().filter((event) => event.startsWith('params') || event.startsWith('error')));
        session.close();
      }
      assert.deepEqual(answers[1], answers[0]);
      assert.equal(answers[0].length, 5);
    } finally {
      await pair.close();
    }
  });
});
