import type { RunContext } from './types.js';

/**
 * RunContext.once: one setup per (target, key) for the whole run. Concurrent callers share
 * the same promise; a setup that failed is forgotten, so the next round may try again.
 */
export function createOnce(): RunContext['once'] {
  const setups = new Map<string, Promise<void>>();
  return (target, key, setup) => {
    const id = `${target}\u0000${key}`;
    let done = setups.get(id);
    if (!done) {
      done = setup();
      done.catch(() => setups.delete(id));
      setups.set(id, done);
    }
    return done;
  };
}
