/**
 * Runs the corpus on a throwaway PostgreSQL 15 (the oracle) and an in-process pgsqlite. Each area
 * gets a fresh database on both servers and its own pair of connections; areas run concurrently,
 * statements within an area in file order (later cases see earlier cases' writes).
 */
import pg from 'pg';
import { startPostgresCluster } from '../support/pg-cluster.js';
import { startTestServer } from '../support/pgsqlite-server.js';
import { loadCorpus, type Area, type Statement } from './corpus.js';
import { difference, runStatement, type Outcome } from './outcome.js';

export interface CaseResult {
  id: string;
  area: string;
  sql: string;
  line: number;
  /** Undefined when pgsqlite answered as PostgreSQL did. */
  diff?: string;
}

export interface AreaResult {
  name: string;
  cases: CaseResult[];
  /** Setup statements that pgsqlite answered differently (their cases usually fail too). */
  setupFailures: CaseResult[];
}

/** A statement that does not answer within this time counts as failed, and its connection is replaced. */
const STATEMENT_TIMEOUT_MS = 10_000;

/** Areas run this many at a time: enough to overlap round trips, few enough not to crowd the CPU. */
const AREA_CONCURRENCY = 4;

/** Settings both servers start each area with, so results do not depend on the machine. */
const prelude = ["SET TimeZone = 'UTC'", "SET DateStyle = 'ISO, MDY'", "SET IntervalStyle = 'postgres'"];

export async function runCorpus(areas: Area[] = loadCorpus()): Promise<AreaResult[]> {
  // The oracle's durability is not under test; without fsync its CREATE DATABASE checkpoints are cheap.
  const cluster = await startPostgresCluster({ settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } });
  try {
    // One reader per database: each area opens a database, and every engine thread costs a start-up.
    // Silent: the corpus provokes internal errors on purpose, and each would be logged.
    const server = await startTestServer({ readers: 1, logLevel: 'silent' });
    try {
      const referenceConfig = { host: cluster.host, port: cluster.port, user: 'postgres' };
      const oursConfig = server.clientConfig();
      return await mapConcurrently(areas, AREA_CONCURRENCY, (area) => runArea(area, referenceConfig, oursConfig));
    } finally {
      await server.close();
    }
  } finally {
    await cluster.stop();
  }
}

/** Maps with at most `limit` calls in flight; results keep the input order. */
async function mapConcurrently<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function runArea(area: Area, referenceConfig: pg.ClientConfig, oursConfig: pg.ClientConfig): Promise<AreaResult> {
  const database = 'conformance_' + area.name.replace(/[^a-z0-9]+/gi, '_').toLowerCase();
  const reference = new Side({ ...referenceConfig, database });
  const ours = new Side({ ...oursConfig, database });
  await Promise.all([
    createDatabase({ ...referenceConfig, database: 'postgres' }, database),
    createDatabase({ ...oursConfig, database: 'postgres' }, database),
  ]);
  try {
    const setupFailures: CaseResult[] = [];
    for (const statement of area.setup) {
      const expected = await reference.run(statement);
      if (expected.kind === 'error') {
        throw new Error(`${area.file}:${statement.line}: setup fails on PostgreSQL: ${expected.code} ${expected.message}`);
      }
      const diff = difference(expected, await ours.run(statement), statement.ordered);
      if (diff !== undefined) setupFailures.push(caseResult(area, statement, diff));
    }
    const cases: CaseResult[] = [];
    for (const statement of area.cases) {
      const expected = await reference.run(statement);
      const actual = await ours.run(statement);
      cases.push(caseResult(area, statement, difference(expected, actual, statement.ordered)));
    }
    return { name: area.name, cases, setupFailures };
  } finally {
    await Promise.all([reference.close(), ours.close()]);
  }
}

function caseResult(area: Area, statement: Statement, diff: string | undefined): CaseResult {
  return { id: statement.id, area: area.name, sql: statement.sql, line: statement.line, ...(diff !== undefined ? { diff } : {}) };
}

async function createDatabase(config: pg.ClientConfig, name: string): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

/** One server's connection for an area; a statement that hangs costs the connection, not the run. */
class Side {
  private client: pg.Client | undefined;

  constructor(private readonly config: pg.ClientConfig) {}

  async run(statement: Statement): Promise<Outcome> {
    const client = await this.connected();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'error', code: 'timeout', message: `no answer within ${STATEMENT_TIMEOUT_MS} ms` }), STATEMENT_TIMEOUT_MS);
    });
    const outcome = await Promise.race([runStatement(client, statement), timeout]).finally(() => clearTimeout(timer));
    if (outcome.kind === 'error' && (outcome.code === 'timeout' || outcome.code === 'client')) {
      // The connection is stuck or gone: later statements get a new one (and lose session state).
      this.client = undefined;
      void client.end().catch(() => undefined);
    }
    return outcome;
  }

  async close(): Promise<void> {
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private async connected(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client(this.config);
    client.on('error', () => undefined);
    await client.connect();
    for (const sql of prelude) await client.query(sql);
    this.client = client;
    return client;
  }
}
