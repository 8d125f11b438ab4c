/**
 * RFC 4122 UUIDs as uuid-ossp makes them: name-based (v3: MD5, v5: SHA-1 of the namespace's 16
 * bytes followed by the name's UTF-8 bytes) and time-based (v1: 100 ns ticks since 1582-10-15,
 * a clock sequence and a node id). Pure apart from the clock and randomness passed in.
 */
import { createHash } from 'node:crypto';

/** uuid-ossp's namespace constants (RFC 4122 appendix C). */
export const uuidNamespaces = {
  nil: '00000000-0000-0000-0000-000000000000',
  dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
  oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
  x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
} as const;

/** The 16 bytes of a UUID in its text form (hyphens and braces ignored, as uuid input does). */
export function uuidBytes(text: string): Buffer {
  const hex = text.replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`invalid uuid: ${text}`);
  return Buffer.from(hex, 'hex');
}

/** The canonical lower-case 8-4-4-4-12 form. */
export function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Sets the version nibble and the RFC 4122 variant bits (10xx) of a 16-byte buffer in place. */
function stamp(bytes: Buffer, version: number): Buffer {
  bytes[6] = (bytes[6]! & 0x0f) | (version << 4);
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return bytes;
}

/** uuid_generate_v3 (MD5) and uuid_generate_v5 (SHA-1): the same inputs always give the same UUID. */
export function nameBasedUuid(version: 3 | 5, namespace: string, name: Buffer): string {
  const digest = createHash(version === 3 ? 'md5' : 'sha1').update(uuidBytes(namespace)).update(name).digest();
  return formatUuid(stamp(digest.subarray(0, 16), version));
}

/** 100 ns intervals between the Gregorian reform (1582-10-15) and the Unix epoch. */
const GREGORIAN_OFFSET = 0x01b21dd213814000n;

/**
 * A v1 generator: timestamps never repeat within one generator (a second UUID in the same
 * millisecond takes the next 100 ns tick), the clock sequence is random once per generator.
 */
export function timeBasedUuidGenerator(now: () => number, random: (size: number) => Buffer): (node: Buffer) => string {
  const clockSequence = random(2).readUInt16BE(0) & 0x3fff;
  let last = 0n;
  return (node: Buffer) => {
    let ticks = BigInt(now()) * 10000n + GREGORIAN_OFFSET;
    if (ticks <= last) ticks = last + 1n;
    last = ticks;
    const bytes = Buffer.alloc(16);
    bytes.writeUInt32BE(Number(ticks & 0xffffffffn), 0);
    bytes.writeUInt16BE(Number((ticks >> 32n) & 0xffffn), 4);
    bytes.writeUInt16BE(Number((ticks >> 48n) & 0x0fffn), 6);
    bytes.writeUInt16BE(clockSequence, 8);
    node.copy(bytes, 10, 0, 6);
    return formatUuid(stamp(bytes, 1));
  };
}
