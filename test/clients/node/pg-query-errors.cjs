// Preloaded (node -r) into drizzle-kit, which exits 1 without saying which query failed: prints
// every failed pg.Pool query to stderr as `query failed: SQLSTATE message` (drizzle-client.ts
// puts these lines into its FAIL line).
const pg = require('pg');
const query = pg.Pool.prototype.query;
pg.Pool.prototype.query = function (...args) {
  const result = query.apply(this, args);
  if (result && typeof result.catch === 'function') {
    result.catch((err) => process.stderr.write(`query failed: ${err.code} ${err.message}\n`));
  }
  return result;
};
