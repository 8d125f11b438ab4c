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
