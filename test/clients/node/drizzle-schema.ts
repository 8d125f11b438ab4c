/** The Drizzle schema that drizzle-client.ts pushes with drizzle-kit and queries with drizzle-orm. */
import { relations } from 'drizzle-orm';
import { boolean, index, integer, pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';

export const dzAuthor = pgTable('dz_author', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 120 }).notNull(),
  email: text('email').unique(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const dzPost = pgTable('dz_post', {
  id: serial('id').primaryKey(),
  // No .references(): drizzle-kit adds a foreign key with ALTER TABLE (drizzle-schema-fk.ts).
  authorId: integer('author_id').notNull(),
  title: text('title').notNull(),
  views: integer('views').notNull().default(0),
}, (t) => [index('dz_post_author_idx').on(t.authorId)]);

export const dzAuthorRelations = relations(dzAuthor, ({ many }) => ({ posts: many(dzPost) }));
export const dzPostRelations = relations(dzPost, ({ one }) => ({ author: one(dzAuthor, { fields: [dzPost.authorId], references: [dzAuthor.id] }) }));
