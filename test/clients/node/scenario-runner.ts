/**
 * The scenario loop shared by the ORM programs in this folder (run by test/integration/orm-*.test.ts
 * through test/support/client-program.ts): each scenario prints one line,
 *   ok NAME | FAIL NAME: what went wrong
 * then `done ok=N failed=M`; the exit status is 0 only when nothing failed. Arguments name the
 * scenarios to run (default: all, in order). Scenarios run in order and may build on earlier ones
 * (a migration, then queries over its tables). The server comes from PGHOST/PGPORT.
 */
import assert from 'node:assert/strict';

export type Scenario = () => Promise<void>;

export const server = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: 'postgres',
  database: 'postgres',
};

/** A postgres:// URL for tools that take one (drizzle-kit, TypeORM). */
export const serverUrl = `postgres://${server.user}@${server.host}:${server.port}/${server.database}`;

const scenarioTimeoutMs = Number(process.env.SCENARIO_TIMEOUT ?? 60) * 1000;

function oneLine(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? ` [SQLSTATE ${e.code}]` : '';
  const message = err instanceof Error ? err.message : String(err);
  return `${err instanceof Error ? err.constructor.name : 'Error'}${code}: ${message}`.replace(/\s+/g, ' ').slice(0, 600);
}

async function withTimeout(run: Scenario): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${scenarioTimeoutMs} ms`)), scenarioTimeoutMs);
  });
  try {
    await Promise.race([run(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the named scenarios (argv, default all), prints their lines, then closes with `cleanup`. */
export async function runScenarios(scenarios: Record<string, Scenario>, cleanup: () => Promise<void> = async () => {}): Promise<void> {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(scenarios);
  let ok = 0;
  let failed = 0;
  for (const name of names) {
    const scenario = scenarios[name];
    try {
      if (!scenario) throw new Error('no such scenario');
      await withTimeout(scenario);
      console.log(`ok ${name}`);
      ok += 1;
    } catch (err) {
      console.log(`FAIL ${name}: ${oneLine(err)}`);
      console.error(`--- ${name}`, err);
      failed += 1;
    }
  }
  await cleanup().catch((err: unknown) => console.error('cleanup failed', err));
  console.log(`done ok=${ok} failed=${failed}`);
  process.exit(failed === 0 ? 0 : 1);
}

export { assert };
