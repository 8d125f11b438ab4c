import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from '../support/pgsqlite-server.js';
import { runCommand, type RunCommandResult } from '../support/run-command.js';

// pgjdbc, the PostgreSQL JDBC driver, drives test/clients/java/PgjdbcClient.java (Java 11+ single-file
// source launch: no build step). test/clients/java/fetch-pgjdbc.sh puts the jar in ~/.m2; .ci/run calls it.
const pgjdbcVersion = process.env.PGJDBC_VERSION ?? '42.7.14';
const jar = process.env.PGJDBC_JAR
  ?? join(process.env.MAVEN_LOCAL_REPO ?? join(homedir(), '.m2', 'repository'),
    'org', 'postgresql', 'postgresql', pgjdbcVersion, `postgresql-${pgjdbcVersion}.jar`);
const program = fileURLToPath(new URL('../clients/java/PgjdbcClient.java', import.meta.url));

/** Why the Java client cannot run here, or undefined when java and the jar are both present. */
async function missingTool(): Promise<string | undefined> {
  try {
    const probe = await runCommand('java', ['-version'], { timeoutMs: 30_000 });
    if (probe.code !== 0) return `\`java -version\` exited with ${probe.code}: ${probe.stderr.trim()}`;
  } catch (err) {
    return `java is not installed (${(err as Error).message})`;
  }
  if (!existsSync(jar)) return `the pgjdbc jar is missing at ${jar} (test/clients/java/fetch-pgjdbc.sh fetches it)`;
  return undefined;
}

const missing = await missingTool();
// Outside CI a machine without Java may skip; in CI (.ci/run installs the jar) a missing tool fails.
const skip = missing && !process.env.CI ? `pgjdbc client unavailable: ${missing}` : false;

/** Scenarios that pass today, in the order PgjdbcClient runs them. */
const scenarios: Array<[name: string, title: string]> = [
  ['connect', 'connects (trust auth) and runs SELECT 1 through the extended protocol'],
  ['metadata', 'DatabaseMetaData: product name PostgreSQL, version, driver, user'],
  ['ddl', 'CREATE TABLE with int, bigint, text, boolean, double precision and timestamp columns'],
  ['insert', 'INSERT with PreparedStatement parameters of each type, NULLs, and past prepareThreshold'],
  ['select', 'SELECT with parameters, typed getters (text and binary results), NULLs, statement metadata'],
  ['transaction', 'autocommit off: commit, rollback, 23505 then 25P02 in a failed transaction'],
  ['savepoint', 'setSavepoint, rollback(savepoint), releaseSavepoint'],
  ['session-settings', 'setReadOnly, setSchema, getCatalog, ApplicationName client info'],
  ['generated-keys', 'getGeneratedKeys on a serial column and INSERT … RETURNING'],
  ['more-types', 'smallint, numeric, date, timestamptz, bytea, uuid, real, varchar round trips'],
  ['batch', 'addBatch/executeBatch inserts 10 000 rows'],
  ['fetch-size', 'setFetchSize(100) with autocommit off: 10 000 rows in order, 100 per Execute, PortalSuspended between'],
  ['fetch-size-prepared', 'setFetchSize(50) on a PreparedStatement with parameters; two portals read alternately; early close'],
  ['fetch-size-autocommit', 'setFetchSize with autocommit on (pgjdbc reads all at once): still every row'],
  ['is-valid', 'Connection.isValid (connection pools): an empty query gets EmptyQueryResponse'],
  ['isolation-level', 'setTransactionIsolation(SERIALIZABLE) is read back by getTransactionIsolation (SHOW transaction_isolation)'],
  ['read-only', 'setReadOnly(true) transactions: transaction_read_only is on and INSERT fails with 25006'],
  ['database-metadata', 'DatabaseMetaData getTables/getColumns (serial: nextval default, auto-increment)/getPrimaryKeys/getIndexInfo/getImportedKeys/getExportedKeys/getBestRowIdentifier/getSchemas/getCatalogs/getTypeInfo read as against PostgreSQL 15'],
];

interface Run {
  result: RunCommandResult;
  /** Scenario name → its line (ok … or FAIL …). */
  lines: Map<string, string>;
}

async function runClient(port: number, names: string[]): Promise<Run> {
  const url = `jdbc:postgresql://127.0.0.1:${port}/postgres?sslmode=disable&connectTimeout=10&socketTimeout=60`;
  const result = await runCommand('java', ['-cp', jar, program, url, 'postgres', ...names], { timeoutMs: 120_000 });
  const lines = new Map<string, string>();
  for (const line of result.stdout.split('\n')) {
    const match = /^(?:ok|FAIL) ([\w-]+)/.exec(line);
    if (match) lines.set(match[1], line);
  }
  return { result, lines };
}

function report(run: Run): string {
  return `\n--- stdout\n${run.result.stdout}--- stderr\n${run.result.stderr}`;
}

describe('pgjdbc (JDBC) against pgsqlite', { skip }, () => {
  let server: TestServer;
  let main: Run;
  before(async () => {
    if (missing) assert.fail(`${missing}; .ci/run installs it`);
    server = await startTestServer();
    main = await runClient(server.port, scenarios.map(([name]) => name));
  });
  after(async () => server?.close());

  it('the Java program exits 0 having run every scenario', () => {
    assert.equal(main.result.timedOut, false, `timed out${report(main)}`);
    assert.equal(main.result.code, 0, report(main));
    assert.match(main.result.stdout, new RegExp(`^done ok=${scenarios.length} failed=0$`, 'm'), report(main));
  });

  for (const [name, title] of scenarios) {
    it(`${name}: ${title}`, () => {
      assert.match(main.lines.get(name) ?? `(no line for ${name})`, new RegExp(`^ok ${name}\\b`), report(main));
    });
  }
});
