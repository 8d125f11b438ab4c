import { PgError } from '../../protocol/pg-error.js';
import { SqlState } from '../../protocol/sqlstate.js';
import type { TranslationState } from './translation-state.js';

/**
 * The one way the translator refuses: 0A000 naming the construct, at its position when the node
 * has one. Refusing is always preferred to emitting SQLite that means something else.
 */
export function unsupported(st: TranslationState, feature: string, location?: number): never {
  throw new PgError({
    code: SqlState.featureNotSupported,
    message: `${feature} is not supported yet`,
    position: positionOf(st, location),
  });
}

/** Like unsupported() but with a full message, for constructs that will never be translated here. */
export function notTranslatable(st: TranslationState, message: string, location?: number): never {
  throw new PgError({ code: SqlState.featureNotSupported, message, position: positionOf(st, location) });
}

/**
 * libpg-query locations are 0-based byte offsets into the whole query string; PostgreSQL reports
 * 1-based character positions. Only the error path pays for the conversion.
 */
export function positionOf(st: TranslationState, location: number | undefined): number | undefined {
  if (location === undefined || location < 0) return undefined;
  const text = st.context.queryText;
  if (text === undefined) return location + 1;
  // PostgreSQL counts characters (code points), not UTF-16 units.
  let bytes = 0;
  let index = 0;
  let chars = 0;
  while (index < text.length && bytes < location) {
    const code = text.codePointAt(index)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    index += code >= 0x10000 ? 2 : 1;
    chars++;
  }
  return chars + 1;
}
