import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { createServer, ServerStartError } from '../server/pg-server.js';
import { parseServerConfig } from '../config/config-schema.js';
import { configFromEnvironment } from './environment.js';

/**
 * `pgsqlite`: flags, then PGSQLITE_* environment variables, then --config FILE, then defaults.
 * No logic here beyond assembling the config and wiring signals.
 */
const program = new Command()
  .name('pgsqlite')
  .description('A PostgreSQL server that keeps its data in SQLite files')
  .option('--host <host>', 'address to listen on (default 127.0.0.1)')
  .option('--port <port>', 'TCP port (default 5432)', (v) => Number.parseInt(v, 10))
  .option('--data-dir <dir>', 'data directory (default ./data)')
  .option('--in-memory', 'keep data in a temporary directory removed at exit')
  .option('--socket-dir <dir>', 'also listen on a unix socket .s.PGSQL.<port> in this directory')
  .option('--config <file>', 'JSON config file (keys as in the library config: host, port, dataDir, …)')
  .addOption(new Option('--tls <mode>', 'TLS: off, self-signed, or files (with --tls-cert/--tls-key)').choices(['off', 'self-signed', 'files']))
  .option('--tls-cert <file>', 'PEM certificate (implies --tls files)')
  .option('--tls-key <file>', 'PEM private key')
  .option('--tls-ca <file>', 'PEM CA bundle')
  .addOption(new Option('--auth-method <method>', 'auto, trust, password, md5 or scram-sha-256').choices(['auto', 'trust', 'password', 'md5', 'scram-sha-256']))
  .option('--user <name>', 'bootstrap superuser (default postgres)')
  .option('--password <password>', 'password of the bootstrap superuser')
  .addOption(new Option('--log-level <level>', 'log level').choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']))
  .option('--readers <n>', 'reader connections per database', (v) => Number.parseInt(v, 10))
  .option('--max-batch-size <n>', 'most statements in one group commit', (v) => Number.parseInt(v, 10))
  .option('--database <name=path>', 'serve an existing SQLite file as database <name> (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
  .addOption(new Option('--synchronous <level>', 'SQLite synchronous: OFF, NORMAL (survives a process crash), FULL (also power loss)').choices(['OFF', 'NORMAL', 'FULL', 'EXTRA']));

program.parse();
const flags = program.opts();

function flagConfig(): Record<string, unknown> {
  const tls = flags.tlsCert || flags.tlsKey
    ? { mode: flags.tls ?? 'files', certFile: flags.tlsCert, keyFile: flags.tlsKey, caFile: flags.tlsCa }
    : flags.tls ? { mode: flags.tls } : undefined;
  return Object.fromEntries(Object.entries({
    host: flags.host, port: flags.port, dataDir: flags.dataDir, inMemory: flags.inMemory, socketDir: flags.socketDir,
    tls, authMethod: flags.authMethod, user: flags.user, password: flags.password, logLevel: flags.logLevel,
    readers: flags.readers, maxBatchSize: flags.maxBatchSize, synchronous: flags.synchronous,
    databases: flags.database ? servedDatabases(flags.database as string[]) : undefined,
  }).filter(([, v]) => v !== undefined));
}

/** `--database name=path` pairs; paths are made absolute so the registry does not depend on the working directory. */
function servedDatabases(pairs: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) {
      console.error(`pgsqlite: --database takes name=path, got "${pair}"`);
      process.exit(2);
    }
    result[pair.slice(0, eq)] = resolve(pair.slice(eq + 1));
  }
  return result;
}

function readConfigFile(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read config file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
    return parsed as Record<string, unknown>;
  } catch (err) {
    throw new Error(`config file ${path} is not valid JSON: ${(err as Error).message}`);
  }
}

async function main(): Promise<void> {
  let config;
  try {
    const fromFile = readConfigFile(flags.config ?? process.env.PGSQLITE_CONFIG);
    config = parseServerConfig({ ...fromFile, ...configFromEnvironment(process.env), ...flagConfig() });
  } catch (err) {
    console.error(`pgsqlite: ${(err as Error).message}`);
    process.exit(2);
  }
  const server = createServer(config);
  // Signals are handled from the start: a signal during start-up still closes cleanly.
  let stopping: Promise<void> | undefined;
  const stop = (signal: string) => {
    stopping ??= (async () => {
      console.error(`pgsqlite: ${signal} received, shutting down`);
      await server.close();
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  try {
    await server.listen();
  } catch (err) {
    await server.close().catch(() => undefined);
    if (err instanceof ServerStartError) {
      console.error(`pgsqlite: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  if (stopping) return;
  const { port } = server.address();
  console.error(`pgsqlite: accepting connections on ${config.host}:${port}${server.socketPath() ? ` and ${server.socketPath()}` : ''} (data: ${server.dataDir})`);
}

void main();
