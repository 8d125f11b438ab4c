import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameBasedUuid, timeBasedUuidGenerator, uuidNamespaces } from './uuid-generation.js';

test('name-based UUIDs match RFC 4122 / uuid-ossp for the DNS namespace', () => {
  const name = Buffer.from('www.example.com');
  assert.equal(nameBasedUuid(3, uuidNamespaces.dns, name), '5df41881-3aed-3515-88a7-2f4a814cf09e');
  assert.equal(nameBasedUuid(5, uuidNamespaces.dns, name), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
});

test('time-based UUIDs carry version 1, the variant, the node, and never repeat on a fixed clock', () => {
  const generate = timeBasedUuidGenerator(() => 1_700_000_000_000, (size) => Buffer.alloc(size, 0xff));
  const node = Buffer.from('0123456789ab', 'hex');
  const first = generate(node);
  const second = generate(node);
  assert.match(first, /^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-0123456789ab$/);
  assert.notEqual(first, second);
  // 2023-11-14T22:13:20Z in 100 ns ticks since 1582-10-15: time_low, time_mid, time_hi.
  assert.equal(first.slice(0, 18), '04afc000-833b-11ee');
});
