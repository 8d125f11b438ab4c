-- Statements in the shape ORMs generate (quoted identifiers, aliases, parameters, LIMIT 1, RETURNING).
-- setup
CREATE TABLE "User" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, "name" TEXT, "role" TEXT NOT NULL DEFAULT 'USER', "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));

CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

CREATE TABLE "Post" ("id" SERIAL NOT NULL, "title" TEXT NOT NULL, "published" BOOLEAN NOT NULL DEFAULT false, "authorId" INTEGER, CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));

ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- case
-- params: ["alice@example.com", "Alice"]
INSERT INTO "public"."User" ("email","name") VALUES ($1,$2) RETURNING "public"."User"."id", "public"."User"."email", "public"."User"."name", "public"."User"."role";

-- params: ["bob@example.com", null]
INSERT INTO "User" ("email", "name") VALUES ($1, $2) RETURNING "id";

-- params: ["Hello", true, 1]
INSERT INTO "Post" ("title", "published", "authorId") VALUES ($1, $2, $3) RETURNING "id", "title", "published", "authorId";

-- params: ["Draft", false, 1]
INSERT INTO "Post" ("title", "published", "authorId") VALUES ($1, $2, $3) RETURNING *;

-- params: ["alice@example.com", 1, 0]
SELECT "public"."User"."id", "public"."User"."email", "public"."User"."name" FROM "public"."User" WHERE "public"."User"."email" = $1 LIMIT $2 OFFSET $3;

-- params: [1]
SELECT "t0"."id", "t0"."title" FROM "Post" AS "t0" WHERE "t0"."authorId" = $1 ORDER BY "t0"."id" ASC;

-- params: [true]
SELECT "Post"."id" AS "Post_id", "Post"."title" AS "Post_title", "author"."email" AS "author_email" FROM "Post" "Post" LEFT JOIN "User" "author" ON "author"."id"="Post"."authorId" WHERE "Post"."published" = $1;

-- params: [1]
SELECT COUNT(*) AS "_count" FROM "Post" WHERE "authorId" = $1;

SELECT COUNT(*)::int AS count FROM "User";

-- params: ["Renamed", 1]
UPDATE "User" SET "name" = $1 WHERE "id" = $2 RETURNING "id", "name";

-- params: [2]
UPDATE "Post" SET "published" = NOT "published" WHERE "id" = $1 RETURNING "published";

-- params: [[1, 2]]
SELECT "id", "email" FROM "User" WHERE "id" = ANY($1) ORDER BY "id";

-- params: ["%example%"]
SELECT "id" FROM "User" WHERE "email" LIKE $1 ORDER BY "id" DESC;

-- params: ["%ALICE%"]
SELECT "id" FROM "User" WHERE "email" ILIKE $1;

-- params: [1]
SELECT EXISTS(SELECT 1 FROM "Post" WHERE "authorId" = $1) AS "exists";

select "id", "email" from "User" where "name" is null;

-- the default CURRENT_TIMESTAMP differs between the two servers by the moment each ran it; pin it
UPDATE "User" SET "createdAt" = '2024-05-06 07:08:09.123456';

select * from "User" where "id" in (1, 2) order by "id" asc limit 10;

-- params: [10, 0]
SELECT "id", "title" FROM "Post" ORDER BY "id" DESC LIMIT $1 OFFSET $2;

-- params: ["x@example.com", "X"]
INSERT INTO "User" ("email", "name") VALUES ($1, $2) ON CONFLICT ("email") DO UPDATE SET "name" = EXCLUDED."name" RETURNING "id", "name";

-- params: ["x@example.com", "Y"]
INSERT INTO "User" ("email", "name") VALUES ($1, $2) ON CONFLICT ("email") DO UPDATE SET "name" = EXCLUDED."name" RETURNING "id", "name";

-- params: [3]
DELETE FROM "User" WHERE "id" = $1 RETURNING "id";

DELETE FROM "User" WHERE "id" = 1;

SELECT "id", "authorId" FROM "Post" ORDER BY "id";

SELECT "u"."id", COUNT("p"."id") AS "postCount" FROM "User" "u" LEFT JOIN "Post" "p" ON "p"."authorId" = "u"."id" GROUP BY "u"."id" ORDER BY "u"."id";

SELECT "createdAt" IS NOT NULL AS has_created FROM "User" LIMIT 1;

SELECT 1 AS "ok";

SELECT version() LIKE 'PostgreSQL%';

SELECT current_database();

SELECT current_schema();

-- the full version string names the build (Debian's reference prints its package version); ORMs read the major version
SELECT split_part(current_setting('server_version'), '.', 1) AS major;

SHOW standard_conforming_strings;

SHOW transaction isolation level;

SET search_path TO public;

SET client_min_messages TO warning;

SET NAMES 'UTF8';

SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED;

BEGIN ISOLATION LEVEL SERIALIZABLE;

COMMIT;

START TRANSACTION;

COMMIT;

SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name;

SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'Post' ORDER BY ordinal_position;

SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename;

SELECT relname FROM pg_class WHERE relkind = 'r' AND relname = 'User';

SELECT EXISTS (SELECT FROM pg_catalog.pg_tables WHERE tablename = 'User');

SELECT pg_advisory_lock(1);

SELECT pg_advisory_unlock(1);
