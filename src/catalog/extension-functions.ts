/**
 * The functions of the extensions CREATE EXTENSION accepts (catalog/provided-extensions.ts):
 * uuid-ossp's uuid_generate_v1/v1mc/v3/v4/v5 and uuid_nil/uuid_ns_*, pgcrypto's gen_random_bytes,
 * digest and hmac (gen_random_uuid is core PostgreSQL, text-functions.ts). They are registered on
 * every connection whether or not the extension was created: a query that names them without
 * CREATE EXTENSION runs here where PostgreSQL says 42883. pgcrypto's crypt/gen_salt and PGP
 * functions are not provided (calling one is "function … does not exist").
 * Values arrive in their storage forms (src/protocol/types/storage.ts): uuid as TEXT, bytea as a Buffer.
 */
import type Database from 'better-sqlite3';
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { nameBasedUuid, timeBasedUuidGenerator, uuidNamespaces } from './uuid-generation.js';

type Code = ConstructorParameters<typeof PgError>[0]['code'];

/** pgcrypto reports a bad gen_random_bytes length as an external routine exception (an unknown hash is 22023). */
const externalRoutineException = '39000' as Code;

/** The hash algorithms digest() and hmac() accept, by the names pgcrypto takes (case-insensitive). */
const hashAlgorithms = new Set(['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']);

const bytesOf = (value: unknown): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from(String(value), 'utf8'));

function hashAlgorithm(name: unknown): string {
  const algorithm = String(name).toLowerCase();
  if (!hashAlgorithms.has(algorithm)) {
    throw new PgError({ code: SqlState.invalidParameterValue, message: `Cannot use "${String(name)}": No such hash algorithm` });
  }
  return algorithm;
}

/** The node id of uuid_generate_v1: this host's first hardware address, as uuid-ossp uses, else a random multicast one. */
function hostNodeId(): Buffer {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (!address.internal && address.mac !== '00:00:00:00:00:00') return Buffer.from(address.mac.replace(/:/g, ''), 'hex');
    }
  }
  return randomMulticastNodeId();
}

/** uuid_generate_v1mc's node id: random, with the multicast bit set so it cannot be a real card's. */
function randomMulticastNodeId(): Buffer {
  const node = randomBytes(6);
  node[0] = node[0]! | 0x01;
  return node;
}

function strict<A extends unknown[]>(fn: (...args: A) => unknown) {
  return (...args: A) => (args.some((a) => a === null || a === undefined) ? null : fn(...args));
}

export function registerExtensionFunctions(db: Database.Database): void {
  const volatile = { deterministic: false };
  // varargs: the strict() wrappers take rest parameters, so better-sqlite3 cannot read their arity.
  const det = { deterministic: true, varargs: true };
  const timeBased = timeBasedUuidGenerator(Date.now, randomBytes);
  let node: Buffer | undefined;
  db.function('uuid_generate_v1', volatile, () => timeBased(node ??= hostNodeId()));
  db.function('uuid_generate_v1mc', volatile, () => timeBased(randomMulticastNodeId()));
  db.function('uuid_generate_v3', det, strict((namespace: unknown, name: unknown) => nameBasedUuid(3, String(namespace), bytesOf(name))));
  db.function('uuid_generate_v4', volatile, () => randomUUID());
  db.function('uuid_generate_v5', det, strict((namespace: unknown, name: unknown) => nameBasedUuid(5, String(namespace), bytesOf(name))));
  db.function('uuid_nil', det, () => uuidNamespaces.nil);
  db.function('uuid_ns_dns', det, () => uuidNamespaces.dns);
  db.function('uuid_ns_url', det, () => uuidNamespaces.url);
  db.function('uuid_ns_oid', det, () => uuidNamespaces.oid);
  db.function('uuid_ns_x500', det, () => uuidNamespaces.x500);
  db.function('gen_random_bytes', { ...volatile, varargs: true }, strict((count: unknown) => {
    const n = Number(count);
    if (!(n >= 1 && n <= 1024)) throw new PgError({ code: externalRoutineException, message: 'Length not in range' });
    return randomBytes(n);
  }));
  db.function('digest', det, strict((data: unknown, type: unknown) => createHash(hashAlgorithm(type)).update(bytesOf(data)).digest()));
  db.function('hmac', det, strict((data: unknown, key: unknown, type: unknown) =>
    createHmac(hashAlgorithm(type), bytesOf(key)).update(bytesOf(data)).digest()));
}
