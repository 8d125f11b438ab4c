import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The native addon that makes a running SQLite statement stoppable (see native/pgsqlite_interrupt.c).
 * The same file is loaded by every connection as a SQLite extension.
 */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const interruptExtensionPath = join(projectRoot, 'build', 'pgsqlite_interrupt.node');
export const interruptExtensionEntryPoint = 'sqlite3_pgsqliteinterrupt_init';

interface InterruptAddon {
  interrupt(handleId: number): boolean;
}

let addon: InterruptAddon | undefined;

function loadAddon(): InterruptAddon {
  if (!addon) {
    if (!existsSync(interruptExtensionPath)) {
      throw new Error(`${interruptExtensionPath} is missing: run "npm run build:native" (needs a C compiler)`);
    }
    addon = createRequire(import.meta.url)(interruptExtensionPath) as InterruptAddon;
  }
  return addon;
}

/** Interrupts whatever statement the connection with this handle id is running; false if it is closed. */
export function interruptConnection(handleId: number): boolean {
  return loadAddon().interrupt(handleId);
}

/** Loads the addon early so a missing build fails at start-up, not at the first cancel. */
export function ensureInterruptAddon(): void {
  loadAddon();
}
