import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createServer, type PgServer } from '../../src/index.js';
import type { ServerConfigInput } from '../../src/config/config-schema.js';

export interface TestServer {
  server: PgServer;
  host: string;
  port: number;
  dataDir: string;
  /** A node-postgres client config for this server. */
  clientConfig(overrides?: pg.ClientConfig): pg.ClientConfig;
  connect(overrides?: pg.ClientConfig): Promise<pg.Client>;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Starts pgsqlite in this process on a port chosen by the OS, with a fresh data directory. */
export async function startTestServer(config: ServerConfigInput = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pgsqlite-test-'));
  const server = createServer({ port: 0, dataDir, logLevel: 'warn', ...config });
  const address = await server.listen();
  const host = '127.0.0.1';
  const clients: pg.Client[] = [];
  const clientConfig = (overrides: pg.ClientConfig = {}): pg.ClientConfig => ({
    host, port: address.port, user: 'postgres', database: 'postgres', ...overrides,
  });
  const close = async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return {
    server, host, port: address.port, dataDir, clientConfig,
    async connect(overrides) {
      const client = new pg.Client(clientConfig(overrides));
      client.on('error', () => undefined);
      await client.connect();
      clients.push(client);
      return client;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
