import { fileURLToPath } from 'node:url';
import type { ClientScenario } from './client-program.js';
import { describeClientProgram } from './client-program.js';
import { runCommand } from './run-command.js';

/**
 * The ORM matrix (test/integration/orm-*.test.ts): a program under test/clients/node/ run with
 * `node --import tsx` as a child process (so an ORM's globals, pools and process.exit stay out of
 * the test process), in the shape of test/support/client-program.ts.
 */
export function describeNodeOrmProgram(options: {
  title: string;
  /** File name under test/clients/node/. */
  program: string;
  /** The npm packages the program imports (devDependencies; `npm ci` installs them). */
  packages: string[];
  scenarios: ClientScenario[];
  timeoutMs?: number;
}): void {
  const program = fileURLToPath(new URL(`../clients/node/${options.program}`, import.meta.url));
  describeClientProgram({
    title: options.title,
    missing: missingPackages(options.packages),
    installHint: 'they are devDependencies: npm ci installs them',
    scenarios: options.scenarios,
    run: (port, names) => runCommand(process.execPath, ['--import', 'tsx', program, ...names], {
      env: { PGHOST: '127.0.0.1', PGPORT: String(port), SCENARIO_TIMEOUT: '30' },
      timeoutMs: options.timeoutMs ?? 240_000,
    }),
  });
}

function missingPackages(packages: string[]): string | undefined {
  const missing = packages.filter((name) => {
    try {
      import.meta.resolve(name);
      return false;
    } catch {
      return true;
    }
  });
  return missing.length ? `npm packages not installed: ${missing.join(', ')}` : undefined;
}
