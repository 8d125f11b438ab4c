import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { missingRelationMessage, parseRegclassName, regclassCandidates, systemCatalogName } from './regclass-names.js';

describe('regclass names', () => {
  it('folds bare parts and keeps quoted ones, as regclassin does', () => {
    assert.deepEqual(parseRegclassName('Books'), { name: 'books' });
    assert.deepEqual(parseRegclassName(' sales . "Orders" '), { schema: 'sales', name: 'Orders' });
    assert.deepEqual(parseRegclassName('"a.b"'), { name: 'a.b' });
    assert.deepEqual(parseRegclassName('"say ""hi"""'), { name: 'say "hi"' });
    assert.deepEqual(parseRegclassName('db.s.t'), { schema: 's', name: 't' });
  });

  it('refuses what PostgreSQL refuses', () => {
    for (const text of ['', 'a..b', 'a.', '"unterminated', 'two words', '""']) {
      assert.throws(() => parseRegclassName(text), { code: '42602' }, text);
    }
    assert.throws(() => parseRegclassName('a.b.c.d'), { code: '42601' });
  });

  it('lists a system catalog first, then each schema of the search path', () => {
    assert.deepEqual(regclassCandidates('t', ['sales', 'public']), ['sales.t', 't']);
    assert.deepEqual(regclassCandidates('public.t', ['sales']), ['t']);
    assert.deepEqual(regclassCandidates('pg_class', ['public']), [1259, 'pg_class']);
    assert.deepEqual(regclassCandidates('pg_catalog.pg_class', ['public']), [1259]);
    assert.deepEqual(regclassCandidates('information_schema.tables', ['public']), []);
    assert.deepEqual(regclassCandidates('t', []), ['t']);
  });

  it('names a missing relation as PostgreSQL does', () => {
    assert.equal(missingRelationMessage('public.Nope'), 'relation "public.nope" does not exist');
    assert.equal(missingRelationMessage('"Nope"'), 'relation "Nope" does not exist');
    assert.equal(systemCatalogName(1259), 'pg_class');
    assert.equal(systemCatalogName(1), undefined);
  });
});
