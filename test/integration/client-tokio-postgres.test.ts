import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeClientProgram, probeTool, type ClientScenario } from '../support/client-program.js';
import { runCommand } from '../support/run-command.js';

// tokio-postgres (Rust) drives test/clients/rust/src/main.rs: every statement prepared (Parse +
// Describe) before Bind, binary results, portals read with row limits, COPY in the extended protocol.
// `cargo build` (Cargo.lock committed, --locked) puts the binary in test/clients/rust/target
// (gitignored), so only the first build is slow (under a minute cold on 2 cores: 46 s measured); .ci/run builds it once.
const dir = fileURLToPath(new URL('../clients/rust/', import.meta.url));
const binary = join(dir, 'target', 'debug', 'pgsqlite-tokio-postgres-client');

const missing = await probeTool('cargo', ['--version']);

const scenarios: ClientScenario[] = [
  { name: 'connect', title: 'connects (trust auth); SELECT 1, current_user; simple_query text rows' },
  { name: 'ddl', title: 'CREATE TABLE and ALTER TABLE (simple protocol), CREATE INDEX; prepared column names and types' },
  { name: 'crud', title: 'INSERT/SELECT/UPDATE/DELETE with int8, text, int4, float8, bool, timestamp, timestamptz (SystemTime), bytea, numeric (binary decode) and NULLs' },
  { name: 'types', title: 'binary round trips of int2/4/8, float4/8, bool, text, varchar, bytea, timestamp(tz), oid, numeric and NULLs' },
  { name: 'transaction-commit', title: 'transaction().commit(); another connection sees the rows; serializable read-only gives 25006' },
  { name: 'transaction-rollback', title: 'a dropped transaction rolls back; savepoint rolled back on its own' },
  { name: 'errors', title: 'SqlState 23505, 42P01, 42601, 22012, 23502; 25P02 in a failed transaction; connection still works' },
  { name: 'prepared', title: 'prepare: params and columns; repeated query; prepare_typed' },
  { name: 'portal', title: 'bind + query_portal(16): 250 rows in row-limited slices; two portals read alternately' },
  {
    name: 'copy', title: 'copy_in (COPY FROM STDIN, extended protocol) then copy_out',
  },
  {
    name: 'introspection', title: 'a user enum column: tokio-postgres looks the type up in pg_type/pg_enum',
  },
  {
    name: 'numeric-wide', title: 'numeric with 33 significant digits (literal and parameter) and NaN',
  },
  {
    name: 'alter-extended', title: 'ALTER TABLE ADD COLUMN through Parse/Bind/Execute, then SELECT * described on the same connection',
  },
  {
    name: 'create-extended', title: 'CREATE TABLE through Parse/Bind/Execute, then ALTER TABLE through a simple Query on the same connection',
  },
];

describeClientProgram({
  title: 'tokio-postgres (Rust) against pgsqlite',
  missing,
  installHint: 'the machine image has Rust (rustup); .ci/run builds test/clients/rust',
  scenarios,
  async build() {
    const built = await runCommand('cargo', ['build', '--locked', '--quiet'], { cwd: dir, timeoutMs: 900_000 });
    assert.equal(built.code, 0, `cargo build failed:\n${built.stdout}${built.stderr}`);
  },
  run: (port, names) => runCommand(binary, names, {
    env: { PGHOST: '127.0.0.1', PGPORT: String(port) },
    timeoutMs: 240_000,
  }),
});
