import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { withClient } from '../lib/pg-client.js';
import type { Measurement, RunContext, Scenario, TargetName } from '../lib/types.js';

const CHUNK_BYTES = 64 * 1024;
const FIRST_AT = Date.UTC(2024, 0, 1);

let prepared: { rows: number; chunks: Buffer[] } | undefined;

/**
 * The COPY text-format input, built once before anything is timed, so the figure is the
 * server's rate and not the harness formatting rows: `id \t label \t timestamptz` per line,
 * cut into 64 KiB chunks as a client reading a file would send them.
 */
function copyInput(rows: number): Buffer[] {
  if (prepared?.rows === rows) return prepared.chunks;
  const chunks: Buffer[] = [];
  let pending = '';
  for (let id = 1; id <= rows; id++) {
    const at = new Date(FIRST_AT + id * 1000).toISOString().replace('T', ' ').replace('.000Z', '+00');
    pending += `${id}\tlabel ${id}\t${at}\n`;
    if (pending.length >= CHUNK_BYTES) {
      chunks.push(Buffer.from(pending));
      pending = '';
    }
  }
  if (pending) chunks.push(Buffer.from(pending));
  prepared = { rows, chunks };
  return chunks;
}

export const copyFromStdin: Scenario = {
  name: 'copy-from-stdin',
  description:
    'COPY bench_copy (id integer, label text, at timestamptz) FROM STDIN of 1M rows in text format through ' +
    'pg-copy-streams, one client, into a freshly created table, in 64 KiB chunks prepared before timing; rows per ' +
    'second from the first byte sent to the command\'s completion (the COPY commits on its own). The row count the ' +
    'server reports, count(*) and the last row are checked.',
  targets: ['pgsqlite', 'postgres'],
  quick: true,
  async run(target: TargetName, ctx: RunContext): Promise<Measurement> {
    if (target === 'sqlite') throw new Error('COPY needs a server');
    const rows = ctx.settings.copyRows;
    const chunks = copyInput(rows);
    return withClient(await ctx.endpoint(target), async (client) => {
      await client.query('DROP TABLE IF EXISTS bench_copy');
      await client.query('CREATE TABLE bench_copy (id integer NOT NULL, label text NOT NULL, at timestamptz NOT NULL)');
      const started = process.hrtime.bigint();
      const sink = client.query(copyFrom('COPY bench_copy (id, label, at) FROM STDIN'));
      await pipeline(Readable.from(chunks), sink);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;

      const check = await client.query<{ n: string; label: string; at: Date }>(
        `SELECT (SELECT count(*) FROM bench_copy) AS n, label, at FROM bench_copy WHERE id = ${rows}`,
      );
      const last = check.rows[0];
      const expectedAt = FIRST_AT + rows * 1000;
      if (sink.rowCount !== rows || Number(last?.n) !== rows || last?.label !== `label ${rows}` || last.at.getTime() !== expectedAt) {
        throw new Error(`COPY reported ${sink.rowCount} rows; table has ${last?.n}, last row ${JSON.stringify(last)}`);
      }
      await client.query('DROP TABLE bench_copy');
      return { metrics: [{ name: `rows/s, ${rows.toLocaleString('en-US')} rows`, unit: 'rows/s', better: 'higher', value: rows / seconds }] };
    });
  },
};
