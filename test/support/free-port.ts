import { createServer } from 'node:net';

/**
 * Asks the kernel for a currently unused TCP port on 127.0.0.1.
 *
 * The port is released before it is returned, so another process may take it
 * first; callers that bind it later (a PostgreSQL cluster, say) retry on
 * "address in use" rather than trusting it blindly.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error(`unexpected listen address: ${String(address)}`));
        return;
      }
      const { port } = address;
      server.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}
