import { z } from 'zod';

export const authMethods = ['auto', 'trust', 'password', 'md5', 'scram-sha-256'] as const;
export type AuthMethod = (typeof authMethods)[number];

/**
 * Everything the server can be configured with, validated in one place. The CLI fills it from
 * flags, PGSQLITE_* environment variables and a JSON config file; createServer() takes it directly.
 */
export const serverConfigSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(5432),
  dataDir: z.string().min(1).default('./data'),
  /** Data lives in a temporary directory (RAM-backed where /dev/shm exists) removed at close. */
  inMemory: z.boolean().default(false),
  /** Also listen on a unix socket `<socketDir>/.s.PGSQL.<port>`. */
  socketDir: z.string().optional(),
  tls: z.object({
    mode: z.enum(['off', 'self-signed', 'files']).default('off'),
    certFile: z.string().optional(),
    keyFile: z.string().optional(),
    caFile: z.string().optional(),
  }).default({ mode: 'off' }).refine((t) => t.mode !== 'files' || (t.certFile && t.keyFile), {
    message: 'TLS with files needs both a certificate (--tls-cert) and a key (--tls-key)',
  }),
  /** auto: SCRAM for roles with a password, trust for roles without (loopback and unix socket only). */
  authMethod: z.enum(authMethods).default('auto'),
  user: z.string().min(1).max(63).default('postgres'),
  password: z.string().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Reader connections (worker threads) per database. */
  readers: z.number().int().min(1).max(64).default(2),
  /** Most autocommit statements one group commit takes. */
  maxBatchSize: z.number().int().min(1).max(10_000).default(100),
  /**
   * How long a group commit may wait for more writes while writers are concurrent. 0 (default):
   * batches form only from writes that queue while the previous commit runs, so no write ever
   * waits for a timer; a lone writer never waits either way.
   */
  batchWindowMs: z.number().min(0).max(1000).default(0),
  /**
   * Turns per round each write priority gets while writers of several priorities wait
   * (weighted round robin: a higher one overtakes at once, a lower one is never starved).
   */
  writeWeights: z.object({
    high: z.number().int().min(1).max(1000).default(16),
    normal: z.number().int().min(1).max(1000).default(4),
    low: z.number().int().min(1).max(1000).default(1),
  }).default({}),
  /** A read waiting longer than this for a free reader fails with 55P03 (0: waits as long as it takes). */
  readerMaxWaitMs: z.number().int().min(0).default(0),
  /** SQLite synchronous setting: NORMAL survives a process crash in WAL mode, FULL also power loss. */
  synchronous: z.enum(['OFF', 'NORMAL', 'FULL', 'EXTRA']).default('NORMAL'),
  /** Largest frontend message accepted (PostgreSQL's own limit is 1 GiB). */
  maxMessageLength: z.number().int().min(1024).default(1024 * 1024 * 1024 - 1),
  /** A client must finish startup and authentication within this (PostgreSQL: authentication_timeout). */
  authTimeoutMs: z.number().int().min(100).default(60_000),
  /** On shutdown, how long running statements may take before they are cancelled. */
  shutdownTimeoutMs: z.number().int().min(0).default(5_000),
  maxConnections: z.number().int().min(1).default(1000),
  /** A client queued for a database's writer longer than this gets a NOTICE (0: never). */
  queueNoticeMs: z.number().int().min(0).default(5_000),
  /** A database nobody is connected to closes its files after this many milliseconds (0: never). */
  idleCloseMs: z.number().int().min(0).default(60_000),
  /** Existing SQLite files served as databases: name → path (no conversion). */
  databases: z.record(z.string(), z.string()).default({}),
  /**
   * Reads run on a main-thread connection first and move to a worker thread if they take longer
   * than this (a watchdog interrupts them). 0 sends every statement to a worker.
   */
  inlineBudgetMs: z.number().int().min(0).max(100).default(3),
  /**
   * Open cursors per database that stream from a connection of their own (bounded memory);
   * further cursors, and cursors in a transaction that has written, hold their rows in memory.
   */
  maxStreamingCursors: z.number().int().min(0).max(10_000).default(64),
  /**
   * Most bytes of result a session holds for a statement described before it is executed (the
   * extended protocol's Describe of a portal); a larger result is dropped and streamed at Execute.
   */
  portalBufferBytes: z.number().int().min(64 * 1024).default(1024 * 1024),
});

export type ServerConfig = z.infer<typeof serverConfigSchema>;
export type ServerConfigInput = z.input<typeof serverConfigSchema>;

/** Validates a config, with messages that name the option. */
export function parseServerConfig(input: unknown): ServerConfig {
  const result = serverConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || 'config'}: ${issue.message}`);
  throw new Error(`invalid configuration:\n${lines.join('\n')}`);
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
