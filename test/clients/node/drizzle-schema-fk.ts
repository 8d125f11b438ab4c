/** drizzle-schema.ts with dz_post.author_id a foreign key: the push-foreign-key scenario's schema. */
import { index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { dzAuthor } from './drizzle-schema.js';

export { dzAuthor };

export const dzPost = pgTable('dz_post', {
  id: serial('id').primaryKey(),
  authorId: integer('author_id').notNull().references(() => dzAuthor.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  views: integer('views').notNull().default(0),
}, (t) => [index('dz_post_author_idx').on(t.authorId)]);
