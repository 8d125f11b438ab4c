import { resolve } from 'node:path';

/** PGSQLITE_* environment variables → config keys (numbers and booleans parsed; zod validates). */
const variables: Record<string, [key: string, kind: 'string' | 'number' | 'boolean']> = {
  PGSQLITE_HOST: ['host', 'string'],
  PGSQLITE_PORT: ['port', 'number'],
  PGSQLITE_DATA_DIR: ['dataDir', 'string'],
  PGSQLITE_IN_MEMORY: ['inMemory', 'boolean'],
  PGSQLITE_SOCKET_DIR: ['socketDir', 'string'],
  PGSQLITE_AUTH_METHOD: ['authMethod', 'string'],
  PGSQLITE_USER: ['user', 'string'],
  PGSQLITE_PASSWORD: ['password', 'string'],
  PGSQLITE_LOG_LEVEL: ['logLevel', 'string'],
  PGSQLITE_READERS: ['readers', 'number'],
  PGSQLITE_MAX_BATCH_SIZE: ['maxBatchSize', 'number'],
  PGSQLITE_SYNCHRONOUS: ['synchronous', 'string'],
};

export function configFromEnvironment(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [name, [key, kind]] of Object.entries(variables)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    config[key] = kind === 'number' ? Number(raw) : kind === 'boolean' ? ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase()) : raw;
  }
  // PGSQLITE_DATABASE: name=path[,name=path…], like repeated --database flags.
  if (env.PGSQLITE_DATABASE) {
    config.databases = Object.fromEntries(env.PGSQLITE_DATABASE.split(',').filter(Boolean).map((pair) => {
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq), resolve(pair.slice(eq + 1))];
    }));
  }
  const tlsMode = env.PGSQLITE_TLS;
  if (tlsMode || env.PGSQLITE_TLS_CERT) {
    config.tls = { mode: tlsMode ?? 'files', certFile: env.PGSQLITE_TLS_CERT, keyFile: env.PGSQLITE_TLS_KEY, caFile: env.PGSQLITE_TLS_CA };
  }
  return config;
}
