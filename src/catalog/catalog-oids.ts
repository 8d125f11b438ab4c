/**
 * OIDs of the objects in a database file (tables, views, indexes, constraints, column defaults).
 * SQLite has no object ids that survive VACUUM (sqlite_schema rowids may be renumbered), so an
 * object's OID is a hash of what names it: FNV-1a (32-bit) of the parts, folded into
 * [FIRST_NORMAL_OBJECT_ID, 2^31). Stable across restarts and VACUUM; a RENAME gives a new OID
 * (PostgreSQL keeps it). Two names colliding is possible but improbable (≈ n²/2³² for n objects).
 */

/** PostgreSQL's first OID for user objects (FirstNormalObjectId). */
export const FIRST_NORMAL_OBJECT_ID = 16384;

const RANGE = 2 ** 31 - FIRST_NORMAL_OBJECT_ID;

/** The OID of the object named by `parts` (e.g. ['books'] for a relation, ['books', 'books_pkey'] for a constraint). */
export function objectOid(...parts: string[]): number {
  let hash = 0x811c9dc5;
  const text = parts.join('\u0000');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return FIRST_NORMAL_OBJECT_ID + (hash % RANGE);
}
