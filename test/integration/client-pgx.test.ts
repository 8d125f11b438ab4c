import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeClientProgram, probeTool, type ClientScenario } from '../support/client-program.js';
import { runCommand } from '../support/run-command.js';

// pgx (Go, github.com/jackc/pgx/v5) drives test/clients/go/main.go: extended protocol with binary
// parameters and results, statements described before they run (and cached), pipelined batches,
// binary COPY. The program is built once per run into test/clients/go/.build (gitignored; Go's own
// build cache makes a rebuild take about a second); .ci/run downloads its modules beforehand.
const dir = fileURLToPath(new URL('../clients/go/', import.meta.url));
const binary = join(dir, '.build', 'pgx-client');

const missing = await probeTool('go', ['version']);

const scenarios: ClientScenario[] = [
  { name: 'connect', title: 'connects (trust auth); Ping, SELECT 1, ParameterStatus, current_user' },
  { name: 'ddl', title: 'CREATE/ALTER/DROP TABLE, CREATE INDEX; Prepare describes column names and type OIDs' },
  { name: 'crud', title: 'INSERT/SELECT/UPDATE/DELETE with int8, text, int4, float8, bool, timestamp, timestamptz, bytea, numeric and NULL parameters; CollectRows' },
  { name: 'types', title: 'binary round trips of int2/4/8, float4/8, bool, text, varchar, bytea, date, timestamp(tz), numeric, interval, int4[], text[], uuid and NULLs' },
  { name: 'transaction-commit', title: 'Begin/Commit; another connection sees the rows; BeginTx serializable read-only gives 25006' },
  { name: 'transaction-rollback', title: 'Rollback; a nested Begin is a savepoint rolled back on its own' },
  { name: 'errors', title: 'PgError codes 23505, 42P01, 42601, 22012, 23502; 25P02 in a failed transaction; connection still works' },
  { name: 'prepared', title: 'Prepare: ParamOIDs and fields; named statement reused; all five QueryExecModes incl. simple protocol' },
  { name: 'batch', title: 'SendBatch: 100 pipelined INSERTs and a SELECT before one Sync' },
  { name: 'copy-to', title: 'PgConn.CopyTo (COPY (SELECT …) TO STDOUT), NULL as \\N' },
  {
    name: 'copy-from', title: 'CopyFrom (COPY FROM STDIN with FORMAT binary)',
  },
  {
    name: 'load-type', title: "LoadType('_int4'): pgx's catalog lookup, then int4[] through the loaded type",
  },
  {
    name: 'numeric-wide', title: 'numeric with 33 significant digits (literal and parameter) and NaN',
  },
  {
    name: 'insert-without-columns', title: 'INSERT INTO t VALUES ($1, …) without a column list: ParamOIDs are the column types',
  },
];

describeClientProgram({
  title: 'pgx (Go) against pgsqlite',
  missing,
  installHint: 'the machine image has Go; .ci/run downloads the modules (go mod download in test/clients/go)',
  scenarios,
  async build() {
    const built = await runCommand('go', ['build', '-buildvcs=false', '-o', binary, '.'], { cwd: dir, timeoutMs: 600_000 });
    assert.equal(built.code, 0, `go build failed:\n${built.stdout}${built.stderr}`);
  },
  run: (port, names) => runCommand(binary, names, {
    env: { PGHOST: '127.0.0.1', PGPORT: String(port) },
    timeoutMs: 240_000,
  }),
});
