/**
 * Literal constants (A_Const). The parser has already decoded E'' escapes and folded a leading
 * minus into numeric constants, so each value is written once, as SQLite spells it.
 */
import type { A_Const } from 'libpg-query';
import { quoteString } from './identifiers.js';
import { fitPrecedence, Prec } from './precedence.js';
import type { TranslationState } from './translation-state.js';
import { unsupported } from './unsupported.js';

export function constant(st: TranslationState, node: A_Const, required: number): string {
  if (node.isnull) return 'NULL';
  if (node.ival !== undefined) {
    // The tree omits zero values: { ival: {} } is 0.
    const value = node.ival.ival ?? 0;
    return value < 0 ? fitPrecedence(String(value), Prec.Unary, required) : String(value);
  }
  if (node.fval !== undefined) return floatLiteral(st, node, required);
  // Booleans are SQLite's 1/0; the type layer reports them as bool.
  if (node.boolval !== undefined) return node.boolval.boolval ? '1' : '0';
  if (node.sval !== undefined) return quoteString(node.sval.sval ?? '');
  if (node.bsval !== undefined) return unsupported(st, 'a bit string constant', node.location);
  return 'NULL';
}

/**
 * Numbers with a fraction or exponent, and integers too large for int8, as written.
 * TODO(dialect): these are numeric in PostgreSQL; SQLite reads them as REAL (exact numeric is the
 * dialect issue's).
 */
function floatLiteral(st: TranslationState, node: A_Const, required: number): string {
  const text = node.fval?.fval ?? '0';
  const negative = text.charCodeAt(0) === 45; // '-'
  const digitsStart = negative ? 1 : 0;
  // 0x/0o/0b literals only reach fval when they overflow int8; SQLite cannot read them.
  if (text.charCodeAt(digitsStart) === 48 && text.length > digitsStart + 1) {
    const radix = text.charCodeAt(digitsStart + 1) | 0x20;
    if (radix === 120 || radix === 111 || radix === 98) {
      unsupported(st, 'a non-decimal integer constant beyond the int8 range', node.location);
    }
  }
  return negative ? fitPrecedence(text, Prec.Unary, required) : text;
}
