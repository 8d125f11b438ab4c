/** Library entry: embed a pgsqlite server in an application or a test suite. */
export { createServer, ServerStartError, type PgServer } from './server/pg-server.js';
export type { ServerConfig, ServerConfigInput } from './config/config-schema.js';
