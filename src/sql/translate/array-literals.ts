/**
 * '{1,2,NULL}'::int[] — an array literal cast to an array type becomes its storage form (a JSON
 * array, see protocol/types/storage.ts) at translation time, with PostgreSQL's input rules and
 * errors (22P02 for a malformed literal).
 */
import type { TypeName } from 'libpg-query';
import { decodeText } from '../../protocol/types/decode-param.js';
import { declaredTypeOfTypeName } from '../types/declared-type.js';

/** The SQLite string literal for the array, or undefined when the type is not a known array type. */
export function arrayLiteral(typeName: TypeName, literal: string): string | undefined {
  const declared = declaredTypeOfTypeName(typeName as Parameters<typeof declaredTypeOfTypeName>[0], true);
  // parseDeclaredType reads a name it does not know as plain text (25): not an array type of ours.
  if (!declared || declared.oid === 25) return undefined;
  const stored = decodeText(declared.oid, literal, { timeZone: 'UTC' });
  return typeof stored === 'string' ? `'${stored.replace(/'/g, "''")}'` : undefined;
}
