import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from './pgsqlite-server.js';
import { runCommand, type RunCommandResult } from './run-command.js';

/**
 * Shared shape of the driver-matrix tests (test/integration/client-*.test.ts): a small program in
 * the driver's own language runs named scenarios against a pgsqlite server and prints one line each,
 *   ok NAME | FAIL NAME: why
 * then `done ok=N failed=M`. Every scenario becomes one `it`; a scenario blocked by a known server
 * gap is still run, but as `it.todo` with the reason, so it shows up (passing or not) without
 * failing the suite.
 */
export interface ClientScenario {
  name: string;
  title: string;
  /** Why this scenario is expected to fail today (a server gap); it then runs as a todo. */
  blocked?: string;
}

export interface ClientProgramSuite {
  /** describe() title. */
  title: string;
  /** Why the program cannot run on this machine (toolchain or driver missing), else undefined. */
  missing: string | undefined;
  /** What installs the missing piece (named in the failure inside CI). */
  installHint: string;
  scenarios: ClientScenario[];
  /** Builds the program if needed (runs once, before the server starts). */
  build?: () => Promise<void>;
  /** Runs the program with the scenario names against the server on `port`. */
  run: (port: number, names: string[]) => Promise<RunCommandResult>;
}

export interface ClientRun {
  result: RunCommandResult;
  /** Scenario name → its line (ok …, FAIL …). */
  lines: Map<string, string>;
}

export function parseClientOutput(result: RunCommandResult): ClientRun {
  const lines = new Map<string, string>();
  for (const line of result.stdout.split('\n')) {
    const match = /^(?:ok|FAIL) ([\w-]+)/.exec(line);
    if (match) lines.set(match[1], line);
  }
  return { result, lines };
}

export function clientReport(run: ClientRun): string {
  return `\n--- stdout\n${run.result.stdout}--- stderr\n${run.result.stderr.slice(-20_000)}`;
}

/** Skip outside CI when the toolchain is missing; inside CI (CI set) a missing toolchain fails. */
export function skipReason(title: string, missing: string | undefined): string | false {
  return missing && !process.env.CI ? `${title} unavailable: ${missing}` : false;
}

export function describeClientProgram(suite: ClientProgramSuite): void {
  const passing = suite.scenarios.filter((s) => !s.blocked);
  describe(suite.title, { skip: skipReason(suite.title, suite.missing) }, () => {
    let server: TestServer | undefined;
    let main: ClientRun;
    before(async () => {
      if (suite.missing) assert.fail(`${suite.missing}; ${suite.installHint}`);
      await suite.build?.();
      server = await startTestServer();
      main = parseClientOutput(await suite.run(server.port, suite.scenarios.map((s) => s.name)));
    }, { timeout: 20 * 60_000 });
    after(async () => server?.close());

    it('the program ran every scenario and every one expected to pass did', () => {
      assert.equal(main.result.timedOut, false, `timed out${clientReport(main)}`);
      assert.match(main.result.stdout, /^done ok=\d+ failed=\d+$/m, clientReport(main));
      const failed = passing.filter((s) => !main.lines.get(s.name)?.startsWith(`ok ${s.name}`));
      assert.deepEqual(failed.map((s) => main.lines.get(s.name) ?? `(no line for ${s.name})`), [], clientReport(main));
    });

    for (const scenario of suite.scenarios) {
      const check = () => {
        const line = main.lines.get(scenario.name) ?? `(no line for ${scenario.name})`;
        if (line === `ok ${scenario.name}`) return;
        if (!scenario.blocked) assert.fail(`${line}${clientReport(main)}`);
        // Still failing as expected: say how, without a stack trace.
        const error = new Error(line);
        error.stack = line;
        throw error;
      };
      if (scenario.blocked) it(`${scenario.name}: ${scenario.title}`, { todo: scenario.blocked }, check);
      else it(`${scenario.name}: ${scenario.title}`, check);
    }
  });
}

/** Runs `cmd --version`-style probes; returns why the tool is missing, or undefined. */
export async function probeTool(cmd: string, args: string[], options: { cwd?: string } = {}): Promise<string | undefined> {
  try {
    const probe = await runCommand(cmd, args, { timeoutMs: 60_000, ...options });
    if (probe.code !== 0) return `\`${cmd} ${args.join(' ')}\` exited with ${probe.code}: ${(probe.stderr || probe.stdout).trim()}`;
    return undefined;
  } catch (err) {
    return `${cmd} is not installed (${(err as Error).message})`;
  }
}
