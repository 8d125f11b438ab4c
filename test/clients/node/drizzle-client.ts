/**
 * Drizzle ORM + drizzle-kit against pgsqlite: `drizzle-kit push` creates drizzle-schema.ts's tables
 * (drizzle-kit introspects the database first, then diffs), a second push finds nothing to do,
 * `drizzle-kit pull` writes the schema back as TypeScript, and drizzle-orm/node-postgres runs CRUD
 * with parameters, relational queries and a transaction.
 * Run by test/integration/orm-drizzle.test.ts; output format in scenario-runner.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, count, desc, eq, gt, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './drizzle-schema.js';
import { assert, runScenarios, server, serverUrl } from './scenario-runner.js';

const queryErrors = fileURLToPath(new URL('./pg-query-errors.cjs', import.meta.url));
const drizzleKit = fileURLToPath(new URL('../../../node_modules/drizzle-kit/bin.cjs', import.meta.url));
const schemaFile = fileURLToPath(new URL('./drizzle-schema.ts', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'pgsqlite-drizzle-'));

/** Runs drizzle-kit with a CLI-only configuration (no config file); returns its output. */
function kit(args: string[]): string {
  const result = spawnSync(process.execPath, ['-r', queryErrors, drizzleKit, ...args, '--dialect=postgresql', `--url=${serverUrl}`], {
    cwd: workDir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const output = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const failed = output.split('\n').filter((line) => line.startsWith('query failed: ')).join('; ');
  if (result.status !== 0 || failed) throw new Error(`drizzle-kit ${args[0]} exited with ${result.status}: ${failed || output.trim().slice(-1500)}`);
  return output;
}

const pool = new pg.Pool({ ...server, max: 4 });
const db = drizzle(pool, { schema });
const { dzAuthor, dzPost } = schema;

await runScenarios({
  async push() {
    const output = kit(['push', `--schema=${schemaFile}`, '--force', '--verbose']);
    assert.match(output, /Changes applied/, output);
    const tables = await pool.query("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'dz\\_%' ORDER BY 1");
    assert.deepEqual(tables.rows.map((r) => r.table_name), ['dz_author', 'dz_post']);
  },
  async 'push-again'() {
    const output = kit(['push', `--schema=${schemaFile}`, '--force', '--verbose']);
    assert.match(output, /No changes detected/, output);
  },
  async 'push-foreign-key'() {
    const output = kit(['push', `--schema=${fileURLToPath(new URL('./drizzle-schema-fk.ts', import.meta.url))}`, '--force', '--verbose']);
    assert.match(output, /ADD CONSTRAINT "dz_post_author_id_dz_author_id_fk" FOREIGN KEY/, output);
    assert.match(output, /Changes applied/, output);
  },
  async pull() {
    kit(['pull', `--out=${join(workDir, 'pulled')}`, '--tablesFilter=dz_*']);
    const files = readdirSync(join(workDir, 'pulled'));
    assert.ok(files.includes('schema.ts'), `pull wrote ${files.join(', ')}`);
    const pulled = readFileSync(join(workDir, 'pulled', 'schema.ts'), 'utf8');
    assert.match(pulled, /export const dzAuthor = pgTable\("dz_author"/);
    assert.match(pulled, /id: serial\(\)\.primaryKey\(\)/);
    assert.match(pulled, /name: varchar\(\{ length: 120 \}\)\.notNull\(\)/);
    assert.match(pulled, /active: boolean\(\)\.default\(true\)\.notNull\(\)/);
    assert.match(pulled, /unique\("dz_author_email_unique"\)\.on\(table\.email\)/);
    assert.match(pulled, /index\("dz_post_author_idx"\)/);
  },
  async crud() {
    const [ada] = await db.insert(dzAuthor).values({ name: 'Ada', email: 'ada@example.com' }).returning();
    assert.equal(ada.active, true);
    assert.ok(ada.createdAt instanceof Date);
    await db.insert(dzPost).values([{ authorId: ada.id, title: 'Notes', views: 10 }, { authorId: ada.id, title: 'Engine', views: 3 }]);
    const popular = await db.select({ title: dzPost.title }).from(dzPost).where(and(eq(dzPost.authorId, ada.id), gt(dzPost.views, 5)));
    assert.deepEqual(popular, [{ title: 'Notes' }]);
    await db.update(dzPost).set({ views: sql`${dzPost.views} + ${1}` }).where(eq(dzPost.title, 'Engine'));
    const ordered = await db.select().from(dzPost).orderBy(desc(dzPost.views));
    assert.deepEqual(ordered.map((p) => [p.title, p.views]), [['Notes', 10], ['Engine', 4]]);
    const joined = await db.select({ name: dzAuthor.name, posts: count(dzPost.id) }).from(dzAuthor)
      .leftJoin(dzPost, eq(dzPost.authorId, dzAuthor.id)).groupBy(dzAuthor.name);
    assert.deepEqual(joined, [{ name: 'Ada', posts: 2 }]);
    const deleted = await db.delete(dzPost).where(eq(dzPost.title, 'Engine')).returning({ id: dzPost.id });
    assert.equal(deleted.length, 1);
  },
  async relations() {
    const authors = await db.query.dzAuthor.findMany({ with: { posts: { columns: { title: true } } } });
    assert.deepEqual(authors.map((a) => ({ name: a.name, posts: a.posts })), [{ name: 'Ada', posts: [{ title: 'Notes' }] }]);
    const post = await db.query.dzPost.findFirst({ where: eq(dzPost.title, 'Notes'), with: { author: { columns: { name: true } } } });
    assert.deepEqual(post?.author, { name: 'Ada' });
  },
  async transaction() {
    await db.transaction(async (tx) => {
      const [grace] = await tx.insert(dzAuthor).values({ name: 'Grace' }).returning({ id: dzAuthor.id });
      await tx.insert(dzPost).values({ authorId: grace.id, title: 'COBOL' });
    });
    await assert.rejects(db.transaction(async (tx) => {
      await tx.insert(dzAuthor).values({ name: 'Gone' });
      await tx.insert(dzAuthor).values({ name: 'Dup', email: 'ada@example.com' });
    }), (err: { cause?: { code?: string }; code?: string }) => (err.cause?.code ?? err.code) === '23505');
    const names = await db.select({ name: dzAuthor.name }).from(dzAuthor).orderBy(dzAuthor.id);
    assert.deepEqual(names.map((n) => n.name), ['Ada', 'Grace']);
  },
}, async () => {
  await pool.end();
  rmSync(workDir, { recursive: true, force: true });
});
