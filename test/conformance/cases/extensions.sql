-- Extensions: CREATE EXTENSION / DROP EXTENSION / ALTER EXTENSION … UPDATE for uuid-ossp and
-- pgcrypto (and the built-in plpgsql), pg_extension, and the extensions' functions. Random
-- outputs (uuid_generate_v1/v4, gen_random_uuid, gen_random_bytes) are compared by shape.
SELECT extname, extversion, extrelocatable FROM pg_extension ORDER BY extname;

CREATE EXTENSION plpgsql;

CREATE EXTENSION IF NOT EXISTS plpgsql;

CREATE EXTENSION nosuch_extension;

CREATE EXTENSION "uuid-ossp" VERSION '9.9';

CREATE EXTENSION pgcrypto SCHEMA nosuch_schema;

CREATE EXTENSION "uuid-ossp";

CREATE EXTENSION "uuid-ossp";

CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

CREATE SCHEMA crypto;

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public VERSION '1.3' CASCADE;

SELECT e.extname, e.extversion, e.extrelocatable, n.nspname, e.extowner = 10 AS owned, e.extconfig IS NULL AS noconfig
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace ORDER BY e.extname;

SELECT e.extname, obj_description(e.oid, 'pg_extension') FROM pg_extension e ORDER BY e.extname;

SELECT e.extname, d.description FROM pg_extension e JOIN pg_description d ON d.objoid = e.oid AND d.classoid = 'pg_extension'::regclass ORDER BY 1;

SELECT count(*) FROM pg_extension WHERE oid >= 16384;

ALTER EXTENSION "uuid-ossp" UPDATE;

ALTER EXTENSION "uuid-ossp" UPDATE TO '1.1';

ALTER EXTENSION "uuid-ossp" UPDATE TO '2.0';

ALTER EXTENSION nosuch_extension UPDATE;

SELECT uuid_nil(), uuid_ns_dns(), uuid_ns_url(), uuid_ns_oid(), uuid_ns_x500();

SELECT uuid_generate_v3(uuid_ns_dns(), 'www.example.com'), uuid_generate_v5(uuid_ns_dns(), 'www.example.com');

SELECT uuid_generate_v3(uuid_ns_url(), 'http://www.postgresql.org/'), uuid_generate_v5(uuid_ns_oid(), '1.3.6.1');

SELECT uuid_generate_v5('6ba7b814-9dad-11d1-80b4-00c04fd430c8', 'cn=ann, o=x'), uuid_generate_v3(uuid_nil(), 'ü');

SELECT uuid_generate_v3(uuid_ns_dns(), NULL) IS NULL AS null_name;

SELECT pg_typeof(uuid_generate_v4()), length(uuid_generate_v4()::text), uuid_generate_v4()::text ~ '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' AS v4;

SELECT uuid_generate_v1()::text ~ '^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' AS v1,
  uuid_generate_v1mc()::text ~ '^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' AS v1mc;

SELECT uuid_generate_v4() <> uuid_generate_v4() AS differ, uuid_generate_v1() <> uuid_generate_v1() AS differ_v1;

SELECT length(gen_random_uuid()::text), substr(gen_random_uuid()::text, 15, 1) AS version;

CREATE TABLE tokens (id uuid PRIMARY KEY DEFAULT uuid_generate_v4(), name text);

INSERT INTO tokens (name) VALUES ('a'), ('b');

SELECT count(DISTINCT id), min(length(id::text)) FROM tokens;

SELECT digest('abc', 'sha256');

SELECT digest('abc', 'md5'), digest('abc', 'sha1'), digest('abc', 'sha224');

SELECT encode(digest('abc', 'sha384'), 'hex'), encode(digest('abc', 'sha512'), 'hex');

SELECT digest('\x00ff'::bytea, 'sha256'), digest(''::text, 'md5');

SELECT digest('abc', 'SHA256');

SELECT digest('abc', 'sha3');

SELECT digest(NULL::text, 'md5') IS NULL AS null_data;

SELECT hmac('what do ya want for nothing?', 'Jefe', 'sha256'), hmac('msg', 'key', 'md5');

SELECT encode(hmac('\x0102'::bytea, '\xff'::bytea, 'sha1'), 'hex');

SELECT hmac('abc', 'k', 'nosuch');

SELECT pg_typeof(gen_random_bytes(16)), length(gen_random_bytes(16)), length(gen_random_bytes(1024));

SELECT gen_random_bytes(0);

SELECT gen_random_bytes(1025);

DROP EXTENSION nosuch_extension;

DROP EXTENSION IF EXISTS nosuch_extension;

DROP EXTENSION IF EXISTS nosuch_extension, pgcrypto CASCADE;

SELECT extname FROM pg_extension ORDER BY extname;

DROP TABLE tokens;

DROP EXTENSION "uuid-ossp" RESTRICT;

SELECT extname FROM pg_extension ORDER BY extname;

DROP EXTENSION "uuid-ossp";

CREATE EXTENSION "uuid-ossp";

CREATE EXTENSION pgcrypto SCHEMA crypto;

SELECT e.extname, e.extversion, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace ORDER BY e.extname;

DROP SCHEMA crypto;

DROP SCHEMA crypto CASCADE;

SELECT extname FROM pg_extension ORDER BY extname;
