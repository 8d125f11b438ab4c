import type { ChildProcess } from 'node:child_process';

/**
 * Makes sure long-lived helper processes (a PostgreSQL postmaster) do not outlive
 * the test process that started them.
 *
 * A postmaster does not watch its parent, so without this a test file that
 * crashes, calls process.exit(), or is cancelled by the test runner (SIGTERM)
 * would leave a server running and holding its port. A SIGKILL of the test
 * process cannot be caught; nothing here helps then.
 */
const live = new Map<ChildProcess, NodeJS.Signals>();
let installed = false;

/** Registers `child` to receive `signal` when this process exits. Returns the unregister function. */
export function killOnExit(child: ChildProcess, signal: NodeJS.Signals): () => void {
  install();
  live.set(child, signal);
  return () => {
    live.delete(child);
  };
}

function killAll(): void {
  for (const [child, signal] of live) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill(signal);
      } catch {
        // Already gone; nothing to clean up.
      }
    }
  }
  live.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      // Our listener suppressed the default action; with it removed (once),
      // re-raising lets the process die of the signal as it would have.
      process.kill(process.pid, signal);
    });
  }
}
