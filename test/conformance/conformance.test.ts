import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasPgBinaries } from '../support/pg-cluster.js';
import { readBaseline, regressions } from './baseline.js';
import { runCorpus } from './run-corpus.js';

const skip = !hasPgBinaries() && !process.env.CI ? 'PostgreSQL 15 is not installed (bash .ci/run installs it)' : false;

describe('SQL conformance corpus against PostgreSQL 15', { skip }, () => {
  it('keeps every case of the baseline passing and the pass rate at or above the recorded one', { timeout: 120_000 }, async () => {
    const baseline = readBaseline();
    const { broken, rate, rateFell } = regressions(baseline, await runCorpus());
    const hint = 'see docs/conformance.md; after an intended change run node --import tsx test/conformance/update-baseline.ts';
    assert.deepEqual(
      broken.map((c) => `${c.id} (cases/${c.area}.sql:${c.line}) ${c.sql.replace(/\s+/g, ' ').slice(0, 100)} — ${c.diff}`),
      [],
      `cases that passed in the baseline now fail; ${hint}`,
    );
    assert.ok(!rateFell, `pass rate ${rate} fell below the recorded ${baseline.rate}; ${hint}`);
  });
});
