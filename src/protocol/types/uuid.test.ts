import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUuid, uuidFromBinary, uuidToBinary } from './uuid.js';

const canonical = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11';

describe('uuid input', () => {
  const ok = [
    canonical, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}',
    'a0eebc999c0b4ef8bb6d6bb9bd380a11', '{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}', 'a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11',
  ];
  for (const s of ok) test(s, () => assert.equal(parseUuid(s), canonical));
  const bad = [
    '', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1', '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}',
    'a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11', 'a0eebc999-c0b-4ef8-bb6d-6bb9bd380a11', 'g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
    ' a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11-',
  ];
  for (const s of bad) {
    test(`rejects ${JSON.stringify(s)}`, () => assert.throws(() => parseUuid(s), { code: '22P02', message: `invalid input syntax for type uuid: "${s}"` }));
  }
});

describe('uuid binary', () => {
  test('round trip', () => {
    const b = uuidToBinary(canonical);
    assert.equal(b.toString('hex'), 'a0eebc999c0b4ef8bb6d6bb9bd380a11');
    assert.equal(uuidFromBinary(b), canonical);
  });
  test('wrong length', () => {
    assert.throws(() => uuidFromBinary(Buffer.alloc(15)), { code: '08P01' });
    assert.throws(() => uuidFromBinary(Buffer.alloc(17)), { code: '22P03' });
  });
});
