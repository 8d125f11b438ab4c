import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { constraintDefinition, indexDefinition, parseIndexDdl, parseTableDdl } from './table-ddl.js';
import { formatType } from './format-type.js';
import { objectOid } from './catalog-oids.js';

describe('table DDL', () => {
  it('names unnamed constraints as PostgreSQL does', () => {
    const ddl = parseTableDdl('books', `CREATE TABLE books (id INTEGER PRIMARY KEY, author_id integer NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
      title text UNIQUE, qty int CHECK (qty > 0), CONSTRAINT named CHECK (length(title) > 0), CHECK (1 = 1), UNIQUE (qty, title))`);
    assert.deepEqual(ddl.columns, ['id', 'author_id', 'title', 'qty']);
    assert.deepEqual(ddl.constraints.map((c) => `${c.name} ${constraintDefinition(c)}`), [
      'books_pkey PRIMARY KEY (id)',
      'books_author_id_fkey FOREIGN KEY (author_id) REFERENCES authors(id) ON DELETE CASCADE',
      'books_title_key UNIQUE (title)',
      'books_qty_check CHECK (qty > 0)',
      'named CHECK (length(title) > 0)',
      'books_check CHECK (1 = 1)',
      'books_qty_title_key UNIQUE (qty, title)',
    ]);
  });

  it('reads table-level foreign keys and quoted names', () => {
    const ddl = parseTableDdl('r', 'CREATE TABLE r ("Order" int, b int, FOREIGN KEY ("Order", b) REFERENCES t MATCH FULL ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED)');
    assert.deepEqual(ddl.columns, ['Order', 'b']);
    assert.equal(constraintDefinition(ddl.constraints[0]!),
      'FOREIGN KEY ("Order", b) REFERENCES t({refcols}) MATCH FULL ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED');
    assert.equal(ddl.constraints[0]!.name, 'r_Order_b_fkey');
  });

  it('prints index definitions as pg_get_indexdef', () => {
    assert.equal(indexDefinition('i', 't', parseIndexDdl('CREATE UNIQUE INDEX i ON t (a, lower(b) DESC) WHERE a > 0')),
      'CREATE UNIQUE INDEX i ON public.t USING btree (a, lower(b) DESC) WHERE (a > 0)');
  });

  it('formats types as format_type', () => {
    assert.equal(formatType(1043, 104), 'character varying(100)');
    assert.equal(formatType(1042, undefined), 'bpchar');
    assert.equal(formatType(1700, ((10 << 16) | 2) + 4), 'numeric(10,2)');
    assert.equal(formatType(1115, 3), 'timestamp(3) without time zone[]');
  });

  it('gives stable OIDs at or above 16384', () => {
    assert.equal(objectOid('books'), objectOid('books'));
    assert.ok(objectOid('books') >= 16384 && objectOid('books') < 2 ** 31);
    assert.notEqual(objectOid('books'), objectOid('books', 'books_pkey'));
  });
});
