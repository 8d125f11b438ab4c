import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { arrayElementOid } from '../../protocol/types/oids.js';
import { parseDeclaredType } from './declared-type.js';
import {
  enumArrayTypeOid, enumDeclaredType, enumDisplayName, enumNameOfTypeNames, enumOfDeclaredType, enumOfOid, enumTypeOid,
} from './enum-declared-type.js';
import { ANY_ENUM, resolveTypedSlots, slotEnumNameMarker, typedSlot } from './typed-slots.js';

describe('enum declared types', () => {
  it('declares a column by the storage name and reads it back', () => {
    assert.equal(enumDeclaredType('mood'), 'enumtext:mood');
    assert.deepEqual(enumOfDeclaredType('enumtext:s.Mood[]'), { name: 's.Mood', array: true });
    assert.equal(enumOfDeclaredType('text'), undefined);
    assert.deepEqual(parseDeclaredType('enumtext:mood'), { oid: enumTypeOid('mood'), typmod: -1 });
    assert.deepEqual(parseDeclaredType('enumtext:mood[]'), { oid: enumArrayTypeOid('mood'), typmod: -1 });
  });

  it('gives stable even OIDs with the array type next, which the wire layer reads as an array', () => {
    const oid = enumTypeOid('mood');
    assert.equal(oid, enumTypeOid('mood'));
    assert.equal(oid % 2, 0);
    assert.ok(oid >= 2 ** 30 && oid < 2 ** 31);
    assert.equal(enumArrayTypeOid('mood'), oid + 1);
    assert.equal(arrayElementOid(oid + 1), oid);
    assert.equal(arrayElementOid(oid), undefined);
    assert.deepEqual(enumOfOid(oid), { name: 'mood', array: false });
    assert.notEqual(enumTypeOid('mood2'), oid);
  });

  it('tells user type names from built-in ones', () => {
    assert.equal(enumNameOfTypeNames(['mood']), 'mood');
    assert.equal(enumNameOfTypeNames(['public', 'mood']), 'mood');
    assert.equal(enumNameOfTypeNames(['sales', 'mood']), 'sales.mood');
    for (const builtin of [['text'], ['uuid'], ['tsvector'], ['pg_catalog', 'int4'], ['serial'], ['blob']]) {
      assert.equal(enumNameOfTypeNames(builtin), undefined, builtin.join('.'));
    }
  });

  it('prints names as format_type does', () => {
    assert.equal(enumDisplayName('mood'), 'mood');
    assert.equal(enumDisplayName('Quoted Type'), '"Quoted Type"');
    assert.equal(enumDisplayName('sales.mood'), 'sales.mood');
  });

  it('resolves an ANY_ENUM slot for enum columns only', () => {
    const sql = typedSlot({ terms: [{ col: 'm', from: ['t'] }], oids: [ANY_ENUM], native: ['', ''], special: ['pos(' + slotEnumNameMarker + ', ', ')'] }, ['m']);
    assert.equal(resolveTypedSlots(sql, () => enumTypeOid("it's")), "pos('it''s', m)");
    assert.equal(resolveTypedSlots(sql, () => enumArrayTypeOid('mood')), 'm');
    assert.equal(resolveTypedSlots(sql, () => 25), 'm');
  });
});
