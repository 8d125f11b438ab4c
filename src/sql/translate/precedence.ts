/**
 * SQLite's operator precedence (https://www.sqlite.org/lang_expr.html#operators), lowest first.
 * The parse tree has no parentheses left; each emitter knows its own level and wraps itself when
 * the slot it is written into demands a higher one. PostgreSQL's levels differ (|| binds looser
 * than + in PostgreSQL and tighter in SQLite), which is why the levels here are SQLite's.
 */
export const Prec = {
  /** A slot that takes any expression: a function argument, a list item, a whole clause. */
  Any: 0,
  Or: 1,
  And: 2,
  Not: 3,
  /** = <> IS IS NOT BETWEEN IN LIKE ISNULL NOTNULL */
  Equality: 4,
  /** < > <= >= */
  Comparison: 5,
  /** & | << >> */
  Bitwise: 6,
  /** binary + - */
  Additive: 7,
  /** * / % */
  Multiplicative: 8,
  /** || -> ->> */
  Concat: 9,
  Collate: 10,
  /** unary - + ~, and negative numeric literals */
  Unary: 11,
  /** literals, names, calls, CAST, CASE, parenthesised and subquery expressions */
  Primary: 12,
} as const;

export type PrecLevel = (typeof Prec)[keyof typeof Prec];

/** Parenthesises `text` when its own level is below what the slot requires. */
export function fitPrecedence(text: string, own: number, required: number): string {
  return own < required ? '(' + text + ')' : text;
}
