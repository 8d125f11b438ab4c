/**
 * Casts to character(n) / bpchar. char(n) values are kept without their trailing blanks (as
 * char(n) columns are stored, protocol/types/storage.ts): PostgreSQL ignores trailing blanks when
 * it compares bpchar values, and drops them when bpchar becomes text (`'x'::char(3) || '|'` is
 * `x|`, length('x'::char(3)) is 1), so the blank-free form gives those answers with SQLite's
 * own operators. An explicit cast truncates to n characters without an error, as PostgreSQL's does.
 */

/** The SQL of `value::char(n)`; `width` undefined for plain bpchar (no length). */
export function bpcharCast(value: string, width: number | undefined): string {
  const text = 'CAST(' + value + ' AS TEXT)';
  return "rtrim(" + (width !== undefined ? 'substr(' + text + ', 1, ' + width + ')' : text) + ", ' ')";
}
