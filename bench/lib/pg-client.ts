import pg from 'pg';
import type { Endpoint } from './types.js';

/** A node-postgres client on the endpoint; the caller ends it. */
export async function connectClient(endpoint: Endpoint): Promise<pg.Client> {
  const client = new pg.Client({ host: endpoint.host, port: endpoint.port, user: endpoint.user, database: endpoint.database });
  await client.connect();
  return client;
}

/** Runs `body` with a connected client and always ends the client, so a failed round leaks no connection. */
export async function withClient<T>(endpoint: Endpoint, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connectClient(endpoint);
  try {
    return await body(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * `count` connected clients, opened at most `parallel` at a time (a thousand simultaneous
 * connects would measure the listen backlog, not the server). If any connect fails, the ones
 * already open are ended before the error is passed on, so a failed round leaks nothing.
 */
export async function connectClients(endpoint: Endpoint, count: number, parallel = 16): Promise<pg.Client[]> {
  const clients: pg.Client[] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;
  const opener = async () => {
    while (next < count && !failure) {
      next++;
      try {
        clients.push(await connectClient(endpoint));
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  // Every opener has stopped before we look, so no connect can finish after the clean-up.
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, opener));
  if (!failure) return clients;
  await endClients(clients);
  throw failure.error;
}

export async function endClients(clients: readonly pg.Client[]): Promise<void> {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
}
