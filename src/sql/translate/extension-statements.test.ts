import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PgError } from '../../protocol/pg-error.js';
import { translate } from './testing/translation-test-kit.js';

const failsWith = (pg: string, code: string, message: string) => assert.throws(() => translate(pg), (err: unknown) => {
  assert.ok(err instanceof PgError);
  assert.equal(err.code, code);
  assert.equal(err.message, message);
  return true;
});

test('CREATE EXTENSION refuses what PostgreSQL refuses before looking at the database', () => {
  failsWith('CREATE EXTENSION plpgsql', '42710', 'extension "plpgsql" already exists');
  failsWith('CREATE EXTENSION nosuch', '0A000', 'extension "nosuch" is not available');
  failsWith("CREATE EXTENSION pgcrypto VERSION '9'", '22023', 'extension "pgcrypto" has no installation script nor update path for version "9"');
  failsWith("ALTER EXTENSION pgcrypto UPDATE TO '2'", '22023', 'extension "pgcrypto" has no update path from version "1.3" to version "2"');
});

test('CREATE EXTENSION records the extension in its schema, after the existence check unless IF NOT EXISTS', () => {
  const plain = translate('CREATE EXTENSION "uuid-ossp"').sql;
  assert.match(plain.at(-1)!, /INSERT OR IGNORE INTO pgsqlite_extensions \(name, schema, version\) VALUES \('uuid-ossp', 'public', '1\.1'\)/);
  assert.ok(plain.some((sql) => sql.includes("'42710'")));
  const quiet = translate('CREATE EXTENSION IF NOT EXISTS pgcrypto SCHEMA pg_catalog').sql;
  assert.ok(!quiet.some((sql) => sql.includes('pgsqlite_raise')));
  assert.match(quiet.at(-1)!, /'pgcrypto', 'pg_catalog', '1\.3'/);
});

test('DROP EXTENSION checks each name unless IF EXISTS', () => {
  const sql = translate('DROP EXTENSION pgcrypto, "uuid-ossp" CASCADE').sql;
  assert.equal(sql.filter((s) => s.includes("'42704'")).length, 2);
  assert.ok(!translate('DROP EXTENSION IF EXISTS pgcrypto').sql.some((s) => s.includes('pgsqlite_raise')));
});
