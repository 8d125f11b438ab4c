/**
 * Kysely (query builder) with its node-postgres dialect against pgsqlite: migrations through
 * Migrator (an in-code provider), introspection, typed CRUD with parameters, a transaction.
 * Run by test/integration/orm-kysely.test.ts; output format in scenario-runner.ts.
 */
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, sql, type Generated, type Migration, type MigrationProvider } from 'kysely';
import { assert, runScenarios, server } from './scenario-runner.js';

interface Database {
  ky_author: { id: Generated<number>; name: string; email: string | null };
  ky_book: { id: Generated<number>; author_id: number; title: string; pages: number; published: Generated<boolean> };
}

const migrations: Record<string, Migration> = {
  '0001_authors': {
    async up(db) {
      await db.schema.createTable('ky_author')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.unique())
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('ky_author').execute();
    },
  },
  '0002_books': {
    async up(db) {
      await db.schema.createTable('ky_book')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('author_id', 'integer', (c) => c.notNull().references('ky_author.id').onDelete('cascade'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('pages', 'integer', (c) => c.notNull())
        .addColumn('published', 'boolean', (c) => c.notNull().defaultTo(false))
        .execute();
      await db.schema.createIndex('ky_book_title_idx').on('ky_book').column('title').execute();
    },
    async down(db) {
      await db.schema.dropTable('ky_book').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ ...server, max: 4 }) }) });
const migrator = new Migrator({ db, provider });

await runScenarios({
  async migrate() {
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error;
    assert.deepEqual(results?.map((r) => `${r.migrationName}:${r.status}`), ['0001_authors:Success', '0002_books:Success']);
    const again = await migrator.migrateToLatest();
    if (again.error) throw again.error;
    assert.deepEqual(again.results, [], 'a second migrateToLatest has nothing to do');
    const listed = await migrator.getMigrations();
    assert.deepEqual(listed.map((m) => m.executedAt !== undefined), [true, true]);
  },
  async 'migrate-down'() {
    const down = await migrator.migrateDown();
    if (down.error) throw down.error;
    assert.deepEqual(down.results?.map((r) => `${r.migrationName}:${r.direction}:${r.status}`), ['0002_books:Down:Success']);
    const up = await migrator.migrateToLatest();
    if (up.error) throw up.error;
    assert.deepEqual(up.results?.map((r) => r.migrationName), ['0002_books']);
  },
  async introspection() {
    const tables = await db.introspection.getTables();
    const byName = new Map(tables.map((t) => [t.name, t]));
    assert.deepEqual([...byName.keys()].filter((n) => n.startsWith('ky_')).sort(), ['ky_author', 'ky_book']);
    const book = byName.get('ky_book')!;
    assert.equal(book.schema, 'public');
    assert.equal(book.isView, false);
    const columns = Object.fromEntries(book.columns.map((c) => [c.name, c]));
    assert.deepEqual(book.columns.map((c) => c.name), ['id', 'author_id', 'title', 'pages', 'published']);
    assert.equal(columns.id.dataType, 'int4');
    assert.equal(columns.title.dataType, 'text');
    assert.equal(columns.title.isNullable, false);
    assert.equal(columns.published.dataType, 'bool');
    assert.equal(columns.published.hasDefaultValue, true);
    const author = Object.fromEntries(byName.get('ky_author')!.columns.map((c) => [c.name, c]));
    assert.equal(author.name.dataType, 'varchar');
    assert.equal(author.email.isNullable, true);
    const withInternal = await db.introspection.getTables({ withInternalKyselyTables: true });
    assert.ok(withInternal.some((t) => t.name === 'kysely_migration'), 'kysely_migration listed with internal tables');
  },
  async 'introspection-serial'() {
    const tables = await db.introspection.getTables();
    const id = tables.find((t) => t.name === 'ky_book')!.columns.find((c) => c.name === 'id')!;
    assert.equal(id.isAutoIncrementing, true, 'serial id is auto-incrementing (pg_get_serial_sequence)');
    assert.equal(id.hasDefaultValue, true, 'serial id has a default');
  },
  async 'insert-default-some-rows'() {
    const author = await db.selectFrom('ky_author').select('id').executeTakeFirstOrThrow();
    await db.insertInto('ky_book').values([
      { author_id: author.id, title: 'Default published', pages: 1 },
      { author_id: author.id, title: 'Explicit published', pages: 2, published: true },
    ]).execute();
    const rows = await db.deleteFrom('ky_book').where('pages', '<', 3).returning(['title', 'published']).execute();
    assert.deepEqual(rows.sort((a, b) => a.title.localeCompare(b.title)), [
      { title: 'Default published', published: false }, { title: 'Explicit published', published: true }]);
  },
  async crud() {
    const author = await db.insertInto('ky_author').values({ name: 'Ursula', email: 'ul@example.com' }).returning(['id', 'name']).executeTakeFirstOrThrow();
    assert.equal(author.name, 'Ursula');
    await db.insertInto('ky_book').values([
      { author_id: author.id, title: 'The Dispossessed', pages: 387, published: false },
      { author_id: author.id, title: 'The Lathe of Heaven', pages: 184, published: false },
    ]).execute();
    await db.updateTable('ky_book').set({ published: true }).where('title', '=', 'The Lathe of Heaven').execute();
    const long = await db.selectFrom('ky_book').select(['title', 'pages']).where('pages', '>', 200).execute();
    assert.deepEqual(long, [{ title: 'The Dispossessed', pages: 387 }]);
    const joined = await db.selectFrom('ky_book as b').innerJoin('ky_author as a', 'a.id', 'b.author_id')
      .select(['a.name', 'b.title']).where('b.published', '=', true).orderBy('b.title').execute();
    assert.deepEqual(joined, [{ name: 'Ursula', title: 'The Lathe of Heaven' }]);
    const updated = await db.updateTable('ky_book').set({ published: true }).where('title', 'like', 'The D%').executeTakeFirst();
    assert.equal(updated.numUpdatedRows, 1n);
    const count = await db.selectFrom('ky_book').select((eb) => eb.fn.countAll<string>().as('n')).where('published', '=', true).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 2);
    const deleted = await db.deleteFrom('ky_book').where('pages', '<', 200).executeTakeFirst();
    assert.equal(deleted.numDeletedRows, 1n);
    const raw = await sql<{ n: number }>`SELECT ${41}::int + 1 AS n`.execute(db);
    assert.equal(raw.rows[0].n, 42);
  },
  async transaction() {
    await db.transaction().execute(async (trx) => {
      const a = await trx.insertInto('ky_author').values({ name: 'Octavia', email: null }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('ky_book').values({ author_id: a.id, title: 'Kindred', pages: 264 }).execute();
    });
    await assert.rejects(db.transaction().execute(async (trx) => {
      await trx.insertInto('ky_author').values({ name: 'Rolled back', email: null }).execute();
      throw new Error('abort');
    }), /abort/);
    const names = await db.selectFrom('ky_author').select('name').orderBy('id').execute();
    assert.deepEqual(names.map((r) => r.name), ['Ursula', 'Octavia']);
    await assert.rejects(db.insertInto('ky_author').values({ name: 'Dup', email: 'ul@example.com' }).execute(), (err: { code?: string }) => err.code === '23505');
  },
}, () => db.destroy());
