/**
 * Knex (query builder, pg driver) against pgsqlite: migrations (latest, rollback, status) from an
 * in-code migration source, the schema builder (increments, timestamps, foreign keys, indexes),
 * queries with bindings, a transaction, and hasTable/hasColumn/columnInfo introspection.
 * Run by test/integration/orm-knex.test.ts; output format in scenario-runner.ts.
 */
import knexFactory, { type Knex } from 'knex';
import { assert, runScenarios, server } from './scenario-runner.js';

const migrations: Record<string, { up(k: Knex): Promise<void>; down(k: Knex): Promise<void> }> = {
  '001_users': {
    async up(k) {
      await k.schema.createTable('kx_user', (t) => {
        t.increments('id');
        t.string('email', 200).notNullable().unique();
        t.boolean('active').notNullable().defaultTo(true);
        t.timestamps(true, true);
      });
    },
    async down(k) {
      await k.schema.dropTable('kx_user');
    },
  },
  '002_posts': {
    async up(k) {
      await k.schema.createTable('kx_post', (t) => {
        t.increments('id');
        // The foreign key comes in the foreign-key scenario: Knex adds it with ALTER TABLE … ADD CONSTRAINT.
        t.integer('user_id').unsigned().notNullable();
        t.string('title').notNullable();
        t.text('body');
        t.integer('score').defaultTo(0);
        t.timestamps(true, true);
        t.index(['user_id', 'score']);
      });
    },
    async down(k) {
      await k.schema.dropTable('kx_post');
    },
  },
};

const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name],
};

const knex = knexFactory({ client: 'pg', connection: { ...server }, pool: { min: 0, max: 4 }, migrations: { migrationSource } });

await runScenarios({
  async migrate() {
    const [batch, applied] = await knex.migrate.latest();
    assert.equal(batch, 1);
    assert.deepEqual(applied, ['001_users', '002_posts']);
    const [, again] = await knex.migrate.latest();
    assert.deepEqual(again, []);
    assert.equal(await knex.migrate.currentVersion(), '002_posts'.replace(/_.*/, ''));
  },
  async rollback() {
    const [, rolledBack] = await knex.migrate.rollback();
    assert.deepEqual(rolledBack, ['002_posts', '001_users']);
    assert.equal(await knex.schema.hasTable('kx_user'), false);
    const [batch, applied] = await knex.migrate.latest();
    assert.equal(batch, 1);
    assert.deepEqual(applied, ['001_users', '002_posts']);
    const [completed, pending] = await knex.migrate.list();
    assert.equal(completed.length, 2);
    assert.equal(pending.length, 0);
  },
  async introspection() {
    assert.equal(await knex.schema.hasTable('kx_post'), true);
    assert.equal(await knex.schema.hasTable('kx_missing'), false);
    assert.equal(await knex.schema.hasColumn('kx_post', 'score'), true);
    assert.equal(await knex.schema.hasColumn('kx_post', 'nope'), false);
    const info = await knex('kx_user').columnInfo();
    assert.deepEqual(Object.keys(info), ['id', 'email', 'active', 'created_at', 'updated_at']);
    assert.equal(info.email.type, 'character varying');
    assert.equal(info.email.maxLength, 200);
    assert.equal(info.email.nullable, false);
    assert.equal(info.active.type, 'boolean');
    assert.equal(info.active.defaultValue, 'true');
    assert.equal(info.created_at.type, 'timestamp with time zone');
  },
  async crud() {
    const [user] = await knex('kx_user').insert({ email: 'ada@example.com' }).returning(['id', 'email', 'active']);
    assert.deepEqual({ ...user, id: typeof user.id }, { id: 'number', email: 'ada@example.com', active: true });
    const rows = await knex('kx_post').insert([
      { user_id: user.id, title: 'First', body: null, score: 3 },
      { user_id: user.id, title: 'Second', body: 'text', score: 5 },
    ]).returning('id');
    assert.equal(rows.length, 2);
    const top = await knex('kx_post').select('title').where('score', '>', 4).andWhere({ user_id: user.id });
    assert.deepEqual(top, [{ title: 'Second' }]);
    const joined = await knex('kx_post as p').join('kx_user as u', 'u.id', 'p.user_id')
      .select('u.email', knex.raw('sum(p.score)::int as total')).groupBy('u.email');
    assert.deepEqual(joined, [{ email: 'ada@example.com', total: 8 }]);
    assert.equal(await knex('kx_post').where({ title: 'First' }).update({ score: knex.raw('score + ?', [10]) }), 1);
    const first = await knex('kx_post').first('score', 'created_at').where({ title: 'First' });
    assert.equal(first.score, 13);
    assert.ok(first.created_at instanceof Date, 'created_at default now() comes back as a Date');
    assert.equal(await knex('kx_post').where('title', 'Second').del(), 1);
    const [{ count }] = await knex('kx_post').count('* as count');
    assert.equal(Number(count), 1);
  },
  async transaction() {
    await knex.transaction(async (trx) => {
      const [u] = await trx('kx_user').insert({ email: 'grace@example.com', active: false }).returning('id');
      await trx('kx_post').insert({ user_id: u.id, title: 'In a transaction' });
    });
    await assert.rejects(knex.transaction(async (trx) => {
      await trx('kx_user').insert({ email: 'gone@example.com' });
      await trx('kx_user').insert({ email: 'ada@example.com' });
    }), (err: { code?: string }) => err.code === '23505');
    const emails = await knex('kx_user').pluck('email').orderBy('id');
    assert.deepEqual(emails, ['ada@example.com', 'grace@example.com']);
  },
  async 'foreign-key'() {
    // What t.integer('user_id').references('id').inTable('kx_user') in createTable sends, after the CREATE TABLE.
    await knex.schema.alterTable('kx_post', (t) => {
      t.foreign('user_id').references('id').inTable('kx_user').onDelete('CASCADE');
    });
    await assert.rejects(knex('kx_post').insert({ user_id: 999, title: 'orphan' }), (err: { code?: string }) => err.code === '23503');
    await knex('kx_user').where({ email: 'grace@example.com' }).del();
    assert.deepEqual(await knex('kx_post').pluck('title'), ['First']);
  },
  async 'alter-table'() {
    await knex.schema.alterTable('kx_user', (t) => {
      t.string('nickname', 50);
      t.index(['email', 'active'], 'kx_user_email_active');
    });
    assert.equal(await knex.schema.hasColumn('kx_user', 'nickname'), true);
    await knex.schema.alterTable('kx_user', (t) => {
      t.dropIndex(['email', 'active'], 'kx_user_email_active');
      t.dropColumn('nickname');
    });
    assert.equal(await knex.schema.hasColumn('kx_user', 'nickname'), false);
  },
}, () => knex.destroy());
