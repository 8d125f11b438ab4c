import { Worker, type WorkerOptions } from 'node:worker_threads';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Starts a worker thread from a module next to the caller. The source runs under tsx in
 * development and tests, compiled JavaScript from dist/ in production; Node 20 does not carry
 * a parent's --import hooks into worker threads, so for TypeScript a bootstrap registers tsx first.
 */
export function spawnWorker(relativeModule: string, base: string, options: WorkerOptions): Worker {
  const ext = extname(fileURLToPath(base));
  const url = new URL(`${relativeModule}${ext}`, base);
  if (ext !== '.ts') return new Worker(url, options);
  // Resolved here, not in the worker: the worker would resolve from the current directory.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
